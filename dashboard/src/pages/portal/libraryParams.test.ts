import { describe, expect, it } from 'vitest';
import { libraryVariables, parseLibraryParams, queryRefusal, serializeLibraryParams } from './libraryParams';

describe('the case library’s search in the URL', () => {
  it('reads a shared link and writes it back, keeping the language', () => {
    const search = '?lang=en&q=%E9%A3%9F%E5%93%81&law=Law:3&dom=EnforcementDomain:2&org=Agency:12&cy=2024&page=2';
    const params = parseLibraryParams(search);
    expect(params).toEqual({ q: '食品', law: 'Law:3', domain: 'EnforcementDomain:2', agency: 'Agency:12', year: 2024, page: 2 });
    expect(new URLSearchParams(serializeLibraryParams(params, '?lang=en')).toString()).toBe(new URLSearchParams(search).toString());
  });

  it('drops what is not valid (edited links) and the defaults', () => {
    expect(parseLibraryParams('?law=3&dom=x&org=Agency:&cy=1800&page=0')).toEqual({ q: '', law: null, domain: null, agency: null, year: null, page: 1 });
    expect(serializeLibraryParams({ q: '', law: null, domain: null, agency: null, year: null, page: 1 }, '?q=old&page=3')).toBe('');
  });

  it('asks for a page of ten with only the filters set', () => {
    expect(libraryVariables({ q: '  ', law: null, domain: null, agency: null, year: null, page: 1 })).toEqual({ query: null, filter: null, first: 10, offset: 0 });
    expect(libraryVariables({ q: ' 食品 ', law: 'Law:3', domain: null, agency: 'Agency:1', year: 2025, page: 3 })).toEqual({
      query: '食品',
      filter: { lawIds: ['Law:3'], agencyIds: ['Agency:1'], years: [2025] },
      first: 10,
      offset: 20,
    });
  });

  it('recognises the hub’s refusal of the query, not other refusals', () => {
    const refused = { graphQLErrors: [{ message: 'The query is 101 characters long', extensions: { code: 'BAD_USER_INPUT', problems: [{ path: ['query'], message: 'too long' }] } }] };
    expect(queryRefusal(refused)).toBe('The query is 101 characters long');
    const badFilter = { graphQLErrors: [{ message: 'Law:99 does not exist', extensions: { code: 'BAD_USER_INPUT', problems: [{ path: ['filter', 'lawIds', 0] }] } }] };
    expect(queryRefusal(badFilter)).toBeNull();
    expect(queryRefusal(undefined)).toBeNull();
  });
});
