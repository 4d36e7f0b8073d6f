/**
 * Published and unpublished lists, calendar links and cases on top of ANALYTICS_FIXTURE (agencies
 * 1 justice J, 2 market M, 3 health H; activities 1–4; case 1 published 过期食品案, case 2 not).
 * The figures the portal and case-library tests expect are computed by hand from these rows.
 *
 * Items of 2019: 1 (M, published), 2 (M, NOT published), 3 (J, published), 4 (H, NOT published).
 * Activity 1 (J, co-organised by M) delivers item 3; activity 2 (M) items 1 and 2; activity 3
 * (H, co-organised by M) only item 4: so the calendar of M holds activities 1 and 2, of J activity
 * 1, of H nothing. Cases: 1 (M, 2019), 2 (M, NOT published, its body says 过期食品), 3 (H, 2019),
 * 4 (J, 2020).
 */
export const PORTAL_FIXTURE = `
insert into law (id, code, name, name_en, kind) values (3, 'ENVLAW', '环境保护法', 'Environmental Protection Law', 'LAW');
insert into law_domains (law_id, domain_id) values (2, 1);
insert into responsibility_item (id, agency_id, year, title, domain_id, audiences, forms, venue_types, planned_count, starts_on, ends_on, responsible_leader, responsible_department, published) values
  (1, 2, 2019, '食品安全法进社区', 1, array['ELDERLY','COMMUNITY_RESIDENTS'], array['CONSULTATION','MATERIAL_HANDOUT'], array['COMMUNITY'], 4, '2019-03-01', '2019-12-31', '王副局长', '法规科', true),
  (2, 2, 2019, '内部草案事项', 1, array['BUSINESS_OWNERS'], array['LECTURE'], array['ENTERPRISE'], 2, '2019-01-01', '2019-06-30', '李副局长', '食品科', false),
  (3, 1, 2019, '宪法宣传周', null, array['STUDENTS'], array['LECTURE'], array['SCHOOL'], 6, '2019-01-01', '2019-12-31', '赵局长', '普法科', true),
  (4, 3, 2019, '卫生未公开事项', 1, array['PATIENTS'], array['LECTURE'], array['WORKPLACE'], 3, '2019-01-01', '2019-12-31', '孙主任', '法规处', false);
insert into responsibility_item_laws (item_id, law_id) values (1, 2), (2, 2), (3, 1), (4, 2);
insert into responsibility_item_districts (item_id, region_id) values (1, 3);
insert into activity_items (activity_id, item_id) values (1, 3), (2, 1), (2, 2), (3, 4);
update case_study set body = '超市销售过期食品，未公开' where id = 2;
insert into case_study (id, agency_id, title, summary, body, domain_id, region_id, decided_on, published, published_on) values
  (3, 3, '餐饮店无证经营案', '某餐饮店未取得食品经营许可', '依据《食品安全法》，市卫生健康委员会责令其停业整顿。', 1, 5, '2019-07-10', true, '2019-08-01'),
  (4, 1, '宪法宣誓制度解读', '国家工作人员就职时应当公开进行宪法宣誓', '宣誓仪式由任命机关组织。', null, null, '2020-11-20', true, '2020-12-04');
insert into case_study_laws (case_id, law_id) values (1, 2), (3, 2), (4, 1);
select setval(pg_get_serial_sequence(t, 'id'), 1000) from unnest(array['law','responsibility_item','case_study']) t;
`;

/** Runs a fixture's statements one by one (they hold no semicolons inside strings). */
export async function loadFixture(hub: { sql(q: string): Promise<unknown[]> }, ...fixtures: string[]): Promise<void> {
  for (const fixture of fixtures) for (const stmt of fixture.split(';').map((s) => s.trim()).filter(Boolean)) await hub.sql(stmt);
}
