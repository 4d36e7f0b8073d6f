/**
 * The table as an Excel workbook. exceljs is large (about 250 KB gzipped), so
 * it is imported only when someone asks for a workbook and lands in a chunk of
 * its own, never in the first page load (see docs/benchmarks.md, "Dashboard").
 */
import type { Workbook } from 'exceljs';
import { exportValue, type Column } from './tableData';

const MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Excel's limits on sheet names: at most 31 characters, none of [ ] : * ? / \. */
export function sheetName(title: string): string {
  return title.replace(/[[\]:*?/\\]+/g, ' ').trim().slice(0, 31) || 'Sheet1';
}

function numberFormat<Row>(column: Column<Row>): string | undefined {
  switch (column.kind) {
    case 'integer':
      return '#,##0';
    case 'decimal':
      return `#,##0.${'0'.repeat(Math.max(1, column.digits ?? 1))}`;
    case 'percent':
      return '0.0%';
    case 'date':
      return 'yyyy-mm-dd';
    default:
      return undefined;
  }
}

/** A day "YYYY-MM-DD" as the Date Excel stores (midnight UTC, so no time zone shifts it). */
function excelDate(value: string): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : value;
}

/**
 * Fills a workbook with one sheet: a bold, frozen header row, then the rows
 * with numbers as numbers (formatted like the page: grouped, percentages),
 * days as dates. Text is written as text, so a title starting with "=" is
 * never a formula.
 */
export function fillWorkbook<Row>(
  workbook: Workbook,
  title: string,
  columns: readonly Column<Row>[],
  rows: readonly Row[],
): void {
  const sheet = workbook.addWorksheet(sheetName(title), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => {
    const longest = Math.max(
      column.label.length * 2,
      ...rows.slice(0, 200).map((row) => String(exportValue(column, row) ?? '').length * 1.6),
    );
    return { header: column.label, key: column.id, width: Math.min(60, Math.max(8, Math.ceil(longest) + 2)) };
  });
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    const values: Record<string, unknown> = {};
    for (const column of columns) {
      const value = exportValue(column, row);
      values[column.id] = column.kind === 'date' && typeof value === 'string' ? excelDate(value) : value;
    }
    sheet.addRow(values);
  }
  columns.forEach((column, index) => {
    const format = numberFormat(column);
    if (format) sheet.getColumn(index + 1).numFmt = format;
  });
  // The header keeps the general format.
  sheet.getRow(1).eachCell((cell) => {
    cell.numFmt = '@';
  });
}

/** The workbook as a Blob; loads exceljs on first use. */
export async function toXlsxBlob<Row>(title: string, columns: readonly Column<Row>[], rows: readonly Row[]): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Pufa Hub';
  fillWorkbook(workbook, title, columns, rows);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: MIME });
}
