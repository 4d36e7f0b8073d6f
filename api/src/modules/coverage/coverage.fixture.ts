/**
 * A small city whose coverage is computed by hand in coverage.test.ts.
 * Regions: city 1; districts A (2) and B (3); streets 4 (in A) and 5 (in B).
 * Agencies: 1 justice (city), 2 market regulation (city), 3 district A health (located in district A).
 *
 * Items (planned, window, named audiences / venue types / target districts):
 *   I1 agency 1, 2019: 2, 01-01…12-31, STUDENTS YOUTH / SCHOOL / A B
 *   I2 agency 1, 2019: 3, 05-01…06-30, COMMUNITY_RESIDENTS ELDERLY / COMMUNITY / B
 *   I3 agency 2, 2019, food: 2, 03-01…03-31, BUSINESS_OWNERS GENERAL_PUBLIC / ENTERPRISE COMMUNITY / A B
 *   I4 agency 2, 2019, food: 1, 03-10…03-20, GENERAL_PUBLIC / PUBLIC_SPACE / A
 *   I5 agency 3, 2019, health: 4, 01-01…12-31, ELDERLY PATIENTS / COMMUNITY / A
 *   I6 agency 1, 2020: 1, 2019-12-15…2020-01-31, GENERAL_PUBLIC / PUBLIC_SPACE / A
 *
 * Activities (date, place → district, organiser [co-organisers], venue, audiences, items named):
 *   A1  2019-03-05 street 4 → A, agency 1, SCHOOL, STUDENTS, I1
 *   A2  2019-07-10 street 5 → B, agency 1, SCHOOL, STUDENTS YOUTH, I1
 *   A3  2019-09-01 district B, agency 1, VILLAGE, FARMERS_HERDERS, I1
 *   A4  2019-05-20 street 5 → B, agency 1, COMMUNITY, COMMUNITY_RESIDENTS, I2
 *   A5  2019-07-05 street 5 → B, agency 1, COMMUNITY, ELDERLY, I2 — after I2's window: not counted
 *   A6  2019-03-15 street 4 → A, agency 2, PUBLIC_SPACE, GENERAL_PUBLIC BUSINESS_OWNERS, I3 and I4
 *   A7  2019-03-25 the city (no district), agency 2 [agency 3], no venue, GENERAL_PUBLIC, I3 — names no item of agency 3
 *   A8  2019-04-02 street 4 → A, agency 2, ENTERPRISE, BUSINESS_OWNERS, I3 — after I3's window: not counted
 *   A9  2020-01-10 street 4 → A, agency 1, COMMUNITY, GENERAL_PUBLIC, I6
 *   A10 2019-06-01 district A, agency 3, COMMUNITY, ELDERLY, no item — delivers nothing
 */
export const COVERAGE_FIXTURE = `
insert into region (id, code, name, name_en, level, parent_id, district_id, path) values
  (1, 'C', '测试市', 'Test City', 'CITY', null, null, '/1/'),
  (2, 'A', '甲区', 'District A', 'DISTRICT', 1, 2, '/1/2/'),
  (3, 'B', '乙区', 'District B', 'DISTRICT', 1, 3, '/1/3/'),
  (4, 'A1', '甲一街道', 'A1 Street', 'STREET', 2, 2, '/1/2/4/'),
  (5, 'B1', '乙一街道', 'B1 Street', 'STREET', 3, 3, '/1/3/5/');
insert into agency (id, code, name, name_en, kind, level, region_id, valid_from) values
  (1, 'J', '市司法局', 'Justice Bureau', 'ENFORCEMENT', 'CITY', 1, '2016-01-01'),
  (2, 'M', '市市场监督管理局', 'Market Regulation', 'ENFORCEMENT', 'CITY', 1, '2016-01-01'),
  (3, 'AH', '甲区卫生健康局', 'District A Health', 'ENFORCEMENT', 'DISTRICT', 2, '2016-01-01');
insert into enforcement_domain (id, code, name, name_en) values (1, 'FOOD', '食品安全', 'Food safety'), (2, 'HEALTH', '卫生健康', 'Health');
insert into responsibility_item (id, agency_id, year, title, domain_id, audiences, forms, venue_types, planned_count, starts_on, ends_on, responsible_leader, responsible_department, published) values
  (1, 1, 2019, '宪法进校园', null, array['STUDENTS','YOUTH'], array['LECTURE'], array['SCHOOL'], 2, '2019-01-01', '2019-12-31', '甲', '普法科', true),
  (2, 1, 2019, '民法典进社区', null, array['COMMUNITY_RESIDENTS','ELDERLY'], array['LECTURE'], array['COMMUNITY'], 3, '2019-05-01', '2019-06-30', '甲', '普法科', true),
  (3, 2, 2019, '食品安全宣传', 1, array['BUSINESS_OWNERS','GENERAL_PUBLIC'], array['CONSULTATION'], array['ENTERPRISE','COMMUNITY'], 2, '2019-03-01', '2019-03-31', '乙', '法规科', true),
  (4, 2, 2019, '消费者权益日', 1, array['GENERAL_PUBLIC'], array['CONSULTATION'], array['PUBLIC_SPACE'], 1, '2019-03-10', '2019-03-20', '乙', '法规科', false),
  (5, 3, 2019, '健康知识讲座', 2, array['ELDERLY','PATIENTS'], array['LECTURE'], array['COMMUNITY'], 4, '2019-01-01', '2019-12-31', '丙', '办公室', true),
  (6, 1, 2020, '冬季普法', null, array['GENERAL_PUBLIC'], array['LECTURE'], array['PUBLIC_SPACE'], 1, '2019-12-15', '2020-01-31', '甲', '普法科', true);
insert into responsibility_item_districts (item_id, region_id) values (1, 2), (1, 3), (2, 3), (3, 2), (3, 3), (4, 2), (5, 2), (6, 2);
insert into activity (id, title, date, region_id, organiser_id, form, venue_type, audiences, domain_id) values
  (1, '宪法进校园一', '2019-03-05', 4, 1, 'LECTURE', 'SCHOOL', array['STUDENTS'], null),
  (2, '宪法进校园二', '2019-07-10', 5, 1, 'LECTURE', 'SCHOOL', array['STUDENTS','YOUTH'], null),
  (3, '宪法下乡', '2019-09-01', 3, 1, 'PERFORMANCE', 'VILLAGE', array['FARMERS_HERDERS'], null),
  (4, '民法典讲座', '2019-05-20', 5, 1, 'LECTURE', 'COMMUNITY', array['COMMUNITY_RESIDENTS'], null),
  (5, '民法典讲座（迟）', '2019-07-05', 5, 1, 'LECTURE', 'COMMUNITY', array['ELDERLY'], null),
  (6, '3·15咨询', '2019-03-15', 4, 2, 'CONSULTATION', 'PUBLIC_SPACE', array['GENERAL_PUBLIC','BUSINESS_OWNERS'], 1),
  (7, '食品安全直播', '2019-03-25', 1, 2, 'LIVE_STREAM', null, array['GENERAL_PUBLIC'], 1),
  (8, '食品安全进企业', '2019-04-02', 4, 2, 'LECTURE', 'ENTERPRISE', array['BUSINESS_OWNERS'], 1),
  (9, '冬季普法讲座', '2020-01-10', 4, 1, 'LECTURE', 'COMMUNITY', array['GENERAL_PUBLIC'], null),
  (10, '健康义诊', '2019-06-01', 2, 3, 'CONSULTATION', 'COMMUNITY', array['ELDERLY'], 2);
insert into activity_co_organisers (activity_id, agency_id) values (7, 3);
insert into activity_items (activity_id, item_id) values (1, 1), (2, 1), (3, 1), (4, 2), (5, 2), (6, 3), (6, 4), (7, 3), (8, 3), (9, 6);
insert into media_outlet (id, code, name, name_en, kind) values (1, 'RADIO', '综合广播', 'Radio', 'RADIO');
select setval(pg_get_serial_sequence(t, 'id'), 1000) from unnest(array['region','agency','enforcement_domain','responsibility_item','activity']) t;
`;
