import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, startTestHub, type TestHub } from '../../test/hub.js';
import { ANALYTICS_FIXTURE } from '../analytics/analytics.fixture.js';
import { Role } from '../auth/role.js';
import { LOCK_MESSAGE } from './locks.js';
import { todayInShanghai } from './rows.js';

const DELETE = `mutation($ids: [ID!]!, $reason: String) { deleteRecords(ids: $ids, reason: $reason) { deleted } }`;
const totals = (measures: string) => `{ analytics(measures: [${measures}]) { totals { value } } }`;
const Y = Number(todayInShanghai().slice(0, 4));
const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as Record<string, any>;

describe.each(backends())('deleting records on %s', (kind) => {
  let hub: TestHub;
  let reporter: string;
  let media: string;
  let operator: string;
  const figures = async (measures: string) => (await hub.gql(totals(measures))).data.analytics.totals.map((t: any) => t.value);
  const activities = () => figures('ACTIVITY_COUNT, PARTICIPANTS');
  const slots = () => figures('BROADCAST_COUNT, BROADCAST_MINUTES');
  const counts = async () => (await hub.sql(`select
      (select count(*)::int from activity) as activities, (select count(*)::int from activity_laws) as activity_laws,
      (select count(*)::int from activity_co_organisers) as co_organisers, (select count(*)::int from activity_items) as activity_items,
      (select count(*)::int from broadcast_slot) as slots, (select count(*)::int from responsibility_item) as items,
      (select count(*)::int from responsibility_item_laws) as item_laws, (select count(*)::int from responsibility_item_districts) as item_districts,
      (select count(*)::int from case_study) as cases, (select count(*)::int from training_attendance) as attendance,
      (select count(*)::int from survey_response) as responses, (select count(*)::int from survey_answer) as answers,
      (select count(*)::int from audit_entry) as audits`))[0] as Record<string, number>;
  const deletions = async (entity: string) => hub.sql(`select entity_id, before, after, reason from audit_entry where action = 'DELETE' and entity = '${entity}' order by entity_id`);

  beforeAll(async () => {
    hub = await startTestHub(kind);
    for (const stmt of ANALYTICS_FIXTURE.split(';').map((s) => s.trim()).filter(Boolean)) await hub.sql(stmt);
    // Agency:2's list: 1 open and unpublished, 2 published, 3 of last year (closed). Activity 4 delivers item 1.
    await hub.sql(`insert into responsibility_item (id, agency_id, year, title, domain_id, audiences, forms, venue_types, planned_count, starts_on, ends_on, responsible_leader, responsible_department, published) values
      (1, 2, ${Y}, '本年未发布', 1, array['ELDERLY'], array['LECTURE'], array['COMMUNITY'], 3, '${Y}-01-01', '${Y}-12-31', '王副局长', '法规科', false),
      (2, 2, ${Y}, '本年已发布', 1, array['ELDERLY'], array['LECTURE'], array['COMMUNITY'], 4, '${Y}-01-01', '${Y}-12-31', '王副局长', '法规科', true),
      (3, 2, ${Y - 1}, '往年未发布', 1, array['ELDERLY'], array['LECTURE'], array['COMMUNITY'], 5, '${Y - 1}-01-01', '${Y - 1}-12-31', '王副局长', '法规科', false)`);
    await hub.sql(`insert into responsibility_item_laws (item_id, law_id) values (1, 1), (1, 2), (2, 2), (3, 2)`);
    await hub.sql(`insert into responsibility_item_districts (item_id, region_id) values (1, 2), (1, 3), (2, 2), (3, 3)`);
    await hub.sql(`insert into activity_items (activity_id, item_id) values (4, 1)`);
    reporter = await hub.login(Role.AGENCY_REPORTER, { agencyId: 2 });
    media = await hub.login(Role.MEDIA_PARTNER, { outletId: 1 });
    operator = await hub.login(Role.SURVEY_OPERATOR);
  });
  afterAll(() => hub?.close());

  it('refuses records of another agency or outlet, other roles, unknown ids and the public, deleting nothing', async () => {
    const before = await counts();
    // Fixture: 4 activities, 490 participants; 2 slots, 50 minutes.
    expect(await activities()).toEqual([4, 490]);
    expect(await slots()).toEqual([2, 50]);

    // Activity:1 is organised by Agency:1 (Agency:2 only co-organises it): not the reporter's to delete.
    const other = await hub.gqlAs(reporter, DELETE, { ids: ['Activity:2', 'Activity:1'] });
    expect(other.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(other.errors![0]!.message).toBe('Nothing was deleted: Activity:1: Your account reports for Agency:2; it may not write records of Agency:1');
    expect(other.errors![0]!.extensions!.problems).toEqual([{ path: ['ids', 1], message: 'Activity:1: Your account reports for Agency:2; it may not write records of Agency:1' }]);
    const slot = await hub.gqlAs(reporter, DELETE, { ids: ['BroadcastSlot:1'] });
    expect(slot.errors![0]!.extensions!.problems).toEqual([{ path: ['ids', 0], message: 'BroadcastSlot:1: Your account (AGENCY_REPORTER) may not write broadcast slot records' }]);
    const mediaActivity = await hub.gqlAs(media, DELETE, { ids: ['BroadcastSlot:2', 'Activity:2'] });
    expect(mediaActivity.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(mediaActivity.errors![0]!.extensions!.problems).toEqual([{ path: ['ids', 1], message: 'Activity:2: Your account (MEDIA_PARTNER) may not write activity records' }]);
    const operatorAttendance = await hub.gqlAs(operator, DELETE, { ids: ['SurveyResponse:1', 'TrainingAttendance:1'] });
    expect(operatorAttendance.errors![0]!.extensions!.problems).toEqual([{ path: ['ids', 1], message: 'TrainingAttendance:1: Your account (SURVEY_OPERATOR) may not write training attendance records' }]);

    const unknown = await hub.gqlAs(reporter, DELETE, { ids: ['Activity:2', 'Activity:99', 'CaseStudy:99'] });
    expect(unknown.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(unknown.errors![0]!.message).toBe('Nothing was deleted: 2 problems; first: Activity:99 does not exist');
    expect(unknown.errors![0]!.extensions!.problems).toEqual([
      { path: ['ids', 1], message: 'Activity:99 does not exist' },
      { path: ['ids', 2], message: 'CaseStudy:99 does not exist' },
    ]);
    const notDeletable = await hub.gqlAs(reporter, DELETE, { ids: ['Agency:2', 'activity-2'] });
    expect(notDeletable.errors![0]!.extensions!.problems).toEqual([
      { path: ['ids', 0], message: 'Agency:2 cannot be deleted: only Activity, BroadcastSlot, TrainingAttendance, SurveyResponse, ResponsibilityItem, CaseStudy records can' },
      { path: ['ids', 1], message: '"activity-2" is not an id (expected the form Activity:123)' },
    ]);
    expect((await hub.gqlAs(reporter, DELETE, { ids: [] })).errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect((await hub.gqlAs(reporter, DELETE, { ids: Array.from({ length: 1001 }, (_, i) => `Activity:${i + 1}`) })).errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect((await hub.gqlAs(null, DELETE, { ids: ['Activity:2'] })).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');

    expect(await counts()).toEqual(before);
    expect(await activities()).toEqual([4, 490]);
    expect(await slots()).toEqual([2, 50]);
  });

  it('deletes an activity and a slot with their links, moving the figures by exactly what was deleted, audited', async () => {
    const before = await counts();
    const res = await hub.gqlAs(reporter, DELETE, { ids: ['Activity:2'] });
    expect(res.errors).toBeUndefined();
    expect(res.data.deleteRecords).toEqual({ deleted: 1 });
    // Activity 2: 50 participants, law 2. 4 − 1 = 3 activities; 490 − 50 = 440; activity laws 4 − 1 = 3.
    expect(await activities()).toEqual([3, 440]);
    const [entry] = await deletions('Activity');
    expect(entry.entity_id).toBe('2');
    expect(parse(entry.before)).toMatchObject({ id: 2, title: '食品安全咨询', date: '2019-03-25', organiser_id: 2, participants: 50, materials: 80, law_ids: [2], co_organiser_ids: [], item_ids: [] });
    expect(entry.after).toBeNull();
    expect(entry.reason).toBeNull();

    // A repeated id is one record. Slot 2: 20 minutes; 2 − 1 = 1 slot, 50 − 20 = 30 minutes.
    const slot = await hub.gqlAs(media, DELETE, { ids: ['BroadcastSlot:2', 'BroadcastSlot:2'] });
    expect(slot.data.deleteRecords).toEqual({ deleted: 1 });
    expect(await slots()).toEqual([1, 30]);
    expect(parse((await deletions('BroadcastSlot'))[0].before)).toMatchObject({ id: 2, outlet_id: 1, duration_minutes: 20, reach: 500 });

    // An administrator deletes across kinds in one call, with a reason. Activity 3: 300 participants,
    // co-organised by Agency:2, laws 1 and 2; slot 1: 30 minutes.
    const reason = '重复录入，按原始台账删除';
    const admin = await hub.gql(DELETE, { ids: ['Activity:3', 'BroadcastSlot:1'], reason });
    expect(admin.data.deleteRecords).toEqual({ deleted: 2 });
    expect(await activities()).toEqual([2, 140]);
    expect(await slots()).toEqual([0, 0]);
    expect(await counts()).toEqual({
      ...before, activities: before.activities! - 2, activity_laws: before.activity_laws! - 3, co_organisers: before.co_organisers! - 1,
      slots: before.slots! - 2, audits: before.audits! + 4,
    });
    const reasons = (await hub.sql(`select entity, entity_id, reason from audit_entry where action = 'DELETE' and reason is not null order by entity`));
    expect(reasons).toEqual([{ entity: 'Activity', entity_id: '3', reason }, { entity: 'BroadcastSlot', entity_id: '1', reason }]);
    expect(parse((await deletions('Activity'))[1].before)).toMatchObject({ id: 3, co_organiser_ids: [2], law_ids: [1, 2] });

    // Deleted is gone: asking again names the id.
    const again = await hub.gql(DELETE, { ids: ['Activity:3'] });
    expect(again.errors![0]!.message).toBe('Nothing was deleted: Activity:3 does not exist');
  });

  it('deletes cases, attendance and survey responses with what hangs on them, moving their figures exactly', async () => {
    const before = await counts();
    // Fixture: 1 published case; required 5, attended 2; 3 responses, awareness 3/5, satisfaction (4 + 2 + 5) / 3.
    expect(await figures('CASE_COUNT')).toEqual([1]);
    expect(await figures('TRAINING_REQUIRED, TRAINING_ATTENDED')).toEqual([5, 2]);
    const [n, aware, satisfied] = await figures('SURVEY_RESPONSES, AWARENESS_RATE, SATISFACTION_MEAN');
    expect([n, aware]).toEqual([3, 0.6]);
    expect(satisfied).toBeCloseTo(11 / 3, 12);
    const res = await hub.gql(DELETE, { ids: ['CaseStudy:1', 'TrainingAttendance:1', 'SurveyResponse:3'] });
    expect(res.errors).toBeUndefined();
    expect(res.data.deleteRecords).toEqual({ deleted: 3 });
    // Case 1 was the published one; attendance 1 was required and attended; response 3 answered
    // question 1 "not aware" and question 3 with 5: awareness 3/4, satisfaction (4 + 2) / 2.
    expect(await figures('CASE_COUNT')).toEqual([0]);
    expect(await figures('TRAINING_REQUIRED, TRAINING_ATTENDED')).toEqual([4, 1]);
    expect(await figures('SURVEY_RESPONSES, AWARENESS_RATE, SATISFACTION_MEAN')).toEqual([2, 0.75, 3]);
    expect(await counts()).toEqual({ ...before, cases: before.cases! - 1, attendance: before.attendance! - 1, responses: before.responses! - 1, answers: before.answers! - 2, audits: before.audits! + 3 });
    expect(parse((await deletions('SurveyResponse'))[0].before)).toMatchObject({
      id: 3, wave_id: 1, district_id: 2,
      answers: [{ question_id: 1, aware: false, satisfaction: null }, { question_id: 3, aware: null, satisfaction: 5 }],
    });
    expect(parse((await deletions('TrainingAttendance'))[0].before)).toMatchObject({ id: 1, attendee: '张一', attended: true, score: 90 });
    expect(parse((await deletions('CaseStudy'))[0].before)).toMatchObject({ id: 1, title: '过期食品案', published: true, law_ids: [] });
  });

  it('locks published and closed-year responsibility items: only an administrator with a reason deletes them', async () => {
    const before = await counts();
    const published = await hub.gqlAs(reporter, DELETE, { ids: ['ResponsibilityItem:1', 'ResponsibilityItem:2', 'ResponsibilityItem:3'] });
    expect(published.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(published.errors![0]!.message).toBe(`Nothing was deleted: 2 problems; first: ResponsibilityItem:2: ${LOCK_MESSAGE}`);
    expect(published.errors![0]!.extensions!.problems).toEqual([
      { path: ['ids', 1], message: `ResponsibilityItem:2: ${LOCK_MESSAGE}` },
      { path: ['ids', 2], message: `ResponsibilityItem:3: ${LOCK_MESSAGE}` },
    ]);
    const withReason = await hub.gqlAs(reporter, DELETE, { ids: ['ResponsibilityItem:2'], reason: '任务取消，经批准删除' });
    expect(withReason.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const adminNoReason = await hub.gql(DELETE, { ids: ['ResponsibilityItem:3'] });
    expect(adminNoReason.errors![0]!.extensions!.problems).toEqual([{ path: ['ids', 0], message: `ResponsibilityItem:3: ${LOCK_MESSAGE}` }]);
    expect((await hub.gql(DELETE, { ids: ['ResponsibilityItem:3'], reason: '删' })).errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(await counts()).toEqual(before);

    // The reporter's own open, unpublished item goes, with its laws (2), districts (2) and the link from activity 4.
    const own = await hub.gqlAs(reporter, DELETE, { ids: ['ResponsibilityItem:1'] });
    expect(own.data.deleteRecords).toEqual({ deleted: 1 });
    expect(await counts()).toEqual({
      ...before, items: before.items! - 1, item_laws: before.item_laws! - 2, item_districts: before.item_districts! - 2, activity_items: before.activity_items! - 1, audits: before.audits! + 1,
    });
    expect(parse((await deletions('ResponsibilityItem'))[0].before)).toMatchObject({ id: 1, planned_count: 3, published: false, law_ids: [1, 2], target_district_ids: [2, 3], activity_ids: [4] });

    const reason = '任务书调整，经市普法办批准';
    const admin = await hub.gql(DELETE, { ids: ['ResponsibilityItem:2', 'ResponsibilityItem:3'], reason });
    expect(admin.data.deleteRecords).toEqual({ deleted: 2 });
    expect((await counts()).items).toBe(0);
    const entries = await deletions('ResponsibilityItem');
    expect(entries.map((e: any) => [e.entity_id, e.reason])).toEqual([['1', null], ['2', reason], ['3', reason]]);
    expect(parse(entries[1].before)).toMatchObject({ id: 2, published: true, planned_count: 4 });
  });
});
