/**
 * Training sessions and attendance: the report's two city-wide backbone classes
 * (骨干培训班, 2017 and 2019), a yearly law lecture for leading cadres (领导干部学法), the
 * lecturer group's (讲师团) lesson-planning and training meetings, and from 2021 the units'
 * own staff training and a yearly course for the units' legal-education liaisons. Units with
 * no dedicated staff show up as required seats left empty.
 */
import type { AttendanceRow, TrainingKind, TrainingSessionRow } from '../model.js';
import type { Reference } from '../reference.js';
import type { Rng } from '../prng.js';
import { addDays, ymd } from '../dates.js';
import { profile } from './profiles.js';
import { roster } from './people.js';

type SessionDraft = Omit<TrainingSessionRow, 'id'>;
type AttendanceDraft = Omit<AttendanceRow, 'id' | 'session_id'>;

export interface TrainingDrafts { session: SessionDraft; attendance: AttendanceDraft[] }

const LEADING_CADRE_TOPICS: Record<number, string> = {
  2016: '“七五”普法规划解读', 2017: '宪法与国家安全法', 2018: '宪法修正案学习', 2019: '行政执法“三项制度”',
  2020: '民法典专题', 2021: '“八五”普法规划解读', 2022: '新修订的行政处罚法', 2023: '行政复议法修订要点',
  2024: '民法典与依法行政', 2025: '法治政府建设实施纲要',
};

/** Units whose lecturers sit in the city lecturer group. */
const LECTURER_UNITS = [
  'CITY_JUSTICE', 'HBW_JUSTICE', 'WD_JUSTICE', 'HN_JUSTICE', 'CITY_COURT', 'CITY_PROCURATORATE', 'CITY_PSB',
  'CITY_MARKET', 'CITY_AIC', 'CITY_FDA', 'CITY_HRSS', 'CITY_HEALTH', 'CITY_ECOLOGY', 'CITY_TRAFFIC_POLICE',
  'CITY_TAX', 'CITY_LOCAL_TAX', 'CITY_EDUCATION', 'CITY_WOMEN', 'CITY_UNION',
];

export function generateTraining(ref: Reference, rng: Rng, seed: number): TrainingDrafts[] {
  const out: TrainingDrafts[] = [];
  const justice = ref.agencyByCode('CITY_JUSTICE').id;
  const venue = ref.regionByCode('150302002').id; // 新华街道, where the city party school sits
  const members = (day: string) => ref.agency.filter((a) => a.kind !== 'MEDIA' && ref.agencyValidOn(a.id, day));
  const attends = (agencyId: number) => rng.chance(profile(ref.agencyById(agencyId).code).attendance);
  const score = (agencyId: number, lo: number) =>
    Math.min(100, Math.max(lo, Math.round(rng.real(lo, 99) - (profile(ref.agencyById(agencyId).code).attendance < 0.7 ? 8 : 0))));
  const session = (title: string, kind: TrainingKind, organiser: number, day: string, days: number, hours: number, region = venue): SessionDraft =>
    ({ title, kind, organiser_id: organiser, starts_on: day, ends_on: addDays(day, days - 1), hours, region_id: region });

  // The two backbone classes: every member unit must send two people, justice bureaus three.
  for (const [n, day] of [['一', '2017-06-13'], ['二', '2019-09-24']] as const) {
    const s = session(`全市“谁执法谁普法”骨干培训班（第${n}期）`, 'BACKBONE_CLASS', justice, day, 3, 16);
    const attendance: AttendanceDraft[] = [];
    for (const a of members(day)) {
      const r = roster(ref, seed, a.id, Number(day.slice(0, 4)));
      const seats = a.code.endsWith('_JUSTICE') ? 3 : 2;
      for (const name of r.staff.slice(0, seats)) {
        const ok = attends(a.id);
        attendance.push({ agency_id: a.id, attendee: name, leading_cadre: false, required: true, attended: ok,
          hours: ok ? (rng.chance(0.85) ? 16 : 12) : 0, score: ok ? score(a.id, 60) : null });
      }
      if (rng.chance(0.1)) attendance.push({ agency_id: a.id, attendee: r.staff[seats]!, leading_cadre: false, required: false, attended: true, hours: 16, score: score(a.id, 60) });
    }
    out.push({ session: s, attendance });
  }

  for (let y = 2016; y <= 2025; y++) {
    // Leading cadres' law study: the head is required; an absent head sometimes sends the deputy.
    const day = ymd(y, rng.int(4, 10), rng.int(5, 25));
    const organiser = ref.agencyByCode(y % 2 === 0 ? 'CITY_PROPAGANDA' : 'CITY_JUSTICE').id;
    const lc: AttendanceDraft[] = [];
    for (const a of members(day)) {
      const r = roster(ref, seed, a.id, y);
      const ok = attends(a.id);
      const exam = y >= 2019; // yearly law exam for leading cadres from 2019
      lc.push({ agency_id: a.id, attendee: r.head, leading_cadre: true, required: true, attended: ok, hours: ok ? 3 : 0, score: ok && exam ? score(a.id, 70) : null });
      if (!ok && rng.chance(0.4)) lc.push({ agency_id: a.id, attendee: r.deputy, leading_cadre: true, required: false, attended: true, hours: 3, score: exam ? score(a.id, 70) : null });
    }
    out.push({ session: session(`${y}年全市领导干部学法专题讲座：${LEADING_CADRE_TOPICS[y]}`, 'LEADING_CADRE_STUDY', organiser, day, 1, 3), attendance: lc });

    // The lecturer group meets twice a year from 2017.
    if (y >= 2017) {
      const meetings: [string, string, number, number][] = [
        [`${y}年市普法讲师团集体备课会`, ymd(y, 3, rng.int(10, 28)), 1, 4],
        [`${y}年市普法讲师团业务培训`, ymd(y, 9, rng.int(5, 25)), 2, 8],
      ];
      for (const [title, d, days, hours] of meetings) {
        const att: AttendanceDraft[] = [];
        for (const code of LECTURER_UNITS) {
          const a = ref.agencyByCode(code);
          if (!ref.agencyValidOn(a.id, d)) continue;
          const ok = attends(a.id);
          att.push({ agency_id: a.id, attendee: roster(ref, seed, a.id, y).lecturer, leading_cadre: false, required: true, attended: ok, hours: ok ? hours : 0, score: null });
        }
        out.push({ session: session(title, 'LECTURER_GROUP', justice, d, days, hours), attendance: att });
      }
    }

    if (y >= 2021) {
      // A course for every unit's liaison (usually a part-timer), and three units' own staff training.
      const d = ymd(y, 5, rng.int(10, 28));
      const liaison: AttendanceDraft[] = members(d).map((a) => {
        const ok = attends(a.id);
        return { agency_id: a.id, attendee: roster(ref, seed, a.id, y).staff[3]!, leading_cadre: false, required: true, attended: ok, hours: ok ? 6 : 0, score: ok ? score(a.id, 60) : null };
      });
      out.push({ session: session(`${y}年全市普法联络员业务培训`, 'STAFF_TRAINING', justice, d, 1, 6), attendance: liaison });
      const units = rng.sample(ref.agency.filter((a) => a.kind === 'ENFORCEMENT' && ref.agencyValidOn(a.id, d)), 3);
      for (const a of units) {
        const dd = ymd(y, rng.int(6, 11), rng.int(1, 28));
        const region = a.level === 'DISTRICT' ? ref.streetsOf(a.region_id)[0]!.id : venue;
        const att: AttendanceDraft[] = roster(ref, seed, a.id, y).staff.map((name) => {
          const ok = attends(a.id);
          return { agency_id: a.id, attendee: name, leading_cadre: false, required: true, attended: ok, hours: ok ? 8 : 0, score: ok ? score(a.id, 60) : null };
        });
        out.push({ session: session(`${y}年${ref.agencySpec(a.id).short}执法人员普法能力培训`, 'STAFF_TRAINING', a.id, dd, 1, 8, region), attendance: att });
      }
    }
  }
  return out;
}
