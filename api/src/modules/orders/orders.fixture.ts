/**
 * Powers for routing, on top of ANALYTICS_FIXTURE and PORTAL_FIXTURE. Agencies: 2 M and 3 H
 * (city) hold FOOD; 4 MA (district A, Region:2) holds FOOD; 5 X held FOOD until 2018 and no longer
 * exists; 3 H holds ECO; nobody holds TRAFFIC. Laws: 2 食品安全法 → FOOD, 3 环境保护法 → ECO,
 * 1 宪法 → no domain. Activity 50 is H's, held today (for DONE).
 */
export const ORDERS_FIXTURE = (today: string) => `
insert into enforcement_domain (id, code, name, name_en) values (2, 'ECO', '生态环境', 'Ecology'), (3, 'TRAFFIC', '道路交通', 'Road traffic');
insert into law_domains (law_id, domain_id) values (3, 2);
insert into agency (id, code, name, name_en, kind, level, region_id, valid_from, valid_to) values
  (4, 'MA', '甲区市场监督管理局', 'District A Market Regulation', 'ENFORCEMENT', 'DISTRICT', 2, '2016-01-01', null),
  (5, 'X', '原工商行政管理局', 'Former Industry and Commerce Bureau', 'ENFORCEMENT', 'CITY', 1, '2010-01-01', '2018-12-31');
insert into enforcement_power (id, agency_id, domain_id, is_lead, valid_from, valid_to) values
  (3, 4, 1, false, '2016-01-01', null), (4, 5, 1, true, '2010-01-01', '2018-12-31'), (5, 3, 2, true, '2016-01-01', null);
insert into activity (id, title, date, region_id, organiser_id, form, venue_type, audiences, domain_id, participants, materials, consultations, online_views) values
  (50, '餐饮安全进校园', '${today}', 5, 3, 'LECTURE', 'SCHOOL', array['STUDENTS'], 1, 60, 60, 0, 0);
select setval(pg_get_serial_sequence(t, 'id'), 1000) from unnest(array['enforcement_domain','agency','enforcement_power','activity']) t;
`;

/**
 * Orders of 2025 with their answers, for supplyDemand (figures in supply-demand.test.ts). Times are
 * Asia/Shanghai. Order 100 wishes for 2024 and never counts in 2025.
 */
export const SUPPLY_FIXTURE = `
insert into responsibility_item (id, agency_id, year, title, domain_id, audiences, forms, venue_types, planned_count, starts_on, ends_on, responsible_leader, responsible_department, published) values
  (20, 2, 2025, '食品安全进校园', 1, array['STUDENTS'], array['LECTURE'], array['SCHOOL'], 3, '2025-01-01', '2025-12-31', '王副局长', '法规科', true),
  (21, 1, 2025, '宪法进社区', null, array['COMMUNITY_RESIDENTS'], array['LECTURE'], array['COMMUNITY'], 3, '2025-01-01', '2025-12-31', '赵局长', '普法科', true),
  (22, 3, 2025, '环保法草案事项', 2, array['ENTERPRISE_STAFF'], array['LECTURE'], array['ENTERPRISE'], 2, '2025-01-01', '2025-12-31', '孙主任', '法规处', false);
insert into responsibility_item_laws (item_id, law_id) values (20, 2), (21, 1), (22, 3);
insert into education_order (id, ordered_at, requester_kind, requester_name, contact_name, contact_phone, topic, law_id, domain_id, district_id, wished_from, wished_to) values
  (100, '2024-05-01 10:00+08', 'SCHOOL', '往年学校', '甲', '13800000000', '食品安全', null, 1, 3, '2024-06-01', '2024-06-30'),
  (101, '2025-03-01 10:00+08', 'SCHOOL', '乙区第一中学', '张老师', '13800000001', '食品安全', null, 1, 3, '2025-04-01', '2025-04-30'),
  (102, '2025-03-10 09:00+08', 'COMMUNITY', '甲区幸福社区', '李主任', '13800000002', '食品安全法', 2, null, 2, '2025-04-01', '2025-05-31'),
  (103, '2025-04-01 08:00+08', 'ENTERPRISE', '乙区化工厂', '王经理', '13800000003', '环保与运输', 3, 3, 3, '2025-05-01', '2025-05-31'),
  (104, '2025-04-05 08:00+08', 'VILLAGE', '甲区某村', '赵书记', '13800000004', '宪法', 1, null, 2, '2025-06-01', '2025-06-30'),
  (105, '2025-04-06 08:00+08', 'SCHOOL', '甲区小学', '钱老师', '13800000005', '交通安全', null, 3, 2, '2025-09-01', '2025-09-30'),
  (106, '2025-04-07 08:00+08', 'SCHOOL', '乙区小学', '孙老师', '13800000006', '交通安全', null, 3, 3, '2025-09-01', '2025-09-30');
insert into education_order_domains (order_id, domain_id) values (100, 1), (101, 1), (102, 1), (103, 2), (103, 3), (105, 3), (106, 3);
insert into education_order_agency (order_id, agency_id, status, planned_on, decline_reason, answered_at) values
  (100, 2, 'DONE', null, null, '2024-05-02 10:00+08'),
  (101, 2, 'ACCEPTED', '2025-04-15', null, '2025-03-03 10:00+08'),
  (101, 3, 'WAITING', null, null, null),
  (102, 2, 'DONE', '2025-04-10', null, '2025-03-11 21:00+08'),
  (102, 3, 'DECLINED', null, '不在本局职责范围', '2025-03-15 09:00+08'),
  (102, 4, 'WAITING', null, null, null),
  (103, 3, 'WAITING', null, null, null);
select setval(pg_get_serial_sequence('education_order', 'id'), 1000);
`;
