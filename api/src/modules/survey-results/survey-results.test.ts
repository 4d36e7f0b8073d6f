import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, countStatements, startTestHub, type TestHub } from '../../test/hub.js';
import { Role } from '../auth/role.js';
import { SURVEY_RESULTS_FIXTURE } from './survey-results.fixture.js';

const FIELDS = 'estimate n aware sd interval { low high } smallSample tier rank';
const Q = `query($m: SurveyMeasure!, $by: SurveyGrouping!, $f: SurveyResultsFilter, $cw: Boolean, $loc: Locale) {
  surveyResults(measure: $m, by: $by, filter: $f, compareWaves: $cw, locale: $loc) {
    measure by
    rows {
      unit { id label } ${FIELDS}
      drill { responses { from to years waveIds districtIds } questionKind lawIds agencyIds }
      byWave { wave { id label } ${FIELDS} drill { responses { waveIds districtIds } lawIds agencyIds } }
    }
  }
}`;

/**
 * Expected figures, computed outside this code (Wilson and t intervals evaluated with mpmath at 40
 * digits, t quantiles from scipy): [n, estimate, low, high, tier] and, for awareness, the aware count.
 */
type Expect = { id: string; n: number; estimate: number; low: number | null; high: number | null; tier: number | null; aware?: number; sd?: number | null };
const aw = (id: string, aware: number, n: number, low: number, high: number, tier: number): Expect => ({ id, n, aware, estimate: aware / n, low, high, tier });
const sat = (id: string, n: number, estimate: number, low: number | null, high: number | null, tier: number | null, sd: number | null): Expect => ({ id, n, estimate, low, high, tier, sd });

function check(rows: any[], expected: Expect[], key: (r: any) => string = (r) => r.unit.id): void {
  expect(rows.map(key)).toEqual(expected.map((e) => e.id));
  rows.forEach((r, i) => {
    const e = expected[i]!;
    expect(r.n, e.id).toBe(e.n);
    expect(r.estimate, e.id).toBeCloseTo(e.estimate, 12);
    expect(r.smallSample, e.id).toBe(e.n < 30);
    expect(r.tier, e.id).toBe(e.tier);
    expect(r.rank, e.id).toBe(e.tier);
    if (e.aware !== undefined) expect([r.aware, r.sd]).toEqual([e.aware, null]);
    else {
      expect(r.aware).toBeNull();
      if (e.sd === null) expect(r.sd).toBeNull();
      else expect(r.sd, e.id).toBeCloseTo(e.sd!, 9);
    }
    if (e.low === null) expect(r.interval, e.id).toBeNull();
    else {
      expect(r.interval.low, e.id).toBeCloseTo(e.low, 6);
      expect(r.interval.high, e.id).toBeCloseTo(e.high!, 6);
    }
  });
}

describe.each(backends())('surveyResults on %s', (kind) => {
  let hub: TestHub;
  const run = async (vars: Record<string, unknown>, token?: string | null) => {
    const res = token === undefined ? await hub.gql(Q, vars) : await hub.gqlAs(token, Q, vars);
    expect(res.errors).toBeUndefined();
    return res.data.surveyResults;
  };
  const refused = async (vars: Record<string, unknown>, token?: string | null) => {
    const res = token === undefined ? await hub.gql(Q, vars) : await hub.gqlAs(token, Q, vars);
    expect(res.data?.surveyResults ?? null).toBeNull();
    return res.errors![0]!;
  };

  beforeAll(async () => {
    hub = await startTestHub(kind);
    for (const stmt of SURVEY_RESULTS_FIXTURE.split(';').map((s) => s.trim()).filter(Boolean)) await hub.sql(stmt);
  });
  afterAll(() => hub?.close());

  it('awareness per law: Wilson intervals, small samples flagged, tiers against the tier’s first unit', async () => {
    const r = await run({ m: 'AWARENESS', by: 'LAW' });
    expect([r.measure, r.by]).toEqual(['AWARENESS', 'LAW']);
    // law 1: 3/5 + 4/4; law 2: 45/60 + 1/1 + 3/10; law 3: 0/4 + 1/10. Law 3's interval ends at
    // 0.3147, below law 1's start 0.4526: it opens tier 2.
    check(r.rows, [
      aw('Law:1', 7, 9, 0.4525889691069889, 0.9367748928821533, 1),
      aw('Law:2', 49, 71, 0.5751598742905824, 0.7856027354373607, 1),
      aw('Law:3', 1, 14, 0.012722215247890934, 0.31468704424151117, 2),
    ]);
    expect(r.rows.map((x: any) => x.unit.label)).toEqual(['宪法', '食品安全法', '传染病防治法']);
    expect(r.rows[1].drill).toEqual({
      responses: { from: null, to: null, years: null, waveIds: null, districtIds: null },
      questionKind: 'AWARENESS', lawIds: ['Law:2'], agencyIds: null,
    });
    expect(r.rows[0].byWave).toBeNull();
  });

  it('awareness per district and per wave', async () => {
    // A: 45/60 + 3/10 + 1/10; B: 3/5 + 0/4 (r65's empty answer not counted) + 4/4; D: 1/1.
    const districts = await run({ m: 'AWARENESS', by: 'DISTRICT', loc: 'EN' });
    check(districts.rows, [
      aw('Region:4', 1, 1, 0.20654931437723742, 1, 1),
      aw('Region:2', 49, 80, 0.502936572107557, 0.7117543487469493, 1),
      aw('Region:3', 7, 13, 0.2914379571450601, 0.767939321904617, 1),
    ]);
    expect(districts.rows.map((x: any) => x.unit.label)).toEqual(['District D', 'District A', 'District B']);
    expect(districts.rows[1].drill.responses.districtIds).toEqual(['Region:2']);
    expect(districts.rows[1].drill.lawIds).toEqual(['Law:2', 'Law:3']);
    // Wave 1: 46/61 + 3/5 + 0/4 = 49/70; wave 2: 3/10 + 1/10 + 4/4 = 8/24; 0.5329 < 0.5846: two tiers.
    const waves = await run({ m: 'AWARENESS', by: 'WAVE' });
    check(waves.rows, [aw('SurveyWave:1', 49, 70, 0.5845568276122731, 0.79463394742362, 1), aw('SurveyWave:2', 8, 24, 0.17972190327297755, 0.5329368316186825, 2)]);
    expect(waves.rows[1].unit.label).toBe('2020年普法满意度调查');
    expect(waves.rows[1].drill.responses.waveIds).toEqual(['SurveyWave:2']);
  });

  it('awareness per agency through its powers’ domains and their laws, each answer once per agency, only while the power lasts', async () => {
    const r = await run({ m: 'AWARENESS', by: 'AGENCY' });
    // Agency 1 (FOOD): law 2 = 49/71. Agency 2 (FOOD; HEALTH until 2019-12-31): law 2 once although
    // both domains lead to it, law 3 in 2019 only (0/4; the 2020 answer 1/10 is after the power
    // ended): 49/75. Agency 3 holds no power: absent.
    check(r.rows, [aw('Agency:1', 49, 71, 0.5751598742905824, 0.7856027354373607, 1), aw('Agency:2', 49, 75, 0.5405474609420188, 0.7511772273632541, 1)]);
    expect(r.rows.map((x: any) => x.drill.lawIds)).toEqual([['Law:2'], ['Law:2', 'Law:3']]);
  });

  it('mean satisfaction per agency, district and wave: Student t intervals, none for one answer', async () => {
    // Agency 1: 60 answers (Σ 240, Σx² 980) + 1 (2) + 10 (Σ 25, Σx² 65) = 71, 267, 1049.
    // Agency 2: 5, 4, 4, 3, 3, 3, 3 (r64's empty answer not counted).
    const agencies = await run({ m: 'SATISFACTION', by: 'AGENCY' });
    check(agencies.rows, [
      sat('Agency:1', 71, 267 / 71, 3.570932823774601, 3.950193936788779, 1, 0.8011561062863086),
      sat('Agency:2', 7, 25 / 7, 2.8437638279686803, 4.299093314888462, 1, 0.7867957924694432),
    ]);
    expect(agencies.rows[1].drill).toMatchObject({ questionKind: 'SATISFACTION', lawIds: null, agencyIds: ['Agency:2'] });
    // District D has one answer: mean 2, no interval, unranked and listed last.
    const districts = await run({ m: 'SATISFACTION', by: 'DISTRICT' });
    check(districts.rows, [
      sat('Region:2', 70, 265 / 70, 3.600159838754941, 3.9712687326736305, 1, 0.7781966731564722),
      sat('Region:3', 7, 25 / 7, 2.8437638279686803, 4.299093314888462, 1, 0.7867957924694432),
      sat('Region:4', 1, 2, null, null, null, null),
    ]);
    const waves = await run({ m: 'SATISFACTION', by: 'WAVE' });
    check(waves.rows, [
      sat('SurveyWave:1', 64, 255 / 64, 3.8270696538823565, 4.141680346117644, 1, 0.6297439010839097),
      sat('SurveyWave:2', 14, 37 / 14, 2.3557563361579925, 2.9299579495562935, 2, 0.4972451580988469),
    ]);
  });

  it('compares waves: each unit per wave, tiered within the wave', async () => {
    const r = await run({ m: 'AWARENESS', by: 'LAW', cw: true });
    check(r.rows, [
      aw('Law:1', 7, 9, 0.4525889691069889, 0.9367748928821533, 1),
      aw('Law:2', 49, 71, 0.5751598742905824, 0.7856027354373607, 1),
      aw('Law:3', 1, 14, 0.012722215247890934, 0.31468704424151117, 2),
    ]);
    const cells = (wave: string) => r.rows.map((row: any) => ({ ...row.byWave.find((c: any) => c.wave.id === wave), unit: row.unit }));
    // Wave 1: law 2 46/61 opens tier 1, law 1 3/5 reaches up to 0.8824 ≥ 0.6332, law 3 0/4 ends at 0.4899.
    check(cells('SurveyWave:1'), [
      aw('Law:1', 3, 5, 0.23072428127601297, 0.8823792257673521, 1),
      aw('Law:2', 46, 61, 0.6331557589001072, 0.8449334229877371, 1),
      aw('Law:3', 0, 4, 0, 0.4898908364545973, 2),
    ]);
    // Wave 2: law 1 4/4 opens tier 1 at 0.5101; law 2 3/10 reaches 0.6032, law 3 1/10 only 0.4042.
    check(cells('SurveyWave:2'), [
      aw('Law:1', 4, 4, 0.5101091635454027, 1, 1),
      aw('Law:2', 3, 10, 0.10779126740630103, 0.6032218525388546, 1),
      aw('Law:3', 1, 10, 0.017876213095072906, 0.4041500267952385, 2),
    ]);
    expect(r.rows[0].byWave.map((c: any) => [c.wave.id, c.wave.label])).toEqual([['SurveyWave:1', '2019年普法满意度调查'], ['SurveyWave:2', '2020年普法满意度调查']]);
    expect(r.rows[0].byWave[1].drill).toEqual({ responses: { waveIds: ['SurveyWave:2'], districtIds: null }, lawIds: ['Law:1'], agencyIds: null });

    // Satisfaction per district: in wave 2 B's four answers of 3 give [3, 3], above A's 2.877: two tiers.
    const s = await run({ m: 'SATISFACTION', by: 'DISTRICT', cw: true });
    expect(s.rows.map((row: any) => row.byWave.map((c: any) => [c.wave.id, c.n, c.tier]))).toEqual([
      [['SurveyWave:1', 60, 1], ['SurveyWave:2', 10, 2]],
      [['SurveyWave:1', 3, 1], ['SurveyWave:2', 4, 1]],
      [['SurveyWave:1', 1, null]],
    ]);
    const b2 = s.rows[1].byWave[1];
    expect([b2.estimate, b2.sd, b2.interval]).toEqual([3, 0, { low: 3, high: 3 }]);
    const a2 = s.rows[0].byWave[1];
    expect(a2.interval.low).toBeCloseTo(2.1229738062002994, 6);
    expect(a2.interval.high).toBeCloseTo(2.8770261937997006, 6);
    const b1 = s.rows[1].byWave[0];
    expect(b1.interval.low).toBeCloseTo(2.8991157567501795, 6);
    expect(b1.interval.high).toBeCloseTo(5.767550909916487, 6);
  });

  it('filters by wave, year, period, region, law and agency', async () => {
    const byLaw = async (f: Record<string, unknown>) => (await run({ m: 'AWARENESS', by: 'LAW', f })).rows.map((x: any) => [x.unit.id, x.aware, x.n]);
    const wave2 = [['Law:1', 4, 4], ['Law:2', 3, 10], ['Law:3', 1, 10]];
    expect(await byLaw({ waveIds: ['SurveyWave:2'] })).toEqual(wave2);
    expect(await byLaw({ from: '2020-01-01' })).toEqual(wave2);
    expect(await byLaw({ years: [2019] })).toEqual([['Law:2', 46, 61], ['Law:1', 3, 5], ['Law:3', 0, 4]]);
    expect(await byLaw({ regionIds: ['Region:3'] })).toEqual([['Law:1', 7, 9], ['Law:3', 0, 4]]);

    // Up to 2019-09-04: r1–r60 with i mod 10 ∈ {0, 1, 2, 3}: 24 answers, 19 of them with i ≤ 45.
    const early = await run({ m: 'AWARENESS', by: 'DISTRICT', f: { to: '2019-09-04' } });
    check(early.rows, [aw('Region:2', 19, 24, 0.5952954674681135, 0.9075517464714814, 1)]);
    expect(early.rows[0].drill.responses).toEqual({ from: null, to: '2019-09-04', years: null, waveIds: null, districtIds: ['Region:2'] });

    // The city: every district, and the drill lists its districts (not the city or the street).
    const city = await run({ m: 'AWARENESS', by: 'LAW', f: { regionIds: ['Region:1'] } });
    expect(city.rows.map((x: any) => x.n)).toEqual([9, 71, 14]);
    expect(city.rows[0].drill.responses.districtIds).toEqual(['Region:2', 'Region:3', 'Region:4']);

    const law2 = await run({ m: 'AWARENESS', by: 'DISTRICT', f: { lawIds: ['Law:2'] } });
    expect(law2.rows.map((x: any) => [x.unit.id, x.aware, x.n])).toEqual([['Region:4', 1, 1], ['Region:2', 48, 70]]);
    // Agency 2's laws: law 2 always, law 3 while its HEALTH power lasted (2019 only).
    const health = await run({ m: 'AWARENESS', by: 'DISTRICT', f: { agencyIds: ['Agency:2'] } });
    check(health.rows, [
      aw('Region:4', 1, 1, 0.20654931437723742, 1, 1),
      aw('Region:2', 48, 70, 0.5697286201420141, 0.7823770995341724, 1),
      aw('Region:3', 0, 4, 0, 0.4898908364545973, 1),
    ]);
    const market = await run({ m: 'SATISFACTION', by: 'DISTRICT', f: { agencyIds: ['Agency:1'] } });
    expect(market.rows.map((x: any) => [x.unit.id, x.n])).toEqual([['Region:2', 70], ['Region:4', 1]]);
  });

  it('answers filters that select nothing with no rows, never NaN', async () => {
    for (const f of [{ waveIds: [] }, { years: [2030] }, { regionIds: ['Region:5'] }, { agencyIds: ['Agency:3'] }, { lawIds: [] }, { from: '2019-09-11', to: '2019-12-31' }]) {
      for (const m of ['AWARENESS', 'SATISFACTION'] as const) {
        if (m === 'SATISFACTION' && 'lawIds' in f) continue;
        for (const by of ['DISTRICT', 'WAVE', 'AGENCY']) expect((await run({ m, by, f, cw: by !== 'WAVE' })).rows, JSON.stringify([m, by, f])).toEqual([]);
      }
    }
  });

  it('refuses bad input with BAD_USER_INPUT and the argument’s path', async () => {
    const cases: [Record<string, unknown>, (string | number)[], string][] = [
      [{ m: 'AWARENESS', by: 'LAW', f: { waveIds: ['SurveyWave:99'] } }, ['filter', 'waveIds', 0], 'SurveyWave:99 does not exist'],
      [{ m: 'AWARENESS', by: 'LAW', f: { waveIds: ['Law:1'] } }, ['filter', 'waveIds', 0], 'is not a SurveyWave id'],
      [{ m: 'AWARENESS', by: 'LAW', f: { regionIds: ['Region:77'] } }, ['filter', 'regionIds', 0], 'Region:77 does not exist'],
      [{ m: 'SATISFACTION', by: 'LAW' }, ['by'], 'SATISFACTION cannot be grouped by LAW'],
      [{ m: 'SATISFACTION', by: 'AGENCY', f: { lawIds: ['Law:1'] } }, ['filter', 'lawIds'], 'lawIds does not apply to SATISFACTION'],
      [{ m: 'AWARENESS', by: 'WAVE', cw: true }, ['compareWaves'], 'compareWaves'],
      [{ m: 'AWARENESS', by: 'LAW', f: { from: '2020-01-01', to: '2019-01-01' } }, ['filter', 'from'], 'is after to'],
    ];
    for (const [vars, path, message] of cases) {
      const e = await refused(vars);
      expect(e.extensions?.code, message).toBe('BAD_USER_INPUT');
      expect(e.message).toContain(message);
      expect(e.extensions?.problems?.[0]?.path).toEqual(path);
    }
  });

  it('gives per-agency figures only to the readers of every record; city-wide ones to everyone', async () => {
    const all = await run({ m: 'AWARENESS', by: 'LAW' }, null);
    expect(all.rows.map((x: any) => x.n)).toEqual([9, 71, 14]);
    expect((await refused({ m: 'SATISFACTION', by: 'AGENCY' }, null)).extensions?.code).toBe('UNAUTHENTICATED');
    // Survey operators read every response, yet per-agency figures are for the readers of every record.
    const operator = await hub.login(Role.SURVEY_OPERATOR);
    expect((await refused({ m: 'AWARENESS', by: 'AGENCY' }, operator)).extensions?.code).toBe('FORBIDDEN');
    expect((await run({ m: 'SATISFACTION', by: 'WAVE' }, operator)).rows).toHaveLength(2);
    const reporter = await hub.login(Role.AGENCY_REPORTER, { agencyId: 2 });
    const byAgency = await refused({ m: 'SATISFACTION', by: 'AGENCY' }, reporter);
    expect(byAgency.extensions?.code).toBe('FORBIDDEN');
    expect(byAgency.message).toContain('Agency:2');
    const own = await run({ m: 'SATISFACTION', by: 'DISTRICT', f: { agencyIds: ['Agency:2'] } }, reporter);
    expect(own.rows.map((x: any) => [x.unit.id, x.n])).toEqual([['Region:3', 7]]);
    expect((await refused({ m: 'SATISFACTION', by: 'DISTRICT', f: { agencyIds: ['Agency:1'] } }, reporter)).extensions?.code).toBe('FORBIDDEN');
    const leader = await hub.login(Role.LEADER);
    expect((await run({ m: 'SATISFACTION', by: 'AGENCY' }, leader)).rows).toHaveLength(2);
  });

  it('drills into the responses behind a figure through surveyResponses', async () => {
    const R = `query($f: ResponseFilter) { surveyResponses(filter: $f, first: 500) { nodes { id } } }`;
    /** The responses the drill's filter selects, through the API; then their answers that the drill names, straight from the database. */
    const counted = async (drill: any) => {
      const res = await hub.gql(R, { f: drill.responses });
      expect(res.errors).toBeUndefined();
      const responses = res.data.surveyResponses.nodes.map((n: any) => Number(n.id.split(':')[1]));
      const subjects = (drill.lawIds ?? drill.agencyIds).map((id: string) => Number(id.split(':')[1]));
      const [row] = await hub.sql(`select count(*)::int as n, (count(*) filter (where a.aware))::int as aware, coalesce(sum(a.satisfaction), 0)::int as sum
        from survey_answer a join survey_question q on q.id = a.question_id
        where a.response_id in (${responses.join(', ') || 'null'}) and q.kind = '${drill.questionKind}'
          and q.${drill.lawIds ? 'law_id' : 'agency_id'} in (${subjects.join(', ')}) and coalesce(a.aware::int, a.satisfaction) is not null`);
      return row;
    };
    const byAgency = await run({ m: 'AWARENESS', by: 'AGENCY' });
    expect(await counted(byAgency.rows[0].drill)).toEqual({ n: 71, aware: 49, sum: 0 });
    const sat = await run({ m: 'SATISFACTION', by: 'DISTRICT', f: { years: [2020] } });
    expect(sat.rows.map((x: any) => x.unit.id)).toEqual(['Region:3', 'Region:2']);
    expect(await counted(sat.rows[0].drill)).toEqual({ n: 4, aware: 0, sum: 12 });
    expect(await counted(sat.rows[1].drill)).toEqual({ n: 10, aware: 0, sum: 25 });
  });

  it('issues the same few statements however many units it returns', async () => {
    const count = async (lawIds: string[]) =>
      (await countStatements(() => run({ m: 'AWARENESS', by: 'LAW', cw: true, f: { lawIds, regionIds: ['Region:1'], waveIds: ['SurveyWave:1', 'SurveyWave:2'] } }))).count;
    const one = await count(['Law:1']);
    expect(await count(['Law:1', 'Law:2', 'Law:3'])).toBe(one);
    expect(one).toBeLessThanOrEqual(10);
    // The answers are read from the survey rollup, never the raw answers.
    const { log } = await countStatements(() => run({ m: 'SATISFACTION', by: 'AGENCY' }));
    expect(log.join('\n')).toMatch(/from rollup_survey union all select \* from rollup_survey_delta/);
    expect(log.join('\n')).not.toMatch(/survey_answer/);
  });
});
