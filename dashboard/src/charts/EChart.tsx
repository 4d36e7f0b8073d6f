/**
 * The one ECharts wrapper. It owns the chart instance's whole life: `init`
 * when mounted (and again when the language changes, since ECharts fixes its
 * built-in texts at init), `setOption` whenever the option changes, `resize`
 * when the container's size changes, and `dispose` on unmount. Charts get
 * their options from pure builders in this folder.
 *
 * Above the chart sits a labelled "save as PNG" button (a canvas icon could
 * not be reached by keyboard). A click on a data item is passed to `onItemClick`
 * with the item's series and data index, so a page can open the records
 * behind it (RecordsDrawer).
 *
 * Browser tests read the drawn option through the container:
 * `document.querySelector('[data-chart="…"] .echart').pufaChart.getOption()`.
 *
 * Only the pieces used are registered, from the tree-shakable entry points.
 */
import { init, use, type EChartsCoreOption, type EChartsType } from 'echarts/core';
import { BarChart, HeatmapChart, LineChart, PieChart, RadarChart } from 'echarts/charts';
import {
  AriaComponent,
  CalendarComponent,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { translate, type Lang } from '../app/i18n';
import { saveUrl } from '../components/download';
import { safeFileName } from '../components/table/tableData';

use([
  LineChart,
  BarChart,
  PieChart,
  HeatmapChart,
  RadarChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  TitleComponent,
  DataZoomComponent,
  VisualMapComponent,
  CalendarComponent,
  MarkLineComponent,
  AriaComponent,
  CanvasRenderer,
]);

/** What a click on a chart's data item says (the fields of ECharts' event the pages need). */
export interface ChartItemClick {
  seriesIndex: number;
  /** Index of the item in its series' data (for a category axis: the category's index). */
  dataIndex: number;
  /** The item's name (the category label for axis charts). */
  name: string;
  value: unknown;
}

export interface EChartProps {
  option: EChartsCoreOption;
  lang: Lang;
  /** Height in CSS pixels; the width follows the container. */
  height: number;
  /** The chart's title, for assistive technology; ECharts' aria adds the data description. */
  label: string;
  /** The saved image's name without ".png" (default: `label`), e.g. "月度趋势 2025年". */
  fileName?: string;
  /** Called with the data item clicked; the items show a pointer when set. */
  onItemClick?: (item: ChartItemClick) => void;
  /** Names the chart for tests: `data-chart` on the frame. */
  testId?: string;
}

/** The file a chart is saved to: its title, made safe for file systems, with ".png". */
export function chartFileName(title: string): string {
  return `${safeFileName(title, 'chart')}.png`;
}

/** The chart's canvas as a PNG data URL, twice the screen's resolution, on white. */
export function chartImage(chart: Pick<EChartsType, 'getDataURL'>): string {
  return chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
}

export function EChart({ option, lang, height, label, fileName, onItemClick, testId }: EChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);
  // The latest handler, read at click time, so a new closure never re-binds the event.
  const clickRef = useRef(onItemClick);
  clickRef.current = onItemClick;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return undefined;
    const chart = init(container, undefined, { renderer: 'canvas', locale: lang === 'en' ? 'EN' : 'ZH' });
    chartRef.current = chart;
    (container as ChartHost).pufaChart = chart;
    chart.on('click', (params) => {
      const handler = clickRef.current;
      if (!handler || params.componentType !== 'series' || typeof params.dataIndex !== 'number') return;
      handler({ seriesIndex: params.seriesIndex ?? 0, dataIndex: params.dataIndex, name: params.name, value: params.value });
    });
    const observer = new ResizeObserver(() => {
      if (!chart.isDisposed()) chart.resize();
    });
    observer.observe(container);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
      delete (container as ChartHost).pufaChart;
    };
  }, [lang]);

  const clickable = Boolean(onItemClick);
  useEffect(() => {
    // notMerge: every option is complete, so stale series never linger.
    chartRef.current?.setOption(clickable ? option : { ...option, series: withoutPointer(option.series) }, {
      notMerge: true,
    });
  }, [option, lang, clickable]);

  function saveImage() {
    const chart = chartRef.current;
    if (chart) saveUrl(chartImage(chart), chartFileName(fileName ?? label));
  }

  const saveLabel = translate(lang, 'chart.saveAsImage');
  return (
    <div className="echart-frame" role="figure" aria-label={label} data-chart={testId}>
      <div className="echart-tools">
        <button
          type="button"
          className="echart-save"
          onClick={saveImage}
          aria-label={`${label}${lang === 'en' ? ': ' : '：'}${saveLabel}`}
        >
          {saveLabel}
        </button>
      </div>
      <div ref={containerRef} className={clickable ? 'echart is-clickable' : 'echart'} style={{ height }} />
    </div>
  );
}

/** The container's handle on its chart instance, for browser tests. */
type ChartHost = HTMLDivElement & { pufaChart?: EChartsType };

/** Series that do not react to the mouse with a hand cursor (nothing happens on click). */
function withoutPointer(series: unknown): unknown {
  if (!Array.isArray(series)) return series;
  return series.map((s: Record<string, unknown>) => ({ cursor: 'default', ...s }));
}
