/**
 * The overview's key figures: which measures, how each is formatted and how
 * its change against the same period last year is expressed.
 */
import { measureValue } from '../../app/analytics';
import type { Measure, MeasureValue } from '../../app/api-types';
import {
  formatChange,
  formatDecimal,
  formatInteger,
  formatPercent,
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

export interface KpiView {
  measure: Measure;
  group: KpiSpec['group'];
  label: string;
  value: string;
  unit: string | null;
  change: FormattedChange;
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
): KpiView[] {
  return KPI_SPECS.map((spec) => {
    const now = measureValue(current, spec.measure);
    const before = previous ? measureValue(previous, spec.measure) : null;
    return {
      measure: spec.measure,
      group: spec.group,
      label: translate(lang, `kpi.${spec.measure}` as MessageKey),
      value: formatValue(now, spec.format, lang),
      unit: spec.unit ? translate(lang, spec.unit) : null,
      change: formatChange(now, before, spec.change, lang),
    };
  });
}

/** True when the period has no figure at all: every measure is null or zero. */
export function kpisEmpty(current: readonly MeasureValue[]): boolean {
  return KPI_MEASURES.every((m) => {
    const v = measureValue(current, m);
    return v === null || v === 0;
  });
}
