/**
 * A small city whose figures are computed by hand in analytics.test.ts.
 * Districts: A (2) and B (3), streets 4 (in A) and 5 (in B). Agencies 1 justice, 2 market, 3 health.
 */
export const ANALYTICS_FIXTURE = `
insert into region (id, code, name, name_en, level, parent_id, district_id, path) values
  (1, 'C', '测试市', 'Test City', 'CITY', null, null, '/1/'),
  (2, 'A', '甲区', 'District A', 'DISTRICT', 1, 2, '/1/2/'),
  (3, 'B', '乙区', 'District B', 'DISTRICT', 1, 3, '/1/3/'),
  (4, 'A1', '甲一街道', 'A1 Street', 'STREET', 2, 2, '/1/2/4/'),
  (5, 'B1', '乙一街道', 'B1 Street', 'STREET', 3, 3, '/1/3/5/');
insert into agency (id, code, name, name_en, kind, level, region_id, valid_from) values
  (1, 'J', '市司法局', 'Justice Bureau', 'ENFORCEMENT', 'CITY', 1, '2016-01-01'),
  (2, 'M', '市市场监督管理局', 'Market Regulation', 'ENFORCEMENT', 'CITY', 1, '2016-01-01'),
  (3, 'H', '市卫生健康委员会', 'Health Commission', 'ENFORCEMENT', 'CITY', 1, '2016-01-01');
insert into enforcement_domain (id, code, name, name_en) values (1, 'FOOD', '食品安全', 'Food safety');
insert into enforcement_power (id, agency_id, domain_id, is_lead, valid_from) values (1, 2, 1, false, '2016-01-01'), (2, 3, 1, false, '2016-01-01');
insert into law (id, code, name, name_en, kind) values (1, 'CONST', '宪法', 'Constitution', 'CONSTITUTION'), (2, 'FOODLAW', '食品安全法', 'Food Safety Law', 'LAW');
insert into activity (id, title, date, region_id, organiser_id, form, venue_type, audiences, domain_id, participants, materials, consultations, online_views) values
  (1, '宪法进校园', '2019-03-10', 4, 1, 'LECTURE', 'SCHOOL', array['STUDENTS','YOUTH'], null, 100, 200, 10, 0),
  (2, '食品安全咨询', '2019-03-25', 5, 2, 'CONSULTATION', 'COMMUNITY', array['ELDERLY'], 1, 50, 80, 30, 0),
  (3, '法治乌兰牧骑演出', '2019-07-01', 2, 3, 'PERFORMANCE', 'VILLAGE', array['FARMERS_HERDERS','STUDENTS'], 1, 300, 0, 5, 0),
  (4, '干部学法讲座', '2020-01-15', 5, 1, 'LECTURE', 'WORKPLACE', array['CIVIL_SERVANTS'], null, 40, 40, 0, 0);
insert into activity_co_organisers (activity_id, agency_id) values (1, 2), (3, 2);
insert into activity_laws (activity_id, law_id) values (1, 1), (2, 2), (3, 1), (3, 2);
insert into media_outlet (id, code, name, name_en, kind) values (1, 'RADIO', '综合广播', 'Radio', 'RADIO');
insert into broadcast_slot (id, outlet_id, channel, programme, kind, starts_at, duration_minutes, prime_time, partner_agency_id, reach) values
  (1, 1, 'FM', '普法进行时', 'PROGRAMME', '2019-03-31T23:30:00+08:00', 30, true, 1, 1000),
  (2, 1, 'FM', '普法进行时', 'PROGRAMME', '2019-03-31T16:30:00Z', 20, false, 2, 500);
insert into training_session (id, title, kind, organiser_id, starts_on, ends_on, hours, region_id) values
  (1, '骨干培训班', 'BACKBONE_CLASS', 1, '2019-05-10', '2019-05-11', 12, 1);
insert into training_attendance (id, session_id, agency_id, attendee, leading_cadre, required, attended, hours, score) values
  (1, 1, 1, '张一', false, true, true, 12, 90), (2, 1, 1, '张二', false, true, true, 12, 80), (3, 1, 1, '张三', false, true, false, 0, null),
  (4, 1, 2, '李一', false, true, false, 0, null), (5, 1, 2, '李二', false, true, false, 0, null),
  (6, 1, 3, '王一', false, false, true, 12, 70);
insert into case_study (id, agency_id, title, summary, body, domain_id, region_id, decided_on, published, published_on) values
  (1, 2, '过期食品案', '摘要', '正文', 1, 4, '2019-05-01', true, '2019-06-01'),
  (2, 2, '未公开案例', '摘要', '正文', 1, 4, '2019-05-02', false, null);
insert into survey_wave (id, code, name, year, method, conducted_by, starts_on, ends_on) values (1, 'W2019', '2019年普法满意度调查', 2019, 'QUESTIONNAIRE', '第三方', '2019-09-01', '2019-09-30');
insert into survey_question (id, wave_id, kind, law_id, agency_id, text) values
  (1, 1, 'AWARENESS', 1, null, '您是否了解宪法？'), (2, 1, 'AWARENESS', 2, null, '您是否了解食品安全法？'), (3, 1, 'SATISFACTION', null, 2, '您对市场监管局普法是否满意？');
insert into survey_response (id, wave_id, district_id, age_band, occupation, submitted_on) values
  (1, 1, 2, 'AGE_30_44', 'WORKER', '2019-09-01'), (2, 1, 3, 'AGE_60_PLUS', 'RETIRED', '2019-09-02'), (3, 1, 2, 'AGE_18_29', 'STUDENT', '2019-09-03');
insert into survey_answer (id, response_id, question_id, aware, satisfaction) values
  (1, 1, 1, true, null), (2, 1, 2, false, null), (3, 1, 3, null, 4),
  (4, 2, 1, true, null), (5, 2, 2, true, null), (6, 2, 3, null, 2),
  (7, 3, 1, false, null), (8, 3, 3, null, 5);
select setval(pg_get_serial_sequence(t, 'id'), (select max(id) from region) + 1000) from unnest(array['region','agency','enforcement_domain','enforcement_power','law','activity','media_outlet','broadcast_slot','training_session','training_attendance','case_study','survey_wave','survey_question','survey_response','survey_answer']) t;
`;
