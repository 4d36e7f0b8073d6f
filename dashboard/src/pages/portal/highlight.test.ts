import { describe, expect, it } from 'vitest';
import { highlightSegments, searchTerms } from './highlight';

const marked = (text: string, query: string) =>
  highlightSegments(text, searchTerms(query))
    .filter((s) => s.match)
    .map((s) => s.text);

describe('searchTerms: the units the hub matches', () => {
  it('cuts a Han run into its bigrams, keeps a lone character, lower-cases ASCII words', () => {
    expect(searchTerms('食品安全')).toEqual(['食品', '品安', '安全']);
    expect(searchTerms('案')).toEqual(['案']);
    expect(searchTerms('过期 食品，APP')).toEqual(['过期', '食品', 'app']);
  });

  it('reads full-width letters and digits as ASCII (NFKC) and ignores punctuation', () => {
    expect(searchTerms('ＡＢＣ１２３')).toEqual(['abc123']);
    expect(searchTerms('？！')).toEqual([]);
    expect(searchTerms('')).toEqual([]);
  });

  it('drops repeated units', () => {
    expect(searchTerms('食品 食品')).toEqual(['食品']);
  });
});

describe('highlightSegments', () => {
  it('marks every occurrence and merges overlapping bigrams into one mark', () => {
    expect(highlightSegments('销售过期食品案：食品安全', searchTerms('食品安全'))).toEqual([
      { text: '销售过期', match: false },
      { text: '食品', match: true },
      { text: '案：', match: false },
      { text: '食品安全', match: true },
    ]);
  });

  it('marks a single character wherever it stands', () => {
    expect(marked('以案释法：某案', '案')).toEqual(['案', '案']);
  });

  it('finds ASCII words case-insensitively, also in full-width text, keeping the original characters', () => {
    expect(marked('通过ＡＰＰ和app诈骗', 'App')).toEqual(['ＡＰＰ', 'app']);
  });

  it('leaves text unmarked without terms, and gives nothing for empty text', () => {
    expect(highlightSegments('食品', [])).toEqual([{ text: '食品', match: false }]);
    expect(highlightSegments('', ['食品'])).toEqual([]);
  });

  it('keeps every character: the pieces join back to the text', () => {
    const text = '某超市销售超过保质期的食品被处罚';
    expect(
      highlightSegments(text, searchTerms('保质期 食品'))
        .map((s) => s.text)
        .join(''),
    ).toBe(text);
  });
});
