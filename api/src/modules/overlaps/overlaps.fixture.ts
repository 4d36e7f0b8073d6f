/**
 * A small city whose overlap gaps are computed by hand in overlaps.test.ts.
 * Districts 甲区 A (2), 乙区 B (3), 丙区 C (4, code D); streets 5 (in A) and 6 (in B).
 * Agencies: 1 J 司法局, 2 M 市场监管局, 3 MA 甲区市场监管局 (child of 2), 4 H 卫健委, 5 P 公安局.
 * Domains: 1 食品安全 FOOD, 2 道路交通 TRAFFIC, 3 安全生产 WORKSAFE, 4 生态环境 ECO, 5 医疗卫生 HEALTH.
 *
 * In 2019: FOOD is held by M (lead), MA, H; TRAFFIC by P, J (no lead); WORKSAFE by P (lead), M (J's power
 * expired at the end of 2018); ECO only by M and MA, parent and child: no overlap (H's power starts in
 * 2020); HEALTH by H (lead), J.
 */
export const OVERLAPS_FIXTURE = `
insert into region (id, code, name, name_en, level, parent_id, district_id, path) values
  (1, 'C', '测试市', 'Test City', 'CITY', null, null, '/1/'),
  (2, 'A', '甲区', 'District A', 'DISTRICT', 1, 2, '/1/2/'),
  (3, 'B', '乙区', 'District B', 'DISTRICT', 1, 3, '/1/3/'),
  (4, 'D', '丙区', 'District C', 'DISTRICT', 1, 4, '/1/4/'),
  (5, 'A1', '甲一街道', 'A1 Street', 'STREET', 2, 2, '/1/2/5/'),
  (6, 'B1', '乙一街道', 'B1 Street', 'STREET', 3, 3, '/1/3/6/');
insert into agency (id, code, name, name_en, kind, level, region_id, parent_id, valid_from) values
  (1, 'J', '市司法局', 'Justice Bureau', 'ENFORCEMENT', 'CITY', 1, null, '2016-01-01'),
  (2, 'M', '市市场监督管理局', 'Market Regulation', 'ENFORCEMENT', 'CITY', 1, null, '2016-01-01'),
  (3, 'MA', '甲区市场监督管理局', 'District A Market Regulation', 'ENFORCEMENT', 'DISTRICT', 2, 2, '2016-01-01'),
  (4, 'H', '市卫生健康委员会', 'Health Commission', 'ENFORCEMENT', 'CITY', 1, null, '2016-01-01'),
  (5, 'P', '市公安局', 'Public Security Bureau', 'ENFORCEMENT', 'CITY', 1, null, '2016-01-01');
insert into enforcement_domain (id, code, name, name_en) values
  (1, 'FOOD', '食品安全', 'Food safety'), (2, 'TRAFFIC', '道路交通', 'Road traffic'), (3, 'WORKSAFE', '安全生产', 'Work safety'),
  (4, 'ECO', '生态环境', 'Ecology'), (5, 'HEALTH', '医疗卫生', 'Health');
insert into enforcement_power (id, agency_id, domain_id, is_lead, valid_from, valid_to) values
  (1, 2, 1, true, '2016-01-01', null), (2, 3, 1, false, '2016-01-01', null), (3, 4, 1, false, '2016-01-01', null),
  (4, 5, 2, false, '2016-01-01', null), (5, 1, 2, false, '2016-01-01', null),
  (6, 5, 3, true, '2016-01-01', null), (7, 2, 3, false, '2016-01-01', null), (8, 1, 3, false, '2016-01-01', '2018-12-31'),
  (9, 2, 4, false, '2016-01-01', null), (10, 3, 4, false, '2016-01-01', null), (11, 4, 4, false, '2020-01-01', null),
  (12, 4, 5, true, '2016-01-01', null), (13, 1, 5, false, '2016-01-01', null);
insert into activity (id, title, date, region_id, organiser_id, form, audiences, domain_id) values
  (1, '食品安全进社区', '2019-03-15', 5, 2, 'CONSULTATION', array['ELDERLY','BUSINESS_OWNERS'], 1),
  (2, '校园食品安全课', '2019-06-01', 6, 4, 'LECTURE', array['STUDENTS'], 1),
  (3, '食品安全法宣讲', '2019-09-01', 3, 1, 'LECTURE', array['GENERAL_PUBLIC'], 1),
  (4, '年末食品抽检宣传', '2018-12-31', 4, 4, 'MATERIAL_HANDOUT', array['ELDERLY'], 1),
  (5, '丙区食品安全咨询', '2019-05-01', 4, 1, 'CONSULTATION', array['ELDERLY'], 1),
  (6, '交通安全讲座', '2019-04-01', 2, 4, 'LECTURE', array['DRIVERS'], 2),
  (7, '交通安全宣传', '2018-06-01', 2, 5, 'MATERIAL_HANDOUT', array['DRIVERS'], 2),
  (8, '安全生产月宣讲', '2019-06-15', 2, 5, 'LECTURE', array['ENTERPRISE_STAFF'], 3),
  (9, '工地安全普法', '2019-08-01', 5, 5, 'CASE_EXPLANATION', array['ENTERPRISE_STAFF','MIGRANT_WORKERS'], 3),
  (10, '环保宣传', '2019-05-10', 2, 2, 'EXHIBITION', array['GENERAL_PUBLIC'], 4),
  (11, '医患纠纷普法', '2019-04-07', 2, 4, 'LECTURE', array['PATIENTS','ELDERLY'], 5),
  (12, '医疗法律咨询', '2019-04-08', 3, 1, 'CONSULTATION', array['GENERAL_PUBLIC'], 5),
  (13, '社区健康普法', '2019-04-09', 4, 4, 'PERFORMANCE', array['COMMUNITY_RESIDENTS'], 5),
  (14, '健康普法直播', '2019-10-01', 1, 4, 'LIVE_STREAM', array[]::text[], 5);
insert into activity_co_organisers (activity_id, agency_id) values (2, 3), (3, 2), (13, 1);
insert into responsibility_item (id, agency_id, year, title, domain_id, audiences, forms, venue_types, planned_count, starts_on, ends_on, responsible_leader, responsible_department) values
  (1, 2, 2019, '食品安全宣传', 1, array['ELDERLY','BUSINESS_OWNERS'], array['LECTURE'], array['COMMUNITY'], 4, '2019-01-01', '2019-12-31', '王局长', '法规科'),
  (2, 4, 2019, '食品卫生宣传', 1, array['ELDERLY','PATIENTS'], array['LECTURE'], array['COMMUNITY'], 2, '2019-01-01', '2019-12-31', '李主任', '法规处'),
  (3, 3, 2019, '区食品安全宣传', 1, array['PATIENTS'], array['LECTURE'], array['COMMUNITY'], 1, '2019-03-01', '2019-06-30', '赵局长', '办公室'),
  (4, 3, 2018, '青少年食品安全', 1, array['YOUTH'], array['LECTURE'], array['SCHOOL'], 1, '2018-01-01', '2018-12-31', '赵局长', '办公室'),
  (5, 1, 2019, '食品安全法进家庭', 1, array['WOMEN'], array['LECTURE'], array['COMMUNITY'], 1, '2019-01-01', '2019-12-31', '张局长', '普法科'),
  (6, 5, 2019, '交通安全宣传', 2, array['DRIVERS'], array['LECTURE'], array['PUBLIC_SPACE'], 3, '2019-01-01', '2019-12-31', '刘局长', '交警支队'),
  (7, 1, 2019, '安全生产法学习', 3, array['CIVIL_SERVANTS'], array['LECTURE'], array['WORKPLACE'], 1, '2019-01-01', '2019-12-31', '张局长', '普法科'),
  (8, 2, 2019, '企业安全生产宣传', 3, array['ENTERPRISE_STAFF'], array['LECTURE'], array['ENTERPRISE'], 2, '2019-01-01', '2019-12-31', '王局长', '法规科'),
  (9, 4, 2019, '医疗法律宣传', 5, array['PATIENTS','WOMEN'], array['LECTURE'], array['COMMUNITY'], 2, '2019-01-01', '2019-12-31', '李主任', '法规处'),
  (10, 1, 2019, '妇女健康权益', 5, array['WOMEN','ELDERLY'], array['LECTURE'], array['COMMUNITY'], 1, '2019-01-01', '2019-03-31', '张局长', '普法科');
insert into media_outlet (id, code, name, name_en, kind) values (1, 'RADIO', '综合广播', 'Radio', 'RADIO');
select setval(pg_get_serial_sequence(t, 'id'), 1000) from unnest(array['region','agency','enforcement_domain','enforcement_power','activity','responsibility_item','media_outlet']) t;
`;

/**
 * Added by the last test: more agencies, domains and powers (the statement count must not change).
 * 6 原食药监局 merged into M on 2019-04-01 (successor): its DRUG power and M's are one unit's, no overlap.
 * 7 交通运输局 joins TRAFFIC and URBAN; 8 城管局 ceased at the end of 2018 though its powers were never closed.
 */
export const OVERLAPS_MORE = `
insert into agency (id, code, name, name_en, kind, level, region_id, valid_from, valid_to, successor_id) values
  (6, 'FDA', '原市食品药品监督管理局', 'Former Food and Drug Administration', 'ENFORCEMENT', 'CITY', 1, '2016-01-01', '2019-03-31', 2),
  (7, 'T', '市交通运输局', 'Transport Bureau', 'ENFORCEMENT', 'CITY', 1, '2016-01-01', null, null),
  (8, 'U', '市城市管理综合执法局', 'Urban Management', 'ENFORCEMENT', 'CITY', 1, '2016-01-01', '2018-12-31', null);
insert into enforcement_domain (id, code, name, name_en) values (6, 'DRUG', '药品安全', 'Drug safety'), (7, 'URBAN', '城市管理', 'Urban management');
insert into enforcement_power (id, agency_id, domain_id, is_lead, valid_from, valid_to) values
  (14, 6, 6, false, '2016-01-01', '2019-03-31'), (15, 2, 6, false, '2019-04-01', null),
  (16, 7, 2, false, '2016-01-01', null), (17, 8, 2, false, '2016-01-01', null),
  (18, 7, 7, false, '2016-01-01', null), (19, 8, 7, false, '2016-01-01', null), (20, 5, 7, false, '2016-01-01', null);
`;
