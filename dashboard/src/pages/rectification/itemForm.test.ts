import { describe, expect, it } from 'vitest';
import { fieldOfPath, localProblems, parseCreateSource, serverProblems, shanghaiDay, toCreateInput } from './itemForm';

describe('the source named by the link', () => {
  it('reads the three sources', () => {
    expect(parseCreateSource('?create=FINDING&findingId=InspectionFinding:3&agencyId=Agency:4')).toEqual({ source: { kind: 'FINDING', findingId: 'InspectionFinding:3' }, agencyId: 'Agency:4' });
    expect(parseCreateSource('?create=SCORECARD&agencyId=Agency:28&year=2025&rubricVersion=2021版')).toEqual({ source: { kind: 'SCORECARD', year: 2025, rubricVersion: '2021版' }, agencyId: 'Agency:28' });
    expect(parseCreateSource('?create=OVERLAP_GAP&domainId=EnforcementDomain:17&year=2024&kind=UNREACHED_AUDIENCE')).toEqual({
      source: { kind: 'OVERLAP_GAP', domainId: 'EnforcementDomain:17', year: 2024, gapKind: 'UNREACHED_AUDIENCE' }, agencyId: '',
    });
  });
  it('refuses an incomplete one', () => {
    expect(parseCreateSource('?create=FINDING')).toBeNull();
    expect(parseCreateSource('?create=SCORECARD&year=2025')).toBeNull();
    expect(parseCreateSource('?create=OVERLAP_GAP&domainId=EnforcementDomain:1&year=2024&kind=WHATEVER')).toBeNull();
    expect(parseCreateSource('?create=OTHER')).toBeNull();
  });
});

describe('form → input', () => {
  it('counts today in Asia/Shanghai', () => {
    // 16:30 UTC is already the next day in Beijing.
    expect(shanghaiDay(new Date('2026-11-27T16:30:00Z'))).toBe('2026-11-28');
    expect(shanghaiDay(new Date('2026-11-27T15:59:00Z'))).toBe('2026-11-27');
  });
  it('says what is missing or in the past before sending', () => {
    expect(localProblems({ agencyId: '', requirement: '  ', deadline: '2026-11-26' }, '2026-11-27')).toEqual({
      agencyId: 'rectification.form.agencyRequired', requirement: 'rectification.form.requirementRequired', deadline: 'rectification.form.deadlinePast',
    });
    expect(localProblems({ agencyId: 'Agency:4', requirement: '开展普法', deadline: '2026-11-27' }, '2026-11-27')).toEqual({});
  });
  it('sends exactly one source, the requirement trimmed', () => {
    expect(toCreateInput({ source: { kind: 'OVERLAP_GAP', domainId: 'EnforcementDomain:2', year: 2023, gapKind: 'NO_ACTIVITY' }, agencyId: 'Agency:12', requirement: ' 开展普法 ', deadline: '2026-12-31' })).toEqual({
      agencyId: 'Agency:12', requirement: '开展普法', deadline: '2026-12-31', source: { overlapGap: { domainId: 'EnforcementDomain:2', year: 2023, kind: 'NO_ACTIVITY' } },
    });
    expect(toCreateInput({ source: { kind: 'SCORECARD', year: 2025, rubricVersion: '2021版' }, agencyId: 'Agency:28', requirement: 'x', deadline: '2026-12-31' }).source).toEqual({ scorecard: { year: 2025, rubricVersion: '2021版' } });
    expect(toCreateInput({ source: { kind: 'FINDING', findingId: 'InspectionFinding:1' }, agencyId: 'Agency:4', requirement: 'x', deadline: '2026-12-31' }).source).toEqual({ findingId: 'InspectionFinding:1' });
  });
});

describe('the API’s refusals next to the fields', () => {
  it('maps problem paths to fields', () => {
    expect(fieldOfPath(['input', 'deadline'])).toBe('deadline');
    expect(fieldOfPath(['input', 'source', 'overlapGap', 'kind'])).toBe('source');
    expect(fieldOfPath(['other'])).toBeNull();
  });
  it('keeps a CONFLICT’s item and the note’s problem', () => {
    const conflict = serverProblems({ message: 'x', graphQLErrors: [{ message: 'RectificationItem:9 already rectifies this for Agency:4 and is not verified yet', extensions: { code: 'CONFLICT' } }] });
    expect(conflict).toEqual({ fields: {}, general: ['RectificationItem:9 already rectifies this for Agency:4 and is not verified yet'], code: 'CONFLICT', conflictItem: 'RectificationItem:9' });
    const note = serverProblems({ message: 'x', graphQLErrors: [{ message: 'Say why', extensions: { code: 'BAD_USER_INPUT', problems: [{ path: ['note'], message: 'reason required' }] } }] });
    expect(note.fields).toEqual({ note: ['Say why'] });
    const deadline = serverProblems({ message: 'x', graphQLErrors: [{ message: 'not saved', extensions: { code: 'BAD_USER_INPUT', problems: [{ path: ['input', 'deadline'] }, { path: ['input', 'agencyId'] }] } }] });
    expect(deadline.fields).toEqual({ deadline: ['not saved'], agencyId: ['not saved'] });
  });
});
