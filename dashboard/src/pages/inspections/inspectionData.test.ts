import { describe, expect, it } from 'vitest';
import {
  countByInspection,
  createItemHref,
  groupByFinding,
  inspectionFilter,
  inspectionIdOf,
  inspectionPath,
  inspectionRows,
  mayEditInspection,
  mayReadInspections,
  maySeeSnapshots,
  noticeFileHref,
  noticeHref,
  onDay,
  rectificationItemHref,
  shortHash,
  unitHistory,
  yearsOf,
} from './inspectionData';
import type { InspectionListItem } from './inspections.queries';

function inspection(id: number, date: string, agencies: string[], findings: { items: string[] }[] = [], evidence = 0): InspectionListItem {
  return {
    id: `Inspection:${id}`,
    date,
    kind: 'NPC_DEPUTIES',
    method: 'FIELD_VISIT',
    inspectors: '王代表',
    createdBy: 'inspector',
    agencies: agencies.map((a) => ({ id: a, name: `单位${a.slice(7)}`, nameEn: a === 'Agency:1' ? 'Unit one' : null })),
    findings: findings.map((_, i) => ({ id: `InspectionFinding:${id * 10 + i}` })),
    evidence: Array.from({ length: evidence }, (_, i) => ({ id: `EvidenceFile:${i}` })),
  };
}

const nodes = [
  inspection(3, '2025-06-10', ['Agency:1', 'Agency:2'], [{ items: ['RectificationItem:1', 'RectificationItem:2'] }, { items: [] }], 1),
  inspection(2, '2025-03-10', ['Agency:2']),
  inspection(1, '2025-03-10', ['Agency:2'], [{ items: [] }]),
];

describe('inspections list', () => {
  it('asks for the period, agency, kind and method, ignoring unknown values', () => {
    const range = { from: '2025-01-01', to: '2025-12-31' };
    expect(inspectionFilter({ range, agency: 'Agency:2', kind: 'THIRD_PARTY', method: 'SPOT_CHECK' })).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
      agencyIds: ['Agency:2'],
      kinds: ['THIRD_PARTY'],
      methods: ['SPOT_CHECK'],
    });
    expect(inspectionFilter({ range, agency: null, kind: 'NOPE', method: null })).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('counts findings, the items opened from them and the evidence per inspection', () => {
    const items = countByInspection([
      { inspection: { id: 'Inspection:3' } },
      { inspection: { id: 'Inspection:3' } },
      { inspection: null },
    ]);
    expect([...items]).toEqual([['Inspection:3', 2]]);
    const rows = inspectionRows(nodes, items, (a) => a.nameEn ?? a.name, '、');
    expect(rows[0]).toEqual({
      id: 'Inspection:3',
      date: '2025-06-10',
      kind: 'NPC_DEPUTIES',
      method: 'FIELD_VISIT',
      inspectors: '王代表',
      units: 'Unit one、单位2',
      findings: 2,
      items: 2,
      evidence: 1,
    });
    expect(rows.map((r) => r.id)).toEqual(['Inspection:3', 'Inspection:2', 'Inspection:1']);
  });

  it('names the years a period touches', () => {
    expect(yearsOf({ from: '2023-11-01', to: '2025-02-01' })).toEqual([2023, 2024, 2025]);
  });

  it('narrows to a day clicked on the calendar', () => {
    expect(onDay(nodes, '2025-03-10').map((n) => n.id)).toEqual(['Inspection:2', 'Inspection:1']);
    expect(onDay(nodes, null)).toHaveLength(3);
  });

  it("reads a unit's history oldest first", () => {
    expect(unitHistory(nodes, 'Agency:2').map((n) => n.id)).toEqual(['Inspection:1', 'Inspection:2', 'Inspection:3']);
    expect(unitHistory(nodes, 'Agency:1').map((n) => n.id)).toEqual(['Inspection:3']);
    expect(unitHistory(nodes, 'Agency:9')).toEqual([]);
  });
});

describe('who may do what', () => {
  it('follows docs/inspections.md', () => {
    expect(['ADMIN', 'DISTRICT_ADMIN', 'LEADER', 'INSPECTOR', 'AGENCY_REPORTER'].every(mayReadInspections)).toBe(true);
    expect([null, 'MEDIA_PARTNER', 'SURVEY_OPERATOR'].some(mayReadInspections)).toBe(false);
    expect(maySeeSnapshots('AGENCY_REPORTER')).toBe(false);
    expect(maySeeSnapshots('LEADER')).toBe(true);
    expect(mayEditInspection('INSPECTOR', 'inspector', 'inspector')).toBe(true);
    expect(mayEditInspection('INSPECTOR', 'inspector2', 'inspector')).toBe(false);
    expect(mayEditInspection('ADMIN', 'admin', 'inspector')).toBe(true);
    expect(mayEditInspection('LEADER', 'leader', 'leader')).toBe(false);
  });
});

describe('links', () => {
  it('names pages and the rectification board', () => {
    expect(inspectionPath('Inspection:12', '?lang=en')).toBe('/inspections/12?lang=en');
    expect(inspectionIdOf('12')).toBe('Inspection:12');
    expect(inspectionIdOf('x1')).toBeNull();
    expect(rectificationItemHref('RectificationItem:7')).toBe('/rectification?item=RectificationItem%3A7');
    expect(createItemHref('InspectionFinding:3', 'Agency:4')).toBe('/rectification?create=FINDING&findingId=InspectionFinding%3A3&agencyId=Agency%3A4');
    expect(noticeHref(2023, '2021版', 'en')).toBe('/notice?year=2023&rubric=2021%E7%89%88&lang=en');
    expect(noticeFileHref('/notices/2023/2021%E7%89%88.pdf', 'en')).toBe('/notices/2023/2021%E7%89%88.pdf?locale=en');
    expect(noticeFileHref('/notices/2023/2021%E7%89%88.pdf', 'zh-CN')).toBe('/notices/2023/2021%E7%89%88.pdf');
  });

  it('shortens a checksum for the eye', () => {
    expect(shortHash('0123456789abcdef0123456789abcdef')).toBe('01234567…89abcdef');
    expect(shortHash('abc')).toBe('abc');
  });
});

describe("a unit's items by finding", () => {
  it('groups the items started from findings, in their order', () => {
    const items = [
      { id: 'RectificationItem:1', finding: { id: 'InspectionFinding:2' } },
      { id: 'RectificationItem:2', finding: null },
      { id: 'RectificationItem:3', finding: { id: 'InspectionFinding:2' } },
      { id: 'RectificationItem:4', finding: { id: 'InspectionFinding:5' } },
    ];
    expect([...groupByFinding(items)].map(([f, list]) => [f, list.map((i) => i.id)])).toEqual([
      ['InspectionFinding:2', ['RectificationItem:1', 'RectificationItem:3']],
      ['InspectionFinding:5', ['RectificationItem:4']],
    ]);
  });
});
