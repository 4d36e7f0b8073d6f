import { describe, expect, it } from 'vitest';
import { emptyForm, fieldOfPath, formOf, localizeInspectionMessage, serverProblems, toCreateInput, toUpdateInput, type InspectionFormValues } from './inspectionForm';

const filled: InspectionFormValues = {
  ...emptyForm(2024, '2021版'),
  kind: 'NPC_DEPUTIES',
  inspectors: '  王某某代表、李某某委员 ',
  agencyIds: ['Agency:3', 'Agency:7'],
  date: '2025-06-10',
  method: 'FIELD_VISIT',
  summary: ' 听取汇报并实地查看 ',
  findings: [
    { id: null, text: ' 食品安全领域未开展普法 ' },
    { id: null, text: '普法台账不全' },
  ],
};

describe('the inspection form → createInspection', () => {
  it('sends what was entered, trimmed, without snapshots when none is ticked', () => {
    expect(toCreateInput(filled)).toEqual({
      ok: true,
      input: {
        kind: 'NPC_DEPUTIES',
        inspectors: '王某某代表、李某某委员',
        agencyIds: ['Agency:3', 'Agency:7'],
        date: '2025-06-10',
        method: 'FIELD_VISIT',
        summary: '听取汇报并实地查看',
        findings: ['食品安全领域未开展普法', '普法台账不全'],
      },
    });
  });

  it('takes the ticked snapshots for the year and the units chosen', () => {
    const built = toCreateInput({ ...filled, summary: '', snapshots: { scorecard: true, coverage: true, overlapGaps: true, year: '2024', rubricVersion: '2021版' } });
    expect(built.ok && built.input.snapshots).toEqual([
      { scorecard: { year: 2024, rubricVersion: '2021版' } },
      { coverage: { years: [2024], agencyIds: ['Agency:3', 'Agency:7'] } },
      { overlapGaps: { years: [2024] } },
    ]);
    expect(built.ok && 'summary' in built.input).toBe(false);
  });

  it('marks every missing field before asking the hub', () => {
    const built = toCreateInput({ ...emptyForm(2024, ''), findings: [{ id: null, text: ' ' }], snapshots: { scorecard: true, coverage: false, overlapGaps: false, year: '24', rubricVersion: '' } });
    expect(built).toEqual({
      ok: false,
      problems: {
        kind: 'inspections.form.problem.required',
        inspectors: 'inspections.form.problem.required',
        agencyIds: 'inspections.form.problem.agencies',
        date: 'inspections.form.problem.required',
        method: 'inspections.form.problem.required',
        'findings.0': 'inspections.form.problem.emptyFinding',
        snapshots: 'inspections.form.problem.year',
      },
    });
    expect(toCreateInput({ ...filled, date: '2025-02-30' })).toMatchObject({ ok: false, problems: { date: 'inspections.form.problem.date' } });
    expect(toCreateInput({ ...filled, snapshots: { ...filled.snapshots, scorecard: true, rubricVersion: '' } })).toMatchObject({
      ok: false,
      problems: { snapshots: 'inspections.form.problem.rubric' },
    });
  });
});

describe('the inspection form → updateInspection', () => {
  const existing = {
    kind: 'CPPCC_MEMBERS' as const,
    inspectors: '李委员',
    agencies: [{ id: 'Agency:4' }],
    date: '2025-03-10',
    method: 'SYMPOSIUM' as const,
    summary: null,
    findings: [
      { id: 'InspectionFinding:1', text: '甲' },
      { id: 'InspectionFinding:2', text: '乙' },
    ],
  };

  it('fills the form from the inspection and sends the whole list of findings with their ids', () => {
    const values = formOf(existing, '2021版');
    expect(values.snapshots).toEqual({ scorecard: false, coverage: false, overlapGaps: false, year: '2025', rubricVersion: '2021版' });
    const edited = {
      ...values,
      summary: '',
      findings: [{ id: 'InspectionFinding:2', text: '乙（改）' }, { id: null, text: '丙' }],
      removeSnapshotIds: ['InspectionSnapshot:9'],
      snapshots: { ...values.snapshots, overlapGaps: true },
    };
    expect(toUpdateInput(edited)).toEqual({
      ok: true,
      input: {
        kind: 'CPPCC_MEMBERS',
        inspectors: '李委员',
        agencyIds: ['Agency:4'],
        date: '2025-03-10',
        method: 'SYMPOSIUM',
        summary: '',
        findings: [{ id: 'InspectionFinding:2', text: '乙（改）' }, { text: '丙' }],
        addSnapshots: [{ overlapGaps: { years: [2025] } }],
        removeSnapshotIds: ['InspectionSnapshot:9'],
      },
    });
  });
});

describe("the hub's refusals beside the fields", () => {
  it('files problems by their path under input', () => {
    expect(fieldOfPath(['input', 'inspectors'])).toBe('inspectors');
    expect(fieldOfPath(['input', 'findings', 1])).toBe('findings.1');
    expect(fieldOfPath(['input', 'findings', 0, 'id'])).toBe('findings.0');
    expect(fieldOfPath(['input', 'snapshots', 0, 'scorecard', 'year'])).toBe('snapshots');
    expect(fieldOfPath(['input', 'addSnapshots', 0])).toBe('snapshots');
    expect(fieldOfPath(['id'])).toBeNull();
  });

  it('puts problem messages next to fields and the rest in general', () => {
    const problems = serverProblems({
      message: 'x',
      graphQLErrors: [
        {
          message: 'The inspection was not saved: input.inspectors: inspectors is empty; input.findings.0: a finding is empty',
          extensions: {
            code: 'BAD_USER_INPUT',
            problems: [
              { path: ['input', 'inspectors'], message: 'inspectors is empty' },
              { path: ['input', 'findings', 0], message: 'a finding is empty' },
            ],
          },
        },
      ],
    });
    expect(problems).toEqual({ fields: { inspectors: ['inspectors is empty'], 'findings.0': ['a finding is empty'] }, general: [], code: 'BAD_USER_INPUT' });

    const conflict = serverProblems({ message: 'x', graphQLErrors: [{ message: 'Inspection:3 has rectification items …', extensions: { code: 'CONFLICT' } }] });
    expect(conflict).toEqual({ fields: {}, general: ['Inspection:3 has rectification items …'], code: 'CONFLICT' });

    const variable = serverProblems({
      message: 'x',
      graphQLErrors: [{ message: 'Variable "$input" got invalid value "2025-13-01" at "input.date"; Date must be YYYY-MM-DD', extensions: { code: 'BAD_USER_INPUT' } }],
    });
    expect(variable.fields).toEqual({ date: ['Date must be YYYY-MM-DD'] });

    expect(serverProblems({ message: '[Network] Failed to fetch', networkError: new Error('Failed to fetch') })).toEqual({ fields: {}, general: ['Failed to fetch'], code: null });
  });

  it("says the hub's messages in Chinese where it knows them", () => {
    expect(localizeInspectionMessage('inspectors is empty', 'zh-CN')).toEqual({ text: '必填项，不能为空', translated: true });
    expect(
      localizeInspectionMessage(
        'Inspection:3 has rectification items started from its findings (RectificationItem:5); an inspection that started a rectification cannot be deleted',
        'zh-CN',
      ).text,
    ).toBe('已据这次检查发现的问题开出整改事项（RectificationItem:5），不能删除。');
    expect(localizeInspectionMessage('inspectors is empty', 'en')).toEqual({ text: 'inspectors is empty', translated: false });
    expect(localizeInspectionMessage('something new', 'zh-CN')).toEqual({ text: 'something new', translated: false });
  });
});
