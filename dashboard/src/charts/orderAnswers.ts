/**
 * Orders as answered, one stacked bar per agency (菜单/订单): done, accepted,
 * declined, waiting within the deadline and overdue, so a bar's length is the
 * requests routed to the agency and its red end what it left unanswered too
 * long. Drawn with the grouped-bars builder; this only fixes the series, their
 * order and colours (overdue in a warning red, waiting in a calm grey).
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { Lang } from '../app/i18n';
import { buildGroupedBarsOption, horizontalBarsHeight } from './groupedBars';

export const ANSWER_PARTS = ['done', 'accepted', 'declined', 'onTime', 'overdue'] as const;
export type AnswerPart = (typeof ANSWER_PARTS)[number];

/** done green, accepted blue, declined amber, waiting grey, overdue red. */
export const ANSWER_COLORS: Record<AnswerPart, string> = {
  done: '#4f8a7e',
  accepted: '#2f5d8a',
  declined: '#c08a3e',
  onTime: '#a0a8b3',
  overdue: '#b3403a',
};

export interface OrderAnswersData {
  agencies: readonly ({ name: string } & Record<AnswerPart, number>)[];
  /** The series' names in the page's language. */
  names: Record<AnswerPart, string>;
  /** The value axis' unit (件 / requests). */
  unit: string;
  description: string;
}

export function orderAnswersHeight(agencies: number): number {
  return horizontalBarsHeight(agencies) + 32;
}

export function buildOrderAnswersOption(data: OrderAnswersData, lang: Lang): EChartsCoreOption {
  const option = buildGroupedBarsOption(
    {
      categories: data.agencies.map((a) => a.name),
      series: ANSWER_PARTS.map((part) => ({ name: data.names[part], values: data.agencies.map((a) => a[part]) })),
      format: 'integer',
      unit: data.unit,
      description: data.description,
      horizontal: true,
      stacked: true,
      labelWidth: lang === 'en' ? 240 : 180,
    },
    lang,
  );
  return { ...option, color: ANSWER_PARTS.map((part) => ANSWER_COLORS[part]) };
}
