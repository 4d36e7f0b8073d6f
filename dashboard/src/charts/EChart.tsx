/**
 * The one ECharts wrapper. It owns the chart instance's whole life: `init`
 * when mounted (and again when the language changes, since ECharts fixes its
 * built-in texts at init), `setOption` whenever the option changes, `resize`
 * when the container's size changes, and `dispose` on unmount. Charts get
 * their options from pure builders in this folder.
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
  ToolboxComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { translate, type Lang } from '../app/i18n';

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
  ToolboxComponent,
  CalendarComponent,
  MarkLineComponent,
  AriaComponent,
  CanvasRenderer,
]);

export interface EChartProps {
  option: EChartsCoreOption;
  lang: Lang;
  /** Height in CSS pixels; the width follows the container. */
  height: number;
  /** Short name of the chart for assistive technology; ECharts' aria adds the data description. */
  label: string;
}

/** The image file name set by the option builder's saveAsImage tool. */
function imageName(option: EChartsCoreOption): string {
  const toolbox = option.toolbox as { feature?: { saveAsImage?: { name?: unknown } } } | undefined;
  const name = toolbox?.feature?.saveAsImage?.name;
  return typeof name === 'string' && name ? name : 'chart';
}

export function EChart({ option, lang, height, label }: EChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return undefined;
    const chart = init(container, undefined, { renderer: 'canvas', locale: lang === 'en' ? 'EN' : 'ZH' });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => {
      if (!chart.isDisposed()) chart.resize();
    });
    observer.observe(container);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, [lang]);

  useEffect(() => {
    // notMerge: every option is complete, so stale series never linger.
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option, lang]);

  // The toolbox icon is drawn on the canvas and cannot take focus; this button
  // does the same for keyboard users and appears when focused.
  function saveImage() {
    const chart = chartRef.current;
    if (!chart) return;
    const link = document.createElement('a');
    link.href = chart.getDataURL({
      type: 'png',
      pixelRatio: 2,
      backgroundColor: '#ffffff',
      excludeComponents: ['toolbox'],
    });
    link.download = `${imageName(option)}.png`;
    link.click();
  }

  const saveLabel = translate(lang, 'chart.saveAsImage');
  return (
    <div className="echart-frame" role="figure" aria-label={label}>
      <button type="button" className="echart-save" onClick={saveImage} aria-label={`${label}${lang === 'en' ? ': ' : '：'}${saveLabel}`}>
        {saveLabel}
      </button>
      <div ref={containerRef} className="echart" style={{ height }} />
    </div>
  );
}
