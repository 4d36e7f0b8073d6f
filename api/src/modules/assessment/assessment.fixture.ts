/**
 * A small city whose 2023 scorecard is computed by hand in assessment.test.ts.
 * Regions: city 1, districts 甲区 2 and 乙区 3, street 4 (in 甲区).
 *
 * Agencies and why they are (not) assessed in 2023:
 *   1 J 市司法局 — a 2023 responsibility list (no enforcement power)
 *   2 M 市市场监督管理局 — list and a power (food)
 *   3 H 市卫生健康委员会 — list and a power (health)
 *   4 U 甲区城市管理综合执法局 — a power (urban management), no list
 *   5 R 市融媒体中心 — media, neither: not assessed (its partner slots count for nobody)
 *   6 O 原市食品药品监督管理局 — merged away 2018-12-31: not assessed
 *
 * 2023 figures per agency (list: planned → delivered inside the window; activities organised or
 * co-organised; cases published in 2023; satisfaction answers about it):
 *   J: I1 4 → 4 (#1–#4); activities 4; cases 4; satisfaction 5 5 4 4 (mean 4.5)
 *   M: I2 4 → 2 (#5, #6); activities 3 (#5, #6, co-organiser of #2); cases 1 (#6 is published 2024); satisfaction 4 4 (mean 4)
 *   H: I3 2 → 2 (#7, #8); activities 2; cases 3; no satisfaction question about it
 *   U: no list; activities 1 (#9); cases 0 (#10 unpublished); satisfaction 2 2 (mean 2)
 * Activity #10 (J, 2022-12-31) and slot/case rows of other years count for nobody in 2023.
 */
export const ASSESSMENT_FIXTURE = `
insert into region (id, code, name, name_en, level, parent_id, district_id, path) values
  (1, 'C', '测试市', 'Test City', 'CITY', null, null, '/1/'),
  (2, 'A', '甲区', 'District A', 'DISTRICT', 1, 2, '/1/2/'),
  (3, 'B', '乙区', 'District B', 'DISTRICT', 1, 3, '/1/3/'),
  (4, 'A1', '甲一街道', 'A1 Street', 'STREET', 2, 2, '/1/2/4/');
insert into agency (id, code, name, name_en, kind, level, region_id, valid_from, valid_to) values
  (1, 'J', '市司法局', 'Justice Bureau', 'DEPARTMENT', 'CITY', 1, '2016-01-01', null),
  (2, 'M', '市市场监督管理局', 'Market Regulation', 'ENFORCEMENT', 'CITY', 1, '2016-01-01', null),
  (3, 'H', '市卫生健康委员会', 'Health Commission', 'ENFORCEMENT', 'CITY', 1, '2016-01-01', null),
  (4, 'U', '甲区城市管理综合执法局', 'District A Urban Management', 'ENFORCEMENT', 'DISTRICT', 2, '2016-01-01', null),
  (5, 'R', '市融媒体中心', 'Media Centre', 'MEDIA', 'CITY', 1, '2016-01-01', null),
  (6, 'O', '原市食品药品监督管理局', 'Former Food and Drug Administration', 'ENFORCEMENT', 'CITY', 1, '2016-01-01', '2018-12-31');
insert into enforcement_domain (id, code, name, name_en) values (1, 'FOOD', '食品安全', 'Food safety'), (2, 'HEALTH', '卫生健康', 'Health'), (3, 'URBAN', '城市管理', 'Urban management');
insert into enforcement_power (id, agency_id, domain_id, is_lead, valid_from, valid_to) values
  (1, 2, 1, true, '2016-01-01', null), (2, 3, 2, true, '2016-01-01', null), (3, 4, 3, true, '2016-01-01', null), (4, 6, 1, false, '2016-01-01', '2018-12-31');
insert into responsibility_item (id, agency_id, year, title, domain_id, audiences, forms, venue_types, planned_count, starts_on, ends_on, responsible_leader, responsible_department, published) values
  (1, 1, 2023, '宪法进万家', null, array['GENERAL_PUBLIC'], array['LECTURE'], array['COMMUNITY'], 4, '2023-01-01', '2023-12-31', '甲', '普法科', true),
  (2, 2, 2023, '食品安全进社区', 1, array['GENERAL_PUBLIC'], array['CONSULTATION'], array['COMMUNITY'], 4, '2023-01-01', '2023-12-31', '乙', '法规科', true),
  (3, 3, 2023, '健康法治讲座', 2, array['ELDERLY'], array['LECTURE'], array['COMMUNITY'], 2, '2023-01-01', '2023-12-31', '丙', '办公室', true);
insert into activity (id, title, date, region_id, organiser_id, form, venue_type, audiences, domain_id, participants) values
  (1, '宪法宣传一', '2023-02-10', 4, 1, 'LECTURE', 'COMMUNITY', array['GENERAL_PUBLIC'], null, 50),
  (2, '宪法宣传二', '2023-04-10', 4, 1, 'LECTURE', 'COMMUNITY', array['GENERAL_PUBLIC'], null, 50),
  (3, '宪法宣传三', '2023-06-10', 3, 1, 'LECTURE', 'COMMUNITY', array['GENERAL_PUBLIC'], null, 50),
  (4, '宪法宣传四', '2023-12-04', 3, 1, 'LECTURE', 'COMMUNITY', array['GENERAL_PUBLIC'], null, 50),
  (5, '食品安全咨询一', '2023-03-15', 4, 2, 'CONSULTATION', 'COMMUNITY', array['GENERAL_PUBLIC'], 1, 30),
  (6, '食品安全咨询二', '2023-09-15', 3, 2, 'CONSULTATION', 'COMMUNITY', array['GENERAL_PUBLIC'], 1, 30),
  (7, '健康讲座一', '2023-05-20', 4, 3, 'LECTURE', 'COMMUNITY', array['ELDERLY'], 2, 20),
  (8, '健康讲座二', '2023-10-20', 3, 3, 'LECTURE', 'COMMUNITY', array['ELDERLY'], 2, 20),
  (9, '城管进社区', '2023-07-01', 4, 4, 'CONSULTATION', 'COMMUNITY', array['COMMUNITY_RESIDENTS'], 3, 40),
  (10, '跨年普法', '2022-12-31', 4, 1, 'LECTURE', 'PUBLIC_SPACE', array['GENERAL_PUBLIC'], null, 80);
insert into activity_co_organisers (activity_id, agency_id) values (2, 2);
insert into activity_items (activity_id, item_id) values (1, 1), (2, 1), (3, 1), (4, 1), (5, 2), (6, 2), (7, 3), (8, 3);
insert into case_study (id, agency_id, title, summary, body, domain_id, region_id, decided_on, published, published_on) values
  (1, 1, '案例一', '摘要', '正文', null, 4, '2023-01-05', true, '2023-02-01'),
  (2, 1, '案例二', '摘要', '正文', null, 4, '2023-02-05', true, '2023-03-01'),
  (3, 1, '案例三', '摘要', '正文', null, 4, '2023-03-05', true, '2023-04-01'),
  (4, 1, '案例四', '摘要', '正文', null, 4, '2023-04-05', true, '2023-05-01'),
  (5, 2, '过期食品案', '摘要', '正文', 1, 4, '2023-05-05', true, '2023-06-01'),
  (6, 2, '跨年发布案', '摘要', '正文', 1, 4, '2023-12-20', true, '2024-01-02'),
  (7, 3, '医疗案一', '摘要', '正文', 2, 4, '2023-02-05', true, '2023-03-01'),
  (8, 3, '医疗案二', '摘要', '正文', 2, 4, '2023-03-05', true, '2023-04-01'),
  (9, 3, '医疗案三', '摘要', '正文', 2, 4, '2023-04-05', true, '2023-05-01'),
  (10, 4, '未公开案例', '摘要', '正文', 3, 4, '2023-04-05', false, null);
insert into media_outlet (id, code, name, name_en, kind, agency_id) values (1, 'TV', '市电视台', 'City TV', 'TV', 5);
insert into broadcast_slot (id, outlet_id, channel, programme, kind, starts_at, duration_minutes, prime_time, partner_agency_id, reach) values
  (1, 1, '新闻综合', '普法公益广告', 'PUBLIC_SERVICE_AD', '2023-03-01T20:00:00+08:00', 1, true, 5, 1000);
insert into survey_wave (id, code, name, year, method, conducted_by, starts_on, ends_on) values (1, 'W2023', '2023年普法满意度调查', 2023, 'QUESTIONNAIRE', '第三方', '2023-09-01', '2023-09-30');
insert into survey_question (id, wave_id, kind, law_id, agency_id, text) values
  (1, 1, 'SATISFACTION', null, 1, '您对市司法局普法是否满意？'), (2, 1, 'SATISFACTION', null, 2, '您对市场监管局普法是否满意？'), (3, 1, 'SATISFACTION', null, 4, '您对城管局普法是否满意？');
insert into survey_response (id, wave_id, district_id, age_band, occupation, submitted_on) values
  (1, 1, 2, 'AGE_30_44', 'WORKER', '2023-09-01'), (2, 1, 3, 'AGE_60_PLUS', 'RETIRED', '2023-09-02'),
  (3, 1, 2, 'AGE_18_29', 'STUDENT', '2023-09-03'), (4, 1, 3, 'AGE_45_59', 'FARMER_HERDER', '2023-09-04');
insert into survey_answer (id, response_id, question_id, aware, satisfaction) values
  (1, 1, 1, null, 5), (2, 2, 1, null, 5), (3, 3, 1, null, 4), (4, 4, 1, null, 4),
  (5, 1, 2, null, 4), (6, 2, 2, null, 4),
  (7, 3, 3, null, 2), (8, 4, 3, null, 2);
select setval(pg_get_serial_sequence(t, 'id'), 1000) from unnest(array['region','agency','enforcement_domain','enforcement_power','responsibility_item','activity','case_study','media_outlet','broadcast_slot','survey_wave','survey_question','survey_response','survey_answer']) t;
`;
