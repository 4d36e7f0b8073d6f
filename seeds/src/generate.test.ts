import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateDemo, TABLE_ORDER, type DemoData } from './index.js';

const data = generateDemo();

/** Rows of a table as plain records, for the generic checks. */
const rows = (table: keyof DemoData): Record<string, unknown>[] => data[table] as unknown as Record<string, unknown>[];
const byId = <T extends { id: number }>(list: T[]): Map<number, T> => new Map(list.map((r) => [r.id, r]));
const within = (day: string, from: string, to: string | null): boolean => day >= from && (to === null || day <= to);
const hash = (d: DemoData): string => createHash('sha256').update(JSON.stringify(d)).digest('hex');

const agencies = byId(data.agency);
const regions = byId(data.region);
const items = byId(data.responsibility_item);
const laws = byId(data.law);
const lawByCode = new Map(data.law.map((l) => [l.code, l]));

function districtOf(regionId: number): number | null {
  let r = regions.get(regionId);
  while (r && r.level !== 'DISTRICT') r = r.parent_id === null ? undefined : regions.get(r.parent_id);
  return r ? r.id : null;
}

function groupBy<T, K>(list: T[], key: (x: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const x of list) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
}

const coByActivity = groupBy(data.activity_co_organisers, (r) => r.activity_id);
const qiwu = data.activity.filter((a) => a.date >= '2016-01-01' && a.date <= '2020-12-31');
const districts = data.region.filter((r) => r.level === 'DISTRICT');

describe('determinism', () => {
  it('yields identical data on every run', () => {
    const again = generateDemo();
    expect(hash(again)).toBe(hash(data));
    expect(again).toEqual(data);
  });
});

describe('tables', () => {
  it('has every table of the insert order, within the size budget', () => {
    expect(Object.keys(data).sort()).toEqual([...TABLE_ORDER].sort());
    const total = TABLE_ORDER.reduce((n, t) => n + data[t].length, 0);
    expect(total).toBeLessThanOrEqual(80_000);
  });

  it('numbers ids consecutively from 1 in every table that has ids', () => {
    for (const t of TABLE_ORDER) {
      const list = rows(t);
      if (list.length === 0 || !('id' in list[0]!)) continue;
      list.forEach((r, i) => expect(r.id, `${t} row ${i}`).toBe(i + 1));
    }
  });

  it('has unique codes', () => {
    for (const t of ['region', 'agency', 'enforcement_domain', 'law', 'media_outlet', 'survey_wave'] as const) {
      const codes = rows(t).map((r) => r.code);
      expect(new Set(codes).size, t).toBe(codes.length);
    }
  });
});

describe('referential integrity', () => {
  /** Every *_id column and the table it references. */
  const FK: Partial<Record<keyof DemoData, Record<string, keyof DemoData>>> = {
    region: { parent_id: 'region' },
    agency: { region_id: 'region', parent_id: 'agency', successor_id: 'agency' },
    enforcement_power: { agency_id: 'agency', domain_id: 'enforcement_domain' },
    law_domains: { law_id: 'law', domain_id: 'enforcement_domain' },
    responsibility_item: { agency_id: 'agency', domain_id: 'enforcement_domain' },
    responsibility_item_laws: { item_id: 'responsibility_item', law_id: 'law' },
    responsibility_item_districts: { item_id: 'responsibility_item', region_id: 'region' },
    activity: { region_id: 'region', organiser_id: 'agency', domain_id: 'enforcement_domain' },
    activity_co_organisers: { activity_id: 'activity', agency_id: 'agency' },
    activity_laws: { activity_id: 'activity', law_id: 'law' },
    activity_items: { activity_id: 'activity', item_id: 'responsibility_item' },
    media_outlet: { agency_id: 'agency' },
    broadcast_slot: { outlet_id: 'media_outlet', partner_agency_id: 'agency', domain_id: 'enforcement_domain' },
    training_session: { organiser_id: 'agency', region_id: 'region' },
    training_attendance: { session_id: 'training_session', agency_id: 'agency' },
    case_study: { agency_id: 'agency', domain_id: 'enforcement_domain', region_id: 'region' },
    case_study_laws: { case_id: 'case_study', law_id: 'law' },
    survey_question: { wave_id: 'survey_wave', law_id: 'law', agency_id: 'agency' },
    survey_response: { wave_id: 'survey_wave', district_id: 'region' },
    survey_answer: { response_id: 'survey_response', question_id: 'survey_question' },
  };

  it('declares a target for every *_id column', () => {
    for (const t of TABLE_ORDER) {
      const first = rows(t)[0];
      if (!first) continue;
      const fkCols = Object.keys(first).filter((c) => c.endsWith('_id'));
      expect(fkCols.sort(), t).toEqual(Object.keys(FK[t] ?? {}).sort());
    }
  });

  it('points every *_id at an existing row inserted earlier', () => {
    for (const t of TABLE_ORDER) {
      for (const [col, target] of Object.entries(FK[t] ?? {})) {
        expect(TABLE_ORDER.indexOf(target), `${t}.${col}`).toBeLessThanOrEqual(TABLE_ORDER.indexOf(t));
        const ids = new Set(rows(target).map((r) => r.id));
        for (const r of rows(t)) {
          const v = r[col];
          if (v === null) continue;
          expect(ids.has(v), `${t}.${col} = ${String(v)}`).toBe(true);
          // Self-references must point at a row listed before (the loader inserts in order).
          if (target === t) expect(v as number, `${t}.${col}`).toBeLessThan(r.id as number);
        }
      }
    }
  });

  it('links districts where districts are meant', () => {
    for (const r of data.survey_response) expect(regions.get(r.district_id)!.level).toBe('DISTRICT');
    for (const r of data.responsibility_item_districts) expect(regions.get(r.region_id)!.level).toBe('DISTRICT');
  });
});

describe('reference data', () => {
  it('has the city, three districts with streets and communities', () => {
    expect(data.region.filter((r) => r.level === 'CITY').map((r) => r.name)).toEqual(['乌海市']);
    expect(districts.map((r) => r.name).sort()).toEqual(['乌达区', '海勃湾区', '海南区'].sort());
    for (const d of districts) {
      const streets = data.region.filter((r) => r.parent_id === d.id);
      expect(streets.length).toBeGreaterThan(0);
      expect(data.region.some((r) => streets.some((s) => s.id === r.parent_id))).toBe(true);
    }
    expect(data.region.every((r) => r.name_en)).toBe(true);
  });

  it('has 40–60 agencies, merged predecessors with successors valid the day after', () => {
    expect(data.agency.length).toBeGreaterThanOrEqual(40);
    expect(data.agency.length).toBeLessThanOrEqual(60);
    const merged = data.agency.filter((a) => a.successor_id !== null);
    expect(merged.length).toBeGreaterThanOrEqual(2);
    for (const a of merged) {
      const s = agencies.get(a.successor_id!)!;
      expect(a.valid_to).not.toBeNull();
      const next = new Date(Date.parse(`${a.valid_to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      expect(s.valid_from).toBe(next);
      // Predecessors were active in 2016–2018; successors only from their own start.
      expect(qiwu.some((x) => x.organiser_id === a.id)).toBe(true);
      expect(qiwu.some((x) => x.organiser_id === s.id)).toBe(true);
    }
  });

  it('gives powers the validity of their agency and has overlaps with and without a lead', () => {
    for (const p of data.enforcement_power) {
      const a = agencies.get(p.agency_id)!;
      expect([p.valid_from, p.valid_to]).toEqual([a.valid_from, a.valid_to]);
    }
    const byDomain = groupBy(data.enforcement_power, (p) => p.domain_id);
    const overlaps = [...byDomain.values()].filter((ps) => new Set(ps.map((p) => p.agency_id)).size >= 2);
    expect(overlaps.some((ps) => ps.some((p) => p.is_lead))).toBe(true);
    expect(overlaps.some((ps) => ps.every((p) => !p.is_lead))).toBe(true);
    expect(data.enforcement_domain.length).toBeGreaterThanOrEqual(12);
  });
});

describe('2016–2020 matches the report', () => {
  it('has exactly 468 activities with the reported totals', () => {
    expect(qiwu.length).toBe(468);
    const materials = qiwu.reduce((s, a) => s + a.materials, 0);
    const consultations = qiwu.reduce((s, a) => s + a.consultations, 0);
    expect(materials).toBeGreaterThanOrEqual(50_001);
    expect(materials).toBeLessThanOrEqual(50_999);
    expect(consultations).toBeGreaterThanOrEqual(6_001);
    expect(consultations).toBeLessThanOrEqual(6_999);
    // No row carries the totals: none holds more than 3% of either sum.
    expect(Math.max(...qiwu.map((a) => a.materials))).toBeLessThanOrEqual(materials * 0.03);
    expect(Math.max(...qiwu.map((a) => a.consultations))).toBeLessThanOrEqual(consultations * 0.03);
  });

  it('keeps every activity plausible', () => {
    for (const a of data.activity) {
      expect(a.materials).toBeGreaterThanOrEqual(0);
      expect(a.materials).toBeLessThanOrEqual(2_000);
      expect(a.consultations).toBeGreaterThanOrEqual(0);
      expect(a.consultations).toBeLessThanOrEqual(500);
      expect(a.participants).toBeGreaterThanOrEqual(0);
      expect(a.participants).toBeLessThanOrEqual(3_000);
      expect(a.online_views).toBeGreaterThanOrEqual(0);
      expect(a.audiences.length).toBeGreaterThan(0);
    }
  });

  it('covers every year and every district in each year', () => {
    for (let y = 2016; y <= 2020; y++) {
      const ofYear = qiwu.filter((a) => a.date.startsWith(String(y)));
      expect(ofYear.length, String(y)).toBeGreaterThan(0);
      const seen = new Set(ofYear.map((a) => districtOf(a.region_id)));
      for (const d of districts) expect(seen.has(d.id), `${y} ${d.name}`).toBe(true);
    }
  });

  it('involves at least 80% of the non-media units valid in the period as organisers', () => {
    const valid = data.agency.filter((a) => a.kind !== 'MEDIA' && a.valid_from <= '2020-12-31' && (a.valid_to === null || a.valid_to >= '2016-01-01'));
    const organisers = new Set(qiwu.map((a) => a.organiser_id));
    const active = valid.filter((a) => organisers.has(a.id));
    expect(active.length / valid.length).toBeGreaterThanOrEqual(0.8);
  });

  it('has 法治乌兰牧骑 performances with sketches, clapper talks and 三句半 in all five settings', () => {
    const shows = qiwu.filter((a) => a.form === 'PERFORMANCE' && a.troupe !== null && a.troupe.includes('法治乌兰牧骑'));
    expect(shows.length).toBeGreaterThanOrEqual(20);
    for (const word of ['法治小品', '快板', '三句半']) expect(shows.some((a) => a.title.includes(word)), word).toBe(true);
    expect(new Set(shows.map((a) => a.venue_type))).toEqual(new Set(['VILLAGE', 'COMMUNITY', 'SCHOOL', 'ENTERPRISE', 'WORKPLACE']));
  });

  it('has prize quizzes on the constitution, marriage, labour-contract and national-security laws', () => {
    const quizLaws = new Set(data.activity_laws
      .filter((l) => { const a = data.activity[l.activity_id - 1]!; return a.form === 'QUIZ' && a.date <= '2020-12-31'; })
      .map((l) => laws.get(l.law_id)!.code));
    for (const code of ['CONSTITUTION', 'MARRIAGE_LAW', 'LABOUR_CONTRACT', 'NATIONAL_SECURITY']) expect(quizLaws.has(code), code).toBe(true);
  });

  it('dates key-date activities on their real days', () => {
    for (const a of data.activity) {
      const md = a.date.slice(5);
      if (a.key_date === 'CONSUMER_RIGHTS_DAY') expect(md).toBe('03-15');
      if (a.key_date === 'NATIONAL_SECURITY_DAY') expect(md).toBe('04-15');
      if (a.key_date === 'ANTI_DRUG_DAY') expect(md).toBe('06-26');
      if (a.key_date === 'CONSTITUTION_WEEK') expect(md >= '12-01' && md <= '12-07').toBe(true);
      if (a.key_date === 'CIVIL_CODE_MONTH') expect(a.date >= '2020-05-28').toBe(true);
    }
    const keyDates = new Set(qiwu.map((a) => a.key_date));
    for (const kd of ['CONSTITUTION_WEEK', 'CONSUMER_RIGHTS_DAY', 'NATIONAL_SECURITY_DAY']) expect(keyDates.has(kd as never), kd).toBe(true);
  });
});

describe('activities', () => {
  it('are organised and co-organised by units valid on the day, never co-organised by the organiser', () => {
    for (const a of data.activity) {
      const o = agencies.get(a.organiser_id)!;
      expect(within(a.date, o.valid_from, o.valid_to), `${a.id} ${o.code} ${a.date}`).toBe(true);
      for (const c of coByActivity.get(a.id) ?? []) {
        expect(c.agency_id).not.toBe(a.organiser_id);
        const ca = agencies.get(c.agency_id)!;
        expect(within(a.date, ca.valid_from, ca.valid_to), `${a.id} co ${ca.code}`).toBe(true);
      }
      expect(regions.get(a.region_id)!.level).not.toBe('CITY');
    }
  });

  it('teach laws only within their lifetime (civil code from adoption, marriage law until repeal)', () => {
    const civil = lawByCode.get('CIVIL_CODE')!.id;
    const marriage = lawByCode.get('MARRIAGE_LAW')!.id;
    for (const l of data.activity_laws) {
      const a = data.activity[l.activity_id - 1]!;
      if (l.law_id === civil) expect(a.date >= '2020-05-28').toBe(true);
      if (l.law_id === marriage) expect(a.date <= '2020-12-31').toBe(true);
    }
  });

  it('name only items of the organiser or a co-organiser, dated inside the item window', () => {
    for (const ai of data.activity_items) {
      const a = data.activity[ai.activity_id - 1]!;
      const item = items.get(ai.item_id)!;
      const allowed = new Set([a.organiser_id, ...(coByActivity.get(a.id) ?? []).map((c) => c.agency_id)]);
      expect(allowed.has(item.agency_id), `activity ${a.id} item ${item.id}`).toBe(true);
      expect(a.date >= item.starts_on && a.date <= item.ends_on, `activity ${a.id} ${a.date} item ${item.starts_on}..${item.ends_on}`).toBe(true);
    }
  });

  it('number 300–500 a year in 2021–2025', () => {
    for (let y = 2021; y <= 2025; y++) {
      const n = data.activity.filter((a) => a.date.startsWith(String(y))).length;
      expect(n, String(y)).toBeGreaterThanOrEqual(300);
      expect(n, String(y)).toBeLessThanOrEqual(500);
    }
  });
});

describe('responsibility items (2021–2025)', () => {
  const bawuItems = data.responsibility_item.filter((i) => i.year >= 2021);

  it('are well-formed task books of 2–5 items per enforcement unit and year', () => {
    for (const i of data.responsibility_item) {
      expect(i.starts_on.startsWith(String(i.year)) && i.ends_on.startsWith(String(i.year))).toBe(true);
      expect(i.starts_on <= i.ends_on).toBe(true);
      expect(i.planned_count).toBeGreaterThanOrEqual(2);
      expect(i.planned_count).toBeLessThanOrEqual(12);
      expect(i.responsible_leader.length).toBeGreaterThan(2);
      const a = agencies.get(i.agency_id)!;
      expect(within(i.starts_on, a.valid_from, a.valid_to)).toBe(true);
    }
    for (const [, list] of groupBy(bawuItems, (i) => `${i.agency_id}:${i.year}`)) {
      expect(list.length).toBeGreaterThanOrEqual(2);
      expect(list.length).toBeLessThanOrEqual(5);
    }
  });

  it('show units that deliver less than half of what they planned', () => {
    const delivered = new Map<string, Set<number>>();
    for (const ai of data.activity_items) {
      const i = items.get(ai.item_id)!;
      const key = `${i.agency_id}:${i.year}`;
      delivered.set(key, (delivered.get(key) ?? new Set()).add(ai.activity_id));
    }
    const weak = [...groupBy(bawuItems, (i) => `${i.agency_id}:${i.year}`)].filter(([key, list]) =>
      (delivered.get(key)?.size ?? 0) < 0.5 * list.reduce((s, i) => s + i.planned_count, 0));
    expect(weak.length).toBeGreaterThanOrEqual(1);
  });

  it('show an overlapping domain in which no activity happened in some year', () => {
    const gaps: string[] = [];
    for (let y = 2021; y <= 2025; y++) {
      const day = `${y}-07-01`;
      for (const d of data.enforcement_domain) {
        const holders = new Set(data.enforcement_power.filter((p) => p.domain_id === d.id && within(day, p.valid_from, p.valid_to)).map((p) => p.agency_id));
        if (holders.size < 2) continue;
        if (!data.activity.some((a) => a.domain_id === d.id && a.date.startsWith(String(y)))) gaps.push(`${d.code} ${y}`);
      }
    }
    expect(gaps.length).toBeGreaterThanOrEqual(1);
  });

  it('name audiences that none of their activities reached', () => {
    const reached = new Map<number, Set<string>>();
    for (const ai of data.activity_items) {
      const set = reached.get(ai.item_id) ?? new Set<string>();
      for (const aud of data.activity[ai.activity_id - 1]!.audiences) set.add(aud);
      reached.set(ai.item_id, set);
    }
    const missed = bawuItems.filter((i) => reached.has(i.id) && i.audiences.some((aud) => !reached.get(i.id)!.has(aud)));
    expect(missed.length).toBeGreaterThan(0);
  });
});

describe('media', () => {
  const outlets = byId(data.media_outlet);

  it('keeps the natural key (outlet, channel, starts_at) unique and timestamps in Beijing time', () => {
    const keys = data.broadcast_slot.map((s) => `${s.outlet_id}|${s.channel}|${s.starts_at}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const s of data.broadcast_slot) expect(s.starts_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
  });

  it('airs the weekly radio programme 《"七五"普法进行时》 2017–2020 with rotating partners', () => {
    const radio = data.broadcast_slot.filter((s) => s.programme === '"七五"普法进行时');
    expect(radio.every((s) => outlets.get(s.outlet_id)!.kind === 'RADIO' && s.kind === 'PROGRAMME')).toBe(true);
    for (let y = 2017; y <= 2020; y++) expect(radio.filter((s) => s.starts_at.startsWith(String(y))).length, String(y)).toBeGreaterThanOrEqual(35);
    expect(radio.every((s) => s.starts_at >= '2017' && s.starts_at < '2021')).toBe(true);
    expect(new Set(radio.map((s) => s.partner_agency_id)).size).toBeGreaterThanOrEqual(10);
    expect(radio.some((s) => s.prime_time) && radio.some((s) => !s.prime_time)).toBe(true);
    const bawu = data.broadcast_slot.filter((s) => s.programme === '"八五"普法进行时');
    expect(bawu.length).toBeGreaterThan(0);
    expect(bawu.every((s) => s.starts_at >= '2021')).toBe(true);
  });

  it('loops 《小司来了》 on LED screens and the 4K smart-TV terminals', () => {
    const kinds = new Set(data.broadcast_slot.filter((s) => s.programme === '小司来了' && s.kind === 'ANIMATION').map((s) => outlets.get(s.outlet_id)!.kind));
    expect(kinds.has('LED_SCREEN')).toBe(true);
    expect(kinds.has('SMART_TV_TERMINAL')).toBe(true);
  });

  it('runs public-interest ads in the newspaper and on TV', () => {
    const kinds = new Set(data.broadcast_slot.filter((s) => s.kind === 'PUBLIC_SERVICE_AD').map((s) => outlets.get(s.outlet_id)!.kind));
    expect(kinds).toEqual(new Set(['NEWSPAPER', 'TV']));
  });
});

describe('training', () => {
  it('held exactly the two backbone classes in 2016–2020, with many units and some absences', () => {
    const classes = data.training_session.filter((s) => s.kind === 'BACKBONE_CLASS');
    expect(classes.length).toBe(2);
    for (const c of classes) {
      expect(c.title).toContain('骨干培训班');
      expect(c.starts_on >= '2016-01-01' && c.ends_on <= '2020-12-31').toBe(true);
      const att = data.training_attendance.filter((a) => a.session_id === c.id);
      expect(new Set(att.map((a) => a.agency_id)).size).toBeGreaterThanOrEqual(30);
      expect(att.some((a) => a.required && !a.attended)).toBe(true);
    }
  });

  it('has a leading cadres law study every year with leading-cadre attendees', () => {
    for (let y = 2016; y <= 2025; y++) {
      const s = data.training_session.filter((x) => x.kind === 'LEADING_CADRE_STUDY' && x.starts_on.startsWith(String(y)));
      expect(s.length, String(y)).toBeGreaterThanOrEqual(1);
      expect(data.training_attendance.some((a) => a.session_id === s[0]!.id && a.leading_cadre)).toBe(true);
    }
    expect(data.training_session.some((s) => s.kind === 'LECTURER_GROUP')).toBe(true);
  });

  it('records hours and scores only for those who attended', () => {
    for (const a of data.training_attendance) {
      if (!a.attended) expect([a.hours, a.score]).toEqual([0, null]);
      if (a.score !== null) expect(a.score >= 0 && a.score <= 100).toBe(true);
    }
  });
});

describe('cases', () => {
  it('has 60–120 typical cases 2019–2025 decided by units valid on the day, mostly published', () => {
    expect(data.case_study.length).toBeGreaterThanOrEqual(60);
    expect(data.case_study.length).toBeLessThanOrEqual(120);
    for (const c of data.case_study) {
      expect(c.decided_on >= '2019-01-01' && c.decided_on <= '2025-12-31').toBe(true);
      const a = agencies.get(c.agency_id)!;
      expect(within(c.decided_on, a.valid_from, a.valid_to)).toBe(true);
      expect(c.published === (c.published_on !== null)).toBe(true);
      if (c.published_on) expect(c.published_on >= c.decided_on).toBe(true);
    }
    expect(data.case_study.filter((c) => c.published).length / data.case_study.length).toBeGreaterThan(0.7);
    const withLaw = new Set(data.case_study_laws.map((l) => l.case_id));
    expect(data.case_study.every((c) => withLaw.has(c.id))).toBe(true);
  });
});

describe('surveys', () => {
  const questions = groupBy(data.survey_question, (q) => q.wave_id);
  const answers = groupBy(data.survey_answer, (a) => a.response_id);
  const questionById = byId(data.survey_question);

  it('has a questionnaire every year 2021–2025 with awareness and satisfaction questions', () => {
    for (let y = 2021; y <= 2025; y++) {
      const waves = data.survey_wave.filter((w) => w.year === y && w.method === 'QUESTIONNAIRE');
      expect(waves.length, String(y)).toBe(1);
      const qs = questions.get(waves[0]!.id)!;
      const aware = qs.filter((q) => q.kind === 'AWARENESS');
      const sat = qs.filter((q) => q.kind === 'SATISFACTION');
      expect(aware.length).toBeGreaterThanOrEqual(6);
      expect(aware.length).toBeLessThanOrEqual(10);
      expect(sat.length).toBeGreaterThanOrEqual(8);
      expect(sat.length).toBeLessThanOrEqual(15);
      expect(aware.every((q) => q.law_id !== null && q.agency_id === null)).toBe(true);
      expect(sat.every((q) => q.agency_id !== null && q.law_id === null)).toBe(true);
    }
  });

  it('answers every question of the wave, in the right shape, inside the wave window', () => {
    const waves = byId(data.survey_wave);
    for (const w of data.survey_wave) {
      const n = data.survey_response.filter((r) => r.wave_id === w.id).length;
      expect(n).toBeGreaterThanOrEqual(400);
      expect(n).toBeLessThanOrEqual(800);
    }
    for (const r of data.survey_response) {
      const w = waves.get(r.wave_id)!;
      expect(r.submitted_on >= w.starts_on && r.submitted_on <= w.ends_on).toBe(true);
      const got = (answers.get(r.id) ?? []).map((a) => a.question_id).sort((a, b) => a - b);
      expect(got).toEqual(questions.get(r.wave_id)!.map((q) => q.id).sort((a, b) => a - b));
    }
    for (const a of data.survey_answer) {
      const q = questionById.get(a.question_id)!;
      if (q.kind === 'AWARENESS') {
        expect(typeof a.aware).toBe('boolean');
        expect(a.satisfaction).toBeNull();
      } else {
        expect(a.aware).toBeNull();
        if (a.satisfaction !== null) expect([1, 2, 3, 4, 5]).toContain(a.satisfaction);
      }
    }
  });

  it('shows awareness that improves over the years and differs by district and law', () => {
    const responses = byId(data.survey_response);
    const waveYear = new Map(data.survey_wave.map((w) => [w.id, w.year]));
    const rate = (pred: (year: number, district: number, law: number) => boolean): number => {
      let yes = 0;
      let n = 0;
      for (const a of data.survey_answer) {
        if (a.aware === null) continue;
        const r = responses.get(a.response_id)!;
        if (!pred(waveYear.get(r.wave_id)!, r.district_id, questionById.get(a.question_id)!.law_id!)) continue;
        n++;
        if (a.aware) yes++;
      }
      return yes / n;
    };
    expect(rate((y) => y === 2025)).toBeGreaterThan(rate((y) => y === 2021));
    const byDistrict = districts.map((d) => rate((_y, dd) => dd === d.id));
    expect(Math.max(...byDistrict) - Math.min(...byDistrict)).toBeGreaterThan(0.03);
    const constitution = lawByCode.get('CONSTITUTION')!.id;
    const local = lawByCode.get('WH_AIR_POLLUTION')!.id;
    expect(rate((_y, _d, l) => l === constitution)).toBeGreaterThan(rate((_y, _d, l) => l === local) + 0.3);
  });

  it('leaves some unit with fewer than 30 ratings in a wave (small sample)', () => {
    const counts = new Map<number, number>();
    for (const a of data.survey_answer) if (a.satisfaction !== null) counts.set(a.question_id, (counts.get(a.question_id) ?? 0) + 1);
    const small = data.survey_question.filter((q) => q.kind === 'SATISFACTION' && (counts.get(q.id) ?? 0) < 30);
    expect(small.length).toBeGreaterThanOrEqual(1);
  });
});
