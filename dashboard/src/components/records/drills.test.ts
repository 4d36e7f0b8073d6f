import { describe, expect, it } from 'vitest';
import { activityFilterOf, analyticsRecords, attendanceDrill, coverageDrill, monthWithin, responseFilterOf } from './drills';

describe('drills from the API', () => {
  it('turns an ActivityDrill or OverlapDrill read from a query into a filter, without __typename and nulls', () => {
    expect(
      activityFilterOf({ __typename: 'ActivityDrill', from: '2025-01-01', to: '2025-06-30', itemIds: ['ResponsibilityItem:4'] }),
    ).toEqual({ from: '2025-01-01', to: '2025-06-30', itemIds: ['ResponsibilityItem:4'] });
    expect(
      activityFilterOf({
        __typename: 'OverlapDrill',
        agencyIds: ['Agency:1', 'Agency:2'],
        domainIds: ['EnforcementDomain:3'],
        audiences: null,
        regionIds: ['Region:2'],
        from: null,
        to: null,
        years: [2025],
      }),
    ).toEqual({ agencyIds: ['Agency:1', 'Agency:2'], domainIds: ['EnforcementDomain:3'], regionIds: ['Region:2'], years: [2025] });
  });

  it('keeps an empty list, which selects nothing, as the API meant it', () => {
    expect(activityFilterOf({ itemIds: [], from: '2025-01-01', to: '2025-12-31' })).toEqual({
      itemIds: [],
      from: '2025-01-01',
      to: '2025-12-31',
    });
  });

  it('lists a coverage row window by window', () => {
    const drill = coverageDrill('市司法局', [
      { __typename: 'ActivityDrill', from: '2025-01-01', to: '2025-06-30', itemIds: ['ResponsibilityItem:1'] },
      { __typename: 'ActivityDrill', from: '2025-03-01', to: '2025-12-31', itemIds: ['ResponsibilityItem:2'] },
    ]);
    expect(drill.source.kind).toBe('activities');
    expect(drill.source.filters).toEqual([
      { from: '2025-01-01', to: '2025-06-30', itemIds: ['ResponsibilityItem:1'] },
      { from: '2025-03-01', to: '2025-12-31', itemIds: ['ResponsibilityItem:2'] },
    ]);
  });

  it('takes a survey result’s responses drill as is', () => {
    expect(
      responseFilterOf({ __typename: 'SurveyResponsesDrill', waveIds: ['SurveyWave:2'], districtIds: null, years: [2024] }),
    ).toEqual({ waveIds: ['SurveyWave:2'], years: [2024] });
  });
});

describe('drills from analytics filters', () => {
  const year = { from: '2025-01-01', to: '2025-12-31' };

  it('lists activities under every analytics filter of activities', () => {
    const filter = {
      ...year,
      regionIds: ['Region:2'],
      domainIds: ['EnforcementDomain:3'],
      agencyIds: ['Agency:12'],
      forms: ['LECTURE' as const],
    };
    expect(analyticsRecords('activity', filter)).toEqual({ kind: 'activities', filters: [filter] });
  });

  it('lists broadcast slots, but not under a district (slots have no place)', () => {
    expect(analyticsRecords('broadcast', { ...year, domainIds: ['EnforcementDomain:3'], agencyIds: ['Agency:1'] })).toEqual({
      kind: 'broadcastSlots',
      filters: [{ ...year, domainIds: ['EnforcementDomain:3'], agencyIds: ['Agency:1'] }],
    });
    expect(analyticsRecords('broadcast', { ...year, regionIds: ['Region:2'] })).toBeNull();
  });

  it('lists survey responses by period and district, and not when agencies or laws select the answers', () => {
    expect(analyticsRecords('survey', { ...year, regionIds: ['Region:2'] })).toEqual({
      kind: 'surveyResponses',
      filters: [{ ...year, districtIds: ['Region:2'] }],
    });
    expect(analyticsRecords('survey', year)).toEqual({ kind: 'surveyResponses', filters: [year] });
    expect(analyticsRecords('survey', { ...year, agencyIds: ['Agency:1'] })).toBeNull();
    expect(analyticsRecords('survey', { ...year, lawIds: ['Law:1'] })).toBeNull();
    expect(analyticsRecords('survey', { ...year, domainIds: ['EnforcementDomain:1'] })).toBeNull();
  });
});

describe('drills of training figures', () => {
  const page = { from: '2025-01-01', to: '2025-12-31', regionIds: ['Region:2'] };

  it('opens a tile’s required rows under the page’s filter', () => {
    expect(attendanceDrill('2025年 应参训记录', page, {})).toEqual({
      title: '2025年 应参训记录',
      source: { kind: 'trainingAttendance', filters: [{ ...page, required: true }] },
    });
  });

  it('narrows to an agency row, and to an agency × kind cell', () => {
    expect(attendanceDrill('t', { ...page, agencyIds: ['Agency:1', 'Agency:2'] }, { agency: 'Agency:2' }).source.filters).toEqual([
      { ...page, agencyIds: ['Agency:2'], required: true },
    ]);
    expect(attendanceDrill('t', page, { agency: 'Agency:3', sessionKind: 'STAFF_TRAINING' }).source.filters).toEqual([
      { ...page, agencyIds: ['Agency:3'], sessionKinds: ['STAFF_TRAINING'], required: true },
    ]);
  });

  it('selects the attended rows or leading cadres’ rows, and drops what attendance is not filtered by', () => {
    const filter = { ...page, domainIds: ['EnforcementDomain:3'], __typename: 'AnalyticsFilter' };
    expect(attendanceDrill('t', filter, { agency: 'Agency:1' }, 'attended').source.filters).toEqual([
      { ...page, agencyIds: ['Agency:1'], required: true, attended: true },
    ]);
    expect(attendanceDrill('t', page, {}, 'leadingRequired').source.filters).toEqual([{ ...page, required: true, leadingCadre: true }]);
    // Hours are credited on every row; the pass rate is over the rows with a score.
    expect(attendanceDrill('t', page, {}, 'all').source.filters).toEqual([{ ...page }]);
    expect(attendanceDrill('t', page, { agency: 'Agency:4' }, 'scored').source.filters).toEqual([{ ...page, agencyIds: ['Agency:4'], scored: true }]);
  });
});

describe('a month of the period', () => {
  it('is the whole month inside a year', () => {
    expect(monthWithin('2025-02', { from: '2025-01-01', to: '2025-12-31' })).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(monthWithin('2024-02', { from: '2024-01-01', to: '2024-12-31' })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });

  it('is clipped to a period starting or ending mid-month', () => {
    expect(monthWithin('2025-03', { from: '2025-03-10', to: '2025-06-20' })).toEqual({ from: '2025-03-10', to: '2025-03-31' });
    expect(monthWithin('2025-06', { from: '2025-03-10', to: '2025-06-20' })).toEqual({ from: '2025-06-01', to: '2025-06-20' });
    expect(monthWithin('2025-04', { from: '2025-04-05', to: '2025-04-05' })).toEqual({ from: '2025-04-05', to: '2025-04-05' });
  });

  it('is nothing outside the period or for a malformed month', () => {
    expect(monthWithin('2024-12', { from: '2025-01-01', to: '2025-12-31' })).toBeNull();
    expect(monthWithin('2025-13', { from: '2025-01-01', to: '2025-12-31' })).toBeNull();
    expect(monthWithin('March', { from: '2025-01-01', to: '2025-12-31' })).toBeNull();
  });
});
