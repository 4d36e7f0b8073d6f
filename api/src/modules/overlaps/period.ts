import { badInput } from '../../shared/errors.js';
import type { LocaleCode } from '../../shared/labels.js';
import { checkDateRange } from '../../shared/validate.js';

/** A closed range of days, "YYYY-MM-DD". */
export interface DayRange {
  from: string;
  to: string;
}

/**
 * The period of a filter as disjoint day ranges, in order: [from, to], or each of the years (clipped
 * to from/to when those are given too) — the days `activities(filter:)` selects with the same fields.
 * A period is required: an open-ended one would silently mean "since ever".
 */
export function periodRanges(f: { from?: string | null; to?: string | null; years?: number[] | null }): DayRange[] {
  checkDateRange(f.from, f.to, ['filter']);
  const years = [...new Set(f.years ?? [])].sort((a, b) => a - b);
  if (years.length === 0) {
    if (!f.from && !f.to) {
      throw badInput('Give the period: from and to, or years', [{ path: ['filter'], message: 'period required' }]);
    }
    if (!f.from || !f.to) {
      const missing = f.from ? 'to' : 'from';
      throw badInput(`Give ${missing} as well (or years): the period needs both ends`, [{ path: ['filter', missing], message: 'required with ' + (f.from ? 'from' : 'to') }]);
    }
    return [{ from: f.from, to: f.to }];
  }
  const ranges = years
    .map((y) => ({ from: max(`${y}-01-01`, f.from), to: min(`${y}-12-31`, f.to) }))
    .filter((r) => r.from <= r.to);
  if (ranges.length === 0) {
    throw badInput(`The period is empty: none of the years ${years.join(', ')} lies between ${f.from ?? '…'} and ${f.to ?? '…'}`, [
      { path: ['filter', 'years'], message: 'outside from/to' },
    ]);
  }
  return ranges;
}

/** "2019年", "2019-03-01至2019-06-30", joined by 、 (en: "2019", "2019-03-01 to 2019-06-30", joined by commas). */
export function periodText(ranges: DayRange[], locale: LocaleCode): string {
  return ranges
    .map(({ from, to }) => {
      const wholeYear = from.endsWith('-01-01') && to.endsWith('-12-31') && from.slice(0, 4) === to.slice(0, 4);
      if (wholeYear) return locale === 'EN' ? from.slice(0, 4) : `${from.slice(0, 4)}年`;
      return locale === 'EN' ? `${from} to ${to}` : `${from}至${to}`;
    })
    .join(locale === 'EN' ? ', ' : '、');
}

const max = (a: string, b?: string | null) => (b && b > a ? b : a);
const min = (a: string, b?: string | null) => (b && b < a ? b : a);
