/**
 * Broadcast slots, part 2: public-interest ads on the key dates in the newspaper (front page
 * counts as prime) and on TV (the spot before the evening news counts as prime), the
 * newspaper's monthly legal page, the portal's column, the WeChat case-explanation column
 * and micro-videos on the new-media accounts.
 */
import type { KeyDate } from '../model.js';
import { KEY_DATES } from '../model.js';
import type { Reference } from '../reference.js';
import type { Rng } from '../prng.js';
import { addDays, beijing, daysBetween, ymd } from '../dates.js';
import { keyDateWindow } from './keydates.js';
import { domainOf, Rotation, SlotBook, weekly } from './slots.js';

/** Slogan, candidate partner units (first valid one wins) and domain of each key date's ad. */
const AD: Record<KeyDate, [string, string[], string | null]> = {
  CONSTITUTION_WEEK: ['弘扬宪法精神 建设法治乌海', ['CITY_JUSTICE'], null],
  CONSUMER_RIGHTS_DAY: ['守护消费安全 共建诚信乌海', ['CITY_AIC', 'CITY_MARKET'], 'MARKET_CONSUMER'],
  NATIONAL_SECURITY_DAY: ['国家安全 人人有责', ['CITY_PSB'], null],
  CIVIL_CODE_MONTH: ['民法典 守护美好生活', ['CITY_JUSTICE'], null],
  WORK_SAFETY_MONTH: ['安全生产 警钟长鸣', ['CITY_SAFETY', 'CITY_EMERGENCY'], 'WORK_SAFETY'],
  ANTI_DRUG_DAY: ['珍爱生命 远离毒品', ['CITY_PSB'], 'ANTI_DRUG'],
  ENVIRONMENT_DAY: ['美丽乌海 你我共建', ['CITY_ECOLOGY'], 'ECOLOGY'],
  FOOD_SAFETY_WEEK: ['食品安全 你我同行', ['CITY_FDA', 'CITY_MARKET'], 'FOOD_SAFETY'],
  FIRE_SAFETY_DAY: ['消防安全 人人有责', ['CITY_FIRE'], 'FIRE'],
  TAX_MONTH: ['依法纳税 共享发展', ['CITY_LOCAL_TAX', 'CITY_TAX'], 'TAXATION'],
};

function publicServiceAds(ref: Reference, rng: Rng, book: SlotBook): void {
  const paper = ref.outletByCode('WUHAI_DAILY').id;
  const tv = ref.outletByCode('WUHAI_TV').id;
  for (let y = 2016; y <= 2025; y++) {
    for (const kd of KEY_DATES) {
      const w = keyDateWindow(kd, y);
      if (!w) continue;
      const [slogan, partners, domain] = AD[kd];
      const partner = partners.map((c) => ref.agencyByCode(c).id).find((id) => ref.agencyValidOn(id, w[0])) ?? null;
      const domainId = domain === null ? null : ref.domainByCode(domain).id;
      const programme = `普法公益广告：${slogan}`;
      const front = rng.chance(0.5);
      book.add({
        outlet_id: paper, channel: front ? '第1版' : '第4版', programme, kind: 'PUBLIC_SERVICE_AD',
        starts_at: beijing(w[0], 6, 0), duration_minutes: 0, prime_time: front,
        partner_agency_id: partner, domain_id: domainId, reach: rng.int(18000, 26000),
      });
      // TV spots on the first days of the window: one before the evening news, some in the day.
      const span = daysBetween(w[0], w[1]);
      for (let i = 0; i < 3; i++) {
        const day = addDays(w[0], Math.min(span, i));
        const prime = i === 0 || rng.chance(0.3);
        book.add({
          outlet_id: tv, channel: '新闻综合频道', programme, kind: 'PUBLIC_SERVICE_AD',
          starts_at: prime ? beijing(day, 19, 28) : beijing(day, rng.pick([12, 21]), rng.pick([25, 55])),
          duration_minutes: 1, prime_time: prime, partner_agency_id: partner, domain_id: domainId,
          reach: rng.int(20000, 60000),
        });
      }
    }
  }
}

function columns(ref: Reference, rng: Rng, book: SlotBook): void {
  const rotation = new Rotation(ref, rng, ['ENFORCEMENT', 'JUDICIAL']);
  const paper = ref.outletByCode('WUHAI_DAILY').id;
  const portal = ref.outletByCode('WUHAI_NEWS_PORTAL').id;
  const wechat = ref.outletByCode('WUHAI_JUSTICE_WECHAT').id;
  for (let y = 2016; y <= 2025; y++) {
    for (let m = 1; m <= 12; m++) {
      // The newspaper's legal page on the second Wednesday, the portal column mid-month.
      const page = weekly(ymd(y, m, 1), ymd(y, m, 28), 3)[1]!;
      const partner = rotation.next(page);
      book.add({
        outlet_id: paper, channel: '第6版', programme: '法治乌海', kind: 'COLUMN', starts_at: beijing(page, 6, 0),
        duration_minutes: 0, prime_time: false, partner_agency_id: partner, domain_id: domainOf(ref, rng, partner, page),
        reach: rng.int(18000, 26000),
      });
      const web = ymd(y, m, rng.int(10, 20));
      const webPartner = rotation.next(web);
      book.add({
        outlet_id: portal, channel: '法治频道', programme: '谁执法谁普法', kind: 'COLUMN', starts_at: beijing(web, 9, 0),
        duration_minutes: 0, prime_time: false, partner_agency_id: webPartner, domain_id: domainOf(ref, rng, webPartner, web),
        reach: Math.round(rng.int(2000, 9000) * (1 + 0.08 * (y - 2016))),
      });
    }
  }
  // The WeChat account's 以案释法 column every other Tuesday from 2018.
  for (const day of weekly('2018-01-01', '2025-12-31', 2, 2)) {
    const partner = rotation.next(day);
    book.add({
      outlet_id: wechat, channel: '公众号推文', programme: '以案释法', kind: 'COLUMN', starts_at: beijing(day, 18, 0),
      duration_minutes: 0, prime_time: true, partner_agency_id: partner, domain_id: domainOf(ref, rng, partner, day),
      reach: rng.int(1500, 9000),
    });
  }
}

/** Micro-video topics: [title, partner unit codes in order of preference, first day, domain]. */
const VIDEOS: [string, string[], string, string | null][] = [
  ['高价彩礼能要回吗', ['CITY_COURT'], '2016-01-01', 'MARRIAGE_FAMILY'],
  ['醉驾的代价', ['CITY_TRAFFIC_POLICE'], '2016-01-01', 'ROAD_TRAFFIC'],
  ['农民工讨薪有门路', ['CITY_HRSS'], '2016-01-01', 'LABOUR'],
  ['网购退货七日无理由', ['CITY_AIC', 'CITY_MARKET'], '2016-01-01', 'MARKET_CONSUMER'],
  ['电动车头盔要戴好', ['CITY_TRAFFIC_POLICE'], '2016-01-01', 'ROAD_TRAFFIC'],
  ['宪法小课堂', ['CITY_JUSTICE'], '2016-01-01', null],
  ['楼道充电隐患多', ['CITY_FIRE'], '2016-01-01', 'FIRE'],
  ['识破保健品骗局', ['CITY_AIC', 'CITY_MARKET'], '2016-01-01', 'MARKET_CONSUMER'],
  ['新型毒品伪装多', ['CITY_PSB'], '2016-01-01', 'ANTI_DRUG'],
  ['家暴不是家务事', ['CITY_WOMEN'], '2016-03-01', 'MARRIAGE_FAMILY'],
  ['劳动合同这样签', ['CITY_HRSS'], '2016-01-01', 'LABOUR'],
  ['烧烤油烟扰民怎么办', ['CITY_URBAN'], '2016-01-01', 'SMOKE_NOISE'],
  ['民法典里的居住权', ['CITY_JUSTICE'], '2020-05-28', null],
  ['高空抛物要担责', ['CITY_COURT'], '2020-05-28', null],
  ['离婚冷静期是什么', ['CITY_COURT'], '2021-01-01', 'MARRIAGE_FAMILY'],
  ['反诈“三不一多”', ['CITY_PSB'], '2019-01-01', null],
  ['个人信息别乱填', ['CITY_CYBERSPACE'], '2021-08-20', 'MARKET_CONSUMER'],
  ['医保卡不能借', ['CITY_MEDICAL_SEC'], '2019-02-01', 'HEALTH'],
  ['噪声扰民新规', ['CITY_ECOLOGY'], '2022-06-05', 'SMOKE_NOISE'],
  ['小司说法：校园欺凌', ['CITY_EDUCATION'], '2019-06-01', 'MINORS'],
];

function microVideos(ref: Reference, rng: Rng, book: SlotBook): void {
  const accounts: [string, string, string, number][] = [
    // outlet code, channel, first day, videos per month
    ['WUHAI_PUFA_WEIBO', '微博视频', '2017-01-01', 1],
    ['WUHAI_JUSTICE_WECHAT', '视频号', '2018-01-01', 2],
    ['WUHAI_JUSTICE_DOUYIN', '抖音', '2019-03-01', 3],
  ];
  for (const [code, channel, from, perMonth] of accounts) {
    const outlet = ref.outletByCode(code).id;
    for (let y = Number(from.slice(0, 4)); y <= 2025; y++) {
      for (let m = 1; m <= 12; m++) {
        if (ymd(y, m, 1) < from) continue;
        for (let k = 0; k < perMonth; k++) {
          const day = ymd(y, m, rng.int(1, 28));
          const topics = VIDEOS.filter(([, , first]) => first <= day);
          const [title, partners, , domain] = rng.pick(topics);
          const partner = partners.map((c) => ref.agencyByCode(c).id).find((id) => ref.agencyValidOn(id, day))
            ?? ref.agencyByCode('CITY_JUSTICE').id;
          const hour = rng.pick([12, 18, 20]);
          book.add({
            outlet_id: outlet, channel, programme: `普法微视频：${title}`, kind: 'MICRO_VIDEO', starts_at: beijing(day, hour, 0),
            duration_minutes: rng.pick([1, 2, 3]), prime_time: hour >= 18, partner_agency_id: partner,
            domain_id: domain === null ? null : ref.domainByCode(domain).id,
            reach: Math.round(rng.logNormal(code === 'WUHAI_JUSTICE_DOUYIN' ? 9000 : 2500, 0.7)),
          });
        }
      }
    }
  }
}

export function generateAdsAndColumns(ref: Reference, rng: Rng, book: SlotBook): void {
  publicServiceAds(ref, rng, book);
  columns(ref, rng, book);
  microVideos(ref, rng, book);
}
