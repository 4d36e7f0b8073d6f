/**
 * One record entered by hand instead of a file: the fields of each kind, and
 * the pure step from what the form holds to the row of the hub's batch
 * mutation (schema/schema.graphql: BroadcastSlotRowInput, ActivityRowInput,
 * AttendanceRowInput). The hub checks ranges and references and answers per
 * field; this only makes sure the row has the types GraphQL requires, so a
 * half-filled form gets a message beside the field instead of a refused request.
 */
import type { MessageKey } from '../../app/i18n';
import type { ImportKind } from '../../app/roles';

/** The kinds a form exists for (survey responses come as files only). */
export const FORM_KINDS = ['broadcast-slots', 'activities', 'attendance'] as const;
export type FormKind = (typeof FORM_KINDS)[number];

export function isFormKind(kind: ImportKind): kind is FormKind {
  return (FORM_KINDS as readonly string[]).includes(kind);
}

export type FieldKind = 'text' | 'integer' | 'decimal' | 'date' | 'datetime' | 'checkbox' | 'select' | 'multi';

/** Where a select's choices come from: the API's record lists, or an enum of the schema. */
export type OptionSource =
  | 'outlets'
  | 'agencies'
  | 'regions'
  | 'domains'
  | 'laws'
  | 'sessions'
  | 'items'
  | 'slotKinds'
  | 'forms'
  | 'venueTypes'
  | 'audiences';

export interface FieldSpec {
  /** The row's field, as named in the mutation input. */
  name: string;
  label: MessageKey;
  kind: FieldKind;
  required?: boolean;
  /** For select and multi. */
  options?: OptionSource;
  hint?: MessageKey;
  maxLength?: number;
  /** For checkboxes: the initial state. */
  initial?: boolean;
  /** Kept after a record is accepted, for the next one (the unit, the training session). */
  keep?: boolean;
  /** A choice that may not be this other field's value (a co-organiser is not the organiser). */
  notSameAs?: string;
  /** What an empty list of choices means, instead of the general "nothing to choose from". */
  empty?: MessageKey;
  /** What to fill in first when the choices depend on another field. */
  idle?: MessageKey;
  /** Takes two columns: long titles and choices. */
  wide?: boolean;
}

export type FieldValue = string | boolean | string[];
export type FormValues = Record<string, FieldValue>;

/** The enums of the schema the forms offer, in the order shown. */
export const ENUMS = {
  slotKinds: ['PROGRAMME', 'COLUMN', 'PUBLIC_SERVICE_AD', 'MICRO_VIDEO', 'ANIMATION', 'LIVE_STREAM'],
  forms: ['LECTURE', 'CONSULTATION', 'CASE_EXPLANATION', 'MATERIAL_HANDOUT', 'QUIZ', 'PERFORMANCE', 'EXHIBITION', 'SYMPOSIUM', 'LIVE_STREAM', 'NEW_MEDIA_POST'],
  venueTypes: ['COMMUNITY', 'VILLAGE', 'SCHOOL', 'ENTERPRISE', 'WORKPLACE', 'PUBLIC_SPACE', 'ONLINE'],
  audiences: [
    'GENERAL_PUBLIC',
    'COMMUNITY_RESIDENTS',
    'STUDENTS',
    'YOUTH',
    'ELDERLY',
    'WOMEN',
    'FARMERS_HERDERS',
    'MIGRANT_WORKERS',
    'ENTERPRISE_STAFF',
    'BUSINESS_OWNERS',
    'CIVIL_SERVANTS',
    'LEADING_CADRES',
    'DRIVERS',
    'PATIENTS',
  ],
} as const satisfies Partial<Record<OptionSource, readonly string[]>>;

export type EnumSource = keyof typeof ENUMS;

export function isEnumSource(source: OptionSource): source is EnumSource {
  return source in ENUMS;
}

/** The message key of an enum value's label, e.g. forms + LECTURE → enum.forms.LECTURE. */
export function enumLabelKey(source: EnumSource, value: string): MessageKey {
  return `enum.${source}.${value}` as MessageKey;
}

/**
 * Which unit the account writes for, fixed from the session: a media
 * partner's outlet, an agency reporter's agency. A field fixed here is not
 * shown; accounts without one (administrators) choose it.
 */
export interface FixedUnit {
  outletId?: string | null;
  agencyId?: string | null;
}

const OWNER_FIELD: Record<FormKind, { name: 'outletId' | 'organiserId' | 'agencyId'; fixedBy: keyof FixedUnit; spec: FieldSpec }> = {
  'broadcast-slots': {
    name: 'outletId',
    fixedBy: 'outletId',
    spec: { name: 'outletId', label: 'form.field.outlet', kind: 'select', options: 'outlets', required: true, keep: true },
  },
  activities: {
    name: 'organiserId',
    fixedBy: 'agencyId',
    spec: { name: 'organiserId', label: 'form.field.organiser', kind: 'select', options: 'agencies', required: true, keep: true },
  },
  attendance: {
    name: 'agencyId',
    fixedBy: 'agencyId',
    spec: { name: 'agencyId', label: 'form.field.attendeeAgency', kind: 'select', options: 'agencies', required: true, keep: true },
  },
};

const FIELDS: Record<FormKind, FieldSpec[]> = {
  'broadcast-slots': [
    { name: 'programme', label: 'form.field.programme', kind: 'text', required: true, maxLength: 200, wide: true },
    { name: 'channel', label: 'form.field.channel', kind: 'text', required: true, maxLength: 100, hint: 'form.hint.channel' },
    { name: 'kind', label: 'form.field.slotKind', kind: 'select', options: 'slotKinds', required: true },
    { name: 'startsAt', label: 'form.field.startsAt', kind: 'datetime', required: true, hint: 'form.hint.startsAt' },
    { name: 'durationMinutes', label: 'form.field.durationMinutes', kind: 'integer', required: true },
    { name: 'reach', label: 'form.field.reach', kind: 'integer', required: true, hint: 'form.hint.reach' },
    { name: 'partnerAgencyId', label: 'form.field.partnerAgency', kind: 'select', options: 'agencies' },
    { name: 'domainId', label: 'form.field.domain', kind: 'select', options: 'domains' },
    { name: 'primeTime', label: 'form.field.primeTime', kind: 'checkbox', initial: false },
  ],
  activities: [
    { name: 'title', label: 'form.field.title', kind: 'text', required: true, maxLength: 200, wide: true },
    { name: 'date', label: 'form.field.date', kind: 'date', required: true },
    { name: 'regionId', label: 'form.field.region', kind: 'select', options: 'regions', required: true },
    { name: 'form', label: 'form.field.form', kind: 'select', options: 'forms', required: true },
    { name: 'venueType', label: 'form.field.venueType', kind: 'select', options: 'venueTypes' },
    { name: 'domainId', label: 'form.field.domain', kind: 'select', options: 'domains' },
    { name: 'participants', label: 'form.field.participants', kind: 'integer' },
    { name: 'materials', label: 'form.field.materials', kind: 'integer' },
    { name: 'consultations', label: 'form.field.consultations', kind: 'integer' },
    { name: 'onlineViews', label: 'form.field.onlineViews', kind: 'integer' },
    { name: 'audiences', label: 'form.field.audiences', kind: 'multi', options: 'audiences' },
    { name: 'lawIds', label: 'form.field.laws', kind: 'multi', options: 'laws' },
    { name: 'itemIds', label: 'form.field.items', kind: 'multi', options: 'items', hint: 'form.hint.items', empty: 'form.noItems', idle: 'form.itemsWaiting' },
    { name: 'coOrganiserIds', label: 'form.field.coOrganisers', kind: 'multi', options: 'agencies', notSameAs: 'organiserId' },
  ],
  attendance: [
    { name: 'sessionId', label: 'form.field.session', kind: 'select', options: 'sessions', required: true, keep: true, wide: true },
    { name: 'attendee', label: 'form.field.attendee', kind: 'text', required: true, maxLength: 60, hint: 'form.hint.attendee' },
    { name: 'hours', label: 'form.field.hours', kind: 'decimal', required: true },
    { name: 'score', label: 'form.field.score', kind: 'decimal', hint: 'form.hint.score' },
    { name: 'required', label: 'form.field.required', kind: 'checkbox', initial: true },
    { name: 'attended', label: 'form.field.attended', kind: 'checkbox', initial: true },
    { name: 'leadingCadre', label: 'form.field.leadingCadre', kind: 'checkbox', initial: false },
  ],
};

/** The fields shown for `kind`: the owner first when the account chooses it. */
export function formFields(kind: FormKind, fixed: FixedUnit): FieldSpec[] {
  const owner = OWNER_FIELD[kind];
  return fixed[owner.fixedBy] ? FIELDS[kind] : [owner.spec, ...FIELDS[kind]];
}

/** The row's fields the session fills in, e.g. { outletId: "MediaOutlet:1" } for a media partner. */
export function fixedFields(kind: FormKind, fixed: FixedUnit): Record<string, string> {
  const owner = OWNER_FIELD[kind];
  const value = fixed[owner.fixedBy];
  return value ? { [owner.name]: value } : {};
}

export function initialValues(fields: readonly FieldSpec[]): FormValues {
  return Object.fromEntries(
    fields.map((f) => [f.name, f.kind === 'checkbox' ? (f.initial ?? false) : f.kind === 'multi' ? [] : '']),
  );
}

/** The form after a record was accepted: empty again, but for the fields marked `keep`. */
export function valuesForNext(fields: readonly FieldSpec[], values: FormValues): FormValues {
  const next = initialValues(fields);
  for (const f of fields) if (f.keep && values[f.name] !== undefined) next[f.name] = values[f.name]!;
  return next;
}

/** A problem found before sending, as a message key (so it follows the language switch). */
export type LocalProblem = 'form.error.required' | 'form.error.integer' | 'form.error.number' | 'form.error.date' | 'form.error.datetime';

export type RowResult =
  | { ok: true; row: Record<string, unknown> }
  | { ok: false; problems: Record<string, LocalProblem> };

/** GraphQL's Int is 32-bit; larger numbers are refused before the hub sees them. */
const INT_MAX = 2 ** 31 - 1;

function text(value: FieldValue | undefined): string {
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * The mutation row for the form's values, or the fields to correct first.
 * Empty optional fields are left out (the hub's defaults apply: 0 for the
 * activity counts, none for the optional references); the start of a slot is
 * read as Beijing time, the hub's calendar.
 */
export function toRow(fields: readonly FieldSpec[], values: FormValues, fixed: Record<string, string> = {}): RowResult {
  const row: Record<string, unknown> = { ...fixed };
  const problems: Record<string, LocalProblem> = {};
  for (const field of fields) {
    const raw = values[field.name];
    if (field.kind === 'checkbox') {
      row[field.name] = raw === true;
      continue;
    }
    if (field.kind === 'multi') {
      const list = Array.isArray(raw) ? [...new Set(raw.filter(Boolean))] : [];
      if (list.length > 0) row[field.name] = list;
      else if (field.required) problems[field.name] = 'form.error.required';
      continue;
    }
    const value = text(raw);
    if (value === '') {
      if (field.required) problems[field.name] = 'form.error.required';
      continue;
    }
    switch (field.kind) {
      case 'integer': {
        const n = Number(value);
        if (!Number.isInteger(n) || Math.abs(n) > INT_MAX) problems[field.name] = 'form.error.integer';
        else row[field.name] = n;
        break;
      }
      case 'decimal': {
        const n = Number(value);
        if (!Number.isFinite(n)) problems[field.name] = 'form.error.number';
        else row[field.name] = n;
        break;
      }
      case 'date':
        if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) problems[field.name] = 'form.error.date';
        else row[field.name] = value;
        break;
      case 'datetime': {
        const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2})?$/.exec(value);
        if (!m) problems[field.name] = 'form.error.datetime';
        else row[field.name] = `${m[1]}T${m[2]}${m[3] ?? ':00'}+08:00`;
        break;
      }
      default:
        row[field.name] = value;
    }
  }
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, row };
}

// ---------- which listed record was just accepted ----------

/**
 * The natural key the hub upserts on (outlet + channel + start, organiser +
 * date + title, session + agency + attendee), as one string, so the list can
 * mark the row that was just accepted whether it was created or updated.
 */
export function rowKey(kind: FormKind, row: Record<string, unknown>): string {
  const s = (v: unknown) => (typeof v === 'string' ? v.trim() : String(v ?? ''));
  switch (kind) {
    case 'broadcast-slots':
      return slotKey(s(row.outletId), s(row.channel), s(row.startsAt));
    case 'activities':
      return activityKey(s(row.organiserId), s(row.date), s(row.title));
    case 'attendance':
      return attendanceKey(s(row.sessionId), s(row.agencyId), s(row.attendee));
  }
}

/** A moment compares by its instant: "…20:00:00+08:00" and "…12:00:00.000Z" are the same start. */
export function slotKey(outletId: string, channel: string, startsAt: string): string {
  const time = new Date(startsAt).getTime();
  return `slot|${outletId}|${channel.trim()}|${Number.isNaN(time) ? startsAt : time}`;
}

export function activityKey(organiserId: string, date: string, title: string): string {
  return `activity|${organiserId}|${date}|${title.trim()}`;
}

export function attendanceKey(sessionId: string, agencyId: string, attendee: string): string {
  return `attendance|${sessionId}|${agencyId}|${attendee.trim()}`;
}
