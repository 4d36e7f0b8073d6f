import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, countStatements, startTestHub, type TestHub } from '../../test/hub.js';
import { Role } from '../auth/role.js';

const COUNT = `query($f: AttendanceFilter) { trainingAttendance(filter: $f, first: 1) { totalCount } }`;

describe.each(backends())('training attendance records, the rows behind the training figures, on %s', (kind) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(kind, { demo: true });
  });
  afterAll(() => hub?.close());

  const count = async (f: Record<string, unknown>, token?: string | null): Promise<number> => {
    const res = token === undefined ? await hub.gql(COUNT, { f }) : await hub.gqlAs(token, COUNT, { f });
    expect(res.errors).toBeUndefined();
    return res.data.trainingAttendance.totalCount;
  };

  it('lists exactly the rows analytics counts for one agency × session kind × year (demo data)', async () => {
    const [{ year }] = await hub.sql(`select max(extract(year from starts_on))::int as year from training_session`);
    const period = { from: `${year}-01-01`, to: `${year}-12-31` };
    const res = await hub.gql(
      `query($f: AnalyticsFilter) { analytics(measures: [TRAINING_REQUIRED, TRAINING_ATTENDED], groupBy: [AGENCY, SESSION_KIND], filter: $f) {
        rows { keys { dimension value } values { measure value } } } }`,
      { f: period },
    );
    expect(res.errors).toBeUndefined();
    const rows = res.data.analytics.rows as { keys: { value: string }[]; values: { measure: string; value: number }[] }[];
    const value = (r: (typeof rows)[number], m: string) => r.values.find((v) => v.measure === m)!.value;
    // The busiest pair with someone absent, so required and attended differ.
    const row = rows.filter((r) => value(r, 'TRAINING_ATTENDED') < value(r, 'TRAINING_REQUIRED')).sort((a, b) => value(b, 'TRAINING_REQUIRED') - value(a, 'TRAINING_REQUIRED'))[0]!;
    expect(row).toBeDefined();
    const [agency, sessionKind] = row.keys.map((k) => k.value);
    const f = { agencyIds: [agency], sessionKinds: [sessionKind], years: [year] };
    expect(await count({ ...f, required: true })).toBe(value(row, 'TRAINING_REQUIRED'));
    expect(await count({ ...f, required: true, attended: true })).toBe(value(row, 'TRAINING_ATTENDED'));
    // from/to give the same rows as the year.
    expect(await count({ agencyIds: [agency], sessionKinds: [sessionKind], ...period, required: true })).toBe(value(row, 'TRAINING_REQUIRED'));
  });

  describe('a hand-made fixture in 2031 (after the demo data)', () => {
    let a: number;
    let b: number;
    let district: number;
    beforeAll(async () => {
      [{ id: a }] = await hub.sql(`select id from agency order by id limit 1`);
      // Agency B sits in a street: a district filter must reach it through the region tree.
      const [street] = await hub.sql(`select id, district_id from region where level = 'STREET' order by id limit 1`);
      district = street.district_id;
      [{ id: b }] = await hub.sql(
        `insert into agency (code, name, kind, level, region_id, valid_from) values ('T-FIX', '测试街道办', 'DEPARTMENT', 'DISTRICT', ${street.id}, '2020-01-01') returning id`,
      );
      const session = async (kind: string, day: string) =>
        (await hub.sql(`insert into training_session (title, kind, organiser_id, starts_on, ends_on, hours, region_id) values ('测试${day}', '${kind}', ${a}, '${day}', '${day}', 4, ${street.id}) returning id`))[0].id;
      const s1 = await session('STAFF_TRAINING', '2031-03-10');
      const s2 = await session('LEADING_CADRE_STUDY', '2031-12-31');
      const s3 = await session('STAFF_TRAINING', '2032-01-01');
      // session, agency, attendee, leading cadre, required, attended, score
      const rows: [number, number, string, boolean, boolean, boolean, number | null][] = [
        [s1, a, 'p1', false, true, true, 80],
        [s1, a, 'p2', false, true, false, null],
        [s1, a, 'p3', false, false, true, 50],
        [s1, b, 'p4', false, true, true, 60],
        [s2, a, 'p5', true, true, true, 59],
        [s3, a, 'p6', false, true, true, 90],
      ];
      for (const [s, ag, who, lead, req, att, score] of rows) {
        await hub.sql(
          `insert into training_attendance (session_id, agency_id, attendee, leading_cadre, required, attended, hours, score) values (${s}, ${ag}, '${who}', ${lead}, ${req}, ${att}, 4, ${score ?? 'null'})`,
        );
      }
    });

    it('counts by period, agency, kind and flags as worked out by hand', async () => {
      const A = [`Agency:${a}`];
      const y = { years: [2031] };
      expect(await count({ ...y, agencyIds: A })).toBe(4); // p1 p2 p3 p5
      expect(await count({ ...y, agencyIds: A, required: true })).toBe(3); // p1 p2 p5
      expect(await count({ ...y, agencyIds: A, required: true, attended: true })).toBe(2); // p1 p5
      expect(await count({ ...y, agencyIds: A, sessionKinds: ['STAFF_TRAINING'] })).toBe(3); // p1 p2 p3
      expect(await count({ ...y, agencyIds: A, leadingCadre: true })).toBe(1); // p5
      expect(await count({ ...y, agencyIds: A, passed: true })).toBe(1); // p1 (80); p5 has 59
      expect(await count({ ...y, agencyIds: A, passed: false })).toBe(2); // p3 (50), p5 (59); p2 has no score
      expect(await count({ ...y, agencyIds: A, scored: true })).toBe(3); // p1 p3 p5: the pass rate's denominator
      expect(await count({ ...y, agencyIds: A, scored: false })).toBe(1); // p2
      expect(await count({ agencyIds: A, from: '2031-03-10', to: '2031-12-30' })).toBe(3); // s1 only
      expect(await count({ agencyIds: A, from: '2031-03-11', to: '2032-01-01' })).toBe(2); // p5, p6
      expect(await count({ years: [2031, 2032], agencyIds: A })).toBe(5);
      expect(await count({ ...y, regionIds: [`Region:${district}`] })).toBe(1); // p4, in a street of the district
      expect(await count({ ...y, sessionKinds: [] })).toBe(0); // an empty list matches nothing, as in analytics
    });

    it('agrees with analytics for the fixture', async () => {
      const res = await hub.gql(
        `query($f: AnalyticsFilter) { analytics(measures: [TRAINING_REQUIRED, TRAINING_ATTENDED, TRAINING_PASS_RATE, TRAINING_HOURS], groupBy: [AGENCY], filter: $f) {
          rows { keys { value } values { measure value } } } }`,
        { f: { from: '2031-01-01', to: '2031-12-31' } },
      );
      expect(res.errors).toBeUndefined();
      const figures = Object.fromEntries(res.data.analytics.rows.map((r: any) => [r.keys[0].value, r.values.map((v: any) => v.value)]));
      // A: 3 required, 2 attended, 1 passed of 3 scored, 4 rows × 4 hours; B: one row, scored 60.
      expect(figures).toEqual({ [`Agency:${a}`]: [3, 2, 1 / 3, 16], [`Agency:${b}`]: [1, 1, 1, 4] });
      const A = [`Agency:${a}`];
      const y = { years: [2031] };
      expect((await count({ ...y, agencyIds: A, passed: true })) / (await count({ ...y, agencyIds: A, scored: true }))).toBe(1 / 3);
      const hours = await hub.gql(`query($f: AttendanceFilter) { trainingAttendance(filter: $f, first: 50) { nodes { hours } } }`, { f: { ...y, agencyIds: A } });
      expect(hours.data.trainingAttendance.nodes.reduce((s: number, n: { hours: number }) => s + n.hours, 0)).toBe(16);
      const inDistrict = await hub.gql(`{ analytics(measures: [TRAINING_REQUIRED], filter: { from: "2031-01-01", to: "2031-12-31", regionIds: ["Region:${district}"] }) { totals { value } } }`);
      expect(inDistrict.errors).toBeUndefined();
      expect(inDistrict.data.analytics.totals[0].value).toBe(1);
    });

    it('keeps the access rules: a reporter lists only its own agency’s rows', async () => {
      const token = await hub.login(Role.AGENCY_REPORTER, { agencyId: a });
      expect(await count({ years: [2031] }, token)).toBe(4);
      expect(await count({ years: [2031], agencyIds: [`Agency:${b}`] }, token)).toBe(0);
      const res = await hub.gqlAs(null, COUNT, { f: { years: [2031] } });
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  it('serves a page of rows with their agencies and sessions in a few statements (the drawer’s list)', async () => {
    const query = `{ trainingAttendance(first: 25, filter: { required: true, regionIds: ["Region:1"] }) { totalCount nodes { attendee agency { name } session { title startsOn kind } } } }`;
    const { result, count: statements, log } = await countStatements(() => hub.gql(query));
    expect(result.errors).toBeUndefined();
    expect(result.data.trainingAttendance.nodes).toHaveLength(25);
    // region lookup, page, count, agencies, sessions: a constant, not 25+.
    expect(statements, log.join('\n')).toBeLessThanOrEqual(6);
  });

  it('answers BAD_USER_INPUT with a path for an unknown id or a period that ends before it starts', async () => {
    const unknown = await hub.gql(COUNT, { f: { regionIds: ['Region:999999'] } });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(unknown.errors?.[0]?.message).toContain('Region:999999 does not exist');
    expect(unknown.errors?.[0]?.extensions?.problems).toEqual([{ path: ['filter', 'regionIds', 0], message: 'unknown region' }]);
    const session = await hub.gql(COUNT, { f: { sessionIds: ['TrainingSession:999999'] } });
    expect(session.errors?.[0]?.extensions?.problems).toEqual([{ path: ['filter', 'sessionIds', 0], message: 'unknown id' }]);
    const reversed = await hub.gql(COUNT, { f: { from: '2025-06-01', to: '2025-01-01' } });
    expect(reversed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(reversed.errors?.[0]?.extensions?.problems).toEqual([{ path: ['filter', 'from'], message: 'after to' }]);
  });
});
