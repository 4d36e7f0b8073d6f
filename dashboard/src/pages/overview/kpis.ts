/**
 * The overview's key figures: which measures, how each is formatted, how its
 * change against the same period last year (the API's `compare`) is
 * expressed, and which of them can be asked for under the current filters.
 */
import type { AnalyticsFilter, Measure } from '../../app/api-types';
import { MEASURE_FACT, splitMeasures, type Fact, type FilterKey } from '../../app/applicability';
import {
  formatDecimal,
  formatInteger,
  formatPercent,
  NO_VALUE,
  type ChangeKind,
  type FormattedChange,
} from '../../app/format';
import { translate, type Lang, type MessageKey } from '../../app/i18n';

/**
 * A measure's value with the same period a year earlier, as `analytics(…,
 * compare: SAME_PERIOD_LAST_YEAR)` answers it: `change` = (value − previous)
 * ÷ previous, null when previous is 0 or null or value is null.
 */
export interface ComparedValue {
  measure: Measure;
  value: number | null;
  previous: number | null;
  change: number | null;
}

type KpiFormat = 'integer' | 'percent' | 'mean5';

interface KpiSpec {
  measure: Measure;
  /** Volume of work done, or its outcome (attendance, awareness, satisfaction). */
  group: 'volume' | 'outcome';
  /** Unit shown after the number; percentages carry their own "%". */
  unit: MessageKey | null;
  format: KpiFormat;
  change: ChangeKind;
}

/**
 * The facts the key figures come from. Each fact's figures are one query, so
 * a failure in one (or a filter that does not apply to it) leaves the others
 * standing.
 */
export const KPI_FACTS = ['activity', 'broadcast', 'training', 'survey'] as const satisfies readonly Fact[];
export type KpiFact = (typeof KPI_FACTS)[number];

export const KPI_SPECS: readonly KpiSpec[] = [
  { measure: 'ACTIVITY_COUNT', group: 'volume', unit: 'unit.activities', format: 'integer', change: 'relative' },
  { measure: 'PARTICIPANTS', group: 'volume', unit: 'unit.people', format: 'integer', change: 'relative' },
  { measure: 'MATERIALS_DISTRIBUTED', group: 'volume', unit: 'unit.copies', format: 'integer', change: 'relative' },
  { measure: 'CONSULTATIONS', group: 'volume', unit: 'unit.people', format: 'integer', change: 'relative' },
  { measure: 'BROADCAST_COUNT', group: 'volume', unit: 'unit.slots', format: 'integer', change: 'relative' },
  { measure: 'BROADCAST_MINUTES', group: 'volume', unit: 'unit.minutes', format: 'integer', change: 'relative' },
  { measure: 'TRAINING_ATTENDANCE_RATE', group: 'outcome', unit: null, format: 'percent', change: 'points' },
  { measure: 'AWARENESS_RATE', group: 'outcome', unit: null, format: 'percent', change: 'points' },
  { measure: 'SATISFACTION_MEAN', group: 'outcome', unit: 'unit.outOf5', format: 'mean5', change: 'relative' },
];

export const KPI_MEASURES: Measure[] = KPI_SPECS.map((s) => s.measure);

/** The fact a key figure is computed over. */
export function kpiFact(measure: Measure): KpiFact {
  const fact = MEASURE_FACT[measure];
  if (!(KPI_FACTS as readonly Fact[]).includes(fact)) throw new Error(`${measure} is not a key figure`);
  return fact as KpiFact;
}

/** Measures not asked for, each with the set filters that do not apply to it. */
export type NotApplicable = ReadonlyMap<Measure, readonly FilterKey[]>;

export interface KpiPlan {
  /** Per fact, the key figures to ask for under the filter (possibly none). */
  measures: Record<KpiFact, Measure[]>;
  notApplicable: NotApplicable;
}

/** Which key figures to query under `filter`, per fact, and which to leave out. */
export function planKpis(filter: AnalyticsFilter): KpiPlan {
  const split = splitMeasures(KPI_MEASURES, filter);
  const measures = Object.fromEntries(KPI_FACTS.map((f) => [f, [] as Measure[]])) as Record<KpiFact, Measure[]>;
  for (const m of split.applicable) measures[kpiFact(m)].push(m);
  return { measures, notApplicable: new Map(split.notApplicable.map((n) => [n.measure, n.filters])) };
}

/** Notes for the filters a figure is not recorded by; the first one that has a note wins. */
const NOT_APPLICABLE_NOTES: Partial<Record<FilterKey, MessageKey>> = {
  regionIds: 'kpi.notApplicable.regionIds',
  domainIds: 'kpi.notApplicable.domainIds',
};

/** Why a figure is not shown, e.g. "不分区域统计" / "Not recorded by district". */
export function notApplicableNote(filters: readonly FilterKey[], lang: Lang): string {
  const key = filters.map((f) => NOT_APPLICABLE_NOTES[f]).find(Boolean) ?? 'kpi.notApplicable';
  return translate(lang, key);
}

export interface KpiView {
  measure: Measure;
  group: KpiSpec['group'];
  label: string;
  value: string;
  unit: string | null;
  change: FormattedChange;
  /** The same period last year, formatted like the value ("—" when there is none). */
  previous: string;
  /** Set when the figure does not apply to the current filters: why it is "—". */
  note: string | null;
}

function formatValue(value: number | null, format: KpiFormat, lang: Lang): string {
  switch (format) {
    case 'integer':
      return formatInteger(value, lang);
    case 'percent':
      return formatPercent(value, lang);
    case 'mean5':
      return formatDecimal(value, 2, lang);
  }
}

function isNumber(x: number | null | undefined): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** U+2212, the minus sign: a hyphen reads as a dash beside a number. */
const MINUS = '\u2212';

/**
 * The change against the same period last year, from the API's figures: for
 * counts and means its relative `change` ("▲ +17.0%", "▼ −3.6%"); for rates
 * the difference in percentage points between the two rates as displayed
 * ("▲ +2.1 个百分点" / "▲ +2.1 pp"), the way government reports read a rate.
 * "—" whenever the API's `change` is null (nothing last year, or 0 to start
 * from). The arrows differ in shape and the sign is written, so the change
 * reads without colour.
 */
export function formatYoY(figure: Omit<ComparedValue, 'measure'>, kind: ChangeKind, lang: Lang): FormattedChange {
  const { value, previous, change } = figure;
  if (!isNumber(change) || !isNumber(value) || !isNumber(previous)) {
    const why = isNumber(value) && previous === 0 ? 'change.fromZero' : 'change.noPrevious';
    return { text: NO_VALUE, direction: 'none', label: translate(lang, why) };
  }
  // Points between the percentages as shown (one decimal): 91.3% against 90.0% is "1.3", never "1.2".
  const amount = kind === 'points' ? Math.round(value * 1000) / 10 - Math.round(previous * 1000) / 10 : change;
  const magnitude =
    kind === 'points'
      ? `${formatDecimal(Math.abs(amount), 1, lang)} ${translate(lang, 'change.pp')}`
      : formatPercent(Math.abs(amount), lang);
  // The arrow follows the rounded figure, so "▲ +0.0%" never appears.
  if (Math.round(Math.abs(amount) * (kind === 'points' ? 10 : 1000)) === 0) {
    return { text: magnitude, direction: 'flat', label: `${translate(lang, 'change.label')} ${translate(lang, 'change.flat')}` };
  }
  const up = amount > 0;
  return {
    text: `${up ? '▲ +' : `▼ ${MINUS}`}${magnitude}`,
    direction: up ? 'up' : 'down',
    label: `${translate(lang, 'change.label')} ${translate(lang, up ? 'change.up' : 'change.down')} ${magnitude}`,
  };
}

const NONE: Omit<ComparedValue, 'measure'> = { value: null, previous: null, change: null };

export function buildKpis(
  figures: readonly ComparedValue[],
  lang: Lang,
  notApplicable: NotApplicable = new Map(),
): KpiView[] {
  return KPI_SPECS.map((spec) => {
    const label = translate(lang, `kpi.${spec.measure}` as MessageKey);
    const filters = notApplicable.get(spec.measure);
    if (filters) {
      const note = notApplicableNote(filters, lang);
      return {
        measure: spec.measure,
        group: spec.group,
        label,
        value: NO_VALUE,
        unit: null,
        change: { text: NO_VALUE, direction: 'none', label: note },
        previous: NO_VALUE,
        note,
      };
    }
    const figure = figures.find((f) => f.measure === spec.measure) ?? NONE;
    return {
      measure: spec.measure,
      group: spec.group,
      label,
      value: formatValue(figure.value, spec.format, lang),
      unit: spec.unit ? translate(lang, spec.unit) : null,
      change: formatYoY(figure, spec.change, lang),
      previous: formatValue(figure.previous, spec.format, lang),
      note: null,
    };
  });
}

/**
 * True when the period has no figure at all: every measure is null or zero
 * (measures left out because a filter does not apply count as nothing).
 */
export function kpisEmpty(figures: readonly Pick<ComparedValue, 'measure' | 'value'>[]): boolean {
  return KPI_MEASURES.every((m) => {
    const v = figures.find((f) => f.measure === m)?.value;
    return v === null || v === undefined || v === 0;
  });
}
