/**
 * The survey page's reading of `surveyResults` answers, as pure functions:
 * the filter a view asks with, the chart's data (one series, or one per wave
 * when waves are compared), the table's rows, and the figure behind a click.
 */
import type { SchemaType } from '../../app/graphql';
import { periodRange, type DateRange, type Period } from '../../app/period';
import type { IntervalCategory, IntervalChartData, IntervalPoint, IntervalSeries } from '../../charts/intervalBars';
import type { SurveyMeasure } from '../../charts/surveyFigures';
import type { SurveyDrill, SurveyRow, SurveyWaveFigure } from './surveys.queries';

export type SurveyResultsFilter = SchemaType<'SurveyResultsFilter'>;
export type SurveyGrouping = SchemaType<'SurveyGrouping'>;

/** The parts of a view the survey figures are narrowed by (a domain does not apply to answers). */
export interface SurveyScope {
  period: Period;
  district: string | null;
  agency: string | null;
}

/**
 * The filter for a view: the period (or `range`) on the responses' day, the
 * respondents' district unless `allDistricts`, the agency (awareness: the laws
 * it enforces; satisfaction: the questions about it).
 */
export function surveyFilter(
  scope: SurveyScope,
  options: { range?: DateRange; allDistricts?: boolean } = {},
): SurveyResultsFilter {
  const range = options.range ?? periodRange(scope.period);
  return {
    from: range.from,
    to: range.to,
    ...(scope.district && !options.allDistricts ? { regionIds: [scope.district] } : {}),
    ...(scope.agency ? { agencyIds: [scope.agency] } : {}),
  };
}

/**
 * The days over which waves are compared: a year has one wave or two, so a
 * year's view compares it with the year before; a custom range is taken as is.
 */
export function wavesRange(period: Period): DateRange {
  if (period.kind === 'range') return { from: period.from, to: period.to };
  return { from: `${period.year - 1}-01-01`, to: `${period.year}-12-31` };
}

export function pointOf(figure: SurveyRow | SurveyWaveFigure): IntervalPoint {
  return {
    estimate: figure.estimate,
    interval: figure.interval ? { low: figure.interval.low, high: figure.interval.high } : null,
    n: figure.n,
    smallSample: figure.smallSample,
    tier: figure.tier ?? null,
  };
}

function categoriesOf(rows: readonly SurveyRow[]): IntervalCategory[] {
  return rows.map((row) => ({ id: row.unit.id, label: row.unit.label }));
}

/** One series: the units in the hub's order (ranked by tier, then the unranked). */
export function resultsChartData(
  rows: readonly SurveyRow[],
  measure: SurveyMeasure,
  title: string,
  seriesName: string,
  highlight: string | null = null,
): IntervalChartData {
  const series: IntervalSeries = { name: seriesName, points: rows.map(pointOf) };
  return { measure, title, categories: categoriesOf(rows), series: [series], highlight };
}

/**
 * One order for lists that are each in order (every unit lists its waves
 * oldest first, but not every unit has every wave): a topological merge,
 * ties in order of first appearance.
 */
export function mergeOrdered(lists: readonly (readonly string[])[]): string[] {
  const firstSeen = new Map<string, number>();
  const after = new Map<string, Set<string>>();
  const before = new Map<string, number>();
  for (const list of lists) {
    list.forEach((id, i) => {
      if (!firstSeen.has(id)) {
        firstSeen.set(id, firstSeen.size);
        after.set(id, new Set());
        before.set(id, 0);
      }
      const previous = i > 0 ? list[i - 1]! : null;
      if (previous !== null && previous !== id && !after.get(previous)!.has(id)) {
        after.get(previous)!.add(id);
        before.set(id, before.get(id)! + 1);
      }
    });
  }
  const order: string[] = [];
  const ready = [...firstSeen.keys()].filter((id) => before.get(id) === 0);
  const byFirstSeen = (a: string, b: string) => firstSeen.get(a)! - firstSeen.get(b)!;
  while (ready.length > 0) {
    ready.sort(byFirstSeen);
    const id = ready.shift()!;
    order.push(id);
    for (const next of after.get(id)!) {
      before.set(next, before.get(next)! - 1);
      if (before.get(next) === 0) ready.push(next);
    }
  }
  // Contradictory lists (a cycle) cannot happen for waves; keep whatever is left in first-seen order.
  for (const id of [...firstSeen.keys()].sort(byFirstSeen)) if (!order.includes(id)) order.push(id);
  return order;
}

export interface WaveRef {
  id: string;
  label: string;
}

/** The waves in the answer, oldest first. */
export function wavesOf(rows: readonly SurveyRow[]): WaveRef[] {
  const labels = new Map<string, string>();
  for (const row of rows) for (const w of row.byWave ?? []) labels.set(w.wave.id, w.wave.label);
  return mergeOrdered(rows.map((row) => (row.byWave ?? []).map((w) => w.wave.id))).map((id) => ({
    id,
    label: labels.get(id) ?? id,
  }));
}

/** One series per wave, the units side by side; a unit without answers in a wave has no bar there. */
export function wavesChartData(rows: readonly SurveyRow[], measure: SurveyMeasure, title: string): IntervalChartData {
  const series = wavesOf(rows).map((wave) => ({
    name: wave.label,
    points: rows.map((row) => {
      const figure = row.byWave?.find((w) => w.wave.id === wave.id);
      return figure ? pointOf(figure) : null;
    }),
  }));
  // The legend names the waves, even when the period holds only one.
  return { measure, title, categories: categoriesOf(rows), series, legend: true };
}

/** A row of the survey tables: one unit, or one unit in one wave. */
export interface SurveyTableRow {
  key: string;
  unit: string;
  wave: string | null;
  n: number;
  estimate: number;
  interval: { low: number; high: number } | null;
  tier: number | null;
  rank: number | null;
  smallSample: boolean;
  drill: SurveyDrill;
}

function tableRow(unit: SurveyRow['unit'], figure: SurveyRow | SurveyWaveFigure, wave: WaveRef | null): SurveyTableRow {
  return {
    key: wave ? `${unit.id}|${wave.id}` : unit.id,
    unit: unit.label,
    wave: wave?.label ?? null,
    n: figure.n,
    estimate: figure.estimate,
    interval: figure.interval ?? null,
    tier: figure.tier ?? null,
    rank: figure.rank ?? null,
    smallSample: figure.smallSample,
    drill: figure.drill,
  };
}

export function tableRows(rows: readonly SurveyRow[]): SurveyTableRow[] {
  return rows.map((row) => tableRow(row.unit, row, null));
}

/** Unit by unit, each unit's waves oldest first. */
export function waveTableRows(rows: readonly SurveyRow[]): SurveyTableRow[] {
  const waves = wavesOf(rows);
  return rows.flatMap((row) =>
    waves.flatMap((wave) => {
      const figure = row.byWave?.find((w) => w.wave.id === wave.id);
      return figure ? [tableRow(row.unit, figure, wave)] : [];
    }),
  );
}

/** What a click on the chart (bar or error bar of series `seriesIndex`, unit `dataIndex`) stands for. */
export function clickedFigure(
  rows: readonly SurveyRow[],
  compared: boolean,
  seriesIndex: number,
  dataIndex: number,
): SurveyTableRow | null {
  const row = rows[dataIndex];
  if (!row) return null;
  if (!compared) return tableRow(row.unit, row, null);
  const waves = wavesOf(rows);
  const wave = waves[seriesIndex % Math.max(1, waves.length)];
  const figure = wave ? row.byWave?.find((w) => w.wave.id === wave.id) : undefined;
  return wave && figure ? tableRow(row.unit, figure, wave) : null;
}

/**
 * The groupings the waves can be compared by: laws only for awareness
 * (satisfaction questions name an agency, not a law), agencies only for the
 * accounts that may see single units' figures.
 */
export function comparisonGroupings(measure: SurveyMeasure, unitLevel: boolean): SurveyGrouping[] {
  return [...(measure === 'AWARENESS' ? (['LAW'] as const) : []), ...(unitLevel ? (['AGENCY'] as const) : []), 'DISTRICT'];
}

/** `wanted` if it can be asked for `measure`, else the first grouping that can. */
export function usableGrouping(wanted: SurveyGrouping, measure: SurveyMeasure, unitLevel: boolean): SurveyGrouping {
  const options = comparisonGroupings(measure, unitLevel);
  return options.includes(wanted) ? wanted : options[0]!;
}
