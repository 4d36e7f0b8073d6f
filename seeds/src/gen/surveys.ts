/**
 * Third-party evaluation, 2021–2025: a yearly questionnaire by an outside evaluator on
 * awareness of laws (知晓率) and satisfaction with units' legal education (满意度), and in
 * 2022 and 2024 a prize quiz on the justice bureau's WeChat account (awareness only: a quiz
 * tests knowledge, it does not rate units).
 *
 * Awareness differs by law (the constitution is known to most, the local regulations to
 * few), by district (lower in rural 海南区), by age and occupation, and improves each year.
 * A respondent who does not know a unit leaves its satisfaction blank (null), so some units
 * collect only a handful of ratings — the small-sample case the dashboards must flag.
 */
import type {
  AgeBand, Occupation, SurveyAnswerRow, SurveyQuestionRow, SurveyResponseRow, SurveyWaveRow,
} from '../model.js';
import type { Reference } from '../reference.js';
import type { Rng } from '../prng.js';
import { addDays, daysBetween, ymd } from '../dates.js';
import { lawShort } from './activity.js';

export interface SurveyDrafts {
  wave: Omit<SurveyWaveRow, 'id'>;
  questions: Omit<SurveyQuestionRow, 'id' | 'wave_id'>[];
  responses: { row: Omit<SurveyResponseRow, 'id' | 'wave_id'>; answers: Omit<SurveyAnswerRow, 'id' | 'response_id' | 'question_id'>[] }[];
}

/** Awareness in 2021 and its yearly gain, by law. */
const AWARENESS: Record<string, [number, number]> = {
  CONSTITUTION: [0.86, 0.015], CIVIL_CODE: [0.62, 0.05], LABOUR_CONTRACT: [0.58, 0.025], NATIONAL_SECURITY: [0.55, 0.03],
  FOOD_SAFETY_LAW: [0.63, 0.02], ROAD_TRAFFIC_LAW: [0.78, 0.015], CONSUMER_LAW: [0.7, 0.02], ANTI_DV: [0.42, 0.03],
  MINORS_LAW: [0.57, 0.03], ANTI_DRUG_LAW: [0.6, 0.02], FIRE_LAW: [0.52, 0.02], WORK_SAFETY_LAW: [0.4, 0.025],
  WH_CITY_APPEARANCE: [0.28, 0.04], WH_AIR_POLLUTION: [0.22, 0.035], NOISE_LAW: [0.18, 0.07], PERSONAL_INFO: [0.33, 0.06],
  ANTI_FRAUD: [0.45, 0.08], LEGAL_AID: [0.3, 0.04], TAX_ADMIN: [0.35, 0.02],
};
/** Laws asked every year; the rest of each wave's list is drawn from AWARENESS. */
const ALWAYS = ['CONSTITUTION', 'CIVIL_CODE', 'WH_CITY_APPEARANCE', 'WH_AIR_POLLUTION'];

/** Mean satisfaction (1–5) in 2021 and how familiar respondents are with the unit. */
const SATISFACTION: Record<string, [number, number]> = {
  CITY_JUSTICE: [4.3, 0.8], CITY_MARKET: [4.0, 0.75], CITY_TRAFFIC_POLICE: [3.9, 0.85], CITY_PSB: [3.9, 0.8],
  CITY_URBAN: [3.2, 0.8], CITY_ECOLOGY: [3.5, 0.6], CITY_HRSS: [3.8, 0.6], CITY_HEALTH: [3.9, 0.65],
  CITY_TAX: [4.1, 0.55], CITY_FIRE: [4.2, 0.6], CITY_EDUCATION: [4.0, 0.6], CITY_EMERGENCY: [3.7, 0.4],
  CITY_HOUSING: [3.1, 0.45], CITY_MEDICAL_SEC: [3.6, 0.5], CITY_WATER: [3.4, 0.2],
  // Hardly anyone knows the forestry bureau's legal education: n stays below 30.
  CITY_FORESTRY: [3.5, 0.04],
};
const ALWAYS_RATED = ['CITY_JUSTICE', 'CITY_MARKET', 'CITY_URBAN', 'CITY_FORESTRY'];

const DISTRICT_SHARE: Record<string, number> = { '150302': 0.52, '150304': 0.3, '150303': 0.18 };
const DISTRICT_AWARENESS: Record<string, number> = { '150302': 0.05, '150304': 0, '150303': -0.08 };
const DISTRICT_SATISFACTION: Record<string, number> = { '150302': 0.05, '150304': 0, '150303': -0.15 };

const AGE_SHARE: Record<AgeBand, number> = { UNDER_18: 0.06, AGE_18_29: 0.2, AGE_30_44: 0.3, AGE_45_59: 0.26, AGE_60_PLUS: 0.18 };
const AGE_AWARENESS: Record<AgeBand, number> = { UNDER_18: -0.03, AGE_18_29: 0.03, AGE_30_44: 0.04, AGE_45_59: 0, AGE_60_PLUS: -0.08 };

const OCCUPATION_BY_AGE: Record<AgeBand, Partial<Record<Occupation, number>>> = {
  UNDER_18: { STUDENT: 1 },
  AGE_18_29: { STUDENT: 0.3, ENTERPRISE_STAFF: 0.25, WORKER: 0.15, SELF_EMPLOYED: 0.1, CIVIL_SERVANT: 0.08, OTHER: 0.07, FARMER_HERDER: 0.05 },
  AGE_30_44: { ENTERPRISE_STAFF: 0.3, WORKER: 0.2, SELF_EMPLOYED: 0.18, CIVIL_SERVANT: 0.12, FARMER_HERDER: 0.1, OTHER: 0.1 },
  AGE_45_59: { WORKER: 0.25, ENTERPRISE_STAFF: 0.2, SELF_EMPLOYED: 0.18, FARMER_HERDER: 0.17, CIVIL_SERVANT: 0.1, OTHER: 0.1 },
  AGE_60_PLUS: { RETIRED: 0.7, FARMER_HERDER: 0.15, OTHER: 0.1, SELF_EMPLOYED: 0.05 },
};
const OCCUPATION_AWARENESS: Record<Occupation, number> = {
  STUDENT: 0.02, FARMER_HERDER: -0.1, WORKER: -0.02, ENTERPRISE_STAFF: 0.04, SELF_EMPLOYED: 0, CIVIL_SERVANT: 0.15, RETIRED: -0.04, OTHER: 0,
};
/** Laws a group knows better than its average, e.g. workers and the labour-contract law. */
const AFFINITY: Partial<Record<Occupation | AgeBand, string[]>> = {
  ENTERPRISE_STAFF: ['LABOUR_CONTRACT', 'WORK_SAFETY_LAW'], WORKER: ['LABOUR_CONTRACT', 'WORK_SAFETY_LAW'],
  SELF_EMPLOYED: ['CONSUMER_LAW', 'FOOD_SAFETY_LAW', 'TAX_ADMIN'], UNDER_18: ['MINORS_LAW', 'ANTI_DRUG_LAW'],
  STUDENT: ['MINORS_LAW', 'ANTI_DRUG_LAW', 'PERSONAL_INFO'], AGE_60_PLUS: ['ANTI_FRAUD'],
};

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

interface WavePlan { code: string; name: string; year: number; method: 'QUESTIONNAIRE' | 'QUIZ'; by: string; from: string; to: string; responses: [number, number] }

function plans(): WavePlan[] {
  const out: WavePlan[] = [];
  for (let y = 2021; y <= 2025; y++) {
    out.push({ code: `EVAL-${y}`, name: `${y}年度“谁执法谁普法”普法责任制落实情况第三方评估问卷调查`, year: y, method: 'QUESTIONNAIRE',
      by: '内蒙古某第三方评估机构', from: ymd(y, 10, 10), to: ymd(y, 11, 20), responses: [420, 600] });
    if (y === 2022 || y === 2024) {
      out.push({ code: `QUIZ-${y}`, name: `${y}年“宪法宣传周”普法公众号有奖问答`, year: y, method: 'QUIZ',
        by: '市普法办（乌海司法微信公众号）', from: ymd(y, 12, 1), to: ymd(y, 12, 10), responses: [400, 480] });
    }
  }
  return out;
}

export function generateSurveys(ref: Reference, rng: Rng): SurveyDrafts[] {
  return plans().map((p) => {
    const quiz = p.method === 'QUIZ';
    const lawPool = Object.keys(AWARENESS).filter((c) => !ALWAYS.includes(c) && ref.lawValidOn(ref.lawByCode(c).id, p.from));
    const lawCodes = quiz ? ['CONSTITUTION', ...rng.sample(lawPool, rng.int(5, 7))] : [...ALWAYS, ...rng.sample(lawPool, rng.int(3, 5))];
    const agencyCodes = quiz ? [] : [...ALWAYS_RATED, ...rng.sample(Object.keys(SATISFACTION).filter((c) => !ALWAYS_RATED.includes(c)), rng.int(5, 8))];
    const questions: SurveyDrafts['questions'] = [
      ...lawCodes.map((c) => {
        const law = ref.lawByCode(c);
        return { kind: 'AWARENESS' as const, law_id: law.id, agency_id: null, text: `您是否了解《${lawShort(law.name)}》的主要内容？` };
      }),
      ...agencyCodes.map((c) => {
        const a = ref.agencyByCode(c);
        return { kind: 'SATISFACTION' as const, law_id: null, agency_id: a.id, text: `您对${a.name}开展普法宣传工作的满意程度如何？` };
      }),
    ];
    const years = p.year - 2021;
    const n = rng.int(...p.responses);
    const span = daysBetween(p.from, p.to);
    const responses: SurveyDrafts['responses'] = [];
    for (let i = 0; i < n; i++) {
      const district = rng.weighted(ref.districts, (d) => DISTRICT_SHARE[d.code] ?? 0);
      const age = rng.weighted(Object.keys(AGE_SHARE) as AgeBand[], (a) => AGE_SHARE[a]);
      const occWeights = OCCUPATION_BY_AGE[age];
      const occupation = rng.weighted(Object.keys(occWeights) as Occupation[], (o) =>
        (occWeights[o] ?? 0) * (o === 'FARMER_HERDER' && district.code === '150303' ? 2.5 : 1));
      const affinity = new Set([...(AFFINITY[occupation] ?? []), ...(AFFINITY[age] ?? [])]);
      const answers = [
        ...lawCodes.map((c) => {
          const [base, gain] = AWARENESS[c]!;
          const p0 = base + gain * years + (DISTRICT_AWARENESS[district.code] ?? 0) + AGE_AWARENESS[age]
            + OCCUPATION_AWARENESS[occupation] + (affinity.has(c) ? 0.1 : 0) + (quiz ? 0.08 : 0);
          return { aware: rng.chance(clamp(p0, 0.03, 0.98)), satisfaction: null };
        }),
        ...agencyCodes.map((c) => {
          const [mean, familiar] = SATISFACTION[c]!;
          if (!rng.chance(familiar)) return { aware: null, satisfaction: null };
          const s = mean + 0.06 * years + (DISTRICT_SATISFACTION[district.code] ?? 0) + 0.9 * rng.normal();
          return { aware: null, satisfaction: clamp(Math.round(s), 1, 5) };
        }),
      ];
      responses.push({ row: { district_id: district.id, age_band: age, occupation, submitted_on: addDays(p.from, rng.int(0, span)) }, answers });
    }
    responses.sort((a, b) => a.row.submitted_on.localeCompare(b.row.submitted_on));
    return {
      wave: { code: p.code, name: p.name, year: p.year, method: p.method, conducted_by: p.by, starts_on: p.from, ends_on: p.to },
      questions, responses,
    };
  });
}
