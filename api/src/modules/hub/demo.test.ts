import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, startTestHub, type TestHub } from '../../test/hub.js';

describe.each(backends())('demo data on %s', (kind) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(kind, { demo: true });
  });
  afterAll(() => hub?.close());

  it('answers the report’s 2016–2020 figures through analytics, equal to raw SQL', async () => {
    const res = await hub.gql(
      `{ analytics(measures: [ACTIVITY_COUNT, MATERIALS_DISTRIBUTED, CONSULTATIONS], filter: { from: "2016-01-01", to: "2020-12-31" }) { totals { measure value } } }`,
    );
    expect(res.errors).toBeUndefined();
    const [count, materials, consultations] = res.data.analytics.totals.map((t: any) => t.value);
    const [raw] = await hub.sql(
      `select count(*)::int as n, sum(materials)::int as m, sum(consultations)::int as c from activity where date between '2016-01-01' and '2020-12-31'`,
    );
    expect(count).toBe(468);
    expect([count, materials, consultations]).toEqual([raw.n, raw.m, raw.c]);
    expect(materials).toBeGreaterThanOrEqual(50_001);
    expect(materials).toBeLessThanOrEqual(50_999);
    expect(consultations).toBeGreaterThanOrEqual(6_001);
    expect(consultations).toBeLessThanOrEqual(6_999);
  });

  it('marks every response as demo data', async () => {
    const res = await hub.gql(`{ hubInfo { demoData database } }`);
    expect(res.data.hubInfo).toEqual({ demoData: true, database: kind });
    expect(res.extensions).toEqual({ demoData: true });
    const failing = await hub.gql(`{ node(id: "nonsense") { id } }`);
    expect(failing.extensions).toEqual({ demoData: true });
  });

  it('spreads 2016–2020 over every year and district with plausible per-activity counts', async () => {
    const perYear = await hub.sql(
      `select to_char(a.date, 'YYYY') as y, count(distinct r.district_id)::int as districts, max(a.materials)::int as max_m, max(a.consultations)::int as max_c
         from activity a join region r on r.id = a.region_id where a.date between '2016-01-01' and '2020-12-31' group by 1 order by 1`,
    );
    expect(perYear.map((r: any) => r.y)).toEqual(['2016', '2017', '2018', '2019', '2020']);
    for (const r of perYear) {
      expect(r.districts).toBe(3);
      expect(r.max_m).toBeLessThanOrEqual(2000);
      expect(r.max_c).toBeLessThanOrEqual(500);
    }
  });

  it('holds the report’s named programmes, classes and troupe', async () => {
    const [x] = await hub.sql(`select
      (select count(*)::int from broadcast_slot where programme = '"七五"普法进行时') as radio,
      (select count(*)::int from broadcast_slot where programme = '小司来了') as animation,
      (select count(*)::int from training_session where kind = 'BACKBONE_CLASS' and starts_on between '2016-01-01' and '2020-12-31') as classes,
      (select count(*)::int from activity where troupe like '%法治乌兰牧骑%') as troupe`);
    expect(x.radio).toBeGreaterThan(0);
    expect(x.animation).toBeGreaterThan(0);
    expect(x.classes).toBe(2);
    expect(x.troupe).toBeGreaterThan(0);
  });
});

describe('a real deployment on the embedded database without demo data', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub('pglite');
  });
  afterAll(() => hub?.close());

  it('carries no demo mark', async () => {
    const res = await hub.gql(`{ hubInfo { demoData } }`);
    expect(res.data.hubInfo.demoData).toBe(false);
    expect(res.extensions?.demoData).toBeUndefined();
  });
});
