import { describe, expect, it } from 'vitest';
import { canonicalHash, canonicalJson } from './batch.service.js';

/** What earlier versions hashed: a sorted copy of the payload, then JSON.stringify. */
const reference = (value: unknown): string => {
  const canon = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canon) : v && typeof v === 'object' && !(v instanceof Date)
      ? Object.fromEntries(Object.keys(v).sort().filter((k) => (v as Record<string, unknown>)[k] !== undefined).map((k) => [k, canon((v as Record<string, unknown>)[k])]))
      : v;
  return JSON.stringify(canon(value));
};

class RowInput {}

describe('the payload hash of a batch', () => {
  it('is the one stored by earlier versions, so their keys still replay', () => {
    const payload = {
      kind: 'broadcast-slots',
      rows: [{ outletId: 'MediaOutlet:1', startsAt: new Date('2019-06-01T12:00:00Z'), channel: 'FM', partnerAgencyId: undefined, reach: 800, primeTime: true, tags: ['b', 'a', undefined] }],
      reason: undefined,
    };
    // Pinned: computed with the earlier implementation.
    expect(canonicalHash(payload)).toBe('3816bfd471f33da86f0a665e81e517c389fb3a47a0b0f4f195a78aed2f4865a3');
    expect(canonicalJson(payload)).toBe('{"kind":"broadcast-slots","rows":[{"channel":"FM","outletId":"MediaOutlet:1","primeTime":true,"reach":800,"startsAt":"2019-06-01T12:00:00.000Z","tags":["b","a",null]}]}');
  });

  it('writes the same text as the earlier sorted copy for any shape of row', () => {
    const rows = [
      Object.assign(new RowInput(), { z: 1, a: [{ y: null, x: 'é"\\\n' }], m: undefined, d: new Date(0) }),
      { 10: 'ten', 9: 'nine', b: { c: [1, [2, { f: false, e: true }]] } },
      [],
      {},
      null,
    ];
    for (const value of [{ kind: 'activities', rows, reason: 'because' }, rows, 'text', 3]) {
      expect(canonicalJson(value)).toBe(reference(value));
    }
  });

  it('does not depend on the order keys were given in', () => {
    expect(canonicalHash({ rows: [{ a: 1, b: 2 }], kind: 'x' })).toBe(canonicalHash({ kind: 'x', rows: [{ b: 2, a: 1 }] }));
    expect(canonicalHash({ kind: 'x', rows: [{ a: 1 }] })).not.toBe(canonicalHash({ kind: 'x', rows: [{ a: 2 }] }));
  });
});
