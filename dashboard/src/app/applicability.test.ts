import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Measure } from './api-types';
import {
  applicableFilters,
  inapplicableFilters,
  MEASURE_FACT,
  setFilters,
  splitMeasures,
  type FilterKey,
} from './applicability';

const ALL_MEASURES = Object.keys(MEASURE_FACT) as Measure[];

/** The measure × filter table of docs/metrics.md as { measure: applicable filters }. */
function documentedFilterTable(): Map<string, FilterKey[]> {
  const text = readFileSync(new URL('../../../docs/metrics.md', import.meta.url), 'utf8');
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^\|\s*measure\s*\|\s*from\/to\s*\|/.test(l));
  if (start < 0) throw new Error('docs/metrics.md has no "| measure | from/to | …" table');
  const cells = (line: string) =>
    line
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((c) => c.trim());
  const columns = cells(lines[start]!).slice(1);
  const table = new Map<string, FilterKey[]>();
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const [measure, ...marks] = cells(line);
    const filters = columns.flatMap((column, i) =>
      marks[i] === '✓' ? (column === 'from/to' ? ['from', 'to'] : [column]) : [],
    ) as FilterKey[];
    table.set(measure!, filters);
  }
  return table;
}

describe('measure × filter applicability', () => {
  it('mirrors the table in docs/metrics.md', () => {
    const documented = documentedFilterTable();
    expect([...documented.keys()].sort()).toEqual([...ALL_MEASURES].sort());
    for (const measure of ALL_MEASURES) {
      expect([...applicableFilters(measure)].sort(), measure).toEqual([...documented.get(measure)!].sort());
    }
  });

  it('knows that broadcasts are not recorded by district', () => {
    expect(inapplicableFilters('BROADCAST_COUNT', { from: '2024-01-01', to: '2024-12-31', regionIds: ['Region:3'] })).toEqual([
      'regionIds',
    ]);
    expect(inapplicableFilters('BROADCAST_MINUTES', { regionIds: ['Region:3'] })).toEqual(['regionIds']);
    expect(inapplicableFilters('ACTIVITY_COUNT', { regionIds: ['Region:3'] })).toEqual([]);
    expect(inapplicableFilters('AWARENESS_RATE', { regionIds: ['Region:3'], outletIds: ['MediaOutlet:1'] })).toEqual([
      'outletIds',
    ]);
  });

  it('treats an empty list as a set filter, and undefined or null as unset', () => {
    expect(setFilters({ from: '2024-01-01', regionIds: [] })).toEqual(['from', 'regionIds']);
    expect(setFilters({ to: '2024-12-31', regionIds: undefined })).toEqual(['to']);
    expect(setFilters({ lawIds: null as unknown as string[] })).toEqual([]);
    expect(setFilters(undefined)).toEqual([]);
  });

  it('splits measures for a district, keeping their order', () => {
    const measures: Measure[] = ['ACTIVITY_COUNT', 'BROADCAST_COUNT', 'TRAINING_ATTENDANCE_RATE', 'BROADCAST_MINUTES'];
    expect(splitMeasures(measures, { from: '2024-01-01', to: '2024-12-31', regionIds: ['Region:3'] })).toEqual({
      applicable: ['ACTIVITY_COUNT', 'TRAINING_ATTENDANCE_RATE'],
      notApplicable: [
        { measure: 'BROADCAST_COUNT', filters: ['regionIds'] },
        { measure: 'BROADCAST_MINUTES', filters: ['regionIds'] },
      ],
    });
    expect(splitMeasures(measures, { from: '2024-01-01', to: '2024-12-31' })).toEqual({
      applicable: measures,
      notApplicable: [],
    });
  });
});
