/**
 * The deterministic demo-data generator. Everything is drawn from one seeded generator
 * (split into independent streams per part), so every run yields exactly the same rows.
 * Ids are consecutive from 1 in each table; rows are ordered by date where they have one.
 */
import type {
  ActivityAgencyRow, ActivityItemRow, ActivityLawRow, ActivityRow, AttendanceRow, CaseLawRow, CaseRow, DemoData,
  ItemDistrictRow, ItemLawRow, SlotRow, SurveyAnswerRow, SurveyQuestionRow, SurveyResponseRow, SurveyWaveRow,
  TrainingSessionRow,
} from './model.js';
import { Reference } from './reference.js';
import { Rng } from './prng.js';
import { activityRow, itemRow, type ActivityDraft, type ItemDraft } from './gen/drafts.js';
import { generateQiwu } from './gen/qiwu.js';
import { generateItems2019 } from './gen/items2019.js';
import { generateBawu } from './gen/bawu.js';
import { SlotBook } from './gen/slots.js';
import { generateProgrammes } from './gen/broadcasts.js';
import { generateAdsAndColumns } from './gen/ads.js';
import { generateTraining } from './gen/training.js';
import { generateCases } from './gen/cases.js';
import { generateSurveys } from './gen/surveys.js';

/** The seed: the day the source report was published (2021-09-16). */
export const SEED = 20210916;

const uniq = (ids: number[]): number[] => [...new Set(ids)];

function numberItems(drafts: ItemDraft[]): Pick<DemoData, 'responsibility_item' | 'responsibility_item_laws' | 'responsibility_item_districts'> {
  drafts.sort((a, b) => a.year - b.year || a.agency_id - b.agency_id || a.starts_on.localeCompare(b.starts_on) || a.title.localeCompare(b.title));
  drafts.forEach((d, i) => { d.id = i + 1; });
  const laws: ItemLawRow[] = drafts.flatMap((d) => uniq(d.laws).map((law_id) => ({ item_id: d.id!, law_id })));
  const districts: ItemDistrictRow[] = drafts.flatMap((d) => uniq(d.districts).map((region_id) => ({ item_id: d.id!, region_id })));
  return { responsibility_item: drafts.map(itemRow), responsibility_item_laws: laws, responsibility_item_districts: districts };
}

function numberActivities(ref: Reference, drafts: ActivityDraft[]): Pick<DemoData, 'activity' | 'activity_co_organisers' | 'activity_laws' | 'activity_items'> {
  // A campaign often runs the same event in several places on one day: name the place then.
  const sameDay = new Map<string, number>();
  for (const d of drafts) sameDay.set(`${d.date}|${d.title}`, (sameDay.get(`${d.date}|${d.title}`) ?? 0) + 1);
  for (const d of drafts) if (sameDay.get(`${d.date}|${d.title}`)! > 1) d.title += `（${ref.regionById(d.region_id).name}）`;
  drafts.sort((a, b) => a.date.localeCompare(b.date) || a.organiser_id - b.organiser_id || a.title.localeCompare(b.title));
  const activity: ActivityRow[] = [];
  const co: ActivityAgencyRow[] = [];
  const laws: ActivityLawRow[] = [];
  const items: ActivityItemRow[] = [];
  drafts.forEach((d, i) => {
    const id = i + 1;
    activity.push(activityRow(d, id));
    for (const agency_id of uniq(d.co)) if (agency_id !== d.organiser_id) co.push({ activity_id: id, agency_id });
    for (const law_id of uniq(d.laws)) laws.push({ activity_id: id, law_id });
    for (const item_id of uniq(d.items.map((x) => x.id!))) items.push({ activity_id: id, item_id });
  });
  return { activity, activity_co_organisers: co, activity_laws: laws, activity_items: items };
}

export function generateDemo(): DemoData {
  const ref = new Reference();
  const root = new Rng(SEED);

  const qiwu = generateQiwu(ref, root.fork('qiwu'));
  const items2019 = generateItems2019(ref, root.fork('items-2019'), SEED, qiwu);
  const bawu = generateBawu(ref, root.fork('bawu'), SEED);
  const itemTables = numberItems([...items2019, ...bawu.items]);
  const activityTables = numberActivities(ref, [...qiwu, ...bawu.activities]);

  const book = new SlotBook();
  generateProgrammes(ref, root.fork('programmes'), book);
  generateAdsAndColumns(ref, root.fork('ads'), book);
  const broadcast_slot: SlotRow[] = book.slots
    .sort((a, b) => a.starts_at.localeCompare(b.starts_at) || a.outlet_id - b.outlet_id || a.channel.localeCompare(b.channel))
    .map((s, i) => ({ id: i + 1, ...s }));

  const training = generateTraining(ref, root.fork('training'), SEED)
    .sort((a, b) => a.session.starts_on.localeCompare(b.session.starts_on) || a.session.title.localeCompare(b.session.title));
  const training_session: TrainingSessionRow[] = training.map((t, i) => ({ id: i + 1, ...t.session }));
  const training_attendance: AttendanceRow[] = training.flatMap((t, i) => t.attendance.map((a) => ({ session_id: i + 1, ...a })))
    .map((a, i) => ({ id: i + 1, ...a }));

  const cases = generateCases(ref, root.fork('cases')).sort((a, b) => a.decided_on.localeCompare(b.decided_on) || a.title.localeCompare(b.title));
  const case_study: CaseRow[] = cases.map(({ laws: _laws, ...c }, i) => ({ id: i + 1, ...c }));
  const case_study_laws: CaseLawRow[] = cases.flatMap((c, i) => uniq(c.laws).map((law_id) => ({ case_id: i + 1, law_id })));

  const survey_wave: SurveyWaveRow[] = [];
  const survey_question: SurveyQuestionRow[] = [];
  const survey_response: SurveyResponseRow[] = [];
  const survey_answer: SurveyAnswerRow[] = [];
  for (const s of generateSurveys(ref, root.fork('surveys'))) {
    const wave_id = survey_wave.length + 1;
    survey_wave.push({ id: wave_id, ...s.wave });
    const questionIds = s.questions.map((q) => {
      const id = survey_question.length + 1;
      survey_question.push({ id, wave_id, ...q });
      return id;
    });
    for (const r of s.responses) {
      const response_id = survey_response.length + 1;
      survey_response.push({ id: response_id, wave_id, ...r.row });
      r.answers.forEach((a, qi) => survey_answer.push({ id: survey_answer.length + 1, response_id, question_id: questionIds[qi]!, ...a }));
    }
  }

  return {
    region: ref.region,
    agency: ref.agency,
    enforcement_domain: ref.enforcement_domain,
    enforcement_power: ref.enforcement_power,
    law: ref.law,
    law_domains: ref.law_domains,
    ...itemTables,
    ...activityTables,
    media_outlet: ref.media_outlet,
    broadcast_slot,
    training_session,
    training_attendance,
    case_study,
    case_study_laws,
    survey_wave,
    survey_question,
    survey_response,
    survey_answer,
  };
}
