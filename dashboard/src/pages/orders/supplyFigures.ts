/**
 * supplyDemand's answer shaped for the orders page: the key figures, one row
 * per agency or domain for the tables and the chart, and the demand no menu
 * offers. Pure, so the numbers shown can be checked against the API's.
 * Definitions: docs/metrics.md, "Supply and demand (菜单/订单)".
 */
import type { Lang } from '../../app/i18n';
import { DEFAULT_YEAR } from '../../app/period';
import { localName, type NamedRef } from '../../app/session';

export interface OrderFigures {
  routed: number;
  answered: number;
  waiting: number;
  overdue: number;
  accepted: number;
  declined: number;
  done: number;
  medianDaysToAnswer: number | null;
}

export interface SupplyDemandLike {
  orders: number;
  unroutedOrders: number;
  totals: OrderFigures;
  byAgency: readonly { agency: NamedRef; figures: OrderFigures }[];
  byDomain: readonly { domain: NamedRef; figures: OrderFigures }[];
  unmetDemand: readonly UnmetLike[];
}

export interface UnmetLike {
  law: NamedRef | null;
  domain: NamedRef | null;
  orders: number;
}

/** A row of the agency or domain table. */
export interface SupplyRow extends OrderFigures {
  key: string;
  id: string;
  name: string;
  /** Waiting but not yet overdue. */
  onTime: number;
  /** answered / routed; null when nothing was routed. */
  answerRate: number | null;
}

function row(ref: NamedRef, f: OrderFigures, lang: Lang): SupplyRow {
  return {
    ...f,
    key: ref.id,
    id: ref.id,
    name: localName(ref, lang),
    onTime: f.waiting - f.overdue,
    answerRate: f.routed > 0 ? f.answered / f.routed : null,
  };
}

/** Most requests first, then by name (the API orders by code, which a reader cannot see). */
function byLoad(a: SupplyRow, b: SupplyRow, lang: Lang): number {
  return b.routed - a.routed || a.name.localeCompare(b.name, lang);
}

export function agencyRows(data: SupplyDemandLike, lang: Lang): SupplyRow[] {
  return data.byAgency.map((r) => row(r.agency, r.figures, lang)).sort((a, b) => byLoad(a, b, lang));
}

export function domainRows(data: SupplyDemandLike, lang: Lang): SupplyRow[] {
  return data.byDomain.map((r) => row(r.domain, r.figures, lang)).sort((a, b) => byLoad(a, b, lang));
}

export interface KeyFigures {
  orders: number;
  unrouted: number;
  routed: number;
  answered: number;
  waiting: number;
  overdue: number;
  medianDays: number | null;
  answerRate: number | null;
}

export function keyFigures(data: SupplyDemandLike): KeyFigures {
  const t = data.totals;
  return {
    orders: data.orders,
    unrouted: data.unroutedOrders,
    routed: t.routed,
    answered: t.answered,
    waiting: t.waiting,
    overdue: t.overdue,
    medianDays: t.medianDaysToAnswer,
    answerRate: t.routed > 0 ? t.answered / t.routed : null,
  };
}

export interface UnmetRow {
  key: string;
  law: string;
  domain: string;
  /** "law · domain", or whichever is named. */
  label: string;
  orders: number;
}

/** The demand no menu offers, most ordered first (as the API sends it). */
export function unmetRows(unmet: readonly UnmetLike[], lang: Lang): UnmetRow[] {
  return unmet.map((u) => {
    const law = u.law ? localName(u.law, lang) : '';
    const domain = u.domain ? localName(u.domain, lang) : '';
    return {
      key: `${u.law?.id ?? '-'}|${u.domain?.id ?? '-'}`,
      law,
      domain,
      label: [law, domain].filter(Boolean).join(' · '),
      orders: u.orders,
    };
  });
}

export function unmetOrderCount(unmet: readonly UnmetLike[]): number {
  return unmet.reduce((n, u) => n + u.orders, 0);
}

/** The agencies the chart draws: those with requests, most first, at most `limit`. */
export function chartAgencies(rows: readonly SupplyRow[], limit = 20): SupplyRow[] {
  return rows.filter((r) => r.routed > 0).slice(0, limit);
}

// ---------- the page's own year and deadline ----------

/** The first year orders can belong to: the 八五 plan's menus start in 2021. */
export const FIRST_ORDER_YEAR = 2021;
export const OVERDUE_CHOICES = [7, 14, 30, 60] as const;
export const DEFAULT_OVERDUE_DAYS = 14;

/** Years offered, newest first: up to next year (an order may wish up to 400 days ahead). */
export function orderYears(today: Date): number[] {
  const years: number[] = [];
  for (let y = today.getFullYear() + 1; y >= FIRST_ORDER_YEAR; y--) years.push(y);
  return years;
}

/** `?orderYear=`; anything else is the year the dashboard opens on (the latest with records, app/period.ts). */
export function parseOrderYear(param: string | null, today: Date, fallback = DEFAULT_YEAR): number {
  const year = Number(param);
  if (param && /^\d{4}$/.test(param) && orderYears(today).includes(year)) return year;
  return orderYears(today).includes(fallback) ? fallback : today.getFullYear();
}

/** `?overdueDays=`: one of the choices, else the hub's default 14. */
export function parseOverdueDays(param: string | null): number {
  const days = Number(param);
  return (OVERDUE_CHOICES as readonly number[]).includes(days) ? days : DEFAULT_OVERDUE_DAYS;
}

/**
 * The first order day whose waiting requests are not overdue: a request is overdue when its order
 * day is more than `days` days before `asOf` (docs/metrics.md), i.e. before asOf − days.
 */
export function overdueBefore(asOf: string, days: number): string {
  return new Date(Date.parse(`${asOf}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}
