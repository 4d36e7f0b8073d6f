/**
 * The hub's refusal of a one-row batch, put next to the form's fields.
 *
 * The batch mutations refuse a batch with BAD_USER_INPUT (or FORBIDDEN for a
 * unit the account may not write) and `extensions.rowErrors`:
 * [{ row: 0, field: "durationMinutes", message: "must be a whole number from 0 to 1440" }],
 * where a list field names its element ("lawIds.2"). Arguments are named by
 * `extensions.problems[].path` (["rows", 0, "reach"]), and GraphQL's own
 * variable errors by their text ('… at "rows[0].startsAt"; …').
 * Whatever names no field of the form is kept as a general problem.
 */
import type { ErrorLike } from '../../app/errors';
import type { Lang } from '../../app/i18n';

export interface GeneralProblem {
  /** The row field the hub named, when it is not one of the form's (e.g. the fixed outlet). */
  field: string | null;
  message: string;
}

export interface ServerFieldErrors {
  /** The hub's messages for each of the form's fields, in its order of report. */
  fields: Record<string, string[]>;
  general: GeneralProblem[];
  /** extensions.code of the first GraphQL error; null for a transport failure. */
  code: string | null;
  /** True when the hub could not be reached (the write may or may not have happened). */
  network: boolean;
}

interface RowErrorLike {
  row?: unknown;
  field?: unknown;
  message?: unknown;
}

/** "lawIds.2" → "lawIds"; "rows[0].startsAt" → "startsAt". */
function baseField(path: string): string {
  return path.replace(/^rows\[\d+\]\./, '').split(/[.[]/)[0] ?? path;
}

export function mapServerErrors(error: ErrorLike, formFields: readonly string[]): ServerFieldErrors {
  const known = new Set(formFields);
  const fields: Record<string, string[]> = {};
  const general: GeneralProblem[] = [];
  const add = (field: string | null, message: string) => {
    const text = message.trim() || '—';
    if (field !== null && known.has(field)) {
      const list = (fields[field] ??= []);
      if (!list.includes(text)) list.push(text);
    } else if (!general.some((g) => g.field === field && g.message === text)) {
      general.push({ field, message: text });
    }
  };

  const gqlErrors = error.graphQLErrors ?? [];
  for (const e of gqlErrors) {
    const ext = e.extensions ?? {};
    const rowErrors = Array.isArray(ext.rowErrors) ? (ext.rowErrors as RowErrorLike[]) : [];
    const problems = Array.isArray(ext.problems) ? (ext.problems as { path?: unknown }[]) : [];
    if (rowErrors.length > 0) {
      for (const r of rowErrors) {
        const field = typeof r.field === 'string' && r.field ? baseField(r.field) : null;
        add(field, typeof r.message === 'string' ? r.message : e.message);
      }
      continue;
    }
    // An argument's problem: under rows it names a field; the message of the error says what is wrong.
    const named = problems
      .map((p) => (Array.isArray(p.path) ? p.path : []))
      .map((path) => (path[0] === 'rows' && typeof path[2] === 'string' ? path[2] : null));
    if (named.some((f) => f !== null)) {
      for (const f of named) add(f, e.message);
      continue;
    }
    const at = /at "(rows\[\d+\]\.[\w.[\]]+)"/.exec(e.message);
    if (at) {
      // GraphQL's message names the variable first; what follows the path says what is wrong.
      const reason = e.message.slice(at.index + at[0].length).replace(/^;\s*/, '');
      add(baseField(at[1]!), reason || e.message);
      continue;
    }
    add(null, e.message);
  }

  if (gqlErrors.length === 0) add(null, error.networkError?.message || error.message);
  const rawCode = gqlErrors[0]?.extensions?.code;
  return {
    fields,
    general,
    code: typeof rawCode === 'string' ? rawCode : null,
    network: gqlErrors.length === 0 && Boolean(error.networkError),
  };
}

// ---------- the hub's words in the reader's language ----------

/** The hub's messages a one-record form can meet, in Chinese; the hub writes them in English. */
const ZH_RULES: [RegExp, (...g: string[]) => string][] = [
  [/^required\b.*$/, () => '必填项，不能为空'],
  [/^must be a whole number from (\S+) to (\S+)$/, (a, b) => `须为 ${a} 至 ${b} 之间的整数`],
  [/^must be a number from (\S+) to (\S+)$/, (a, b) => `须为 ${a} 至 ${b} 之间的数`],
  [/^at most (\d+) characters$/, (n) => `不能超过 ${n} 个字`],
  [/^(\S+) is outside the item's window (\S+) … (\S+)$/, (d, a, b) => `${d} 不在该事项的时间范围 ${a} 至 ${b} 内`],
  [/^(\S+) is outside (\S+) … (\S+?)(?: \(one year from now\))?$/, (v, a, b) => `${v} 不在 ${a} 至 ${b} 之间`],
  [/^(\w+:\d+) does not exist$/, (id) => `${id} 不存在`],
  [/^"(.*)" is not a (\w+) id .*$/, (v) => `“${v}”不是有效的编号`],
  [/^Agency:\d+ did not exist on (\S+?),? .*$/, (d) => `该单位在 ${d} 不存在（尚未设立或已撤并）`],
  [/^Your account reports for (\S+?); .*$/, (own) => `您的账号只能填报 ${own} 的数据`],
  [/^Your account administers (\S+); (\S+) is not in that district$/, (d, a) => `您的账号管理 ${d}，${a} 不在该区`],
  [/^Your account \(\w+\) may not .*$/, () => '您的账号无权填报此类数据'],
  [/^the organiser cannot also be a co-organiser$/, () => '主办单位不能同时是协办单位'],
  [/^(ResponsibilityItem:\d+) belongs to (Agency:\d+), .*$/, (item, a) => `责任清单事项 ${item} 属于 ${a}，既不是主办单位也不是协办单位`],
  [/^must be null when attended is false.*$/, () => '未参训的人员不能有考试成绩'],
  [/^unknown .*$/, () => '无法识别的取值'],
];

/**
 * One of the hub's messages in `lang`: Chinese where the message is one the
 * form can meet, otherwise the hub's English (`translated` false, to be
 * marked lang="en").
 */
export function localizeServerMessage(message: string, lang: Lang): { text: string; translated: boolean } {
  if (lang !== 'zh-CN') return { text: message, translated: false };
  for (const [re, zh] of ZH_RULES) {
    const m = re.exec(message);
    if (m) return { text: zh(...m.slice(1)), translated: true };
  }
  return { text: message, translated: false };
}
