/**
 * Two survey waves in a city of three districts; figures computed by hand in survey-results.test.ts.
 *
 * Districts A (2), B (3), D (4); street 5 lies in A. Agencies: 1 market (power in FOOD), 2 health
 * (FOOD, and HEALTH until 2019-12-31), 3 justice (no power). Laws: 1 constitution (no domain),
 * 2 food safety (FOOD and HEALTH), 3 epidemic prevention (HEALTH).
 *
 * Wave 1 (2019-09)                                   Wave 2 (2020-09)
 *  r1–r60  A, 2019-09-01 + (i mod 10) days            r67–r76 A, 2020-09-03
 *    law 2: aware for i ≤ 45 (45/60)                    law 2: aware for r67–r69 (3/10)
 *    agency 1: 4 for i ≤ 40, 5 for i ≤ 50, else 3       law 3: aware for r67 (1/10)
 *  r61–r65 B, 2019-09-05                                agency 1: 2 for even ids, 3 for odd
 *    law 1: aware r61–r63, not r64–r65 (3/5)          r77–r80 B, 2020-09-04
 *    law 3: not aware r61–r64, r65 no answer (0/4)      law 1: all aware (4/4)
 *    agency 2: 5, 4, 4 (r61–r63), r64 no answer         agency 2: all 3
 *  r66     D, 2019-09-10: law 2 aware; agency 1: 2
 */
export const SURVEY_RESULTS_FIXTURE = `
insert into region (id, code, name, name_en, level, parent_id, district_id, path) values
  (1, 'C', '测试市', 'Test City', 'CITY', null, null, '/1/'),
  (2, 'A', '甲区', 'District A', 'DISTRICT', 1, 2, '/1/2/'),
  (3, 'B', '乙区', 'District B', 'DISTRICT', 1, 3, '/1/3/'),
  (4, 'D', '丙区', 'District D', 'DISTRICT', 1, 4, '/1/4/'),
  (5, 'A1', '甲一街道', 'A1 Street', 'STREET', 2, 2, '/1/2/5/');
insert into agency (id, code, name, name_en, kind, level, region_id, valid_from) values
  (1, 'M', '市市场监督管理局', 'Market Regulation', 'ENFORCEMENT', 'CITY', 1, '2016-01-01'),
  (2, 'H', '市卫生健康委员会', 'Health Commission', 'ENFORCEMENT', 'CITY', 1, '2016-01-01'),
  (3, 'J', '市司法局', 'Justice Bureau', 'ENFORCEMENT', 'CITY', 1, '2016-01-01');
insert into enforcement_domain (id, code, name, name_en) values (1, 'FOOD', '食品安全', 'Food safety'), (2, 'HEALTH', '卫生健康', 'Health');
insert into enforcement_power (id, agency_id, domain_id, is_lead, valid_from, valid_to) values
  (1, 1, 1, true, '2016-01-01', null), (2, 2, 1, false, '2016-01-01', null), (3, 2, 2, true, '2016-01-01', '2019-12-31');
insert into law (id, code, name, name_en, kind) values
  (1, 'CONST', '宪法', 'Constitution', 'CONSTITUTION'), (2, 'FOODLAW', '食品安全法', 'Food Safety Law', 'LAW'), (3, 'EPIDEMIC', '传染病防治法', 'Epidemic Prevention Law', 'LAW');
insert into law_domains (law_id, domain_id) values (2, 1), (2, 2), (3, 2);
insert into survey_wave (id, code, name, year, method, conducted_by, starts_on, ends_on) values
  (1, 'W2019', '2019年普法满意度调查', 2019, 'QUESTIONNAIRE', '第三方', '2019-09-01', '2019-09-30'),
  (2, 'W2020', '2020年普法满意度调查', 2020, 'QUESTIONNAIRE', '第三方', '2020-09-01', '2020-09-30');
insert into survey_question (id, wave_id, kind, law_id, agency_id, text) values
  (1, 1, 'AWARENESS', 1, null, '宪法'), (2, 1, 'AWARENESS', 2, null, '食品安全法'), (3, 1, 'AWARENESS', 3, null, '传染病防治法'),
  (4, 1, 'SATISFACTION', null, 1, '市场监管局'), (5, 1, 'SATISFACTION', null, 2, '卫健委'),
  (6, 2, 'AWARENESS', 1, null, '宪法'), (7, 2, 'AWARENESS', 2, null, '食品安全法'), (8, 2, 'AWARENESS', 3, null, '传染病防治法'),
  (9, 2, 'SATISFACTION', null, 1, '市场监管局'), (10, 2, 'SATISFACTION', null, 2, '卫健委');
insert into survey_response (id, wave_id, district_id, age_band, occupation, submitted_on)
  select i, 1, 2, 'AGE_30_44', 'WORKER', date '2019-09-01' + (i % 10) from generate_series(1, 60) i;
insert into survey_response (id, wave_id, district_id, age_band, occupation, submitted_on)
  select i, 1, 3, 'AGE_60_PLUS', 'RETIRED', date '2019-09-05' from generate_series(61, 65) i;
insert into survey_response (id, wave_id, district_id, age_band, occupation, submitted_on) values (66, 1, 4, 'AGE_18_29', 'STUDENT', '2019-09-10');
insert into survey_response (id, wave_id, district_id, age_band, occupation, submitted_on)
  select i, 2, 2, 'AGE_45_59', 'FARMER_HERDER', date '2020-09-03' from generate_series(67, 76) i;
insert into survey_response (id, wave_id, district_id, age_band, occupation, submitted_on)
  select i, 2, 3, 'AGE_18_29', 'STUDENT', date '2020-09-04' from generate_series(77, 80) i;
insert into survey_answer (response_id, question_id, aware, satisfaction)
  select i, 2, i <= 45, null from generate_series(1, 60) i
  union all select i, 4, null, case when i <= 40 then 4 when i <= 50 then 5 else 3 end from generate_series(1, 60) i
  union all select i, 1, i <= 63, null from generate_series(61, 65) i
  union all select i, 3, case when i <= 64 then false end, null from generate_series(61, 65) i
  union all select i, 5, null, case i when 61 then 5 when 62 then 4 when 63 then 4 end from generate_series(61, 64) i
  union all select 66, 2, true, null
  union all select 66, 4, null, 2
  union all select i, 7, i <= 69, null from generate_series(67, 76) i
  union all select i, 8, i = 67, null from generate_series(67, 76) i
  union all select i, 9, null, 2 + i % 2 from generate_series(67, 76) i
  union all select i, 6, true, null from generate_series(77, 80) i
  union all select i, 10, null, 3 from generate_series(77, 80) i;
select setval(pg_get_serial_sequence(t, 'id'), 1000) from unnest(array['region','agency','enforcement_domain','enforcement_power','law','survey_wave','survey_question','survey_response']) t;
`;
