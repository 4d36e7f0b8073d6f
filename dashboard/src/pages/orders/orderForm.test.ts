import { describe, expect, it } from 'vitest';
import { emptyOrderForm, fromMenuItem, toOrderInput } from './orderForm';

const complete = emptyOrderForm({
  requesterKind: 'SCHOOL',
  requesterName: ' 海勃湾区第三中学 ',
  contactName: '张老师',
  contactPhone: '0473-3100000',
  topic: '校园食品安全',
  domainId: 'EnforcementDomain:1',
  districtId: 'Region:2',
  wishedFrom: '2026-12-01',
  wishedTo: '2026-12-31',
});

describe('the order form as the mutation input', () => {
  it('trims the texts, sends nulls for what was left out and the audience as a number', () => {
    expect(toOrderInput({ ...complete, audienceSize: '600' })).toEqual({
      ok: true,
      input: {
        requesterKind: 'SCHOOL',
        requesterName: '海勃湾区第三中学',
        contactName: '张老师',
        contactPhone: '0473-3100000',
        topic: '校园食品安全',
        lawId: null,
        domainId: 'EnforcementDomain:1',
        districtId: 'Region:2',
        wishedFrom: '2026-12-01',
        wishedTo: '2026-12-31',
        audienceSize: 600,
      },
    });
    expect(toOrderInput(complete)).toMatchObject({ ok: true, input: { audienceSize: null } });
  });

  it('marks every field a person must fix, at once', () => {
    expect(toOrderInput(emptyOrderForm())).toEqual({
      ok: false,
      problems: {
        requesterKind: 'orders.problem.required',
        requesterName: 'orders.problem.required',
        contactName: 'orders.problem.required',
        contactPhone: 'orders.problem.required',
        topic: 'orders.problem.required',
        lawId: 'orders.problem.lawOrDomain',
        districtId: 'orders.problem.required',
        wishedFrom: 'orders.problem.required',
        wishedTo: 'orders.problem.required',
      },
    });
  });

  it('asks for a law or a domain, a telephone number, a period in order and a whole audience', () => {
    const bad = toOrderInput({ ...complete, domainId: '', contactPhone: 'call me', wishedTo: '2026-11-30', audienceSize: '2.5', topic: '   ' });
    expect(bad).toEqual({
      ok: false,
      problems: {
        lawId: 'orders.problem.lawOrDomain',
        contactPhone: 'orders.problem.phone',
        wishedTo: 'orders.problem.endsBeforeStart',
        audienceSize: 'orders.problem.audienceSize',
        topic: 'orders.problem.required',
      },
    });
    expect(toOrderInput({ ...complete, audienceSize: '100001' })).toMatchObject({ ok: false, problems: { audienceSize: 'orders.problem.audienceSize' } });
    expect(toOrderInput({ ...complete, topic: '法'.repeat(501) })).toMatchObject({ ok: false, problems: { topic: 'orders.problem.tooLong.topic' } });
    // A law alone is enough.
    expect(toOrderInput({ ...complete, domainId: '', lawId: 'Law:1' })).toMatchObject({ ok: true, input: { lawId: 'Law:1', domainId: null } });
  });

  it('fills law and domain from a picked menu item', () => {
    const item = { laws: [{ id: 'Law:7' }, { id: 'Law:8' }], domain: { id: 'EnforcementDomain:1' } };
    expect(fromMenuItem(emptyOrderForm({ lawId: 'Law:1' }), item)).toMatchObject({ lawId: 'Law:7', domainId: 'EnforcementDomain:1' });
    expect(fromMenuItem(complete, { laws: [{ id: 'Law:1' }], domain: null })).toMatchObject({ lawId: 'Law:1', domainId: '' });
  });
});
