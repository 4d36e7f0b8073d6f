import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Column } from './tableData';
import { fillWorkbook, sheetName, toXlsxBlob } from './xlsx';

interface Row {
  name: string;
  count: number | null;
  rate: number;
  day: string;
}

const columns: Column<Row>[] = [
  { id: 'name', label: '单位', value: (r) => r.name },
  { id: 'count', label: '活动场次', value: (r) => r.count, kind: 'integer' },
  { id: 'rate', label: '完成率', value: (r) => r.rate, kind: 'percent' },
  { id: 'day', label: '日期', value: (r) => r.day, kind: 'date' },
];
const rows: Row[] = [
  { name: '市司法局', count: 1234, rate: 0.8534, day: '2025-03-08' },
  { name: '=1+1', count: null, rate: 0, day: '2025-12-31' },
];

describe('XLSX export', () => {
  it('keeps sheet names within Excel’s rules', () => {
    expect(sheetName('各单位: 排名 [2025]')).toBe('各单位  排名  2025');
    expect(sheetName('x'.repeat(40))).toHaveLength(31);
    expect(sheetName('???')).toBe('Sheet1');
  });

  it('writes a header and typed cells that read back as written', async () => {
    const blob = await toXlsxBlob('各单位排名', columns, rows);
    expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await blob.arrayBuffer());
    const sheet = workbook.getWorksheet('各单位排名')!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(1).values).toEqual([undefined, '单位', '活动场次', '完成率', '日期']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe('市司法局');
    expect(first.getCell(2).value).toBe(1234);
    expect(first.getCell(2).numFmt).toBe('#,##0');
    expect(first.getCell(3).value).toBe(0.8534);
    expect(first.getCell(3).numFmt).toBe('0.0%');
    expect((first.getCell(4).value as Date).toISOString()).toBe('2025-03-08T00:00:00.000Z');
    // Text that looks like a formula stays text; a blank stays blank.
    const second = sheet.getRow(3);
    expect(second.getCell(1).value).toBe('=1+1');
    expect(second.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(second.getCell(2).value).toBeNull();
  });

  it('writes a header alone for no rows', () => {
    const workbook = new ExcelJS.Workbook();
    fillWorkbook(workbook, 'empty', columns, []);
    expect(workbook.getWorksheet('empty')!.rowCount).toBe(1);
  });
});
