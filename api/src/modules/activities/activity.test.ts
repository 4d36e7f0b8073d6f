import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, countStatements, startTestHub, type TestHub } from '../../test/hub.js';

describe.each(backends())('activity records on %s (demo data)', (kind) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(kind, { demo: true });
  });
  afterAll(() => hub?.close());

  it('serves a page of 50 activities with organisers, co-organisers, regions and laws in a few statements', async () => {
    const query = `{ activities(first: 50) { totalCount edges { node { id title date organiser { name } coOrganisers { name } region { name district { name } } laws { name } } } } }`;
    const { result, count, log } = await countStatements(() => hub.gql(query));
    expect(result.errors).toBeUndefined();
    expect(result.data.activities.edges).toHaveLength(50);
    expect(result.data.activities.edges.every((e: any) => e.node.organiser.name && e.node.region.name)).toBe(true);
    // page + count, organisers, co-organiser pivot, regions, their districts, law pivot: a constant, not 50+.
    expect(count, log.join('\n')).toBeLessThanOrEqual(8);
  });

  it('pages through a year without skipping or repeating, newest first, ties broken by id', async () => {
    const [{ n }] = await hub.sql(`select count(*)::int as n from activity where date between '2019-01-01' and '2019-12-31'`);
    const seen: string[] = [];
    let after: string | null = null;
    let dates: string[] = [];
    for (let page = 0; page < 50; page++) {
      const res: any = await hub.gql(`query($after: String) { activities(first: 37, after: $after, filter: { years: [2019] }) { totalCount pageInfo { hasNextPage endCursor } edges { node { id date } } } }`, { after });
      expect(res.errors).toBeUndefined();
      expect(res.data.activities.totalCount).toBe(n);
      seen.push(...res.data.activities.edges.map((e: any) => e.node.id));
      dates.push(...res.data.activities.edges.map((e: any) => e.node.date));
      if (!res.data.activities.pageInfo.hasNextPage) break;
      after = res.data.activities.pageInfo.endCursor;
    }
    expect(n).toBeGreaterThan(0);
    expect(seen).toHaveLength(n);
    expect(new Set(seen).size).toBe(n);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('filters by a district with every place below it, and by an agency as organiser or co-organiser', async () => {
    const [district] = await hub.sql(`select id from region where level = 'DISTRICT' order by id limit 1`);
    const [{ n: inDistrict }] = await hub.sql(
      `select count(*)::int as n from activity a join region r on r.id = a.region_id where r.path like '/%/${district.id}/%' or r.id = ${district.id}`,
    );
    const res = await hub.gql(`{ activities(filter: { regionIds: ["Region:${district.id}"] }) { totalCount } }`);
    expect(res.data.activities.totalCount).toBe(inDistrict);

    const [agency] = await hub.sql(`select agency_id as id from activity_co_organisers group by agency_id order by count(*) desc, agency_id limit 1`);
    const [{ n: involved }] = await hub.sql(
      `select count(*)::int as n from activity a where a.organiser_id = ${agency.id} or exists (select 1 from activity_co_organisers c where c.activity_id = a.id and c.agency_id = ${agency.id})`,
    );
    const byAgency = await hub.gql(`{ activities(filter: { agencyIds: ["Agency:${agency.id}"] }) { totalCount } }`);
    expect(byAgency.data.activities.totalCount).toBe(involved);
  });

  it('looks any record up by its global id', async () => {
    const [a] = await hub.sql(`select id, title from activity order by id limit 1`);
    const res = await hub.gql(`{ node(id: "Activity:${a.id}") { __typename id ... on Activity { title } } }`);
    expect(res.data.node).toEqual({ __typename: 'Activity', id: `Activity:${a.id}`, title: a.title });
  });
});
