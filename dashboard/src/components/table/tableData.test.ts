import { describe, expect, it } from 'vitest';
import {
  csvField,
  filterRows,
  formatCell,
  nextSort,
  safeFileName,
  sortRows,
  toCsv,
  UTF8_BOM,
  type Column,
} from './tableData';

interface Unit {
  name: string;
  activities: number | null;
  rate: number | null;
  since: string;
  published: boolean;
}

const units: Unit[] = [
  { name: '市司法局', activities: 1234, rate: 0.8534, since: '2019-03-08', published: true },
  { name: '市公安局', activities: 87, rate: null, since: '2021-01-15', published: false },
  { name: '海勃湾区市场监管局', activities: null, rate: 0.5, since: '2018-12-31', published: true },
  { name: '乌达区教育局', activities: 87, rate: 1, since: '2020-06-01', published: false },
];

const columns: Column<Unit>[] = [
  { id: 'name', label: '单位', value: (u) => u.name },
  { id: 'activities', label: '活动场次', value: (u) => u.activities, kind: 'integer' },
  { id: 'rate', label: '完成率', value: (u) => u.rate, kind: 'percent' },
  { id: 'since', label: '起始日期', value: (u) => u.since, kind: 'date' },
  { id: 'published', label: '已公开', value: (u) => u.published },
];
const col = (id: string) => columns.find((c) => c.id === id)!;
const names = (rows: Unit[]) => rows.map((u) => u.name);

describe('table cells', () => {
  it('format numbers, rates and days by locale, blanks as a dash', () => {
    expect(formatCell(col('activities'), units[0]!, 'zh-CN')).toBe('1,234');
    expect(formatCell(col('activities'), units[2]!, 'en')).toBe('—');
    expect(formatCell(col('rate'), units[0]!, 'en')).toBe('85.3%');
    expect(formatCell(col('rate'), units[3]!, 'zh-CN')).toBe('100.0%');
    expect(formatCell(col('since'), units[0]!, 'zh-CN')).toBe('2019年3月8日');
    expect(formatCell(col('since'), units[0]!, 'en')).toBe('Mar 8, 2019');
    expect(formatCell({ id: 'd', label: 'd', value: () => 4.256, kind: 'decimal', digits: 2 }, null, 'en')).toBe('4.26');
    expect(formatCell(col('name'), { ...units[0]!, name: '' }, 'en')).toBe('—');
  });
});

describe('sorting', () => {
  it('sorts figures largest first on the first click, then smallest first; blanks stay last', () => {
    const first = nextSort(null, col('activities'));
    expect(first).toEqual({ column: 'activities', direction: 'desc' });
    expect(names(sortRows(units, columns, first, 'zh-CN'))).toEqual(['市司法局', '市公安局', '乌达区教育局', '海勃湾区市场监管局']);
    const second = nextSort(first, col('activities'));
    expect(second.direction).toBe('asc');
    // 87 and 87 keep their order (stable); the blank stays at the end.
    expect(names(sortRows(units, columns, second, 'zh-CN'))).toEqual(['市公安局', '乌达区教育局', '市司法局', '海勃湾区市场监管局']);
  });

  it('sorts words A→Z first, Chinese by pinyin, English by letters', () => {
    const sort = nextSort({ column: 'activities', direction: 'desc' }, col('name'));
    expect(sort).toEqual({ column: 'name', direction: 'asc' });
    // hǎi, shì (gōng'ān), shì (sīfǎ), wū
    expect(names(sortRows(units, columns, sort, 'zh-CN'))).toEqual(['海勃湾区市场监管局', '市公安局', '市司法局', '乌达区教育局']);
    const en = [{ ...units[0]!, name: 'b10' }, { ...units[0]!, name: 'B2' }, { ...units[0]!, name: 'a' }];
    expect(names(sortRows(en, columns, sort, 'en'))).toEqual(['a', 'B2', 'b10']);
  });

  it('sorts days, rates with blanks, and booleans', () => {
    expect(names(sortRows(units, columns, { column: 'since', direction: 'asc' }, 'en'))).toEqual([
      '海勃湾区市场监管局',
      '市司法局',
      '乌达区教育局',
      '市公安局',
    ]);
    expect(names(sortRows(units, columns, { column: 'rate', direction: 'asc' }, 'en'))).toEqual([
      '海勃湾区市场监管局',
      '市司法局',
      '乌达区教育局',
      '市公安局',
    ]);
    expect(sortRows(units, columns, { column: 'published', direction: 'desc' }, 'en').map((u) => u.published)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('leaves the order alone without a sort or for an unknown column, and never changes its input', () => {
    const input = [...units];
    expect(sortRows(units, columns, null, 'en')).toEqual(units);
    expect(sortRows(units, columns, { column: 'nope', direction: 'asc' }, 'en')).toEqual(units);
    sortRows(units, columns, { column: 'name', direction: 'asc' }, 'zh-CN');
    expect(units).toEqual(input);
  });
});

describe('searching', () => {
  it('matches the shown text and the raw text of any column, every word, ignoring case and width', () => {
    expect(names(filterRows(units, columns, '司法', 'zh-CN'))).toEqual(['市司法局']);
    expect(names(filterRows(units, columns, '1,234', 'zh-CN'))).toEqual(['市司法局']);
    expect(names(filterRows(units, columns, '1234', 'zh-CN'))).toEqual(['市司法局']);
    expect(names(filterRows(units, columns, '  区  局 ', 'zh-CN'))).toEqual(['海勃湾区市场监管局', '乌达区教育局']);
    expect(names(filterRows(units, columns, 'MAR 8', 'en'))).toEqual(['市司法局']);
    // A full-width "８７" finds 87.
    expect(names(filterRows(units, columns, '８７', 'en'))).toEqual(['市公安局', '乌达区教育局']);
    expect(filterRows(units, columns, '', 'en')).toHaveLength(4);
    expect(filterRows(units, columns, 'nothing-like-this', 'en')).toEqual([]);
  });
});

describe('CSV', () => {
  it('quotes fields by RFC 4180', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(null)).toBe('');
    expect(csvField(-12.5)).toBe('-12.5');
    expect(csvField(true)).toBe('true');
  });

  it('keeps text a spreadsheet would run as a formula as text', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-1)).toBe('-1');
  });

  it('writes the BOM, the labels and raw values with CRLF line breaks', () => {
    const rows = [units[0]!, { ...units[1]!, name: '市公安局, "交警支队"' }];
    const csv = toCsv(columns, rows);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe(
      '单位,活动场次,完成率,起始日期,已公开\r\n' +
        '市司法局,1234,0.8534,2019-03-08,true\r\n' +
        '"市公安局, ""交警支队""",87,,2021-01-15,false\r\n',
    );
    // UTF-8 with the BOM as EF BB BF, as a Blob writes it.
    expect([...new TextEncoder().encode(csv).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('writes a header alone for no rows', () => {
    expect(toCsv(columns, [])).toBe(`${UTF8_BOM}单位,活动场次,完成率,起始日期,已公开\r\n`);
  });
});

describe('file names', () => {
  it('keeps Chinese, replaces what file systems refuse, never empty', () => {
    expect(safeFileName('各单位普法活动排名（前 15 名）')).toBe('各单位普法活动排名（前 15 名）');
    expect(safeFileName('a/b:c*d?"e"<f>|g')).toBe('a-b-c-d-e-f-g');
    expect(safeFileName('  trend\n2025  ')).toBe('trend 2025');
    expect(safeFileName('..')).toBe('download');
    expect(safeFileName('', 'chart')).toBe('chart');
    expect(safeFileName('x'.repeat(300))).toHaveLength(120);
  });
});
