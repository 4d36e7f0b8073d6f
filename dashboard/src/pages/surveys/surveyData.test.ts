import { describe, expect, it } from 'vitest';
import {
  clickedFigure,
  comparisonGroupings,
  mergeOrdered,
  resultsChartData,
  surveyFilter,
  tableRows,
  usableGrouping,
  waveTableRows,
  wavesChartData,
  wavesOf,
  wavesRange,
} from './surveyData';
import type { SurveyRow, SurveyWaveFigure } from './surveys.queries';

const year2020 = { kind: 'year', year: 2020 } as const;

function drill(lawId: string, waveIds: string[] | null = null): SurveyRow['drill'] {
  return {
    questionKind: 'AWARENESS',
    lawIds: [lawId],
    agencyIds: null,
    responses: { districtIds: null, from: '2019-01-01', to: '2020-12-31', waveIds, years: null },
  };
}

function wave(id: string, label: string, n: number, aware: number, lawId: string, tier: number): SurveyWaveFigure {
  return {
    wave: { id, label },
    n,
    estimate: aware / n,
    interval: { low: 0.1, high: 0.9 },
    smallSample: n < 30,
    tier,
    rank: tier,
    drill: drill(lawId, [id]),
  };
}

// docs/metrics.md worked example, awareness per law over both waves (intervals shortened).
const rows: SurveyRow[] = [
  {
    unit: { id: 'Law:1', label: '宪法' },
    n: 9,
    estimate: 7 / 9,
    interval: { low: 0.452554, high: 0.936783 },
    smallSample: true,
    tier: 1,
    rank: 1,
    drill: drill('Law:1'),
    byWave: [wave('SurveyWave:1', '2019年', 5, 3, 'Law:1', 1), wave('SurveyWave:2', '2020年', 4, 4, 'Law:1', 1)],
  },
  {
    unit: { id: 'Law:3', label: '传染病防治法' },
    n: 14,
    estimate: 1 / 14,
    interval: { low: 0.012734, high: 0.314673 },
    smallSample: true,
    tier: 2,
    rank: 2,
    drill: drill('Law:3'),
    // Only the later wave asked about this law here: the merge must still put 2019 first.
    byWave: [wave('SurveyWave:2', '2020年', 10, 1, 'Law:3', 2)],
  },
];

describe('survey data', () => {
  it('asks for the view’s period, district and agency', () => {
    expect(surveyFilter({ period: year2020, district: 'Region:2', agency: 'Agency:7' })).toEqual({
      from: '2020-01-01',
      to: '2020-12-31',
      regionIds: ['Region:2'],
      agencyIds: ['Agency:7'],
    });
    expect(surveyFilter({ period: year2020, district: 'Region:2', agency: null }, { allDistricts: true })).toEqual({
      from: '2020-01-01',
      to: '2020-12-31',
    });
    expect(
      surveyFilter({ period: year2020, district: null, agency: null }, { range: { from: '2019-01-01', to: '2020-12-31' } }),
    ).toEqual({ from: '2019-01-01', to: '2020-12-31' });
  });

  it('compares a year’s waves with the year before; a custom range as it is', () => {
    expect(wavesRange(year2020)).toEqual({ from: '2019-01-01', to: '2020-12-31' });
    expect(wavesRange({ kind: 'range', from: '2020-03-01', to: '2020-09-30' })).toEqual({ from: '2020-03-01', to: '2020-09-30' });
  });

  it('merges ordered lists into one order', () => {
    expect(mergeOrdered([['b', 'c'], ['a', 'b']])).toEqual(['a', 'b', 'c']);
    expect(mergeOrdered([['w2'], ['w1', 'w2'], ['w3']])).toEqual(['w1', 'w2', 'w3']);
    expect(mergeOrdered([])).toEqual([]);
    // Contradictions cannot stop it.
    expect(mergeOrdered([['a', 'b'], ['b', 'a']]).sort()).toEqual(['a', 'b']);
  });

  it('draws one series in the hub’s order', () => {
    const data = resultsChartData(rows, 'AWARENESS', '各法律的群众知晓率', '法律知晓率', 'Law:3');
    expect(data.categories).toEqual([
      { id: 'Law:1', label: '宪法' },
      { id: 'Law:3', label: '传染病防治法' },
    ]);
    expect(data.highlight).toBe('Law:3');
    expect(data.series).toHaveLength(1);
    expect(data.series[0]!.points.map((p) => [p?.n, p?.tier, p?.smallSample])).toEqual([
      [9, 1, true],
      [14, 2, true],
    ]);
  });

  it('draws one series per wave, oldest first, with gaps where a unit has no answers', () => {
    expect(wavesOf(rows)).toEqual([
      { id: 'SurveyWave:1', label: '2019年' },
      { id: 'SurveyWave:2', label: '2020年' },
    ]);
    const data = wavesChartData(rows, 'AWARENESS', 't');
    expect(data.series.map((s) => s.name)).toEqual(['2019年', '2020年']);
    expect(data.legend).toBe(true);
    expect(data.series[0]!.points.map((p) => p?.estimate ?? null)).toEqual([0.6, null]);
    expect(data.series[1]!.points.map((p) => p?.estimate ?? null)).toEqual([1, 0.1]);
  });

  it('lists the figures for the tables', () => {
    expect(tableRows(rows).map((r) => [r.key, r.unit, r.n, r.tier, r.rank, r.wave])).toEqual([
      ['Law:1', '宪法', 9, 1, 1, null],
      ['Law:3', '传染病防治法', 14, 2, 2, null],
    ]);
    expect(waveTableRows(rows).map((r) => [r.key, r.wave, r.n])).toEqual([
      ['Law:1|SurveyWave:1', '2019年', 5],
      ['Law:1|SurveyWave:2', '2020年', 4],
      ['Law:3|SurveyWave:2', '2020年', 10],
    ]);
  });

  it('finds the figure behind a click, bar or error bar', () => {
    expect(clickedFigure(rows, false, 0, 1)?.drill.lawIds).toEqual(['Law:3']);
    expect(clickedFigure(rows, false, 1, 0)?.unit).toBe('宪法');
    // Waves: series 0/1 are the bars of 2019/2020, 2/3 their error bars.
    expect(clickedFigure(rows, true, 3, 1)?.drill.responses.waveIds).toEqual(['SurveyWave:2']);
    expect(clickedFigure(rows, true, 0, 0)?.wave).toBe('2019年');
    expect(clickedFigure(rows, true, 0, 1)).toBeNull();
    expect(clickedFigure(rows, false, 0, 5)).toBeNull();
  });

  it('offers laws for awareness only and agencies to the readers of every unit', () => {
    expect(comparisonGroupings('AWARENESS', true)).toEqual(['LAW', 'AGENCY', 'DISTRICT']);
    expect(comparisonGroupings('SATISFACTION', true)).toEqual(['AGENCY', 'DISTRICT']);
    expect(comparisonGroupings('SATISFACTION', false)).toEqual(['DISTRICT']);
    expect(usableGrouping('LAW', 'SATISFACTION', true)).toBe('AGENCY');
    expect(usableGrouping('AGENCY', 'AWARENESS', false)).toBe('LAW');
    expect(usableGrouping('DISTRICT', 'AWARENESS', false)).toBe('DISTRICT');
  });
});
