import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, countStatements, startTestHub, type TestHub } from '../../test/hub.js';
import { Role } from '../auth/role.js';
import { ASSESSMENT_FIXTURE } from './assessment.fixture.js';

/**
 * The small rubric of the hand computation: 100 points.
 *   list  COVERAGE_COMPLETION 40, LINEAR 0 → 1
 *   acts  ACTIVITY_COUNT      30, TARGET 4
 *   sat   SATISFACTION_MEAN   30, LINEAR 3 → 5
 *   few_cases: CASE_COUNT below 4, −1.5 per case missing, at most −4
 *   bands: 优秀 ≥ 85, 合格 ≥ 50, 不合格 ≥ 0; commend 优秀, rectify 不合格
 */
const RUBRIC = {
  indicators: [
    { key: 'list', label: { zh: '清单完成', en: 'List' }, metric: 'COVERAGE_COMPLETION', weight: 40, curve: { type: 'LINEAR', min: 0, max: 1 } },
    { key: 'acts', label: { zh: '活动场次', en: 'Activities' }, metric: 'ACTIVITY_COUNT', weight: 30, curve: { type: 'TARGET', target: 4 } },
    { key: 'sat', label: { zh: '满意度', en: 'Satisfaction' }, metric: 'SATISFACTION_MEAN', weight: 30, curve: { type: 'LINEAR', min: 3, max: 5 } },
  ],
  deductions: [{ key: 'few_cases', label: { zh: '案例不足', en: 'Few cases' }, metric: 'CASE_COUNT', below: 4, per: 1.5, max: 4 }],
  grades: [{ grade: 'EXCELLENT', minScore: 85 }, { grade: 'PASS', minScore: 50 }, { grade: 'FAIL', minScore: 0 }],
  commend: { grades: ['EXCELLENT'] },
  rectify: { grades: ['FAIL'] },
};

const DRILL = 'drill { query filter note }';
const CARD = `year rubricVersion rubricName maxScore agencyCount frozen frozenAt frozenBy computedAt reason
  rows { agencyId label subtotal deducted total rank grade gradeLabel
    indicators { key label metric value points maxPoints lost noData reason ${DRILL} }
    deductions { key label metric value below shortfall points max noData reason ${DRILL} }
    lostMost { key label lost reason } }
  commended { agencyId label total rank grade gradeLabel reason lostMost { key lost } }
  rectify { agencyId label total rank grade gradeLabel reason lostMost { key lost } }`;
const SCORECARD = `query($y: Int!, $v: String!, $live: Boolean, $loc: Locale) { scorecard(year: $y, rubricVersion: $v, live: $live, locale: $loc) { ${CARD} } }`;
const WHAT_IF = `query($y: Int!, $d: JSON!, $loc: Locale) { scorecardWhatIf(year: $y, definition: $d, locale: $loc) { ${CARD} } }`;
const FREEZE = `mutation($y: Int!, $v: String!) { freezeScorecard(year: $y, rubricVersion: $v) { ${CARD} } }`;
const SAVE = `mutation($v: String!, $n: String!, $d: JSON!, $desc: String) { saveRubric(version: $v, name: $n, definition: $d, description: $desc) {
  id version name description definition maxScore createdBy frozenYears } }`;

/** [agencyId, subtotal, deducted, total, rank, grade] per row. */
const table = (card: any) => card.rows.map((r: any) => [r.agencyId, r.subtotal, r.deducted, r.total, r.rank, r.grade]);
const points = (card: any) => Object.fromEntries(card.rows.map((r: any) => [r.agencyId, [...r.indicators, ...r.deductions].map((x: any) => [x.key, x.value, x.points])]));

describe.each(backends())('assessment scorecards on %s', (kind) => {
  let hub: TestHub;
  const ok = async (query: string, variables: Record<string, unknown>, token?: string | null) => {
    const res = token === undefined ? await hub.gql(query, variables) : await hub.gqlAs(token, query, variables);
    expect(res.errors).toBeUndefined();
    return res.data;
  };
  const card = async (v: Record<string, unknown>, token?: string | null) => (await ok(SCORECARD, { y: 2023, v: 'T1', ...v }, token)).scorecard;
  const refusal = async (query: string, variables: Record<string, unknown>, token?: string | null) => {
    const res = token === undefined ? await hub.gql(query, variables) : await hub.gqlAs(token, query, variables);
    expect(res.data?.[Object.keys(res.data ?? {})[0] ?? ''] ?? null).toBeNull();
    expect(res.errors).toHaveLength(1);
    return res.errors![0]!;
  };
  const counts = async () => (await hub.sql(`select (select count(*) from assessment_rubric)::int as rubrics, (select count(*) from scorecard_snapshot)::int as snapshots,
    (select count(*) from audit_entry)::int as audits`))[0];

  beforeAll(async () => {
    hub = await startTestHub(kind);
    for (const stmt of ASSESSMENT_FIXTURE.split(';').map((s) => s.trim()).filter(Boolean)) await hub.sql(stmt);
    await ok(SAVE, { v: 'T1', n: '测试细则', d: RUBRIC, desc: 'hand-computed' });
  });
  afterAll(() => hub?.close());

  it('installs the default rubric with every database', async () => {
    const { rubrics } = await ok('{ rubrics { version name maxScore createdBy frozenYears definition } }', {});
    expect(rubrics.map((r: any) => [r.version, r.maxScore, r.createdBy, r.frozenYears])).toEqual([['T1', 100, 't-admin-0', []], ['2021版', 100, null, []]]);
    expect(rubrics[1].definition.indicators.map((i: any) => i.metric)).toEqual([
      'COVERAGE_COMPLETION', 'ACTIVITY_COUNT', 'PUBLIC_SERVICE_ADS', 'TRAINING_ATTENDANCE_RATE', 'LEADING_CADRE_ATTENDANCE_RATE', 'CASE_COUNT', 'AWARENESS_RATE', 'SATISFACTION_MEAN',
    ]);
    expect((await ok('query { rubric(version: "nope") { version } }', {})).rubric).toBeNull();
    // The default scores the fixture too (no survey of awareness, no training: those score 0 as no data).
    const d = await card({ v: '2021版' });
    expect(d.agencyCount).toBe(4);
    expect(d.rows.every((r: any) => Number.isFinite(r.total))).toBe(true);
  });

  it('scores 2023 by hand: points, deductions, totals, a tie, grades and the two lists', async () => {
    /*
     * list = 40 × completion; acts = 30 × min(1, n ÷ 4); sat = 30 × (mean − 3) ÷ 2 within 0…1;
     * few_cases = min(4, 1.5 × max(0, 4 − cases)).
     *   J (Agency:1): 40 × 4/4 = 40; 30 × 4/4 = 30; 30 × 1.5/2 = 22.5 → 92.5; 4 cases → 0 → 92.5 优秀, rank 1
     *   M (Agency:2): 40 × 2/4 = 20; 30 × 3/4 = 22.5; 30 × 1/2 = 15 → 57.5; 1 case → min(4, 4.5) = 4 → 53.5 合格
     *   H (Agency:3): 40 × 2/2 = 40; 30 × 2/4 = 15; no satisfaction answers → 0 → 55; 3 cases → 1.5 → 53.5 合格
     *   U (Agency:4): no list → 0; 30 × 1/4 = 7.5; mean 2 ≤ 3 → 0 → 7.5; no case → 4 → 3.5 不合格, rank 4
     * M and H tie at 53.5 and share rank 2 (by name within the tie: 市市场… before 市卫生…).
     */
    const c = await card({});
    expect([c.year, c.rubricVersion, c.rubricName, c.maxScore, c.agencyCount, c.frozen, c.frozenAt, c.reason]).toEqual([2023, 'T1', '测试细则', 100, 4, false, null, null]);
    expect(table(c)).toEqual([
      ['Agency:1', 92.5, 0, 92.5, 1, 'EXCELLENT'],
      ['Agency:2', 57.5, 4, 53.5, 2, 'PASS'],
      ['Agency:3', 55, 1.5, 53.5, 2, 'PASS'],
      ['Agency:4', 7.5, 4, 3.5, 4, 'FAIL'],
    ]);
    expect(points(c)).toEqual({
      'Agency:1': [['list', 1, 40], ['acts', 4, 30], ['sat', 4.5, 22.5], ['few_cases', 4, 0]],
      'Agency:2': [['list', 0.5, 20], ['acts', 3, 22.5], ['sat', 4, 15], ['few_cases', 1, 4]],
      'Agency:3': [['list', 1, 40], ['acts', 2, 15], ['sat', null, 0], ['few_cases', 3, 1.5]],
      'Agency:4': [['list', null, 0], ['acts', 1, 7.5], ['sat', 2, 0], ['few_cases', 0, 4]],
    });
    expect(c.rows.map((r: any) => [r.label, r.gradeLabel])).toEqual([['市司法局', '优秀'], ['市市场监督管理局', '合格'], ['市卫生健康委员会', '合格'], ['甲区城市管理综合执法局', '不合格']]);

    const u = c.rows[3];
    expect(u.indicators.map((i: any) => [i.key, i.maxPoints, i.lost, i.noData])).toEqual([['list', 40, 40, true], ['acts', 30, 22.5, false], ['sat', 30, 30, false]]);
    expect(u.indicators.map((i: any) => i.reason)).toEqual([
      '无数据（2023年无普法责任清单事项），得 0 分，失 40 分',
      '活动场次为1，未达目标4（完成25%），得 7.5 分，失 22.5 分',
      '满意度为2.00，未超过起评值3.00，得 0 分，失 30 分',
    ]);
    expect(u.deductions[0]).toMatchObject({ below: 4, shortfall: 4, points: 4, max: 4, noData: false, reason: '案例不足：发布典型案例件数为0，低于4，差4，每差1扣1.5分，扣 4 分（上限4分）' });
    expect(u.lostMost.map((l: any) => [l.key, l.lost])).toEqual([['list', 40], ['sat', 30], ['acts', 22.5]]);
    expect(c.rows[0].indicators.map((i: any) => i.reason)).toEqual([null, null, '满意度为4.50，未达满分值5.00，得 22.5 分，失 7.5 分']);
    expect(c.rows[2].lostMost.map((l: any) => [l.key, l.lost])).toEqual([['sat', 30], ['acts', 15], ['few_cases', 1.5]]);

    expect(c.commended).toEqual([{ agencyId: 'Agency:1', label: '市司法局', total: 92.5, rank: 1, grade: 'EXCELLENT', gradeLabel: '优秀', reason: '总分 92.5（满分 100），第 1 名，考评等次优秀', lostMost: [{ key: 'sat', lost: 7.5 }] }]);
    expect(c.rectify).toEqual([{
      agencyId: 'Agency:4', label: '甲区城市管理综合执法局', total: 3.5, rank: 4, grade: 'FAIL', gradeLabel: '不合格',
      reason: '总分 3.5（满分 100），第 4 名，考评等次不合格；失分最多：清单完成（−40）、满意度（−30）、活动场次（−22.5），予以通报并限期整改',
      lostMost: [{ key: 'list', lost: 40 }, { key: 'sat', lost: 30 }, { key: 'acts', lost: 22.5 }],
    }]);
  });

  it('reads in English', async () => {
    const c = await card({ loc: 'EN' });
    expect(c.rows.map((r: any) => [r.label, r.gradeLabel])).toEqual([['Justice Bureau', 'Excellent'], ['Market Regulation', 'Pass'], ['Health Commission', 'Pass'], ['District A Urban Management', 'Fail']]);
    expect(c.rows[2].indicators[2].reason).toBe('No data (no satisfaction answers about it in 2023): 0 of 30 points');
    expect(c.rectify[0].reason).toBe('3.5 of 100 points, rank 4, graded Fail; most points lost: List (−40), Satisfaction (−30), Activities (−22.5); to be notified and to rectify within a deadline');
  });

  it('drills open the records behind each value', async () => {
    const c = await card({});
    const drills = (agency: number, key: string) => [...c.rows.find((r: any) => r.agencyId === `Agency:${agency}`).indicators, ...c.rows.find((r: any) => r.agencyId === `Agency:${agency}`).deductions].find((x: any) => x.key === key).drill;
    const ids = async (query: string, filter: unknown) => {
      const res = await ok(`query($f: ${{ activities: 'ActivityFilter', cases: 'CaseFilter', surveyResponses: 'ResponseFilter' }[query]}) { ${query}(filter: $f, first: 500) { nodes { id } } }`, { f: filter });
      return res[query].nodes.map((n: { id: string }) => Number(n.id.split(':')[1])).sort((a: number, b: number) => a - b);
    };
    // Activities: organised or co-organised (M co-organises #2).
    const acts = drills(2, 'acts');
    expect(acts).toEqual([{ query: 'activities', filter: { agencyIds: ['Agency:2'], from: '2023-01-01', to: '2023-12-31' }, note: '主办或协办的活动均计入' }]);
    expect(await ids('activities', acts[0].filter)).toEqual([2, 5, 6]);
    // Coverage: the coverage row, then the activities it counts.
    const list = drills(1, 'list');
    expect(list.map((d: any) => [d.query, d.filter])).toEqual([
      ['coverage', { years: [2023], agencyIds: ['Agency:1'] }],
      ['activities', { from: '2023-01-01', to: '2023-12-31', itemIds: ['ResponsibilityItem:1'] }],
    ]);
    expect(await ids('activities', list[1].filter)).toEqual([1, 2, 3, 4]);
    const cov = await ok('query($f: CoverageFilter!) { coverage(filter: $f) { agencies { agencyId completionCapped } } }', { f: list[0].filter });
    expect(cov.coverage.agencies).toEqual([{ agencyId: 'Agency:1', completionCapped: 1 }]);
    // Cases: the filter lists the agency's published cases; the note says which were counted.
    const cases = drills(2, 'few_cases');
    expect(cases[0].filter).toEqual({ agencyIds: ['Agency:2'], published: true });
    expect(cases[0].note).toMatch(/2023-01-01 至 2023-12-31/);
    expect(await ids('cases', cases[0].filter)).toEqual([5, 6]);
    // Survey: the responses holding the answers counted.
    const sat = drills(1, 'sat');
    expect(sat).toEqual([{ query: 'surveyResponses', filter: { years: [2023] }, note: '计入其中对本单位满意度题的回答（Agency:1）' }]);
    expect(await ids('surveyResponses', sat[0].filter)).toEqual([1, 2, 3, 4]);
    expect(drills(3, 'sat')).toEqual([]); // no data, no records
  });

  it('answers bad input clearly: unknown version, year out of range, empty years, invalid rubrics', async () => {
    const unknown = await refusal(SCORECARD, { y: 2023, v: '1999版' });
    expect(unknown.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ path: ['rubricVersion'], message: 'unknown version' }] });
    expect(unknown.message).toMatch(/There is no rubric version "1999版"/);
    expect((await refusal(SCORECARD, { y: 1999, v: 'T1' })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ path: ['year'] }] });

    const future = await card({ y: 2030 });
    expect([future.rows, future.commended, future.rectify, future.agencyCount]).toEqual([[], [], [], 0]);
    expect(future.reason).toBe('2030年没有该考评细则所计指标的任何记录（责任清单完成率、普法活动场次、群众满意度、发布典型案例件数），无可考评');
    const before = await card({ y: 2015, loc: 'EN' });
    expect(before.rows).toEqual([]);
    expect(before.reason).toMatch(/^No agency was active in 2015 with a responsibility list or enforcement powers/);

    const bad = structuredClone(RUBRIC) as any;
    bad.indicators[1].curve = { type: 'LINEAR', min: 5, max: 2 };
    bad.grades[2].minScore = 5;
    const before2 = await counts();
    const refused = await refusal(SAVE, { v: 'T9', n: '错', d: bad });
    expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(refused.extensions!.problems).toEqual([
      { path: ['definition', 'indicators', 1, 'curve', 'max'], message: 'max (2) must be greater than min (5)' },
      { path: ['definition', 'grades', 2, 'minScore'], message: 'the lowest band starts at 0, so every score has a grade' },
    ]);
    expect(refused.message).toMatch(/^The rubric is not valid \(2 problems, see docs\/assessment.md\): definition.indicators\[1\].curve.max/);
    expect((await refusal(WHAT_IF, { y: 2023, d: bad })).extensions!.problems).toHaveLength(2);
    expect((await refusal(SAVE, { v: ' ', n: '', d: RUBRIC })).extensions!.problems.map((p: any) => p.path)).toEqual([['version'], ['name']]);
    expect(await counts()).toEqual(before2);
  });

  it('what-if scores an edited rubric and writes nothing', async () => {
    /*
     * acts TARGET 2 instead of 4: J 4 → 30, M 3 → 30, H 2 → 30, U 1 → 15.
     *   J 40 + 30 + 22.5 = 92.5; M 20 + 30 + 15 − 4 = 61; H 40 + 30 + 0 − 1.5 = 68.5; U 0 + 15 + 0 − 4 = 11.
     */
    const edited = structuredClone(RUBRIC) as any;
    edited.indicators[1].curve.target = 2;
    const before = await counts();
    const { result, count } = await countStatements(() => ok(WHAT_IF, { y: 2023, d: edited }));
    const w = result.scorecardWhatIf;
    expect([w.rubricVersion, w.frozen, w.frozenAt]).toEqual([null, false, null]);
    expect(table(w)).toEqual([
      ['Agency:1', 92.5, 0, 92.5, 1, 'EXCELLENT'],
      ['Agency:3', 70, 1.5, 68.5, 2, 'PASS'],
      ['Agency:2', 65, 4, 61, 3, 'PASS'],
      ['Agency:4', 15, 4, 11, 4, 'FAIL'],
    ]);
    expect(await counts()).toEqual(before);
    expect(count).toBeLessThan(25);
    // The saved rubric is untouched.
    expect(table(await card({}))[1]).toEqual(['Agency:2', 57.5, 4, 53.5, 2, 'PASS']);
  });

  it('keeps the statement count constant as agencies are added', async () => {
    const measure = async () => (await countStatements(() => card({ y: 2023 }))).count;
    const small = await measure();
    // Four more agencies with powers, a list, activities and satisfaction answers, in another domain.
    await hub.sql(`insert into agency (id, code, name, kind, level, region_id, valid_from) select 100 + g, 'X' || g, '新增单位' || g, 'ENFORCEMENT', 'CITY', 1, '2016-01-01' from generate_series(1, 4) g`);
    await hub.sql(`insert into enforcement_power (agency_id, domain_id, is_lead, valid_from) select 100 + g, 3, false, '2016-01-01' from generate_series(1, 4) g`);
    await hub.sql(`insert into responsibility_item (agency_id, year, title, audiences, forms, venue_types, planned_count, starts_on, ends_on, responsible_leader, responsible_department, published)
      select 100 + g, 2023, '新增事项' || g, array['GENERAL_PUBLIC'], array['LECTURE'], array['COMMUNITY'], 2, '2023-01-01', '2023-12-31', '甲', '办公室', true from generate_series(1, 4) g`);
    await hub.sql(`insert into activity (title, date, region_id, organiser_id, form, venue_type, audiences) select '新增活动' || g, ('2023-08-0' || g)::date, 4, 100 + g, 'LECTURE', 'COMMUNITY', array['GENERAL_PUBLIC'] from generate_series(1, 4) g`);
    await hub.sql(`insert into survey_question (wave_id, kind, agency_id, text) select 1, 'SATISFACTION', 100 + g, '满意吗？' from generate_series(1, 4) g`);
    await hub.sql(`insert into survey_answer (response_id, question_id, satisfaction) select 1, q.id, 3 from survey_question q where q.agency_id > 100`);
    const large = await measure();
    expect((await card({})).agencyCount).toBe(8);
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(15);
    await hub.sql(`delete from survey_answer where question_id in (select id from survey_question where agency_id > 100)`);
    await hub.sql(`delete from survey_question where agency_id > 100`);
    await hub.sql(`delete from activity where organiser_id > 100`);
    await hub.sql(`delete from responsibility_item where agency_id > 100`);
    await hub.sql(`delete from enforcement_power where agency_id > 100`);
    await hub.sql(`delete from agency where id > 100`);
    expect((await card({})).agencyCount).toBe(4);
  });

  it('freezes a snapshot that later data changes do not alter; the live one moves; twice is a CONFLICT', async () => {
    const before = await counts();
    const f = (await ok(FREEZE, { y: 2023, v: 'T1' })).freezeScorecard;
    expect([f.frozen, f.frozenBy, typeof f.frozenAt]).toEqual([true, 't-admin-0', 'string']);
    expect(table(f)).toEqual(table(await card({ live: true })));
    expect(await counts()).toEqual({ rubrics: before.rubrics, snapshots: before.snapshots + 1, audits: before.audits + 1 });
    const audit = await ok('{ auditTrail(filter: { entity: "ScorecardSnapshot" }) { nodes { action actor after } } }', {});
    expect(audit.auditTrail.nodes).toEqual([{ action: 'FREEZE', actor: 't-admin-0', after: expect.objectContaining({ year: 2023, rubricVersion: 'T1' }) }]);
    expect(audit.auditTrail.nodes[0].after.rows).toContainEqual({ agencyId: 'Agency:4', total: 3.5, rank: 4, grade: 'FAIL' });

    // New records: U holds a second activity, M publishes a second 2023 case.
    await hub.sql(`insert into activity (id, title, date, region_id, organiser_id, form, venue_type, audiences, domain_id) values (11, '城管进校园', '2023-11-01', 4, 4, 'LECTURE', 'SCHOOL', array['STUDENTS'], 3)`);
    await hub.sql(`insert into case_study (id, agency_id, title, summary, body, domain_id, region_id, decided_on, published, published_on) values (11, 2, '虚假宣传案', '摘要', '正文', 1, 4, '2023-06-05', true, '2023-07-01')`);

    const frozen = await card({});
    expect([frozen.frozen, frozen.frozenAt, frozen.frozenBy]).toEqual([true, f.frozenAt, 't-admin-0']);
    expect(table(frozen)).toEqual(table(f));
    expect(frozen.rows).toEqual(f.rows);
    expect(frozen.rectify).toEqual(f.rectify);
    // Stored in both languages.
    expect((await card({ loc: 'EN' })).rows[3].indicators[1].reason).toBe('Activities 1 is below the target 4 (25% reached): 7.5 of 30 points');

    /*
     * Live: U 2 activities → 30 × 2/4 = 15, total 15 − 4 = 11; M 2 cases → deduction 1.5 × 2 = 3,
     * total 57.5 − 3 = 54.5: M now ranks 2 alone and H 3.
     */
    const live = await card({ live: true });
    expect([live.frozen, live.frozenAt]).toEqual([false, f.frozenAt]);
    expect(table(live)).toEqual([
      ['Agency:1', 92.5, 0, 92.5, 1, 'EXCELLENT'],
      ['Agency:2', 57.5, 3, 54.5, 2, 'PASS'],
      ['Agency:3', 55, 1.5, 53.5, 3, 'PASS'],
      ['Agency:4', 15, 4, 11, 4, 'FAIL'],
    ]);

    const again = await refusal(FREEZE, { y: 2023, v: 'T1' });
    expect(again.extensions!.code).toBe('CONFLICT');
    expect(again.message).toMatch(/already frozen/);
    expect((await counts()).snapshots).toBe(before.snapshots + 1);
  });

  it('keeps a used rubric version immutable: edits go under a new version', async () => {
    const edited = structuredClone(RUBRIC) as any;
    edited.indicators[0].weight = 50;
    const refused = await refusal(SAVE, { v: 'T1', n: '测试细则', d: edited });
    expect(refused.extensions!.code).toBe('CONFLICT');
    expect(refused.message).toBe('Rubric T1 is used by the frozen scorecard of 2023 and cannot change; save the edit under a new version, e.g. "T1-修订1"');
    const saved = (await ok(SAVE, { v: 'T1-修订1', n: '测试细则（修订）', d: edited })).saveRubric;
    expect([saved.version, saved.maxScore, saved.frozenYears]).toEqual(['T1-修订1', 110, []]);
    expect((await ok('query { rubric(version: "T1") { frozenYears definition } }', {})).rubric).toEqual({ frozenYears: [2023], definition: { ...RUBRIC } });
    // A version no frozen scorecard uses changes in place, audited.
    const again = (await ok(SAVE, { v: 'T1-修订1', n: '测试细则（二改）', d: RUBRIC })).saveRubric;
    expect([again.name, again.maxScore]).toEqual(['测试细则（二改）', 100]);
    const audit = await ok('{ auditTrail(filter: { entity: "AssessmentRubric" }) { nodes { action } } }', {});
    expect(audit.auditTrail.nodes.map((n: any) => n.action)).toEqual(['UPDATE', 'CREATE', 'CREATE']);
  });

  it('lets the readers see every row, a reporter only its own, and refuses the rest', async () => {
    const all = ['Agency:1', 'Agency:2', 'Agency:3', 'Agency:4'];
    for (const role of [Role.DISTRICT_ADMIN, Role.LEADER, Role.INSPECTOR]) {
      const token = await hub.login(role, role === Role.DISTRICT_ADMIN ? { districtId: 2 } : {});
      const c = await card({}, token);
      expect(c.rows.map((r: any) => r.agencyId), role).toEqual(all);
      expect((await ok('{ rubrics { version } }', {}, token)).rubrics.length, role).toBe(3);
      for (const [q, v] of [[FREEZE, { y: 2024, v: 'T1' }], [SAVE, { v: 'T8', n: 'x', d: RUBRIC }]] as const) {
        const e = await refusal(q, v, token);
        expect(e.extensions!.code, role).toBe('FORBIDDEN');
      }
    }
    // A reporter: its own row, ranked among all; on a list only if it is on it.
    const u = await hub.login(Role.AGENCY_REPORTER, { agencyId: 4 });
    const own = await card({}, u);
    expect([own.agencyCount, table(own), own.commended, own.rectify.map((n: any) => n.agencyId)]).toEqual([4, [['Agency:4', 7.5, 4, 3.5, 4, 'FAIL']], [], ['Agency:4']]);
    const m = await hub.login(Role.AGENCY_REPORTER, { agencyId: 2 });
    const w = (await ok(WHAT_IF, { y: 2023, d: RUBRIC }, m)).scorecardWhatIf;
    expect([w.rows.map((r: any) => r.agencyId), w.commended, w.rectify]).toEqual([['Agency:2'], [], []]);
    const outside = await hub.login(Role.AGENCY_REPORTER, { agencyId: 5 });
    const none = await card({}, outside);
    expect([none.rows, none.agencyCount]).toEqual([[], 4]);
    expect(none.reason).toBe('本单位（Agency:5）不在2023年考评范围内：当年无普法责任清单，也无执法职权');
    expect((await refusal(FREEZE, { y: 2024, v: 'T1' }, m)).extensions!.code).toBe('FORBIDDEN');

    for (const role of [Role.MEDIA_PARTNER, Role.SURVEY_OPERATOR]) {
      const token = await hub.login(role, role === Role.MEDIA_PARTNER ? { outletId: 1 } : {});
      for (const [q, v] of [[SCORECARD, { y: 2023, v: 'T1' }], [WHAT_IF, { y: 2023, d: RUBRIC }], ['{ rubrics { version } }', {}]] as const) {
        expect((await refusal(q, v, token)).extensions!.code, role).toBe('FORBIDDEN');
      }
    }
    for (const [q, v] of [[SCORECARD, { y: 2023, v: 'T1' }], [WHAT_IF, { y: 2023, d: RUBRIC }], ['{ rubrics { version } }', {}], [FREEZE, { y: 2024, v: 'T1' }], [SAVE, { v: 'T8', n: 'x', d: RUBRIC }]] as const) {
      expect((await refusal(q, v, null)).extensions!.code).toBe('UNAUTHENTICATED');
    }
  });
});
