import { describe, expect, it } from 'vitest';
import { caseSearchQuery } from './search-query.js';

describe('caseSearchQuery', () => {
  it('makes a two-character word one bigram and a longer one a phrase of bigrams', () => {
    expect(caseSearchQuery('食品')).toBe(`'食品'`);
    expect(caseSearchQuery('食品安全法')).toBe(`('食品' <-> '品安' <-> '安全' <-> '全法')`);
  });

  it('needs every word of a query, each cut apart by spaces or punctuation', () => {
    expect(caseSearchQuery('食品 超市')).toBe(`'食品' & '超市'`);
    expect(caseSearchQuery('《食品安全法》，过期')).toBe(`('食品' <-> '品安' <-> '安全' <-> '全法') & '过期'`);
    expect(caseSearchQuery('食品 食品')).toBe(`'食品'`);
  });

  it('matches one character and Latin words as prefixes, full-width folded to ASCII', () => {
    expect(caseSearchQuery('案')).toBe(`'案':*`);
    expect(caseSearchQuery('ＡＰＰ 2019')).toBe(`'app':* & '2019':*`);
    expect(caseSearchQuery('COVID-19')).toBe(`'covid':* & '19':*`);
  });

  it('gives null when nothing is searchable, and never lets quotes or operators through', () => {
    expect(caseSearchQuery('')).toBeNull();
    expect(caseSearchQuery('  ！？…  ')).toBeNull();
    expect(caseSearchQuery(`食品' | !'x`)).toBe(`'食品' & 'x':*`);
  });
});
