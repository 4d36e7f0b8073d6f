/**
 * Broadcast slots, part 1: the justice bureau's radio programme with the city station's
 * general channel — 《"七五"普法进行时》 weekly from March 2017 to 2020, continued as
 * 《"八五"普法进行时》 from 2021, with a rotating member unit in the studio each week — the
 * animated series 《小司来了》 looping on LED screens and the 4K smart-TV terminals, and the
 * live streams of the new-media years.
 */
import type { Reference } from '../reference.js';
import type { Rng } from '../prng.js';
import { addDays, beijing, yearOf } from '../dates.js';
import { domainOf, holidayBreak, Rotation, SlotBook, weekly } from './slots.js';

export const RADIO_QIWU = '"七五"普法进行时';
export const RADIO_BAWU = '"八五"普法进行时';
export const ANIMATION = '小司来了';

function radio(ref: Reference, rng: Rng, book: SlotBook): void {
  const outlet = ref.outletByCode('WUHAI_RADIO').id;
  const rotation = new Rotation(ref, rng, ['ENFORCEMENT', 'JUDICIAL', 'DEPARTMENT', 'OTHER']);
  const series: [string, string, string][] = [[RADIO_QIWU, '2017-03-01', '2020-12-31'], [RADIO_BAWU, '2021-03-01', '2025-12-31']];
  for (const [programme, from, to] of series) {
    for (const day of weekly(from, to, 4)) {
      if (holidayBreak(day)) continue;
      const partner = rotation.next(day);
      const domain = domainOf(ref, rng, partner, day);
      // Until mid-2018 a mid-morning slot; then moved to the evening drive time.
      const prime = day >= '2018-07-01';
      const duration = day < '2018-07-01' ? 30 : 40;
      const reach = Math.round((3000 + 600 * (yearOf(day) - 2017)) * rng.real(0.8, 1.3));
      book.add({
        outlet_id: outlet, channel: '综合广播', programme, kind: 'PROGRAMME',
        starts_at: beijing(day, prime ? 17 : 10, prime ? 30 : 0), duration_minutes: duration, prime_time: prime,
        partner_agency_id: partner, domain_id: domain, reach,
      });
      // From 2019 each programme is replayed on Saturday morning (within the series' run).
      if (day >= '2019-01-01' && addDays(day, 2) <= to) {
        book.add({
          outlet_id: outlet, channel: '综合广播', programme, kind: 'PROGRAMME',
          starts_at: beijing(addDays(day, 2), 9, 0), duration_minutes: duration, prime_time: false,
          partner_agency_id: partner, domain_id: domain, reach: Math.round(reach * rng.real(0.3, 0.5)),
        });
      }
    }
  }
}

/** 《小司来了》: loop blocks on the screens every other week, nightly blocks on the terminals' channels. */
function animation(ref: Reference, rng: Rng, book: SlotBook): void {
  const screens = ['LED_BINHE_SQUARE', 'LED_HBW_PARK', 'LED_WD_SQUARE', 'LED_HN_SQUARE'].map((c) => ref.outletByCode(c));
  for (const day of weekly('2019-06-01', '2023-12-31', 1, 2)) {
    for (const s of screens) {
      const evening = rng.chance(0.5);
      book.add({
        outlet_id: s.id, channel: '户外大屏', programme: ANIMATION, kind: 'ANIMATION',
        starts_at: beijing(day, evening ? 19 : 8, 0), duration_minutes: 120, prime_time: evening,
        partner_agency_id: s.agency_id, domain_id: null, reach: rng.int(800, 3000),
      });
    }
  }
  const terminals = ref.outletByCode('SMART_TV_TERMINALS');
  const channels = ['海勃湾区终端', '乌达区终端', '海南区终端'];
  for (const day of weekly('2019-09-01', '2023-12-31', 3, 2)) {
    channels.forEach((channel, i) => {
      book.add({
        outlet_id: terminals.id, channel, programme: ANIMATION, kind: 'ANIMATION',
        starts_at: beijing(day, 20, 0), duration_minutes: 60, prime_time: true,
        partner_agency_id: terminals.agency_id, domain_id: null, reach: Math.round(rng.int(1500, 5000) * [1, 0.6, 0.4][i]!),
      });
    });
  }
  // The 26 episodes' first run on television, Saturdays before the evening news.
  const tv = ref.outletByCode('WUHAI_TV').id;
  const justice = ref.agencyByCode('CITY_JUSTICE').id;
  for (const day of weekly('2019-06-01', '2019-12-31', 6).slice(0, 26)) {
    book.add({
      outlet_id: tv, channel: '新闻综合频道', programme: ANIMATION, kind: 'ANIMATION',
      starts_at: beijing(day, 18, 40), duration_minutes: 10, prime_time: true,
      partner_agency_id: justice, domain_id: null, reach: rng.int(15000, 40000),
    });
  }
}

/** Live streams on the short-video account around the big dates, from the civil code's adoption on. */
function liveStreams(ref: Reference, rng: Rng, book: SlotBook): void {
  const outlet = ref.outletByCode('WUHAI_JUSTICE_DOUYIN').id;
  const justice = ref.agencyByCode('CITY_JUSTICE').id;
  const psb = ref.agencyByCode('CITY_PSB').id;
  for (let y = 2020; y <= 2025; y++) {
    const events: [string, string, number][] = [
      [y === 2020 ? '2020-06-12' : `${y}-05-${String(rng.int(10, 28)).padStart(2, '0')}`, '“民法典宣传月”普法直播', justice],
      [`${y}-12-04`, '“12·4国家宪法日”普法直播', justice],
    ];
    if (y >= 2021) events.push([`${y}-04-15`, '“4·15”国家安全教育日直播', psb]);
    if (y >= 2022) events.push([`${y}-09-${String(rng.int(10, 25)).padStart(2, '0')}`, '反电信网络诈骗直播间', psb]);
    for (const [day, programme, partner] of events) {
      book.add({
        outlet_id: outlet, channel: '抖音直播', programme, kind: 'LIVE_STREAM',
        starts_at: beijing(day, 19, 30), duration_minutes: rng.pick([60, 75, 90]), prime_time: true,
        partner_agency_id: partner, domain_id: null, reach: Math.round(rng.int(5000, 20000) * (1 + 0.25 * (y - 2020))),
      });
    }
  }
}

export function generateProgrammes(ref: Reference, rng: Rng, book: SlotBook): void {
  radio(ref, rng, book);
  animation(ref, rng, book);
  liveStreams(ref, rng, book);
}
