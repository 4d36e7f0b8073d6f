/**
 * File import of batches (CSV or XLSX): reading the bytes (encoding, format), matching the header
 * row to the columns of a kind, turning cells into a batch's row inputs (names and codes resolved
 * to ids set-based, labels to enum values), and mapping the batch's row errors back to the file's
 * rows and columns. The HTTP side is import.http.ts.
 *
 * Adding a kind is one entry in IMPORT_MAPPINGS: its columns (GraphQL field of the row input,
 * the template's Chinese header, the type of the cell, an example).
 */
import type { EntityManager } from '@mikro-orm/core';
import * as m from '@pufa/seeds';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { AUDIENCE_LABELS, FORM_LABELS, VENUE_LABELS } from '../../shared/labels.js';
import { parseGlobalId } from '../../shared/ids.js';
import type { ActivityRowInput } from './activity.ingest.js';
import type { AttendanceRowInput } from './attendance.ingest.js';
import type { BroadcastSlotRowInput } from './broadcast.ingest.js';
import type { SurveyResponseRow } from './survey.ingest.js';
import { MAX_BATCH_ROWS, type RowError } from './batch.service.js';

// ---------------------------------------------------------------------------------------------
// Column specifications
// ---------------------------------------------------------------------------------------------

/** A table whose rows a cell may name by id ("Region:12"), exact name or exact code. */
export interface RefSpec {
  /** Global-id type, e.g. "Region". */
  type: string;
  /** SQL table; null when only ids are accepted (no name or code to look up). */
  table: string | null;
  zh: string;
  en: string;
  /** Prefixes the stored names carry that people leave out ("中华人民共和国" of laws). */
  namePrefixes?: string[];
  /** Rows valid in time (valid_from / valid_to): a name shared by several picks the one valid on the row's date. */
  dated?: boolean;
  /** The columns a cell may name a row by: "name" and "code" unless said otherwise (null: no code). */
  nameColumn?: string;
  codeColumn?: string | null;
}

/** Accepted spellings of an enum value: its first entry is the label the template writes. */
export type EnumLabels = Record<string, string[]>;

export type CellType =
  | { kind: 'text' }
  | { kind: 'int' }
  | { kind: 'number' }
  | { kind: 'date' }
  /** A moment: "2019-06-01 20:00" (Asia/Shanghai unless an offset is written), or an Excel date-time cell. */
  | { kind: 'datetime' }
  | { kind: 'bool' }
  | { kind: 'enum'; values: readonly string[]; labels: EnumLabels; zh: string; en: string; many?: boolean }
  | { kind: 'ref'; ref: RefSpec; many?: boolean };

export interface ColumnSpec<Row> {
  /** Field of the row input (as in GraphQL), which the batch handler names in its row errors. */
  field: keyof Row & string;
  /** The template's header. The field name itself is always accepted too. */
  zh: string;
  /** Other headers accepted (case, spaces, a trailing "*" and a bracketed note are ignored). */
  aliases?: string[];
  type: CellType;
  required?: boolean;
  /** The template's example cell. */
  example: string | number | Date | null;
  /** One line for the template's notes sheet. */
  note?: string;
}

export interface ImportMapping<Row = any> {
  kind: string;
  /** What the file holds, for file names and messages. */
  zh: string;
  en: string;
  columns: ColumnSpec<Row>[];
  /** Query parameters copied into every row (e.g. waveId → the row's waveId) when the file has no such column. */
  fromQuery?: Record<string, keyof Row & string>;
  /** Field holding the row's date, for picking among dated references of the same name. */
  dateField?: keyof Row & string;
  /** Columns beyond the fixed ones, named by what is in the database (e.g. a survey's questions). */
  dynamic?: DynamicColumns<Row>;
}

export type Query = Record<string, string | undefined>;

/** Reads one cell of a dynamic column into the row; answers the field path it filled (e.g. "answers.2"), or null. */
export type CellReader = (row: Record<string, unknown>, raw: Raw, fail: (message: string, messageZh: string) => void) => string | null;

export interface DynamicColumns<Row> {
  /** The row field the dynamic columns fill: the handler's errors under it point at their columns. */
  field: keyof Row & string;
  zh: string;
  en: string;
  /** One look-up for every header that is none of the fixed columns: a reader for each it knows, or why not. */
  resolve(em: EntityManager, headers: string[], query: Query): Promise<Map<string, CellReader | { en: string; zh: string }>>;
  /** The template's dynamic columns (and examples for fixed ones), e.g. the questions of ?waveId=. */
  template(em: EntityManager, query: Query): Promise<{ columns: TemplateColumn[]; examples?: Record<string, string | number | Date | null> }>;
}

export interface TemplateColumn {
  header: string;
  example: string | number | Date | null;
  note: string;
  required?: boolean;
}

function labelsOf(pairs: Record<string, [string, string]>, extra: Record<string, string[]> = {}): EnumLabels {
  return Object.fromEntries(Object.entries(pairs).map(([value, [zh, en]]) => [value, [zh, en, ...(extra[value] ?? [])]]));
}

/** Key dates by the names people use for them. */
export const KEY_DATE_LABELS: EnumLabels = {
  CONSTITUTION_WEEK: ['宪法宣传周', 'Constitution week', '国家宪法日', '12·4国家宪法日', '12·4'],
  CONSUMER_RIGHTS_DAY: ['3·15国际消费者权益日', 'Consumer rights day', '国际消费者权益日', '消费者权益日', '3·15'],
  NATIONAL_SECURITY_DAY: ['4·15全民国家安全教育日', 'National security education day', '全民国家安全教育日', '国家安全教育日', '4·15'],
  CIVIL_CODE_MONTH: ['民法典宣传月', 'Civil code month'],
  WORK_SAFETY_MONTH: ['安全生产月', 'Work safety month'],
  ANTI_DRUG_DAY: ['6·26国际禁毒日', 'Anti-drug day', '国际禁毒日', '禁毒日', '6·26'],
  ENVIRONMENT_DAY: ['6·5环境日', 'Environment day', '环境日', '世界环境日', '6·5'],
  FOOD_SAFETY_WEEK: ['食品安全宣传周', 'Food safety week'],
  FIRE_SAFETY_DAY: ['11·9消防宣传日', 'Fire safety day', '消防宣传日', '消防日', '11·9'],
  TAX_MONTH: ['全国税收宣传月', 'Tax month', '税收宣传月'],
};

export const REFS = {
  region: { type: 'Region', table: 'region', zh: '地区', en: 'region' },
  agency: { type: 'Agency', table: 'agency', zh: '单位', en: 'agency', dated: true },
  law: { type: 'Law', table: 'law', zh: '法律法规', en: 'law', namePrefixes: ['中华人民共和国'] },
  domain: { type: 'EnforcementDomain', table: 'enforcement_domain', zh: '执法领域', en: 'enforcement domain' },
  item: { type: 'ResponsibilityItem', table: null, zh: '责任清单事项', en: 'responsibility item' },
  outlet: { type: 'MediaOutlet', table: 'media_outlet', zh: '媒体', en: 'media outlet' },
  wave: { type: 'SurveyWave', table: 'survey_wave', zh: '调查批次', en: 'survey wave' },
  session: { type: 'TrainingSession', table: 'training_session', zh: '培训班', en: 'training session', nameColumn: 'title', codeColumn: null },
} satisfies Record<string, RefSpec>;

export const SLOT_KIND_LABELS: EnumLabels = {
  PROGRAMME: ['专题节目', 'Programme', '节目'], COLUMN: ['专栏', 'Column', '栏目'], PUBLIC_SERVICE_AD: ['公益广告', 'Public service ad'],
  MICRO_VIDEO: ['微视频', 'Micro video', '短视频'], ANIMATION: ['动漫', 'Animation', '动画'], LIVE_STREAM: ['直播', 'Live stream', '网络直播'],
};
export const AGE_BAND_LABELS: EnumLabels = {
  UNDER_18: ['18岁以下', 'Under 18', '未满18岁'], AGE_18_29: ['18–29岁', '18–29'], AGE_30_44: ['30–44岁', '30–44'],
  AGE_45_59: ['45–59岁', '45–59'], AGE_60_PLUS: ['60岁及以上', '60 and over', '60岁以上', '60+'],
};
export const OCCUPATION_LABELS: EnumLabels = {
  STUDENT: ['学生', 'Student'], FARMER_HERDER: ['农牧民', 'Farmer or herder', '农民', '牧民'], WORKER: ['工人', 'Worker'],
  ENTERPRISE_STAFF: ['企业职工', 'Enterprise staff', '企业员工'], SELF_EMPLOYED: ['个体经营者', 'Self-employed', '个体户', '个体工商户'],
  CIVIL_SERVANT: ['公务员', 'Civil servant', '国家工作人员', '机关事业单位人员'], RETIRED: ['离退休人员', 'Retired', '退休', '离退休'], OTHER: ['其他', 'Other'],
};
/** Satisfaction on the 1–5 scale by its usual words; "don't know" is an answer without a score. */
const SATISFACTION_WORDS: Record<string, number> = { 非常满意: 5, 很满意: 5, 满意: 4, 比较满意: 4, 基本满意: 3, 一般: 3, 不太满意: 2, 不满意: 2, 非常不满意: 1, 很不满意: 1 };
const DONT_KNOW = ['不知道', '说不清', '不清楚', '不好说', "don'tknow", 'dontknow', 'unknown'];
const YES = ['是', 'true', 'yes', 'y', '1', '√', '✓', '对', '有'];
const NO = ['否', 'false', 'no', 'n', '0', '×', '✗', '错', '无'];

const ACTIVITIES: ImportMapping<ActivityRowInput> = {
  kind: 'activities',
  zh: '普法活动',
  en: 'activities',
  dateField: 'date',
  columns: [
    { field: 'title', zh: '活动名称', aliases: ['名称'], type: { kind: 'text' }, required: true, example: '宪法宣传周法治讲座' },
    { field: 'date', zh: '日期', aliases: ['活动日期'], type: { kind: 'date' }, required: true, example: new Date(Date.UTC(2019, 11, 4)), note: 'YYYY-MM-DD 或 YYYY/M/D' },
    { field: 'regionId', zh: '地点', aliases: ['地区', 'region'], type: { kind: 'ref', ref: REFS.region }, required: true, example: '新华街道', note: '区、街道或社区的名称、代码或编号（Region:12）' },
    { field: 'organiserId', zh: '主办单位', aliases: ['organiser', 'organizer', 'organizerId'], type: { kind: 'ref', ref: REFS.agency }, required: true, example: '市司法局', note: '单位名称、代码或编号（Agency:3）' },
    { field: 'coOrganiserIds', zh: '协办单位', aliases: ['coOrganisers', 'coOrganizerIds'], type: { kind: 'ref', ref: REFS.agency, many: true }, example: null, note: '多个用“、”“;”或“,”分隔' },
    { field: 'itemIds', zh: '责任清单事项', aliases: ['items'], type: { kind: 'ref', ref: REFS.item, many: true }, example: null, note: '事项编号（ResponsibilityItem:12），多个用“、”分隔' },
    { field: 'lawIds', zh: '法律法规', aliases: ['laws'], type: { kind: 'ref', ref: REFS.law, many: true }, example: '宪法', note: '名称、代码或编号，多个用“、”分隔' },
    { field: 'form', zh: '形式', aliases: ['活动形式'], type: { kind: 'enum', values: m.FORMS, labels: labelsOf(FORM_LABELS), zh: '活动形式', en: 'form' }, required: true, example: '法治讲座' },
    { field: 'venueType', zh: '场所类型', aliases: ['场所'], type: { kind: 'enum', values: m.VENUE_TYPES, labels: labelsOf(VENUE_LABELS), zh: '场所类型', en: 'venue type' }, example: '进社区' },
    { field: 'audiences', zh: '对象', aliases: ['受众', '宣传对象'], type: { kind: 'enum', values: m.AUDIENCES, labels: labelsOf(AUDIENCE_LABELS), zh: '对象', en: 'audience', many: true }, example: '社区居民、老年人', note: '多个用“、”分隔' },
    { field: 'domainId', zh: '领域', aliases: ['执法领域', 'domain'], type: { kind: 'ref', ref: REFS.domain }, example: null, note: '执法领域名称、代码或编号' },
    { field: 'troupe', zh: '演出团队', aliases: ['团队'], type: { kind: 'text' }, example: null },
    { field: 'participants', zh: '参与人次', type: { kind: 'int' }, example: 120 },
    { field: 'materials', zh: '发放资料', aliases: ['发放资料份数'], type: { kind: 'int' }, example: 300 },
    { field: 'consultations', zh: '解答咨询', aliases: ['解答咨询人次'], type: { kind: 'int' }, example: 15 },
    { field: 'onlineViews', zh: '在线浏览', aliases: ['在线浏览量'], type: { kind: 'int' }, example: 0 },
    { field: 'keyDate', zh: '重要节点', aliases: ['节点'], type: { kind: 'enum', values: m.KEY_DATES, labels: KEY_DATE_LABELS, zh: '重要节点', en: 'key date' }, example: '宪法宣传周' },
  ],
};

const BROADCAST_SLOTS: ImportMapping<BroadcastSlotRowInput> = {
  kind: 'broadcast-slots',
  zh: '媒体刊播',
  en: 'broadcast slots',
  columns: [
    { field: 'outletId', zh: '媒体', aliases: ['outlet'], type: { kind: 'ref', ref: REFS.outlet }, required: true, example: '综合广播', note: '媒体名称、代码或编号（MediaOutlet:1）' },
    { field: 'channel', zh: '频道', aliases: ['频道/版面', '版面', '频率'], type: { kind: 'text' }, required: true, example: 'FM93.5', note: '频道、版面或屏幕' },
    { field: 'programme', zh: '节目名称', aliases: ['节目', '栏目', 'program', 'programName'], type: { kind: 'text' }, required: true, example: '法治天天讲' },
    { field: 'kind', zh: '类型', aliases: ['节目类型', 'slotKind'], type: { kind: 'enum', values: m.SLOT_KINDS, labels: SLOT_KIND_LABELS, zh: '类型', en: 'slot kind' }, required: true, example: '专题节目' },
    { field: 'startsAt', zh: '播出时间', aliases: ['开始时间', '刊播时间', '播出日期'], type: { kind: 'datetime' }, required: true, example: '2019-06-01 20:00', note: 'YYYY-MM-DD HH:MM（北京时间）' },
    { field: 'durationMinutes', zh: '时长（分钟）', aliases: ['时长', 'duration'], type: { kind: 'int' }, required: true, example: 15 },
    { field: 'primeTime', zh: '重要时段', aliases: ['重要版面', '黄金时段', '重要时段/版面'], type: { kind: 'bool' }, required: true, example: '是', note: '是/否' },
    { field: 'partnerAgencyId', zh: '合作单位', aliases: ['partnerAgency'], type: { kind: 'ref', ref: REFS.agency }, example: '市司法局', note: '单位名称、代码或编号' },
    { field: 'domainId', zh: '领域', aliases: ['执法领域', 'domain'], type: { kind: 'ref', ref: REFS.domain }, example: null, note: '执法领域名称、代码或编号' },
    { field: 'reach', zh: '覆盖人次', aliases: ['受众人次', '收听收看人次'], type: { kind: 'int' }, required: true, example: 800 },
  ],
};

const ATTENDANCE: ImportMapping<AttendanceRowInput> = {
  kind: 'attendance',
  zh: '培训参训',
  en: 'attendance',
  columns: [
    { field: 'sessionId', zh: '培训班', aliases: ['培训班名称', 'session'], type: { kind: 'ref', ref: REFS.session }, required: true, example: '骨干培训班', note: '培训班名称或编号（TrainingSession:1）' },
    { field: 'agencyId', zh: '单位', aliases: ['所在单位', 'agency'], type: { kind: 'ref', ref: REFS.agency }, required: true, example: '市司法局', note: '单位名称、代码或编号' },
    { field: 'attendee', zh: '姓名', aliases: ['参训人员', '工号'], type: { kind: 'text' }, required: true, example: '张三', note: '姓名或工号' },
    { field: 'leadingCadre', zh: '领导干部', aliases: ['是否领导干部'], type: { kind: 'bool' }, required: true, example: '否', note: '是/否' },
    { field: 'required', zh: '应参训', aliases: ['是否应参训'], type: { kind: 'bool' }, required: true, example: '是', note: '是/否（计入参训率）' },
    { field: 'attended', zh: '实际参训', aliases: ['是否参训', '参训'], type: { kind: 'bool' }, required: true, example: '是', note: '是/否' },
    { field: 'hours', zh: '学时', aliases: ['参训学时'], type: { kind: 'number' }, required: true, example: 12 },
    { field: 'score', zh: '考试成绩', aliases: ['成绩'], type: { kind: 'number' }, example: 90, note: '0–100；未考试或未参训留空' },
  ],
};

/** A survey's questions are columns: headed by the question's text (as in the wave) or its id, e.g. "您是否了解宪法？（SurveyQuestion:1）". */
const SURVEY_QUESTIONS: DynamicColumns<SurveyResponseRow> = {
  field: 'answers',
  zh: '题目',
  en: 'question',
  async resolve(em, headers, query) {
    const out = new Map<string, CellReader | { en: string; zh: string }>();
    if (!headers.length) return out;
    const waveId = waveParam(query.waveId);
    const byId = new Map(headers.map((h) => [h, /SurveyQuestion:(\d{1,15})/.exec(h)?.[1]]));
    const ids = [...new Set([...byId.values()].filter((x): x is string => !!x).map(Number))];
    const texts = headers.map((h) => h.trim());
    const found: { id: number; wave_id: number; kind: string; text: string }[] = await em.getConnection().execute(
      `select id, wave_id, kind, text from survey_question where id in (?) or text in (?) order by id`, [ids.length ? ids : [-1], texts], 'all', em.getTransactionContext());
    for (const header of headers) {
      const id = byId.get(header);
      let matches = id ? found.filter((q) => q.id === Number(id)) : found.filter((q) => q.text === header.trim());
      if (!id && matches.length > 1 && waveId) matches = matches.filter((q) => q.wave_id === waveId);
      if (matches.length === 1) out.set(header, answerReader(matches[0]!));
      else if (matches.length > 1) {
        out.set(header, {
          en: `"${header}" is the text of questions of several waves (${matches.map((q) => `SurveyQuestion:${q.id}`).join(', ')}): give ?waveId=, or head the column with the question's id`,
          zh: `“${header}”对应多个调查批次的题目（${matches.map((q) => `SurveyQuestion:${q.id}`).join('、')}）：请在地址中加 ?waveId=，或在列名中写明题目编号`,
        });
      }
    }
    return out;
  },
  async template(em, query) {
    const conn = em.getConnection();
    const wanted = waveParam(query.waveId);
    const [wave]: { id: number; code: string }[] = await conn.execute(
      wanted ? `select id, code from survey_wave where id = ?` : `select id, code from survey_wave order by starts_on desc, id desc limit 1`, wanted ? [wanted] : []);
    if (!wave) return { columns: [] };
    const questions: { id: number; kind: string; text: string }[] = await conn.execute(`select id, kind, text from survey_question where wave_id = ? order by id`, [wave.id]);
    return {
      examples: { waveId: wave.code },
      columns: questions.map((q) => ({
        header: `${q.text}（SurveyQuestion:${q.id}）`,
        example: q.kind === 'AWARENESS' ? '是' : 4,
        note: q.kind === 'AWARENESS' ? '知晓题：是/否（留空为未答）' : '满意度题：1–5 或 非常满意/满意/基本满意/不满意/非常不满意，“不知道”也可（留空为未答）',
      })),
    };
  },
};

function waveParam(value: string | undefined): number | null {
  const match = value ? /^(?:SurveyWave:)?(\d{1,15})$/.exec(value.trim()) : null;
  return match ? Number(match[1]) : null;
}

function answerReader(q: { id: number; kind: string }): CellReader {
  return (row, raw, fail) => {
    const text = cellText(raw);
    if (text === '') return null;
    const word = normLabel(text);
    let aware: boolean | null = null;
    let satisfaction: number | null = null;
    if (q.kind === 'AWARENESS') {
      const yes = typeof raw === 'boolean' ? raw : [...YES, '知道', '了解', '听说过'].some((w) => normLabel(w) === word) ? true : [...NO, '不知道', '不了解', '没听说过'].some((w) => normLabel(w) === word) ? false : null;
      if (yes === null) {
        fail(`"${text.slice(0, 40)}" is not an answer to an awareness question: yes or no (是/否, 知道/不知道)`, `“${text.slice(0, 40)}”不是知晓题的答案，请填“是”或“否”（知道/不知道）`);
        return null;
      }
      aware = yes;
    } else if (!DONT_KNOW.some((w) => normLabel(w) === word)) {
      satisfaction = typeof raw === 'number' ? raw : /^\d+(\.\d+)?$/.test(text) ? Number(text) : SATISFACTION_WORDS[text] ?? NaN;
      if (!Number.isFinite(satisfaction)) {
        fail(`"${text.slice(0, 40)}" is not a satisfaction score: 1–5, 非常满意 … 非常不满意, or 不知道`, `“${text.slice(0, 40)}”不是满意度，请填 1–5、非常满意……非常不满意，或“不知道”`);
        return null;
      }
    }
    const answers = (row.answers ??= []) as { questionId: string; aware: boolean | null; satisfaction: number | null }[];
    answers.push({ questionId: `SurveyQuestion:${q.id}`, aware, satisfaction });
    return `answers.${answers.length - 1}`;
  };
}

const SURVEY_RESPONSES: ImportMapping<SurveyResponseRow> = {
  kind: 'survey-responses',
  zh: '问卷调查',
  en: 'survey responses',
  fromQuery: { waveId: 'waveId' },
  dynamic: SURVEY_QUESTIONS,
  columns: [
    { field: 'waveId', zh: '调查批次', aliases: ['wave'], type: { kind: 'ref', ref: REFS.wave }, example: 'W2019', note: '调查批次名称、代码或编号；也可在地址中给出 ?waveId=' },
    { field: 'respondentRef', zh: '问卷编号', aliases: ['编号'], type: { kind: 'text' }, required: true, example: 'Q-0001', note: '同一批次内唯一；重发同一编号会替换原问卷' },
    { field: 'districtId', zh: '所在区', aliases: ['区', 'district'], type: { kind: 'ref', ref: REFS.region }, required: true, example: '海勃湾区', note: '区的名称、代码或编号' },
    { field: 'ageBand', zh: '年龄段', aliases: ['年龄'], type: { kind: 'enum', values: m.AGE_BANDS, labels: AGE_BAND_LABELS, zh: '年龄段', en: 'age band' }, required: true, example: '30–44岁' },
    { field: 'occupation', zh: '职业', type: { kind: 'enum', values: m.OCCUPATIONS, labels: OCCUPATION_LABELS, zh: '职业', en: 'occupation' }, required: true, example: '企业职工' },
    { field: 'submittedOn', zh: '填写日期', aliases: ['日期', '提交日期'], type: { kind: 'date' }, required: true, example: new Date(Date.UTC(2019, 8, 10)) },
  ],
};

/** Every kind that can be imported from a file, by the name in /import/<kind> (a key of BATCH_HANDLERS). */
export const IMPORT_MAPPINGS: Record<string, ImportMapping> = {
  activities: ACTIVITIES,
  'broadcast-slots': BROADCAST_SLOTS,
  attendance: ATTENDANCE,
  'survey-responses': SURVEY_RESPONSES,
};

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/** A problem with one cell (or the header) of the file: the sheet's row number (header = 1) and the column as written. */
export interface FileRowError {
  row: number;
  column: string;
  field: string;
  message: string;
  messageZh: string;
}

export type ImportErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'CONFLICT' | 'NOT_FOUND' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE' | 'INTERNAL_SERVER_ERROR';

const STATUS: Record<ImportErrorCode, number> = {
  BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, PAYLOAD_TOO_LARGE: 413, UNSUPPORTED_MEDIA_TYPE: 415, INTERNAL_SERVER_ERROR: 500,
};

export class ImportError extends Error {
  readonly status: number;
  constructor(readonly code: ImportErrorCode, message: string, readonly messageZh: string, readonly rowErrors: FileRowError[] = []) {
    super(message);
    this.status = STATUS[code];
  }

  toJSON() {
    return { error: { code: this.code, message: this.message, messageZh: this.messageZh, rowErrors: this.rowErrors.slice(0, 1000) } };
  }
}

const SAVE_AS = { en: 'Save the sheet as "CSV UTF-8 (comma delimited)" or as an Excel workbook (.xlsx) and import that.', zh: '请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或 Excel 工作簿（.xlsx）后再导入。' };

export function rowErrorsError(errors: FileRowError[], forbidden: boolean): ImportError {
  const sorted = [...errors].sort((a, b) => a.row - b.row);
  const first = sorted[0]!;
  const rows = new Set(sorted.map((e) => e.row)).size;
  return new ImportError(
    forbidden ? 'FORBIDDEN' : 'BAD_USER_INPUT',
    `The file was refused and nothing was written: ${sorted.length} problem${sorted.length === 1 ? '' : 's'} in ${rows} row${rows === 1 ? '' : 's'}; first: row ${first.row}, column "${first.column}": ${first.message}`,
    `文件未导入，未写入任何数据：共 ${sorted.length} 处问题，涉及 ${rows} 行；第一处：第 ${first.row} 行“${first.column}”列：${first.messageZh}`,
    sorted,
  );
}

// ---------------------------------------------------------------------------------------------
// Reading the bytes: XLSX or CSV (UTF-8, or GB18030/GBK)
// ---------------------------------------------------------------------------------------------

export type Raw = string | number | boolean | Date | null;

/** The sheet as read: every row with its number in the sheet (1-based, as a spreadsheet shows it). */
export interface Sheet {
  format: 'csv' | 'xlsx';
  encoding?: 'utf-8' | 'gb18030';
  rows: { number: number; cells: Raw[] }[];
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Uncompressed size of an XLSX (all its parts) above which it is refused: a small upload must not unpack into gigabytes. */
const MAX_XLSX_UNPACKED = 200 * 1024 * 1024;
/** More rows than a batch holds are not read: the sheet is refused as soon as they are seen. */
const MAX_SHEET_ROWS = MAX_BATCH_ROWS + 100;

const isZip = (b: Buffer) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Buffer) => b.length >= 8 && b.readUInt32BE(0) === 0xd0cf11e0 && b.readUInt32BE(4) === 0xa1b11ae1;

/** Reads the bytes of an upload as a sheet; `declared` is the request's media type (without parameters). */
export async function readSheet(bytes: Buffer, declared: string): Promise<Sheet> {
  if (bytes.length === 0) throw new ImportError('BAD_USER_INPUT', 'The file is empty.', '文件为空。');
  if (isZip(bytes)) return readXlsx(bytes);
  if (isOle(bytes)) {
    throw new ImportError('UNSUPPORTED_MEDIA_TYPE', `This is an Excel 97–2003 workbook (.xls) or a password-protected workbook, which cannot be read. ${SAVE_AS.en} (without a password)`, `这是 Excel 97–2003 工作簿（.xls）或加密的工作簿，无法读取。${SAVE_AS.zh}（不要设置密码）`);
  }
  if (declared === XLSX_TYPE) {
    throw new ImportError('BAD_USER_INPUT', 'The file was sent as XLSX but is not an Excel workbook (an .xlsx file is a ZIP archive). Open it in Excel and save it again as .xlsx, or send it as CSV.', '文件声明为 XLSX，但不是 Excel 工作簿（.xlsx 文件应为 ZIP 格式）。请在 Excel 中重新另存为 .xlsx，或改为导入 CSV。');
  }
  return readCsv(bytes);
}

function readCsv(bytes: Buffer): Sheet {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ImportError('UNSUPPORTED_MEDIA_TYPE', `The file is UTF-16 text (Excel's "Unicode text"), which is not accepted. ${SAVE_AS.en}`, `文件为 UTF-16 编码（Excel 的“Unicode 文本”），不支持。${SAVE_AS.zh}`);
  }
  const notText = new ImportError('UNSUPPORTED_MEDIA_TYPE', `The file is neither CSV text in UTF-8 or GB18030/GBK nor an XLSX workbook. ${SAVE_AS.en}`, `文件既不是 UTF-8 或 GB18030/GBK 编码的 CSV 文本，也不是 XLSX 工作簿。${SAVE_AS.zh}`);
  let text: string;
  let encoding: 'utf-8' | 'gb18030';
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    encoding = 'utf-8';
  } catch {
    // Not UTF-8: Excel's "CSV (comma delimited)" on a Chinese Windows writes GBK (a subset of GB18030).
    text = iconv.decode(bytes, 'gb18030');
    encoding = 'gb18030';
    if (text.includes('\uFFFD')) throw notText;
  }
  // Control characters (NUL, …) do not occur in a CSV someone typed: this is a binary file.
  if (/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.test(text)) throw notText;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter: sniffDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      to: MAX_SHEET_ROWS + 1,
    }) as string[][];
  } catch (err) {
    const e = err as Error & { code?: string; lines?: number };
    if (encoding === 'gb18030') throw notText;
    throw new ImportError('BAD_USER_INPUT', `The CSV could not be read (${e.message}). Check that quotes are paired, or save the sheet from Excel again.`, `无法读取 CSV 文件（第 ${e.lines ?? '?'} 行附近引号不配对或格式有误）。请检查引号，或从 Excel 重新另存。`);
  }
  return { format: 'csv', encoding, rows: records.map((cells, i) => ({ number: i + 1, cells: cells.map((c) => (c === '' ? null : c)) })) };
}

/** Comma, unless the first line clearly uses tabs or semicolons (some locales' "CSV"). */
function sniffDelimiter(text: string): string {
  const line = text.slice(0, 4096).split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const count = (ch: string) => line.split(ch).length - 1;
  const [best] = [',', '\t', ';'].map((d) => [d, count(d)] as const).sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ',';
}

/** Total uncompressed size of a ZIP's entries from its central directory, or null when the directory is damaged. */
function zipUnpackedSize(b: Buffer): number | null {
  const min = Math.max(0, b.length - 22 - 0xffff);
  for (let eocd = b.length - 22; eocd >= min; eocd--) {
    if (b.readUInt32LE(eocd) !== 0x06054b50) continue;
    const entries = b.readUInt16LE(eocd + 10);
    let p = b.readUInt32LE(eocd + 16);
    let total = 0;
    for (let i = 0; i < entries; i++) {
      if (p + 46 > b.length || b.readUInt32LE(p) !== 0x02014b50) return null;
      const size = b.readUInt32LE(p + 24);
      // ZIP64 sizes (0xFFFFFFFF) are far beyond any sheet we accept.
      total += size === 0xffffffff ? Number.MAX_SAFE_INTEGER / 2 : size;
      p += 46 + b.readUInt16LE(p + 28) + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
    }
    return total;
  }
  return null;
}

async function readXlsx(bytes: Buffer): Promise<Sheet> {
  const damaged = (why: string) => new ImportError('BAD_USER_INPUT', `The file could not be read as an Excel workbook (${why}). Open it in Excel and save it again as .xlsx, or send it as CSV.`, `无法读取该 Excel 工作簿（文件已损坏或不是 .xlsx 格式）。请在 Excel 中重新另存为 .xlsx，或改为导入 CSV。`);
  const unpacked = zipUnpackedSize(bytes);
  if (unpacked === null) throw damaged('the ZIP archive is damaged or incomplete');
  if (unpacked > MAX_XLSX_UNPACKED) {
    throw new ImportError('PAYLOAD_TOO_LARGE', `The workbook unpacks to more than ${MAX_XLSX_UNPACKED / 1024 / 1024} MB; a batch holds at most ${MAX_BATCH_ROWS} rows. Remove other sheets and pictures, or split it.`, `该工作簿解压后超过 ${MAX_XLSX_UNPACKED / 1024 / 1024} MB；每批最多 ${MAX_BATCH_ROWS} 行。请删除其他工作表和图片，或拆分后导入。`);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer, { ignoreNodes: ['dataValidations', 'conditionalFormatting', 'hyperlinks', 'drawing', 'picture'] });
  } catch (err) {
    throw damaged((err as Error).message?.slice(0, 200) || 'unreadable');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw damaged('it has no worksheet');
  const rows: Sheet['rows'] = [];
  let tooMany = false;
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (rows.length > MAX_SHEET_ROWS) { tooMany = true; return; }
    const values = row.values as ExcelJS.CellValue[];
    const cells: Raw[] = [];
    for (let c = 1; c < values.length; c++) cells.push(cellRaw(values[c]));
    rows.push({ number, cells });
  });
  if (tooMany) throw tooManyRows();
  return { format: 'xlsx', rows };
}

function cellRaw(v: ExcelJS.CellValue): Raw {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((t) => t.text).join('') || null;
  if ('error' in v) return v.error;
  if ('formula' in v || 'sharedFormula' in v) return v.result === undefined ? null : cellRaw(v.result as ExcelJS.CellValue);
  if ('hyperlink' in v) return cellRaw(v.text as ExcelJS.CellValue);
  return String(v);
}

function tooManyRows(): ImportError {
  return new ImportError('BAD_USER_INPUT', `The file has more than ${MAX_BATCH_ROWS} data rows; a batch holds at most ${MAX_BATCH_ROWS}. Split it into several files, each imported with its own Idempotency-Key.`, `文件超过 ${MAX_BATCH_ROWS} 行数据；每批最多 ${MAX_BATCH_ROWS} 行。请拆分为多个文件，分别使用不同的 Idempotency-Key 导入。`);
}

// ---------------------------------------------------------------------------------------------
// From the sheet to the batch's row inputs
// ---------------------------------------------------------------------------------------------

export interface ParsedFile {
  /** Row inputs for the batch handler, in file order. */
  rows: Record<string, unknown>[];
  /** The sheet's row number of each row input. */
  sheetRows: number[];
  /** The header as written in the file, by field. */
  headers: Map<string, string>;
  /** Per row: the header of each field path a dynamic column filled (e.g. "answers.2" → the question's header). */
  cellColumns: Map<string, string>[];
  /** Problems found while reading cells (unknown names, bad numbers and dates). */
  errors: FileRowError[];
}

const normHeader = (h: string) => h.replace(/^\uFEFF/, '').replace(/[（(［[【][^）)］\]】]*[）)］\]】]/g, '').replace(/[\s*＊:：]/g, '').toLowerCase();
const normLabel = (s: string) => s.replace(/[\s“”"'‘’《》「」_\-–—~～至]/g, '').replace(/[•・.．]/g, '·').toLowerCase();
const ymd = (d: Date) => d.toISOString().slice(0, 10);
const cellText = (raw: Raw) => (raw === null ? '' : raw instanceof Date ? ymd(raw) : String(raw).trim());

function headerIndex(mapping: ImportMapping): Map<string, ColumnSpec<any>> {
  const index = new Map<string, ColumnSpec<any>>();
  for (const col of mapping.columns) for (const name of [col.zh, col.field, ...(col.aliases ?? [])]) index.set(normHeader(name), col);
  return index;
}

/** The header row: the first of the first rows that names two known columns (a title row above it is skipped). */
function findHeader(sheet: Sheet, index: Map<string, ColumnSpec<any>>): number {
  const candidates = sheet.rows.filter((r) => r.cells.some((c) => c !== null)).slice(0, 10);
  const known = (r: Sheet['rows'][number]) => r.cells.filter((c) => c !== null && index.has(normHeader(String(c)))).length;
  return sheet.rows.indexOf(candidates.find((r) => known(r) >= 2) ?? candidates[0]!);
}

/** True when the sheet's first rows name at least one known column (used to tell a mis-decoded CSV). */
export function looksLikeHeader(mapping: ImportMapping, sheet: Sheet): boolean {
  const index = headerIndex(mapping);
  return sheet.rows.slice(0, 10).some((r) => r.cells.some((c) => c !== null && index.has(normHeader(String(c)))));
}

interface PendingRef {
  row: number;
  spec: ColumnSpec<any>;
  field: string;
  token: string;
  set: (id: string) => void;
}

const MISSING = Symbol('missing');

/**
 * Turns the sheet into row inputs: header matching, cell conversion, and one look-up per
 * referenced table for the names and codes the file uses. A bad cell never throws: every
 * problem is an entry of `errors`; a file without a usable header or data throws ImportError.
 */
export async function sheetToRows(em: EntityManager, mapping: ImportMapping, sheet: Sheet, query: Query = {}): Promise<ParsedFile> {
  const index = headerIndex(mapping);
  if (sheet.rows.every((r) => r.cells.every((c) => c === null))) throw new ImportError('BAD_USER_INPUT', 'The file has no rows.', '文件中没有任何内容。');
  const h = findHeader(sheet, index);
  const headerRow = sheet.rows[h]!;
  const errors: FileRowError[] = [];
  const headerError = (column: string, field: string, message: string, messageZh: string) => errors.push({ row: headerRow.number, column, field, message, messageZh });

  // Header: every named column must be known, each at most once, and the required ones present.
  const columns: { at: number; spec: ColumnSpec<any>; header: string }[] = [];
  const headers = new Map<string, string>();
  const unnamed: number[] = [];
  const others: { at: number; header: string }[] = [];
  headerRow.cells.forEach((cell, at) => {
    const header = cell === null ? '' : String(cell).trim();
    if (!header) { unnamed.push(at); return; }
    const spec = index.get(normHeader(header));
    if (!spec) others.push({ at, header });
    else if (headers.has(spec.field)) {
      headerError(header, spec.field, `Column "${header}" repeats column "${headers.get(spec.field)}" (both are ${spec.field})`, `“${header}”列与“${headers.get(spec.field)}”列重复（都是${spec.zh}）`);
    } else {
      headers.set(spec.field, header);
      columns.push({ at, spec, header });
    }
  });
  const dynamic = mapping.dynamic && others.length ? await mapping.dynamic.resolve(em, others.map((o) => o.header), query) : new Map<string, CellReader | { en: string; zh: string }>();
  const readers: { at: number; header: string; read: CellReader }[] = [];
  for (const { at, header } of others) {
    const found = dynamic.get(header);
    if (typeof found === 'function') readers.push({ at, header, read: found });
    else if (found) headerError(header, mapping.dynamic!.field, found.en, found.zh);
    else {
      const extra = mapping.dynamic ? { en: `, or a ${mapping.dynamic.en} (its text or id)`, zh: `，或${mapping.dynamic.zh}（题目原文或编号）` } : { en: '', zh: '' };
      headerError(header, '', `Unknown column "${header}". Known columns: ${mapping.columns.map((c) => `${c.zh} (${c.field})`).join(', ')}${extra.en}`, `无法识别的列“${header}”。可用的列：${mapping.columns.map((c) => c.zh).join('、')}${extra.zh}`);
    }
  }
  for (const spec of mapping.columns) {
    const fromQuery = Object.entries(mapping.fromQuery ?? {}).some(([param, field]) => field === spec.field && query[param]);
    if (spec.required && !headers.has(spec.field) && !fromQuery) {
      headerError(spec.zh, spec.field, `Column "${spec.zh}" (${spec.field}) is missing; it is required`, `缺少必填列“${spec.zh}”（${spec.field}）`);
    }
  }
  if (errors.length) throw rowErrorsError(errors, false);

  const data = sheet.rows.slice(h + 1).filter((r) => r.cells.some((c) => c !== null && String(c).trim() !== ''));
  if (data.length === 0) throw new ImportError('BAD_USER_INPUT', 'The file has a header row but no data rows.', '文件只有表头，没有数据行。');
  if (data.length > MAX_BATCH_ROWS) throw tooManyRows();

  const rows: Record<string, unknown>[] = [];
  const sheetRows: number[] = [];
  const cellColumns: Map<string, string>[] = [];
  const pending: PendingRef[] = [];
  data.forEach((r, i) => {
    const out: Record<string, unknown> = {};
    const paths = new Map<string, string>();
    const fail = (header: string, field: string, message: string, messageZh: string) => errors.push({ row: r.number, column: header, field, message, messageZh });
    for (const at of unnamed) {
      const v = r.cells[at];
      if (v !== null && v !== undefined && String(v).trim() !== '') {
        fail(`#${at + 1}`, '', `Column ${at + 1} has a value but no header; name the column or clear it`, `第 ${at + 1} 列有内容但没有表头：请填写列名或清空该列`);
        break;
      }
    }
    for (const { at, spec, header } of columns) {
      const value = convert(spec, r.cells[at] ?? null, (field, en, zh) => fail(header, field, en, zh), (ref) => pending.push({ ...ref, row: i }));
      if (value !== MISSING) out[spec.field] = value;
    }
    for (const { at, header, read } of readers) {
      const path = read(out, r.cells[at] ?? null, (en, zh) => fail(header, mapping.dynamic!.field, en, zh));
      if (path) paths.set(path, header);
    }
    if (mapping.dynamic && out[mapping.dynamic.field] === undefined) out[mapping.dynamic.field] = [];
    for (const [param, field] of Object.entries(mapping.fromQuery ?? {})) {
      const value = query[param];
      if (value !== undefined && value !== '' && out[field] === undefined) out[field] = value;
    }
    rows.push(out);
    sheetRows.push(r.number);
    cellColumns.push(paths);
  });

  await resolveRefs(em, mapping, rows, pending, (p, en, zh) => errors.push({ row: sheetRows[p.row]!, column: headers.get(p.spec.field)!, field: p.field, message: en, messageZh: zh }));
  return { rows, sheetRows, headers, cellColumns, errors };
}

type Fail = (field: string, message: string, messageZh: string) => void;

function convert(spec: ColumnSpec<any>, raw: Raw, fail: Fail, later: (ref: Omit<PendingRef, 'row'>) => void): unknown {
  const text = cellText(raw);
  const t = spec.type;
  if (text === '') {
    if (spec.required) fail(spec.field, 'Required: this cell is empty', '必填项，不能为空');
    return MISSING;
  }
  switch (t.kind) {
    case 'text':
      return text;
    case 'int':
    case 'number': {
      const bare = text.replace(/\s/g, '');
      const n = typeof raw === 'number' ? raw : /^[+-]?\d{1,3}([,，]\d{3})+(\.\d+)?$|^[+-]?\d+(\.\d+)?$/.test(bare) ? Number(bare.replace(/[,，]/g, '')) : NaN;
      if (!Number.isFinite(n)) {
        fail(spec.field, `"${text.slice(0, 40)}" is not a number`, `“${text.slice(0, 40)}”不是数字`);
        return MISSING;
      }
      return n;
    }
    case 'bool': {
      if (typeof raw === 'boolean') return raw;
      const v = normLabel(text);
      if (YES.includes(v)) return true;
      if (NO.includes(v)) return false;
      fail(spec.field, `"${text.slice(0, 40)}" is not yes or no (是/否)`, `“${text.slice(0, 40)}”应为“是”或“否”`);
      return MISSING;
    }
    case 'date': {
      const date = toDate(raw, text);
      if (!date) fail(spec.field, `"${text.slice(0, 40)}" is not a date: write YYYY-MM-DD or YYYY/M/D`, `“${text.slice(0, 40)}”不是有效日期，请写成 YYYY-MM-DD 或 YYYY/M/D`);
      return date ?? MISSING;
    }
    case 'datetime': {
      const at = toInstant(raw, raw instanceof Date ? raw.toISOString() : text);
      if (!at) fail(spec.field, `"${text.slice(0, 40)}" is not a date and time: write YYYY-MM-DD HH:MM (Beijing time) or an ISO time with its offset`, `“${text.slice(0, 40)}”不是有效的日期时间，请写成 YYYY-MM-DD HH:MM（北京时间）`);
      return at ?? MISSING;
    }
    case 'enum': {
      const parts = t.many ? splitList(text) : [text];
      const values: string[] = [];
      parts.forEach((part, j) => {
        const value = matchEnum(t, part);
        if (value) values.push(value);
        else {
          const options = t.values.map((v) => t.labels[v]?.[0] ?? v);
          fail(t.many ? `${spec.field}.${j}` : spec.field, `Unknown ${t.en} "${part.slice(0, 40)}"; one of ${t.values.map((v) => `${v} (${t.labels[v]?.[0] ?? v})`).join(', ')}`, `无法识别的${t.zh}“${part.slice(0, 40)}”，可选：${options.join('、')}`);
        }
      });
      return t.many ? values : values[0] ?? MISSING;
    }
    case 'ref': {
      const parts = t.many ? splitList(text) : [text];
      const ids: string[] = new Array(parts.length).fill('');
      parts.forEach((part, j) => {
        const field = t.many ? `${spec.field}.${j}` : spec.field;
        const token = part.replace(/^[《“"]+|[》”"]+$/g, '').trim();
        if (parseGlobalId(token)) ids[j] = token;
        else if (t.ref.table === null && /^\d{1,15}$/.test(token)) ids[j] = `${t.ref.type}:${token}`;
        else if (t.ref.table === null) fail(field, `"${token.slice(0, 40)}" is not a ${t.ref.en} id (write ${t.ref.type}:123)`, `“${token.slice(0, 40)}”不是${t.ref.zh}编号（应写成 ${t.ref.type}:123）`);
        else later({ spec, field, token, set: (v) => (ids[j] = v) });
      });
      // Filled in by resolveRefs (a single reference is unwrapped there); a name that matches nothing stays ''.
      return ids;
    }
  }
}

function splitList(text: string): string[] {
  return text.split(/[、;；,，\n]+/).map((s) => s.trim()).filter(Boolean);
}

function matchEnum(t: Extract<CellType, { kind: 'enum' }>, text: string): string | null {
  const wanted = normLabel(text);
  for (const v of t.values) {
    if (normLabel(v) === wanted) return v;
    if ((t.labels[v] ?? []).some((l) => normLabel(l) === wanted)) return v;
  }
  return null;
}

function validYmd(y: number, mo: number, d: number): boolean {
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function toDate(raw: Raw, text: string): string | null {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : ymd(raw);
  if (typeof raw === 'number') {
    // An Excel serial day number (a date cell without a date format); 1900 system.
    if (raw < 1 || raw > 2958465) return null;
    return ymd(new Date(Date.UTC(1899, 11, 30) + Math.floor(raw) * 86_400_000));
  }
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(text);
  if (!match) return null;
  const [y, mo, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return validYmd(y, mo, d) ? `${match[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` : null;
}

const SHANGHAI_MS = 8 * 3_600_000;

/** A moment: Excel date-time cells and times without an offset are Beijing time. */
function toInstant(raw: Raw, text: string): Date | null {
  // Excel keeps wall-clock time; exceljs hands it over as if it were UTC.
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : new Date(raw.getTime() - SHANGHAI_MS);
  if (typeof raw === 'number') {
    if (raw < 1 || raw > 2958465) return null;
    return new Date(Math.round((Date.UTC(1899, 11, 30) + raw * 86_400_000) / 1000) * 1000 - SHANGHAI_MS);
  }
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*[T ]\s*(\d{1,2})\s*[:：时]\s*(\d{2})(?:\s*[:：分]\s*(\d{2})(?:\.\d+)?)?\s*秒?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(text);
  if (!match) return null;
  const [y, mo, d, hh = 0, mm = 0, ss = 0] = match.slice(1, 7).map((v) => (v === undefined ? undefined : Number(v))) as number[];
  if (!validYmd(y!, mo!, d!) || hh! > 23 || mm! > 59 || ss! > 59) return null;
  const zone = match[7];
  const offset = !zone ? SHANGHAI_MS : zone.toUpperCase() === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2))) * 60_000;
  return new Date(Date.UTC(y!, mo! - 1, d!, hh, mm, ss) - offset);
}

/** One statement per referenced table for every name and code the file uses. */
async function resolveRefs(em: EntityManager, mapping: ImportMapping, rows: Record<string, unknown>[], pending: PendingRef[], fail: (p: PendingRef, en: string, zh: string) => void): Promise<void> {
  const byTable = new Map<string, PendingRef[]>();
  for (const p of pending) {
    const ref = (p.spec.type as Extract<CellType, { kind: 'ref' }>).ref;
    byTable.set(ref.table!, [...(byTable.get(ref.table!) ?? []), p]);
  }
  const conn = em.getConnection();
  const ctx = em.getTransactionContext();
  for (const [table, refs] of byTable) {
    const ref = (refs[0]!.spec.type as Extract<CellType, { kind: 'ref' }>).ref;
    const nameColumn = ref.nameColumn ?? 'name';
    const codeColumn = ref.codeColumn === undefined ? 'code' : ref.codeColumn;
    const tokens = [...new Set(refs.map((p) => p.token))];
    const names = [...new Set(tokens.flatMap((t) => [t, ...(ref.namePrefixes ?? []).map((prefix) => prefix + t)]))];
    const found: { id: number; code: string | null; name: string; valid_from?: string; valid_to?: string | null }[] = await conn.execute(
      `select id, ${codeColumn ? `"${codeColumn}"` : 'null'} as code, "${nameColumn}" as name${ref.dated ? ', valid_from::text as valid_from, valid_to::text as valid_to' : ''}
       from "${table}" where "${nameColumn}" in (?)${codeColumn ? ` or "${codeColumn}" in (?)` : ''} order by id`,
      codeColumn ? [names, tokens] : [names], 'all', ctx);
    for (const p of refs) {
      const byName = found.filter((f) => f.name === p.token || (ref.namePrefixes ?? []).some((prefix) => f.name === prefix + p.token));
      let matches = byName.length ? byName : found.filter((f) => f.code === p.token);
      const date = mapping.dateField ? rows[p.row]![mapping.dateField] : undefined;
      if (matches.length > 1 && ref.dated && typeof date === 'string') {
        const valid = matches.filter((f) => f.valid_from! <= date && (!f.valid_to || f.valid_to >= date));
        if (valid.length) matches = valid;
      }
      const how = codeColumn ? { en: 'name or code', zh: '名称或代码', write: 'its exact name, its code or its id', writeZh: '准确的名称、代码或编号' } : { en: 'name', zh: '名称', write: 'its exact name or its id', writeZh: '准确的名称或编号' };
      if (matches.length === 1) p.set(`${ref.type}:${matches[0]!.id}`);
      else if (matches.length === 0) {
        fail(p, `No ${ref.en} has the ${how.en} "${p.token.slice(0, 60)}"; write ${how.write} (${ref.type}:123)`, `找不到${how.zh}为“${p.token.slice(0, 60)}”的${ref.zh}，请填写${how.writeZh}（如 ${ref.type}:123）`);
      } else {
        const ids = matches.map((f) => `${ref.type}:${f.id}${f.code ? ` (${f.code})` : ''}`).join(', ');
        fail(p, `"${p.token.slice(0, 60)}" names several ${ref.en} records (${ids}); write ${codeColumn ? 'the code or ' : ''}the id`, `“${p.token.slice(0, 60)}”对应多个${ref.zh}（${ids}），请改填${codeColumn ? '代码或' : ''}编号`);
      }
    }
  }
  // References were id lists until now: a single one becomes its id (or nothing when it did not resolve).
  const refColumns = mapping.columns.filter((c) => c.type.kind === 'ref');
  for (const row of rows) {
    for (const c of refColumns) {
      const ids = row[c.field];
      if (!Array.isArray(ids)) continue;
      const resolved = ids.filter((v) => v !== '');
      if ((c.type as Extract<CellType, { kind: 'ref' }>).many) row[c.field] = resolved;
      else if (resolved[0]) row[c.field] = resolved[0];
      else delete row[c.field];
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The batch's row errors, in the file's terms
// ---------------------------------------------------------------------------------------------

/** The handler's row errors (0-based row index, GraphQL field path) as the file's rows and columns. */
export function fileErrors(mapping: ImportMapping, parsed: ParsedFile, errors: RowError[]): FileRowError[] {
  return errors.map((e) => {
    const parts = e.field.split('.');
    const base = parts[0]!;
    // A dynamic column is known by the path it filled ("answers.2"); a fixed one by its field.
    let column: string | undefined;
    for (let n = parts.length; n > 0 && !column; n--) column = parsed.cellColumns[e.row]?.get(parts.slice(0, n).join('.'));
    column ??= parsed.headers.get(base) ?? mapping.columns.find((c) => c.field === base)?.zh ?? (mapping.dynamic?.field === base ? mapping.dynamic.zh : e.field);
    const message = e.message.replace(/\bas row (\d+)\b/, (_, n: string) => `as row ${parsed.sheetRows[Number(n) - 1] ?? n}`);
    return { row: parsed.sheetRows[e.row] ?? e.row + 2, column, field: e.field, message, messageZh: zhMessage(message) };
  });
}

const TYPE_ZH: Record<string, string> = {
  Region: '地区', Agency: '单位', Law: '法律法规', ResponsibilityItem: '责任清单事项', EnforcementDomain: '执法领域',
  MediaOutlet: '媒体', SurveyWave: '调查批次', SurveyQuestion: '调查题目', TrainingSession: '培训班',
};
const zhType = (t: string) => TYPE_ZH[t] ?? t;

/** Chinese for the batch handlers' row messages (English in GraphQL); anything unknown keeps its English. */
export function zhMessage(message: string): string {
  const rules: [RegExp, (...g: string[]) => string][] = [
    [/^required \(YYYY-MM-DD\)$/, () => '必填（YYYY-MM-DD）'],
    [/^required: give a (\w+) id such as .*$/, (t) => `必填：请填写${zhType(t!)}`],
    [/^required: true or false$/, () => '必填：请填“是”或“否”'],
    [/^required: at least one answer$/, () => '至少要有一道题的答案'],
    [/^required: an instant with its offset.*$/, () => '必填：请填写日期时间'],
    [/^required for an AWARENESS question: true or false$/, () => '知晓题须填“是”或“否”'],
    [/^required$/, () => '必填项，不能为空'],
    [/^"(.*)" is not a (\w+) id \(expected .*\)$/, (v, t) => `“${v}”不是${zhType(t!)}编号（应写成 ${t}:123）`],
    [/^(\w+):(\d+) does not exist$/, (t, id) => `${zhType(t!)} ${t}:${id} 不存在`],
    [/^must be a whole number from (\S+) to (\S+)$/, (a, b) => `须为 ${a} 至 ${b} 之间的整数`],
    [/^must be a number from (\S+) to (\S+)$/, (a, b) => `须为 ${a} 至 ${b} 之间的数`],
    [/^at most (\d+) characters$/, (n) => `不能超过 ${n} 个字`],
    [/^(\S+) is outside the window of (SurveyWave:\d+), (\S+) … (\S+)$/, (d, w, a, b) => `${d} 不在调查批次 ${w} 的时间范围 ${a} 至 ${b} 内`],
    [/^(\S+) is outside the item's window (\S+) … (\S+)$/, (d, a, b) => `${d} 不在该事项的时间范围 ${a} 至 ${b} 内`],
    [/^(\S+) is outside (\S+) … (\S+?)(?: \(one year from now\))?$/, (v, a, b) => `${v} 不在 ${a} 至 ${b} 之间`],
    [/^Agency:(\d+) did not exist on (\S+)(?:, when (TrainingSession:\d+) started)? \(valid (\S+) … (\S+)\)$/, (id, d, s, a, b) => `单位 Agency:${id} 在 ${d}${s ? `（${s} 开班时）` : ''}不存在（有效期 ${a} 至 ${b === 'today' ? '今' : b}）`],
    [/^Your account reports for (\w+:\S+?); it may not write (?:records|slots) of (.+)$/, (own, other) => `您的账号只能填报 ${own} 的数据，不能填报 ${other!.replace('other agencies', '其他单位').replace('other outlets', '其他媒体')} 的数据`],
    [/^Your account administers (\S+); (\S+) is not in that district$/, (d, a) => `您的账号管理 ${d}，${a} 不在该区`],
    [/^Your account \((\w+)\) may not (.+)$/, () => '您的账号无权填报此类数据'],
    [/^the organiser cannot also be a co-organiser$/, () => '主办单位不能同时是协办单位'],
    [/^ResponsibilityItem:(\d+) belongs to (Agency:\d+), neither the organiser nor a co-organiser$/, (id, a) => `责任清单事项 ResponsibilityItem:${id} 属于 ${a}，既不是主办单位也不是协办单位`],
    [/^same organiser, date and title as row (\d+): .*$/, (n) => `与第 ${n} 行的主办单位、日期和活动名称相同：每项活动只填一次`],
    [/^same outlet, channel and start as row (\d+): .*$/, (n) => `与第 ${n} 行的媒体、频道和播出时间相同：每次刊播只填一次`],
    [/^same session, agency and attendee as row (\d+): .*$/, (n) => `与第 ${n} 行的培训班、单位和姓名相同：每人只填一次`],
    [/^same wave and respondentRef as row (\d+): .*$/, (n) => `与第 ${n} 行的调查批次和问卷编号相同：每份问卷只填一次`],
    [/^must be null when attended is false.*$/, () => '未参训的人员不能有考试成绩'],
    [/^(Region:\d+) is a (\w+); give the respondent’s district.*$/, (r) => `${r} 不是区：请填写受访者所在的区`],
    [/^(SurveyQuestion:\d+) belongs to (SurveyWave:\d+), not (SurveyWave:\d+)$/, (q, w, x) => `题目 ${q} 属于 ${w}，不属于 ${x}`],
    [/^(SurveyQuestion:\d+) is already answered in .*$/, (q) => `题目 ${q} 重复作答：每题只答一次`],
    [/^must be null: (SurveyQuestion:\d+) is an AWARENESS question.*$/, (q) => `${q} 是知晓题：只填“是”或“否”`],
    [/^must be null: (SurveyQuestion:\d+) is a SATISFACTION question.*$/, (q) => `${q} 是满意度题：只填 1–5`],
    [/^unknown (form|venue type|key date|audience|slot kind|age band|occupation) "(.*?)".*$/, (what, v) => `无法识别的${{ form: '活动形式', 'venue type': '场所类型', 'key date': '重要节点', audience: '对象', 'slot kind': '类型', 'age band': '年龄段', occupation: '职业' }[what!]}“${v}”`],
  ];
  for (const [re, zh] of rules) {
    const match = re.exec(message);
    if (match) return zh(...match.slice(1));
  }
  return message;
}

// ---------------------------------------------------------------------------------------------
// Templates
// ---------------------------------------------------------------------------------------------

interface TemplateSheet {
  columns: { header: string; field: string; required: boolean; example: string | number | Date | null; note: string; type?: CellType }[];
}

function acceptedValues(col: ColumnSpec<any>): string {
  const t = col.type;
  if (t.kind === 'enum') return `${t.values.map((v) => t.labels[v]?.[0] ?? v).join('、')}${t.many ? '（多个用“、”分隔）' : ''}`;
  return col.note ?? '';
}

/** The template's columns: the fixed ones, then the dynamic ones (e.g. the questions of ?waveId=). */
export async function templateColumns(em: EntityManager, mapping: ImportMapping, query: Query = {}): Promise<TemplateSheet> {
  const dynamic = mapping.dynamic ? await mapping.dynamic.template(em, query) : { columns: [] };
  return {
    columns: [
      ...mapping.columns.map((c) => ({
        header: c.zh, field: c.field, required: !!c.required, type: c.type, note: acceptedValues(c),
        example: dynamic.examples && c.field in dynamic.examples ? dynamic.examples[c.field]! : c.example,
      })),
      ...dynamic.columns.map((c) => ({ header: c.header, field: mapping.dynamic!.field, required: !!c.required, example: c.example, note: c.note })),
    ],
  };
}

function exampleText(v: string | number | Date | null): string {
  return v === null ? '' : v instanceof Date ? ymd(v) : String(v);
}

const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The CSV template: UTF-8 with a BOM (so Excel shows the Chinese), the headers and one example row. */
export function templateCsv(sheet: TemplateSheet): Buffer {
  const lines = [sheet.columns.map((c) => csvCell(c.header)), sheet.columns.map((c) => csvCell(exampleText(c.example)))].map((l) => l.join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** The XLSX template: a styled, frozen header row (required columns in red), one example row, drop-downs for single choices, and a notes sheet. */
export async function templateXlsx(mapping: ImportMapping, sheet: TemplateSheet): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'pufa';
  const ws = workbook.addWorksheet(mapping.zh, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = sheet.columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: Math.min(40, Math.max(12, c.header.length * 2 + 4, exampleText(c.example).length * 2 + 2)) }));
  const header = ws.getRow(1);
  header.height = 22;
  header.eachCell((cell, n) => {
    const col = sheet.columns[n - 1]!;
    cell.font = { bold: true, color: { argb: col.required ? 'FFFFFFFF' : 'FF1F2D3D' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: col.required ? 'FFC0392B' : 'FFDCE6F1' } };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF7F8C8D' } } };
    cell.note = `${col.field}${col.required ? '（必填）' : ''}${col.note ? `\n${col.note}` : ''}`;
  });
  ws.addRow(Object.fromEntries(sheet.columns.map((c, i) => [`c${i}`, c.example])));
  sheet.columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    const t = c.type;
    if (t?.kind === 'date') column.numFmt = 'yyyy-mm-dd';
    if (t?.kind === 'enum' && !t.many) {
      const list = t.values.map((v) => t.labels[v]?.[0] ?? v).join(',');
      if (list.length <= 250) {
        for (let r = 2; r <= 500; r++) ws.getCell(r, i + 1).dataValidation = { type: 'list', allowBlank: true, showErrorMessage: false, formulae: [`"${list}"`] };
      }
    }
  });
  const notes = workbook.addWorksheet('填写说明');
  notes.columns = [{ header: '列名', width: 24 }, { header: '字段', width: 18 }, { header: '必填', width: 8 }, { header: '说明', width: 90 }];
  notes.getRow(1).font = { bold: true };
  for (const c of sheet.columns) notes.addRow([c.header, c.field, c.required ? '是' : '', c.note]);
  notes.addRow([]);
  notes.addRow(['', '', '', '只导入第一个工作表；第 1 行为表头。列名可用中文或英文字段名。全部行无误才会写入，任何一行有误则整批不写入。']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
