import type { EntityManager } from '@mikro-orm/core';
import { sql } from '../../db/sql.js';
import { todayInShanghai } from '../ingestion/rows.js';
import { PUBLIC_METHODS } from './feedback.service.js';

/**
 * The generated demo city's quizzes all lie in the past (its years end in 2025), so on a fresh demo
 * installation the public feedback form would only ever say "no questionnaire is open". This adds
 * one ongoing 有奖问答 wave, open from the first day of the hub's current year to the last day of the
 * next, so whoever tries the portal finds a form to answer — whatever the day the demo is started.
 */
const QUESTIONS: readonly { kind: 'AWARENESS' | 'SATISFACTION'; code: string; text: string }[] = [
  { kind: 'AWARENESS', code: 'CONSTITUTION', text: '您是否了解《宪法》规定的公民基本权利和义务？' },
  { kind: 'AWARENESS', code: 'CIVIL_CODE', text: '您是否了解《民法典》的主要内容？' },
  { kind: 'AWARENESS', code: 'ANTI_FRAUD', text: '您是否了解《反电信网络诈骗法》的主要内容？' },
  { kind: 'AWARENESS', code: 'FOOD_SAFETY_LAW', text: '您是否了解《食品安全法》的主要内容？' },
  { kind: 'SATISFACTION', code: 'CITY_JUSTICE', text: '您对市司法局开展普法宣传工作的满意程度如何？' },
  { kind: 'SATISFACTION', code: 'CITY_MARKET', text: '您对市市场监督管理局开展普法宣传工作的满意程度如何？' },
];

export interface DemoQuiz {
  /** The wave's code; null when a public wave was already open and nothing was added. */
  code: string | null;
  questions: number;
}

/**
 * Adds the open demo quiz unless a QUIZ or ONLINE wave is already open on `today` (Asia/Shanghai).
 * Idempotent: the wave's code names its year, and a second call finds it open.
 */
export async function addOpenDemoQuiz(em: EntityManager, today = todayInShanghai()): Promise<DemoQuiz> {
  const [open] = await sql<{ n: number }>(em, `select count(*)::int as n from survey_wave where method = any(?) and starts_on <= ? and ends_on >= ?`,
    [[...PUBLIC_METHODS], today, today]);
  if (open!.n > 0) return { code: null, questions: 0 };
  const year = Number(today.slice(0, 4));
  const code = `QUIZ-PORTAL-${year}`;
  return em.transactional(async (tx) => {
    const [wave] = await sql<{ id: number }>(tx, `insert into survey_wave (code, name, year, method, conducted_by, starts_on, ends_on)
      values (?, ?, ?, 'QUIZ', ?, ?, ?) on conflict (code) do nothing returning id`,
      [code, `${year}年“谁执法谁普法”网上有奖问答`, year, '市普法办（政务公开网站）', `${year}-01-01`, `${year + 1}-12-31`]);
    if (!wave) return { code: null, questions: 0 };
    let questions = 0;
    for (const q of QUESTIONS) {
      const table = q.kind === 'AWARENESS' ? 'law' : 'agency';
      const column = q.kind === 'AWARENESS' ? 'law_id' : 'agency_id';
      // A reference row missing from some future demo data leaves its question out rather than failing startup.
      const added = await sql(tx, `insert into survey_question (wave_id, kind, ${column}, text) select ?, ?, id, ? from ${table} where code = ? returning id`,
        [wave.id, q.kind, q.text, q.code]);
      questions += added.length;
    }
    return { code, questions };
  });
}
