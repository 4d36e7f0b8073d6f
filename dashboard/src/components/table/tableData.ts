/**
 * What DataTable does to its data, as pure functions: columns described as
 * data, cells formatted by locale, rows searched and sorted, and the table
 * written as CSV. No React and no DOM, so every rule has a unit test.
 */
import type { ReactNode } from 'react';
import { formatDate, formatDecimal, formatInteger, formatPercent, NO_VALUE } from '../../app/format';
import type { Lang } from '../../app/i18n';

/** A cell's raw value: what it sorts, searches and exports by. */
export type CellValue = string | number | boolean | null | undefined;

/**
 * How a value is shown: `text` as is; `integer`, `decimal` (with `digits`) and
 * `percent` (a 0..1 rate, one decimal) with the locale's digit grouping,
 * right-aligned; `date` a "YYYY-MM-DD" day in the locale's words.
 */
export type ColumnKind = 'text' | 'integer' | 'decimal' | 'percent' | 'date';

export interface Column<Row> {
  /** Stable id: the sort key in the table's state and the XLSX column key. */
  id: string;
  /** Header text, in the UI language. */
  label: string;
  value: (row: Row) => CellValue;
  kind?: ColumnKind;
  /** Digits after the point for `decimal` (default 1). */
  digits?: number;
  /** Default true. */
  sortable?: boolean;
  /** Shown instead of the formatted value (the raw value still sorts, searches and exports). */
  render?: (row: Row) => ReactNode;
  /** Makes the cell a link; a same-site path navigates without reloading. */
  href?: (row: Row) => string | null | undefined;
  /**
   * Makes the cell a button, e.g. to open the records behind a figure
   * (RecordsDrawer); `null` from `clickLabel` or a null value leaves the cell plain.
   */
  onClick?: (row: Row) => void;
  /** The button's accessible name (default: the label and the value). */
  clickLabel?: (row: Row) => string | null;
}

export type SortDirection = 'asc' | 'desc';

export interface SortState {
  column: string;
  direction: SortDirection;
}

export function isNumericKind(kind: ColumnKind | undefined): boolean {
  return kind === 'integer' || kind === 'decimal' || kind === 'percent';
}

/** The text a person sees in a cell (and searches for). */
export function formatCell<Row>(column: Column<Row>, row: Row, lang: Lang): string {
  const value = column.value(row);
  if (value === null || value === undefined || value === '') return NO_VALUE;
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (typeof value === 'number') {
    switch (column.kind) {
      case 'percent':
        return formatPercent(value, lang);
      case 'decimal':
        return formatDecimal(value, column.digits ?? 1, lang);
      case 'text':
        return String(value);
      default:
        return formatInteger(value, lang);
    }
  }
  return column.kind === 'date' ? formatDate(value, lang) : value;
}

/** The first sort of a column: largest first for figures, A→Z for words. */
export function firstDirection(kind: ColumnKind | undefined): SortDirection {
  return isNumericKind(kind) ? 'desc' : 'asc';
}

/** The next sort after a click on `column`'s header. */
export function nextSort<Row>(current: SortState | null, column: Column<Row>): SortState {
  if (current?.column === column.id) {
    return { column: column.id, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  }
  return { column: column.id, direction: firstDirection(column.kind) };
}

function isBlank(value: CellValue): value is null | undefined | '' {
  return value === null || value === undefined || value === '' || (typeof value === 'number' && Number.isNaN(value));
}

/**
 * Rows sorted by one column, stable (equal values keep their order), blanks
 * last in either direction. Numbers compare as numbers, words by the
 * language's collation (Chinese by pinyin), booleans false before true.
 */
export function sortRows<Row>(
  rows: readonly Row[],
  columns: readonly Column<Row>[],
  sort: SortState | null,
  lang: Lang,
): Row[] {
  const column = sort && columns.find((c) => c.id === sort.column);
  if (!sort || !column) return [...rows];
  const collator = new Intl.Collator(lang, { numeric: true, sensitivity: 'base' });
  const sign = sort.direction === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: column.value(row) }))
    .sort((a, b) => {
      const blankA = isBlank(a.value);
      const blankB = isBlank(b.value);
      if (blankA || blankB) return blankA === blankB ? a.index - b.index : blankA ? 1 : -1;
      let order: number;
      if (typeof a.value === 'number' && typeof b.value === 'number') order = a.value - b.value;
      else if (typeof a.value === 'boolean' && typeof b.value === 'boolean') order = Number(a.value) - Number(b.value);
      else order = collator.compare(String(a.value), String(b.value));
      return order * sign || a.index - b.index;
    })
    .map((entry) => entry.row);
}

/**
 * Rows where any column's shown text (or raw text) contains every word of
 * `query`, ignoring case and full-width/half-width differences.
 */
export function filterRows<Row>(rows: readonly Row[], columns: readonly Column<Row>[], query: string, lang: Lang): Row[] {
  const words = normalize(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((row) => {
    const text = normalize(
      columns
        .map((c) => {
          const raw = c.value(row);
          return `${formatCell(c, row, lang)}\u0000${raw === null || raw === undefined ? '' : String(raw)}`;
        })
        .join('\u0000'),
    );
    return words.every((word) => text.includes(word));
  });
}

function normalize(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase();
}

// ---------- export ----------

/** A cell as written to a file: numbers as numbers (rates as 0..1), days as "YYYY-MM-DD", blanks empty. */
export function exportValue<Row>(column: Column<Row>, row: Row): string | number | boolean | null {
  const value = column.value(row);
  if (isBlank(value)) return null;
  return value;
}

/**
 * Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the
 * start) is written with a leading apostrophe, so an exported title like
 * "=HYPERLINK(…)" stays text (OWASP, "CSV injection"). Numbers are left alone.
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = typeof value === 'string' ? neutralizeFormula(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The byte order mark that makes Excel read a CSV file as UTF-8 (without it, Chinese turns to mojibake). */
export const UTF8_BOM = '\uFEFF';

/**
 * The table as CSV text: the BOM, a header row of labels, then one record per
 * row, CRLF line breaks (RFC 4180). Encode it as UTF-8 (a Blob does).
 */
export function toCsv<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  const lines = [columns.map((c) => csvField(c.label))];
  for (const row of rows) lines.push(columns.map((c) => csvField(exportValue(c, row))));
  return UTF8_BOM + lines.map((fields) => fields.join(',')).join('\r\n') + '\r\n';
}

/**
 * A file name from a title: characters Windows and macOS refuse (\ / : * ? " < > |)
 * and control characters become "-", runs of spaces one, at most 120
 * characters; Chinese is kept. Never empty.
 */
export function safeFileName(title: string, fallback = 'download'): string {
  const cleaned = title
    .replace(/\s+/g, ' ')
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, '-')
    .replace(/^[\s.-]+|[\s.-]+$/g, '')
    .slice(0, 120)
    .trim();
  return cleaned || fallback;
}
