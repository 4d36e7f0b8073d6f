import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, startTestHub, type TestHub } from '../../test/hub.js';
import { ANALYTICS_FIXTURE } from './analytics.fixture.js';

const Q = `query($m: [Measure!]!, $g: [Dimension!], $f: AnalyticsFilter, $o: Measure, $l: Int, $loc: Locale) {
  analytics(measures: $m, groupBy: $g, filter: $f, orderBy: $o, limit: $l, locale: $loc) {
    rows { keys { dimension value label } values { measure value } }
    totals { measure value }
  }
}`;

/** Rows as { "key1|key2": [values...] } for compact exact comparison. */
function table(result: any): Record<string, (number | null)[]> {
  return Object.fromEntries(result.rows.map((r: any) => [r.keys.map((k: any) => k.value).join('|'), r.values.map((v: any) => v.value)]));
}
const totals = (result: any) => result.totals.map((t: any) => t.value);

describe.each(backends())('analytics on %s', (kind) => {
  let hub: TestHub;
  const run = async (vars: Record<string, unknown>) => {
    const res = await hub.gql(Q, vars);
    expect(res.errors).toBeUndefined();
    return res.data.analytics;
  };

  beforeAll(async () => {
    hub = await startTestHub(kind);
    for (const stmt of ANALYTICS_FIXTURE.split(';').map((s) => s.trim()).filter(Boolean)) await hub.sql(stmt);
  });
  afterAll(() => hub?.close());

  it('totals activity measures over a period, each activity once', async () => {
    const r = await run({ m: ['ACTIVITY_COUNT', 'PARTICIPANTS', 'MATERIALS_DISTRIBUTED', 'CONSULTATIONS'], f: { from: '2019-01-01', to: '2020-12-31' } });
    expect(totals(r)).toEqual([4, 490, 320, 45]);
    expect(r.rows).toEqual([]);
  });

  it('credits organiser and every co-organiser with the whole activity; totals count it once', async () => {
    const r = await run({ m: ['ACTIVITY_COUNT', 'PARTICIPANTS'], g: ['AGENCY'], f: { from: '2019-01-01', to: '2019-12-31' } });
    expect(table(r)).toEqual({ 'Agency:1': [1, 100], 'Agency:2': [3, 450], 'Agency:3': [1, 300] });
    expect(totals(r)).toEqual([3, 450]);
    expect(r.rows[1].keys[0].label).toBe('市市场监督管理局');
  });

  it('groups by district through the region hierarchy and filters a region with its descendants', async () => {
    const byDistrict = await run({ m: ['ACTIVITY_COUNT', 'PARTICIPANTS'], g: ['DISTRICT'], f: { from: '2019-01-01', to: '2019-12-31' } });
    expect(table(byDistrict)).toEqual({ 'Region:2': [2, 400], 'Region:3': [1, 50] });
    const inA = await run({ m: ['ACTIVITY_COUNT'], f: { regionIds: ['Region:2'] } });
    expect(totals(inA)).toEqual([2]);
    const inCity = await run({ m: ['ACTIVITY_COUNT'], f: { regionIds: ['Region:1'] } });
    expect(totals(inCity)).toEqual([4]);
  });

  it('buckets by month, quarter and year with localized labels', async () => {
    const r = await run({ m: ['ACTIVITY_COUNT', 'PARTICIPANTS'], g: ['MONTH'] });
    expect(table(r)).toEqual({ '2019-03': [2, 150], '2019-07': [1, 300], '2020-01': [1, 40] });
    expect(r.rows.map((x: any) => x.keys[0].label)).toEqual(['2019年3月', '2019年7月', '2020年1月']);
    const en = await run({ m: ['ACTIVITY_COUNT'], g: ['QUARTER'], loc: 'EN' });
    expect(en.rows.map((x: any) => [x.keys[0].value, x.keys[0].label])).toEqual([['2019-Q1', '2019 Q1'], ['2019-Q3', '2019 Q3'], ['2020-Q1', '2020 Q1']]);
  });

  it('credits multi-valued audiences and laws in full to each value', async () => {
    const aud = await run({ m: ['ACTIVITY_COUNT', 'PARTICIPANTS'], g: ['AUDIENCE'], f: { from: '2019-01-01', to: '2019-12-31' } });
    expect(table(aud)).toEqual({ ELDERLY: [1, 50], FARMERS_HERDERS: [1, 300], STUDENTS: [2, 400], YOUTH: [1, 100] });
    const law = await run({ m: ['ACTIVITY_COUNT'], g: ['LAW'] });
    expect(table(law)).toEqual({ 'Law:1': [2], 'Law:2': [2] });
    expect(totals(law)).toEqual([4]);
  });

  it('filters by agency (organiser or co-organiser), law, form and audience', async () => {
    expect(totals(await run({ m: ['ACTIVITY_COUNT'], f: { agencyIds: ['Agency:2'] } }))).toEqual([3]);
    expect(totals(await run({ m: ['ACTIVITY_COUNT'], f: { lawIds: ['Law:2'] } }))).toEqual([2]);
    expect(totals(await run({ m: ['ACTIVITY_COUNT'], f: { forms: ['LECTURE'] } }))).toEqual([2]);
    expect(totals(await run({ m: ['PARTICIPANTS'], f: { audiences: ['STUDENTS', 'ELDERLY'] } }))).toEqual([450]);
    expect(totals(await run({ m: ['ACTIVITY_COUNT'], f: { agencyIds: [] } }))).toEqual([0]);
  });

  it('buckets broadcasts by the Asia/Shanghai calendar', async () => {
    const r = await run({ m: ['BROADCAST_COUNT', 'BROADCAST_MINUTES'], g: ['MONTH'] });
    // 2019-03-31T16:30Z is 2019-04-01 00:30 in Shanghai.
    expect(table(r)).toEqual({ '2019-03': [1, 30], '2019-04': [1, 20] });
    const april = await run({ m: ['BROADCAST_MINUTES'], f: { from: '2019-04-01', to: '2019-04-30' } });
    expect(totals(april)).toEqual([20]);
  });

  it('computes the training attendance rate from sums, null over nothing', async () => {
    const r = await run({ m: ['TRAINING_REQUIRED', 'TRAINING_ATTENDED', 'TRAINING_ATTENDANCE_RATE'], g: ['AGENCY'] });
    expect(table(r)).toEqual({ 'Agency:1': [3, 2, 2 / 3], 'Agency:2': [2, 0, 0], 'Agency:3': [0, 0, null] });
    expect(totals(r)).toEqual([5, 2, 0.4]);
  });

  it('counts published cases only', async () => {
    expect(totals(await run({ m: ['CASE_COUNT'] }))).toEqual([1]);
  });

  it('computes awareness and satisfaction per law and district', async () => {
    const all = await run({ m: ['SURVEY_RESPONSES', 'AWARENESS_RATE', 'SATISFACTION_MEAN'] });
    expect(totals(all)[0]).toBe(3);
    expect(totals(all)[1]).toBeCloseTo(3 / 5, 12);
    expect(totals(all)[2]).toBeCloseTo(11 / 3, 12);
    const byLaw = await run({ m: ['AWARENESS_RATE'], g: ['LAW'] });
    expect(table(byLaw)['Law:1']![0]).toBeCloseTo(2 / 3, 12);
    expect(table(byLaw)['Law:2']).toEqual([0.5]);
    const byDistrict = await run({ m: ['AWARENESS_RATE', 'SATISFACTION_MEAN'], g: ['DISTRICT'] });
    expect(table(byDistrict)['Region:2']![0]).toBeCloseTo(1 / 3, 12);
    expect(table(byDistrict)['Region:2']![1]).toBe(4.5);
    expect(table(byDistrict)['Region:3']).toEqual([1, 2]);
  });

  it('merges measures of different facts, zero where a fact has nothing, ordered and limited', async () => {
    const f = { from: '2019-01-01', to: '2019-12-31' };
    const r = await run({ m: ['ACTIVITY_COUNT', 'BROADCAST_COUNT'], g: ['AGENCY'], f });
    expect(table(r)).toEqual({ 'Agency:1': [1, 1], 'Agency:2': [3, 1], 'Agency:3': [1, 0] });
    const top = await run({ m: ['PARTICIPANTS'], g: ['AGENCY'], f, o: 'PARTICIPANTS', l: 1, loc: 'EN' });
    expect(top.rows).toEqual([{ keys: [{ dimension: 'AGENCY', value: 'Agency:2', label: 'Market Regulation' }], values: [{ measure: 'PARTICIPANTS', value: 450 }] }]);
  });

  it('compares with the same period last year and the previous period: previous and change', async () => {
    const Qc = `query($m: [Measure!]!, $g: [Dimension!], $f: AnalyticsFilter, $c: Compare) {
      analytics(measures: $m, groupBy: $g, filter: $f, compare: $c) { rows { keys { value } values { value previous change } } totals { value previous change } previousFrom previousTo }
    }`;
    const ask = async (vars: Record<string, unknown>) => {
      const res = await hub.gql(Qc, vars);
      expect(res.errors).toBeUndefined();
      return res.data.analytics;
    };
    // 2020: activity 4 (40 participants); 2019: activities 1–3 (450).
    const y = await ask({ m: ['ACTIVITY_COUNT', 'PARTICIPANTS'], f: { from: '2020-01-01', to: '2020-12-31' }, c: 'SAME_PERIOD_LAST_YEAR' });
    expect([y.previousFrom, y.previousTo]).toEqual(['2019-01-01', '2019-12-31']);
    expect(y.totals[0]).toMatchObject({ value: 1, previous: 3 });
    expect(y.totals[0].change).toBeCloseTo(-2 / 3, 9);
    expect(y.totals[1].change).toBeCloseTo((40 - 450) / 450, 9);
    // By district: B had activity 2 in 2019 and activity 4 in 2020 → change 0; A had nothing in 2020, so no row.
    const d = await ask({ m: ['ACTIVITY_COUNT'], g: ['DISTRICT'], f: { from: '2020-01-01', to: '2020-12-31' }, c: 'SAME_PERIOD_LAST_YEAR' });
    expect(d.rows).toEqual([{ keys: [{ value: 'Region:3' }], values: [{ value: 1, previous: 1, change: 0 }] }]);
    // 10–21 March 2019 (12 days) against 26 Feb–9 March: activity 1 (10 March) is in the current period, nothing before → change null.
    const p = await ask({ m: ['ACTIVITY_COUNT'], f: { from: '2019-03-10', to: '2019-03-21' }, c: 'PREVIOUS_PERIOD' });
    expect([p.previousFrom, p.previousTo]).toEqual(['2019-02-26', '2019-03-09']);
    expect(p.totals).toEqual([{ value: 1, previous: 0, change: null }]);
    // By month, Q3 2019 against Q2 2019: July (activity 3) meets April, which had nothing.
    const m = await ask({ m: ['ACTIVITY_COUNT'], g: ['MONTH'], f: { from: '2019-07-01', to: '2019-09-30' }, c: 'PREVIOUS_PERIOD' });
    expect(m.rows).toEqual([{ keys: [{ value: '2019-07' }], values: [{ value: 1, previous: 0, change: null }] }]);
    // Rates: previous null over nothing.
    const t = await ask({ m: ['TRAINING_ATTENDANCE_RATE'], f: { from: '2019-01-01', to: '2019-12-31' }, c: 'SAME_PERIOD_LAST_YEAR' });
    expect(t.totals).toEqual([{ value: 0.4, previous: null, change: null }]);

    const bad = await hub.gql(Qc, { m: ['ACTIVITY_COUNT'], f: { from: '2019-01-01' }, c: 'PREVIOUS_PERIOD' });
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(bad.errors![0]!.message).toMatch(/compare needs a period/);
    const ragged = await hub.gql(Qc, { m: ['ACTIVITY_COUNT'], g: ['MONTH'], f: { from: '2019-03-10', to: '2019-03-21' }, c: 'PREVIOUS_PERIOD' });
    expect(ragged.errors![0]!.message).toMatch(/whole months/);
  });

  it('computes media and training measures: prime-time share, public-interest ads, hours, pass rate, leading cadres', async () => {
    await hub.sql(`insert into broadcast_slot (id, outlet_id, channel, programme, kind, starts_at, duration_minutes, prime_time, partner_agency_id, reach)
      values (3, 1, 'FM', '公益广告', 'PUBLIC_SERVICE_AD', '2019-04-15T12:00:00+08:00', 10, true, 2, 200)`);
    await hub.sql(`insert into training_session (id, title, kind, organiser_id, starts_on, ends_on, hours, region_id) values (2, '领导干部学法', 'LEADING_CADRE_STUDY', 1, '2019-11-01', '2019-11-01', 4, 1)`);
    await hub.sql(`insert into training_attendance (id, session_id, agency_id, attendee, leading_cadre, required, attended, hours, score)
      values (7, 2, 1, '赵一', true, true, true, 4, 55), (8, 2, 1, '赵二', true, true, false, 0, null)`);
    try {
      // Slots: 30 min prime (March), 20 min not prime and 10 min prime ad (April) → 40 ÷ 60 prime, 1 ad, reach 1,700.
      const media = await run({ m: ['BROADCAST_MINUTES', 'PRIME_TIME_SHARE', 'PUBLIC_SERVICE_ADS', 'BROADCAST_REACH'], g: ['MONTH'] });
      expect(table(media)).toEqual({ '2019-03': [30, 1, 0, 1000], '2019-04': [30, 1 / 3, 1, 700] });
      expect(totals(media)).toEqual([60, 2 / 3, 1, 1700]);
      // Backbone class: 2 of 5 required attended, 36 hours, 3 of 3 scores ≥ 60, no leading cadres;
      // leading cadres' study: 1 of 2, 4 hours, 0 of 1 passed (55), leading cadres 1 of 2.
      const training = await run({ m: ['TRAINING_ATTENDANCE_RATE', 'TRAINING_HOURS', 'TRAINING_PASS_RATE', 'LEADING_CADRE_ATTENDANCE_RATE'], g: ['SESSION_KIND'], loc: 'EN' });
      expect(table(training)).toEqual({ BACKBONE_CLASS: [0.4, 36, 1, null], LEADING_CADRE_STUDY: [0.5, 4, 0, 0.5] });
      expect(training.rows[1].keys[0].label).toBe('Leading cadres’ law study');
      expect(totals(training)).toEqual([3 / 7, 40, 0.75, 0.5]);
      const onlyStudy = await run({ m: ['TRAINING_REQUIRED'], f: { sessionKinds: ['LEADING_CADRE_STUDY'] } });
      expect(totals(onlyStudy)).toEqual([2]);
    } finally {
      await hub.sql('delete from broadcast_slot where id = 3');
      await hub.sql('delete from training_session where id = 2');
    }
  });

  it('refuses pairs that do not apply, naming them', async () => {
    const pair = await hub.gql(Q, { m: ['BROADCAST_COUNT'], g: ['DISTRICT'] });
    expect(pair.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(pair.errors?.[0]?.message).toContain('BROADCAST_COUNT cannot be grouped by DISTRICT');
    const filter = await hub.gql(Q, { m: ['ACTIVITY_COUNT'], f: { outletIds: ['MediaOutlet:1'] } });
    expect(filter.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(filter.errors?.[0]?.message).toContain('outletIds does not apply to ACTIVITY_COUNT');
  });
});
