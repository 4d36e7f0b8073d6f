import { describe, expect, it } from 'vitest';
import { boardFilter, boardOnlySearch, boardSearch, createGapHref, groupBoard, itemIdOf, parseBoardChoices } from './boardData';
import type { BoardCount, BoardItem } from './rectification.queries';

const item = (id: number, status: BoardItem['status'], daysOverdue = 0): BoardItem => ({
  id: `RectificationItem:${id}`, status, sourceKind: 'FINDING', year: 2025, requirement: `要求${id}`, deadline: '2026-01-01',
  overdue: daysOverdue > 0, daysOverdue, gapKind: null, rubricVersion: null, verifiedAt: null,
  agency: { id: 'Agency:4', name: '市司法局', nameEn: 'Justice Bureau' }, domain: null,
});

describe('board filters in the URL', () => {
  it('reads what it knows and ignores the rest', () => {
    expect(parseBoardChoices('?status=SUBMITTED&source=OVERLAP_GAP&year=2024&overdue=1&agency=Agency:4&domain=EnforcementDomain:2&mode=table&lang=en')).toEqual({
      status: 'SUBMITTED', source: 'OVERLAP_GAP', year: 2024, overdue: true, agency: 'Agency:4', domain: 'EnforcementDomain:2', mode: 'table',
    });
    expect(parseBoardChoices('?status=DONE&source=x&year=twenty&overdue=yes&agency=4&domain=Domain:2')).toEqual({
      status: null, source: null, year: null, overdue: false, agency: null, domain: null, mode: 'board',
    });
  });

  it('writes a patch back, keeping other parameters', () => {
    expect(boardSearch('?lang=zh&status=OPEN', { status: null, overdue: true, mode: 'table' })).toBe('?lang=zh&overdue=1&mode=table');
    expect(boardSearch('?status=OPEN', { status: null })).toBe('');
  });

  it('leaves the item and the form behind when going back to the board', () => {
    expect(boardOnlySearch('?item=RectificationItem:3&lang=en&status=OPEN')).toBe('?lang=en&status=OPEN');
    expect(boardOnlySearch('?create=SCORECARD&agencyId=Agency:2&year=2025&rubricVersion=2021版&lang=zh')).toBe('?lang=zh');
  });

  it('makes the API filter: the reporter’s own agency always; the status narrows the items, not the counts', () => {
    const c = parseBoardChoices('?status=OPEN&agency=Agency:9&year=2024&overdue=1');
    expect(boardFilter(c, null)).toEqual({
      counts: { agencyIds: ['Agency:9'], years: [2024], overdue: true },
      items: { agencyIds: ['Agency:9'], years: [2024], overdue: true, statuses: ['OPEN'] },
    });
    expect(boardFilter(c, 'Agency:4').counts.agencyIds).toEqual(['Agency:4']);
  });
});

describe('groupBoard', () => {
  const counts: BoardCount[] = [
    { status: 'OPEN', count: 3, overdue: 1 },
    { status: 'IN_PROGRESS', count: 1, overdue: 0 },
    { status: 'SUBMITTED', count: 0, overdue: 0 },
    { status: 'VERIFIED', count: 1, overdue: 0 },
    { status: 'REOPENED', count: 0, overdue: 0 },
  ];
  it('gives every status a column with the API’s counts, items in the API’s order', () => {
    const cols = groupBoard(counts, [item(7, 'OPEN', 12), item(2, 'IN_PROGRESS'), item(3, 'OPEN'), item(5, 'VERIFIED')]);
    expect(cols.map((c) => [c.status, c.count, c.overdue, c.items.map((i) => i.id.split(':')[1]), c.more])).toEqual([
      ['OPEN', 3, 1, ['7', '3'], 1],
      ['IN_PROGRESS', 1, 0, ['2'], 0],
      ['SUBMITTED', 0, 0, [], 0],
      ['VERIFIED', 1, 0, ['5'], 0],
      ['REOPENED', 0, 0, [], 0],
    ]);
  });
  it('shows one column when a status is chosen', () => {
    expect(groupBoard(counts, [item(2, 'IN_PROGRESS')], 'IN_PROGRESS').map((c) => c.status)).toEqual(['IN_PROGRESS']);
  });
});

describe('links', () => {
  it('reads an item id written either way', () => {
    expect(itemIdOf('7')).toBe('RectificationItem:7');
    expect(itemIdOf('RectificationItem:12')).toBe('RectificationItem:12');
    expect(itemIdOf('Inspection:3')).toBeNull();
    expect(itemIdOf(null)).toBeNull();
  });
  it('opens the form for an overlap gap', () => {
    expect(createGapHref('EnforcementDomain:17', 2024, 'UNREACHED_AUDIENCE', null, 'en')).toBe(
      '/rectification?create=OVERLAP_GAP&domainId=EnforcementDomain%3A17&year=2024&kind=UNREACHED_AUDIENCE&lang=en',
    );
  });
});
