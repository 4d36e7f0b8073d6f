/**
 * Key dates of the legal-education calendar, on their real days: 国家宪法日 on 4 December
 * (a whole 宪法宣传周 1–7 December from 2018), 3·15 consumer-rights day, 4·15 national
 * security education day, the tax month (April), the work-safety month (June), 6·5
 * environment day, the food-safety week (mid June), 6·26 anti-drug day, 11·9 fire-safety day,
 * and the civil-code month (May from 2021; in 2020 the weeks after the code's adoption on
 * 28 May).
 */
import type { KeyDate } from '../model.js';
import { addDays, ymd } from '../dates.js';
import type { Rng } from '../prng.js';

/** The [first, last] days the key date covers in `year`, or null if it did not exist yet. */
export function keyDateWindow(kd: KeyDate, year: number): [string, string] | null {
  switch (kd) {
    case 'CONSTITUTION_WEEK': return year <= 2017 ? [ymd(year, 12, 4), ymd(year, 12, 4)] : [ymd(year, 12, 1), ymd(year, 12, 7)];
    case 'CONSUMER_RIGHTS_DAY': return [ymd(year, 3, 15), ymd(year, 3, 15)];
    case 'NATIONAL_SECURITY_DAY': return [ymd(year, 4, 15), ymd(year, 4, 15)];
    case 'CIVIL_CODE_MONTH':
      if (year < 2020) return null;
      return year === 2020 ? ['2020-05-28', '2020-06-30'] : [ymd(year, 5, 1), ymd(year, 5, 31)];
    case 'WORK_SAFETY_MONTH': return [ymd(year, 6, 1), ymd(year, 6, 30)];
    case 'ANTI_DRUG_DAY': return [ymd(year, 6, 26), ymd(year, 6, 26)];
    case 'ENVIRONMENT_DAY': return [ymd(year, 6, 5), ymd(year, 6, 5)];
    case 'FOOD_SAFETY_WEEK': return [ymd(year, 6, 10), ymd(year, 6, 20)];
    case 'FIRE_SAFETY_DAY': return [ymd(year, 11, 9), ymd(year, 11, 9)];
    case 'TAX_MONTH': return [ymd(year, 4, 1), ymd(year, 4, 30)];
  }
}

/** A day within the key date; in the constitution week the 4th itself is the busiest. */
export function keyDateDay(rng: Rng, kd: KeyDate, year: number): string | null {
  const w = keyDateWindow(kd, year);
  if (!w) return null;
  if (kd === 'CONSTITUTION_WEEK' && rng.chance(0.5)) return ymd(year, 12, 4);
  const span = Math.round((Date.parse(w[1]) - Date.parse(w[0])) / 86_400_000);
  return addDays(w[0], rng.int(0, span));
}

export function keyDateLabel(kd: KeyDate, year: number): string {
  switch (kd) {
    case 'CONSTITUTION_WEEK': return year <= 2017 ? '“12·4”国家宪法日' : '“宪法宣传周”';
    case 'CONSUMER_RIGHTS_DAY': return '“3·15”国际消费者权益日';
    case 'NATIONAL_SECURITY_DAY': return '“4·15”全民国家安全教育日';
    case 'CIVIL_CODE_MONTH': return '“民法典宣传月”';
    case 'WORK_SAFETY_MONTH': return '“安全生产月”';
    case 'ANTI_DRUG_DAY': return '“6·26”国际禁毒日';
    case 'ENVIRONMENT_DAY': return '“6·5”环境日';
    case 'FOOD_SAFETY_WEEK': return '“食品安全宣传周”';
    case 'FIRE_SAFETY_DAY': return '“11·9”消防宣传日';
    case 'TAX_MONTH': return '“全国税收宣传月”';
  }
}
