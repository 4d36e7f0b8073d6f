/**
 * The scorecard as a table: rank, agency, the points of every indicator and
 * deduction of the rubric, total and grade; beside the live figures, the
 * frozen ones when the year is frozen. Each indicator's points open the
 * records behind its value.
 */
import { useMemo } from 'react';
import { formatDecimal } from '../../app/format';
import { useI18n } from '../../app/I18nContext';
import { formatPoints } from '../../charts/indicatorRadar';
import { DataTable } from '../../components/table/DataTable';
import type { Column } from '../../components/table/tableData';
import type { DeductionScore, IndicatorScore, Scorecard, ScorecardRow } from './assessment.queries';
import { drillTarget, type FrozenFigures } from './scorecard';

export interface ScorecardTableProps {
  scorecard: Scorecard;
  caption: string;
  /** The frozen figures by agency, shown beside live ones; null otherwise. */
  frozen: ReadonlyMap<string, FrozenFigures> | null;
  /** Opens the records behind an indicator's or a deduction's value. */
  onOpen: (row: ScorecardRow, score: IndicatorScore | DeductionScore) => void;
}

export function GradeBadge({ grade, label }: { grade: string; label: string }) {
  return <span className={`grade-badge grade-${grade.toLowerCase()}`}>{label}</span>;
}

export function ScorecardTable({ scorecard, caption, frozen, onOpen }: ScorecardTableProps) {
  const { lang, t } = useI18n();
  const columns = useMemo<Column<ScorecardRow>[]>(() => {
    // Every row is scored under the same rubric: the first row names the columns.
    const first = scorecard.rows[0];
    const clickable = (score: IndicatorScore | DeductionScore | undefined) =>
      score !== undefined && drillTarget(score.drill).kind !== 'none';
    const scoreCell = (score: IndicatorScore | DeductionScore | undefined, shown: string) =>
      score ? (
        <span className="score-cell" title={score.reason ?? undefined}>
          {shown}
          {score.noData ? <span className="no-data-tag">{t('assessment.noData')}</span> : null}
        </span>
      ) : null;

    const indicators: Column<ScorecardRow>[] = (first?.indicators ?? []).map((indicator, i) => ({
      id: `indicator:${indicator.key}`,
      label: t('assessment.col.indicator', { label: indicator.label, max: formatPoints(indicator.maxPoints, lang) }),
      value: (row) => row.indicators[i]?.points,
      kind: 'decimal',
      digits: 2,
      render: (row) => scoreCell(row.indicators[i], formatDecimal(row.indicators[i]?.points, 2, lang)),
      onClick: (row) => {
        const score = row.indicators[i];
        if (score) onOpen(row, score);
      },
      clickLabel: (row) =>
        clickable(row.indicators[i])
          ? t('assessment.openIndicator', {
              agency: row.label,
              indicator: indicator.label,
              points: formatPoints(row.indicators[i]?.points, lang),
            })
          : null,
    }));
    const deductions: Column<ScorecardRow>[] = (first?.deductions ?? []).map((deduction, i) => ({
      id: `deduction:${deduction.key}`,
      label: t('assessment.col.deduction', { label: deduction.label }),
      // Deducted points read as negative; zero stays 0, never "−0".
      value: (row) => {
        const points = row.deductions[i]?.points;
        return typeof points === 'number' && points !== 0 ? -points : points;
      },
      kind: 'decimal',
      digits: 2,
      render: (row) => {
        const points = row.deductions[i]?.points ?? 0;
        return scoreCell(row.deductions[i], points === 0 ? formatDecimal(0, 2, lang) : `−${formatDecimal(points, 2, lang)}`);
      },
      onClick: (row) => {
        const score = row.deductions[i];
        if (score) onOpen(row, score);
      },
      clickLabel: (row) =>
        clickable(row.deductions[i])
          ? t('assessment.openIndicator', {
              agency: row.label,
              indicator: deduction.label,
              points: formatPoints(-(row.deductions[i]?.points ?? 0), lang),
            })
          : null,
    }));
    // The figures read first (total, grade) stay in view; the indicators follow, scrolling sideways.
    return [
      { id: 'rank', label: t('assessment.col.rank'), value: (row) => row.rank, kind: 'integer' },
      { id: 'agency', label: t('assessment.col.agency'), value: (row) => row.label },
      {
        id: 'total',
        label: t('assessment.col.total', { max: formatPoints(scorecard.maxScore, lang) }),
        value: (row) => row.total,
        kind: 'decimal',
        digits: 2,
        render: (row) => <strong>{formatDecimal(row.total, 2, lang)}</strong>,
      },
      {
        id: 'grade',
        label: t('assessment.col.grade'),
        value: (row) => row.gradeLabel,
        render: (row) => <GradeBadge grade={row.grade} label={row.gradeLabel} />,
      },
      ...(frozen
        ? ([
            {
              id: 'frozenTotal',
              label: t('assessment.col.frozenTotal'),
              value: (row) => frozen.get(row.agencyId)?.total,
              kind: 'decimal',
              digits: 2,
            },
            { id: 'frozenRank', label: t('assessment.col.frozenRank'), value: (row) => frozen.get(row.agencyId)?.rank, kind: 'integer' },
          ] satisfies Column<ScorecardRow>[])
        : []),
      ...indicators,
      ...deductions,
    ];
  }, [scorecard, frozen, onOpen, t, lang]);

  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={scorecard.rows}
      rowKey={(row) => row.agencyId}
      searchable={scorecard.rows.length > 8}
      emptyText={scorecard.reason ?? undefined}
      className="scorecard-table"
    />
  );
}
