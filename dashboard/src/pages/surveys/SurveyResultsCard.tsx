/**
 * One survey question answered as a card: the units' estimates with their
 * 95% intervals (bars with error bars), small samples hatched, tiers written
 * after the figures, and the same figures as a table (n, estimate, interval,
 * tier, rank). A bar, an error bar or a table figure opens the responses
 * behind it in the page's RecordsDrawer.
 */
import { useMemo, type ReactNode } from 'react';
import { Card } from '../../app/Card';
import { cardState } from '../../app/cardState';
import { formatInteger } from '../../app/format';
import { useI18n } from '../../app/I18nContext';
import { apiLocale } from '../../app/i18n';
import { useRetryableQuery } from '../../app/useRetryableQuery';
import { EChart, type ChartItemClick } from '../../charts/EChart';
import { buildIntervalOption, intervalChartHeight } from '../../charts/intervalBars';
import { formatInterval, measureName, tierLabel, type SurveyMeasure } from '../../charts/surveyFigures';
import { useElementWidth } from '../../charts/useElementWidth';
import { responseFilterOf, type RecordsDrill } from '../../components/records/drills';
import { DataTable } from '../../components/table/DataTable';
import type { Column } from '../../components/table/tableData';
import {
  clickedFigure,
  resultsChartData,
  tableRows,
  waveTableRows,
  wavesChartData,
  type SurveyGrouping,
  type SurveyResultsFilter,
  type SurveyTableRow,
} from './surveyData';
import type { SurveyResultsDocument } from './surveys.queries';

const PLACEHOLDER_HEIGHT = 320;

export interface SurveyResultsCardProps {
  title: string;
  /** The header of the units' column: 法律, 单位, 区域, 调查轮次. */
  unitLabel: string;
  measure: SurveyMeasure;
  by: SurveyGrouping;
  filter: SurveyResultsFilter;
  /** Each unit's figure per wave, side by side. */
  compareWaves?: boolean;
  /** The card's query document (its operation name tells the cards apart). */
  query: SurveyResultsDocument;
  /** A unit to stand out (the district chosen in the filters). */
  highlight?: string | null;
  /** A remark beside the title, e.g. what the figures are limited to. */
  note?: string | undefined;
  /** What the period is, for file names: "2025年". */
  periodText: string;
  testId: string;
  className?: string;
  onDrill: (drill: RecordsDrill) => void;
}

export function SurveyResultsCard({
  title,
  unitLabel,
  measure: askedMeasure,
  by,
  filter,
  compareWaves = false,
  query,
  highlight = null,
  note,
  periodText,
  testId,
  className,
  onDrill,
}: SurveyResultsCardProps) {
  const { lang, t } = useI18n();
  const variables = useMemo(
    () => ({ measure: askedMeasure, by, filter, compareWaves, locale: apiLocale(lang) }),
    [askedMeasure, by, filter, compareWaves, lang],
  );
  const [result, retry] = useRetryableQuery(query, variables);
  const answer = result.data?.surveyResults;
  const rows = answer?.rows;
  // While another measure loads, the shown answer keeps its own scale, unit and labels.
  const measure = answer?.measure ?? askedMeasure;
  const state = cardState(result, (d) => d.surveyResults.rows.length === 0);
  const [frameRef, width] = useElementWidth<HTMLDivElement>();
  const measureText = measureName(measure, lang);

  const chartData = useMemo(() => {
    if (!rows) return null;
    return compareWaves
      ? wavesChartData(rows, measure, title)
      : resultsChartData(rows, measure, title, measureText, highlight);
  }, [rows, compareWaves, measure, title, measureText, highlight]);
  const option = useMemo(
    () => (chartData && width ? buildIntervalOption(chartData, lang, width) : null),
    [chartData, lang, width],
  );
  const height = chartData
    ? intervalChartHeight(chartData.categories.length, chartData.series.length, chartData.legend)
    : PLACEHOLDER_HEIGHT;
  const table = useMemo(() => (rows ? (compareWaves ? waveTableRows(rows) : tableRows(rows)) : undefined), [rows, compareWaves]);
  const anySmall = table?.some((row) => row.smallSample) ?? false;

  const columns = useMemo<Column<SurveyTableRow>[]>(() => {
    const open = (row: SurveyTableRow) =>
      onDrill({
        title: t('surveys.drillTitle', {
          unit: row.wave ? t('surveys.unitInWave', { unit: row.unit, wave: row.wave }) : row.unit,
          measure: measureText,
        }),
        source: { kind: 'surveyResponses', filters: [responseFilterOf(row.drill.responses)] },
      });
    return [
      { id: 'unit', label: unitLabel, value: (r) => r.unit },
      ...(compareWaves ? [{ id: 'wave', label: t('surveys.col.wave'), value: (r: SurveyTableRow) => r.wave }] : []),
      {
        id: 'n',
        label: t('surveys.col.n'),
        value: (r) => r.n,
        kind: 'integer',
        render: (r) => (
          <>
            {formatInteger(r.n, lang)}
            {r.smallSample ? <span className="survey-small-tag">{t('surveys.smallTag')}</span> : null}
          </>
        ),
      },
      {
        id: 'estimate',
        label: measureText,
        value: (r) => r.estimate,
        kind: measure === 'AWARENESS' ? 'percent' : 'decimal',
        digits: 2,
        onClick: open,
      },
      { id: 'interval', label: t('surveys.col.interval'), value: (r) => formatInterval(measure, r.interval, lang), sortable: false },
      { id: 'tier', label: t('surveys.col.tier'), value: (r) => r.tier, kind: 'integer', render: (r) => tierLabel(r.tier, lang) },
      { id: 'rank', label: t('surveys.col.rank'), value: (r) => r.rank, kind: 'integer' },
    ];
  }, [t, lang, unitLabel, compareWaves, measure, measureText, onDrill]);

  function onItemClick({ seriesIndex, dataIndex }: ChartItemClick) {
    const row = rows ? clickedFigure(rows, compareWaves, seriesIndex, dataIndex) : null;
    if (row) columns.find((c) => c.id === 'estimate')?.onClick?.(row);
  }

  const fileTitle = `${title} ${periodText}`;
  return (
    <Card
      className={className}
      title={title}
      unit={t(measure === 'AWARENESS' ? 'surveys.unit.AWARENESS' : 'surveys.unit.SATISFACTION')}
      note={note}
      state={state}
      error={result.error}
      onRetry={retry}
      updating={result.fetching}
      bodyHeight={state === 'ready' ? height : PLACEHOLDER_HEIGHT}
    >
      <div ref={frameRef}>
        {option ? (
          <EChart
            option={option}
            lang={lang}
            height={height}
            label={title}
            fileName={fileTitle}
            onItemClick={onItemClick}
            testId={testId}
          />
        ) : null}
        <p className="survey-legend">
          <span>{t('surveys.legend.interval')}</span>
          {!compareWaves ? <span>{t('surveys.legend.tier')}</span> : null}
          {anySmall ? (
            <span>
              <span className="survey-hatch" aria-hidden="true" />
              {t('surveys.legend.small')}
            </span>
          ) : null}
        </p>
        {table ? (
          <DataTable
            caption={fileTitle}
            columns={columns}
            rows={table}
            rowKey={(r) => r.key}
            searchable={table.length > 12}
            className={compareWaves ? 'survey-table survey-table-waves' : 'survey-table'}
          />
        ) : null}
      </div>
    </Card>
  );
}

/** A card's switches (measure, grouping), kept outside the card so they stay while it loads. */
export function CardControls({ label, children }: { label: string; children: ReactNode }) {
  return (
    <fieldset className="survey-controls">
      <legend className="visually-hidden">{label}</legend>
      {children}
    </fieldset>
  );
}

/** A labelled group of radio buttons in the dashboard's segmented style. */
export function Choice<Value extends string>({
  name,
  label,
  options,
  value,
  onChange,
}: {
  name: string;
  label: string;
  options: readonly { value: Value; label: string }[];
  value: Value;
  onChange: (value: Value) => void;
}) {
  return (
    <div className="survey-choice" role="radiogroup" aria-label={label}>
      <span className="survey-choice-label" aria-hidden="true">
        {label}
      </span>
      <div className="segmented">
        {options.map((option) => (
          <label key={option.value} className={option.value === value ? 'is-chosen' : undefined}>
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={option.value === value}
              onChange={() => onChange(option.value)}
            />
            {option.label}
          </label>
        ))}
      </div>
    </div>
  );
}
