/**
 * A small city for inspections, rectification and notices; every figure in the tests is computed
 * by hand from it under the rubric RUBRIC below.
 * Regions: city 1, districts 甲区 2 and 乙区 3, street 4 (in 甲区).
 * Agencies: 1 J 市司法局 (city), 2 M 市市场监督管理局 (city), 3 H 市卫生健康委员会 (city),
 *           4 U 甲区城市管理综合执法局 (甲区).
 * Domains: 1 食品安全 FOOD (M lead, H), 2 卫生健康 HEALTH (H lead), 3 城市管理 URBAN (U lead).
 *
 * 2023: J's list I1 plans 4 and gets #1–#4; M's I2 (FOOD, 社会公众) plans 4 and gets #5, #6 (甲区, 乙区);
 *       U holds #9; H holds nothing.
 *   RUBRIC: list = 50 × completion, acts = 50 × min(1, activities ÷ 4)
 *     J 50 + 50 = 100 优秀 (rank 1); M 25 + 25 = 50 合格 (2); U 0 + 12.5 = 12.5 不合格 (3); H 0 + 0 = 0 不合格 (4)
 *     commended: J; ordered to rectify (worst first): H, U.
 *   FOOD overlap: M 2 activities, H none → SINGLE_HOLDER (H should act); 2 activities in all.
 * 2024: H's list I3 (FOOD, 老年人) plans 2 and gets #11 (甲区), #12 (乙区); M holds #13 (FOOD, no item).
 *   Assessed: H, M, U (J has neither a list nor a power in 2024).
 *     H 50 + 25 = 75 合格 (rank 1); M 0 + 12.5 = 12.5 不合格 (2); U 0 不合格 (3).
 *   FOOD overlap: M 1, H 2, both districts and 老年人 reached, M is lead → no flag; 3 activities.
 */
export const INSPECTIONS_FIXTURE = `
insert into region (id, code, name, name_en, level, parent_id, district_id, path) values
  (1, 'C', '测试市', 'Test City', 'CITY', null, null, '/1/'),
  (2, 'A', '甲区', 'District A', 'DISTRICT', 1, 2, '/1/2/'),
  (3, 'B', '乙区', 'District B', 'DISTRICT', 1, 3, '/1/3/'),
  (4, 'A1', '甲一街道', 'A1 Street', 'STREET', 2, 2, '/1/2/4/');
insert into agency (id, code, name, name_en, kind, level, region_id, valid_from, valid_to) values
  (1, 'J', '市司法局', 'Justice Bureau', 'DEPARTMENT', 'CITY', 1, '2016-01-01', null),
  (2, 'M', '市市场监督管理局', 'Market Regulation', 'ENFORCEMENT', 'CITY', 1, '2016-01-01', null),
  (3, 'H', '市卫生健康委员会', 'Health Commission', 'ENFORCEMENT', 'CITY', 1, '2016-01-01', null),
  (4, 'U', '甲区城市管理综合执法局', 'District A Urban Management', 'ENFORCEMENT', 'DISTRICT', 2, '2016-01-01', null);
insert into enforcement_domain (id, code, name, name_en) values (1, 'FOOD', '食品安全', 'Food safety'), (2, 'HEALTH', '卫生健康', 'Health'), (3, 'URBAN', '城市管理', 'Urban management');
insert into enforcement_power (id, agency_id, domain_id, is_lead, valid_from, valid_to) values
  (1, 2, 1, true, '2016-01-01', null), (2, 3, 1, false, '2016-01-01', null), (3, 3, 2, true, '2016-01-01', null), (4, 4, 3, true, '2016-01-01', null);
insert into responsibility_item (id, agency_id, year, title, domain_id, audiences, forms, venue_types, planned_count, starts_on, ends_on, responsible_leader, responsible_department, published) values
  (1, 1, 2023, '宪法进万家', null, array['GENERAL_PUBLIC'], array['LECTURE'], array['COMMUNITY'], 4, '2023-01-01', '2023-12-31', '甲', '普法科', true),
  (2, 2, 2023, '食品安全进社区', 1, array['GENERAL_PUBLIC'], array['CONSULTATION'], array['COMMUNITY'], 4, '2023-01-01', '2023-12-31', '乙', '法规科', true),
  (3, 3, 2024, '食品卫生进社区', 1, array['ELDERLY'], array['LECTURE'], array['COMMUNITY'], 2, '2024-01-01', '2024-12-31', '丙', '法规处', true);
insert into activity (id, title, date, region_id, organiser_id, form, venue_type, audiences, domain_id, participants) values
  (1, '宪法宣传一', '2023-02-10', 4, 1, 'LECTURE', 'COMMUNITY', array['GENERAL_PUBLIC'], null, 50),
  (2, '宪法宣传二', '2023-04-10', 4, 1, 'LECTURE', 'COMMUNITY', array['GENERAL_PUBLIC'], null, 50),
  (3, '宪法宣传三', '2023-06-10', 3, 1, 'LECTURE', 'COMMUNITY', array['GENERAL_PUBLIC'], null, 50),
  (4, '宪法宣传四', '2023-12-04', 3, 1, 'LECTURE', 'COMMUNITY', array['GENERAL_PUBLIC'], null, 50),
  (5, '食品安全咨询一', '2023-03-15', 4, 2, 'CONSULTATION', 'COMMUNITY', array['GENERAL_PUBLIC'], 1, 30),
  (6, '食品安全咨询二', '2023-09-15', 3, 2, 'CONSULTATION', 'COMMUNITY', array['GENERAL_PUBLIC'], 1, 30),
  (9, '城管进社区', '2023-07-01', 4, 4, 'CONSULTATION', 'COMMUNITY', array['COMMUNITY_RESIDENTS'], 3, 40),
  (11, '老年人食品安全讲座', '2024-03-10', 4, 3, 'LECTURE', 'COMMUNITY', array['ELDERLY'], 1, 25),
  (12, '老年人食品安全讲座二', '2024-05-10', 3, 3, 'LECTURE', 'COMMUNITY', array['ELDERLY'], 1, 25),
  (13, '食品安全咨询三', '2024-06-01', 4, 2, 'CONSULTATION', 'COMMUNITY', array['GENERAL_PUBLIC'], 1, 30);
insert into activity_items (activity_id, item_id) values (1, 1), (2, 1), (3, 1), (4, 1), (5, 2), (6, 2), (11, 3), (12, 3);
select setval(pg_get_serial_sequence(t, 'id'), 1000) from unnest(array['region','agency','enforcement_domain','enforcement_power','responsibility_item','activity']) t;
`;

/** The rubric of the hand computation: 100 points, no deductions. */
export const RUBRIC = {
  indicators: [
    { key: 'list', label: { zh: '清单完成', en: 'List' }, metric: 'COVERAGE_COMPLETION', weight: 50, curve: { type: 'LINEAR', min: 0, max: 1 } },
    { key: 'acts', label: { zh: '活动场次', en: 'Activities' }, metric: 'ACTIVITY_COUNT', weight: 50, curve: { type: 'TARGET', target: 4 } },
  ],
  grades: [{ grade: 'EXCELLENT', minScore: 90 }, { grade: 'PASS', minScore: 50 }, { grade: 'FAIL', minScore: 0 }],
  commend: { grades: ['EXCELLENT'] },
  rectify: { grades: ['FAIL'] },
};

export const SAVE_RUBRIC = `mutation($d: JSON!) { saveRubric(version: "T1", name: "测试细则", definition: $d) { version } }`;

/** Loads the fixture and the rubric into a test hub. */
export async function loadInspectionsFixture(hub: { sql(q: string): Promise<unknown>; gql(q: string, v?: Record<string, unknown>): Promise<{ errors?: unknown }> }): Promise<void> {
  for (const stmt of INSPECTIONS_FIXTURE.split(';').map((s) => s.trim()).filter(Boolean)) await hub.sql(stmt);
  const res = await hub.gql(SAVE_RUBRIC, { d: RUBRIC });
  if (res.errors) throw new Error(`rubric not saved: ${JSON.stringify(res.errors)}`);
}

/** Small valid files: their first bytes are what the evidence check reads. */
export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
export const PNG_BYTES = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4b20000000049454e44ae426082', 'hex');
export const JPEG_BYTES = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');
