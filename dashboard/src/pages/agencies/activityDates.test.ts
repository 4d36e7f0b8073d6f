import { describe, expect, it } from 'vitest';
import { agencyActivityFilter, fetchAllDates, type DatesPage } from './activityDates';

describe('activity dates', () => {
  it('follows the cursor until the last page', async () => {
    const pages: Record<string, DatesPage> = {
      start: { dates: ['2025-01-02', '2025-01-02'], hasNextPage: true, endCursor: 'c1' },
      c1: { dates: ['2025-03-08'], hasNextPage: true, endCursor: 'c2' },
      c2: { dates: [], hasNextPage: false, endCursor: null },
    };
    const asked: (string | null)[] = [];
    const dates = await fetchAllDates(async (after) => {
      asked.push(after);
      return pages[after ?? 'start']!;
    });
    expect(dates).toEqual(['2025-01-02', '2025-01-02', '2025-03-08']);
    expect(asked).toEqual([null, 'c1', 'c2']);
  });

  it('stops on a cursor that does not move, and on too many pages', async () => {
    const stuck = async (): Promise<DatesPage> => ({ dates: ['2025-01-01'], hasNextPage: true, endCursor: 'same' });
    expect(await fetchAllDates(stuck)).toEqual(['2025-01-01', '2025-01-01']);
    let n = 0;
    const endless = async (): Promise<DatesPage> => ({ dates: [], hasNextPage: true, endCursor: `c${++n}` });
    await expect(fetchAllDates(endless, 3)).rejects.toThrow('more than 1500 activities');
  });

  it('passes a failed page on', async () => {
    await expect(fetchAllDates(async () => Promise.reject(new Error('HTTP 500')))).rejects.toThrow('HTTP 500');
  });

  it('selects the days and the agency', () => {
    expect(agencyActivityFilter('Agency:4', '2025-03-08', '2025-03-08')).toEqual({ from: '2025-03-08', to: '2025-03-08', agencyIds: ['Agency:4'] });
  });
});
