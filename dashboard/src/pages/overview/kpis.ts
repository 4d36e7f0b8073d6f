/**
 * The overview's key figures: which measures, how each is formatted, how its
 * change against the same period last year is expressed, and which of them
 * can be asked for under the current filters.
 */
import { measureValue } from '../../app/analytics';
import type { AnalyticsFilter, Measure, MeasureValue } from '../../app/api-types';
import { MEASURE_FACT, splitMeasures, type Fact, type FilterKey } from '../../app/applicability';
import {
  formatChange,
  formatDecimal,
  formatInteger,
  formatPercent,
  NO_VALUE,
  type ChangeKind,
  type FormattedChange,
} from '../../app/format';
import { translate, type Lang, type MessageKey } from '../../app/i18n';

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

export function buildKpis(
  current: readonly MeasureValue[],
  previous: readonly MeasureValue[] | null,
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
        note,
      };
    }
    const now = measureValue(current, spec.measure);
    const before = previous ? measureValue(previous, spec.measure) : null;
    return {
      measure: spec.measure,
      group: spec.group,
      label,
      value: formatValue(now, spec.format, lang),
      unit: spec.unit ? translate(lang, spec.unit) : null,
      change: formatChange(now, before, spec.change, lang),
      note: null,
    };
  });
}

/**
 * True when the period has no figure at all: every measure is null or zero
 * (measures left out because a filter does not apply count as nothing).
 */
export function kpisEmpty(current: readonly MeasureValue[]): boolean {
  return KPI_MEASURES.every((m) => {
    const v = measureValue(current, m);
    return v === null || v === 0;
  });
}
