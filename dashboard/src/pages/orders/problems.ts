/**
 * The hub's refusal of an order or an answer, put next to the fields it
 * concerns. Both mutations name their problems in `extensions.problems`
 * with a path (["input", "wishedTo"]; a class-validator failure may name
 * the field alone); whatever names no field of the form is kept general, with
 * the error's code: RATE_LIMITED (HTTP 429), CONFLICT (an answer on a final
 * state), NOT_FOUND, FORBIDDEN …
 */
import type { ErrorLike } from '../../app/errors';
import type { Lang } from '../../app/i18n';

export interface MappedProblems<F extends string> {
  fields: Partial<Record<F, string[]>>;
  general: string[];
  /** extensions.code of the first error; null when the hub could not be reached. */
  code: string | null;
  network: boolean;
}

export function mapProblems<F extends string>(error: ErrorLike, known: readonly F[]): MappedProblems<F> {
  const fields: Partial<Record<F, string[]>> = {};
  const general: string[] = [];
  const isField = (s: unknown): s is F => typeof s === 'string' && (known as readonly string[]).includes(s);
  const add = (field: F | null, message: string) => {
    if (field === null) {
      if (!general.includes(message)) general.push(message);
      return;
    }
    const list = (fields[field] ??= []);
    if (!list.includes(message)) list.push(message);
  };
  const gqlErrors = error.graphQLErrors ?? [];
  for (const e of gqlErrors) {
    const problems = Array.isArray(e.extensions?.problems) ? (e.extensions.problems as { path?: unknown; message?: unknown }[]) : [];
    let placed = false;
    for (const p of problems) {
      const path = Array.isArray(p.path) ? p.path : [];
      const field = [...path].reverse().find(isField) ?? null;
      if (field !== null) {
        add(field, typeof p.message === 'string' && p.message ? p.message : e.message);
        placed = true;
      }
    }
    if (!placed) add(null, e.message);
  }
  if (gqlErrors.length === 0) add(null, error.networkError?.message || error.message);
  const code = gqlErrors[0]?.extensions?.code;
  return {
    fields,
    general,
    code: typeof code === 'string' ? code : null,
    network: gqlErrors.length === 0 && Boolean(error.networkError),
  };
}

/** The hub's messages the order, answer and erasure forms can meet, in Chinese; the hub writes them in English. */
const ZH_RULES: [RegExp, (...g: string[]) => string][] = [
  [/^must not be blank$/, () => '不能为空'],
  [/^name a law \(lawId\) or a domain/, () => '请选择法律或领域（至少一项），以便订单送达负责的执法单位'],
  [/^ends (\S+), before it starts \((\S+)\)$/, (a, b) => `结束日期 ${a} 早于开始日期 ${b}`],
  [/^(\S+) is past; wish for a period that ends today \((\S+)\) or later$/, (a, b) => `${a} 已经过去，请选择今天（${b}）或以后结束的时段`],
  [/^order at most (\d+) days ahead \(until (\S+)\)$/, (n, d) => `最多可预约 ${n} 天以内（${d} 之前）的时段`],
  [/^contactPhone must be/, () => '电话号码须为 5–20 位数字，可含空格、+、- 或括号'],
  [/^(\w+) must be (?:shorter than or equal to|at most) (\d+) characters?$/, (_f, n) => `不能超过 ${n} 个字`],
  [/^(\w+) must be longer than or equal to (\d+) characters?$/, (_f, n) => `至少 ${n} 个字`],
  [/^audienceSize must not be (?:greater|less) than/, () => '听众人数须为 1 至 100000 之间的整数'],
  [/^(\S+) does not exist$/, (id) => `${id} 不存在`],
  [/^(\S+) is a (\w+); give the district/, () => '请选择区（区一级的地区）'],
  [/^"(.*)" is not a (\w+) id/, (v) => `“${v}”不是有效的编号`],
  [/^ACCEPT needs the day planned$/, () => '接单须填写计划日期'],
  [/^DECLINE needs a reason of 5–500 characters/, () => '婉拒须说明理由（5–500 字），让点单方能看懂'],
  [/^DONE needs the activity/, () => '办结须选择完成这次点单的普法活动'],
  [/^give a reason of (\d+)–(\d+) characters; it is kept in the audit trail$/, (a, b) => `请用 ${a}–${b} 个字说明理由，理由将记入审计记录`],
  [/^(\S+) is before the order \((\S+)\)$/, (d, o) => `${d} 早于点单日期 ${o}`],
  [/^Activity:\d+ was held (\S+), before the order \((\S+)\)$/, (d, o) => `该活动举办于 ${d}，早于点单日期 ${o}`],
  [/^Activity:\d+ was not organised or co-organised by/, () => '该活动不是本单位主办或协办的'],
  [/^Agency:\d+ already answered EducationOrder:\d+ with (\w+), which is final$/, (s) => `本单位已${s === 'DONE' ? '办结' : '婉拒'}该订单，这是最终答复，不能再更改`],
  [/^EducationOrder:\d+ was not routed to Agency:\d+$/, () => '该订单没有派送给这个单位'],
  [/^Too many submissions from this address: at most (\d+) a minute/, (n) => `提交过于频繁：同一网络每分钟最多提交 ${n} 次。请一分钟后再试，已填写的内容仍在表单中。`],
];

/** One of the hub's messages in `lang`: Chinese where known, else the hub's English (`translated` false, to be marked lang="en"). */
export function localizeProblem(message: string, lang: Lang): { text: string; translated: boolean } {
  if (lang !== 'zh-CN') return { text: message, translated: false };
  for (const [re, zh] of ZH_RULES) {
    const m = re.exec(message);
    if (m) return { text: zh(...m.slice(1)), translated: true };
  }
  return { text: message, translated: false };
}
