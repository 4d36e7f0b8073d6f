/**
 * The days of an agency's activities, for its calendar. Analytics has no
 * day dimension, so the dates come from `activities(filter:)` — the same
 * filter a day's drill uses, so a day's colour and its drawer always agree —
 * page by page (500 dates a page) until the list ends.
 */
import { graphql } from '../../app/graphql';
import type { ActivityFilter } from '../../components/records/drills';

export const ActivityDatesQuery = graphql(`
  query AgencyActivityDates($filter: ActivityFilter, $first: Int, $after: String) {
    activities(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        date
      }
    }
  }
`);

export const DATES_PAGE_SIZE = 500;
/** 100 pages is 50,000 activities of one agency in one year: far beyond any real list. */
export const MAX_DATE_PAGES = 100;

export interface DatesPage {
  dates: string[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/** Every page's dates, following `endCursor`; stops at `maxPages` rather than loop forever on a broken cursor. */
export async function fetchAllDates(
  fetchPage: (after: string | null) => Promise<DatesPage>,
  maxPages = MAX_DATE_PAGES,
): Promise<string[]> {
  const dates: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const result: DatesPage = await fetchPage(after);
    dates.push(...result.dates);
    if (!result.hasNextPage || !result.endCursor || result.endCursor === after) return dates;
    after = result.endCursor;
  }
  throw new Error(`more than ${maxPages * DATES_PAGE_SIZE} activities`);
}

/** The activities of an agency in a range of days (organised or co-organised, as the analytics count them). */
export function agencyActivityFilter(agencyId: string, from: string, to: string): ActivityFilter {
  return { from, to, agencyIds: [agencyId] };
}
