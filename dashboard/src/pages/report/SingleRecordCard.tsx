/**
 * 逐条填写: one record by hand, sent as a batch of one row through the same
 * mutation as a program's batches (reportBroadcastSlots, reportActivities,
 * reportAttendance). The hub answers per field; its problems are shown next
 * to the fields, and nothing is written until the whole record is right.
 *
 * The idempotency key is new for every new content: sending the same values
 * again (after a lost connection) replays safely, any edit or an accepted
 * record starts a new key.
 */
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { CombinedError, useMutation, type TypedDocumentNode } from 'urql';
import { graphql } from '../../app/graphql';
import { describeError } from '../../app/errors';
import { formatDate, formatHubDateTime, formatInteger } from '../../app/format';
import type { Lang, MessageKey, Translate } from '../../app/i18n';
import { useI18n } from '../../app/I18nContext';
import { newIdempotencyKey } from '../../app/importApi';
import { localName, useSession, type Me } from '../../app/session';
import { localizeServerMessage, mapServerErrors, type ServerFieldErrors } from './fieldErrors';
import {
  fixedFields,
  formFields,
  initialValues,
  rowKey,
  toRow,
  valuesForNext,
  type FieldValue,
  type FixedUnit,
  type FormKind,
  type FormValues,
  type LocalProblem,
  type OptionSource,
} from './recordForm';
import { fieldId, RecordFields, type ShownProblem } from './RecordFields';
import { useFormOptions, type OptionState } from './recordOptions';

interface BatchResult {
  batchId: string;
  accepted: number;
  inserted: number;
  updated: number;
  replayed: boolean;
}

type Vars = { key: string; rows: Record<string, unknown>[] };

const ReportSlotMutation = graphql(`
  mutation ReportOneSlot($key: String!, $rows: [BroadcastSlotRowInput!]!) {
    reportBroadcastSlots(idempotencyKey: $key, rows: $rows) {
      batchId
      accepted
      inserted
      updated
      replayed
    }
  }
`);

const ReportActivityMutation = graphql(`
  mutation ReportOneActivity($key: String!, $rows: [ActivityRowInput!]!) {
    reportActivities(idempotencyKey: $key, rows: $rows) {
      batchId
      accepted
      inserted
      updated
      replayed
    }
  }
`);

const ReportAttendanceMutation = graphql(`
  mutation ReportOneAttendance($key: String!, $rows: [AttendanceRowInput!]!) {
    reportAttendance(idempotencyKey: $key, rows: $rows) {
      batchId
      accepted
      inserted
      updated
      replayed
    }
  }
`);

/**
 * One form sends every kind, with a row built from its field list by
 * recordForm.ts (whose tests check the rows); the map widens each mutation's
 * typed row input to that loose row, and the hub validates it.
 */
const MUTATIONS = {
  'broadcast-slots': ReportSlotMutation,
  activities: ReportActivityMutation,
  attendance: ReportAttendanceMutation,
} as unknown as Record<FormKind, TypedDocumentNode<Record<string, BatchResult>, Vars>>;

/** The unit the account reports for, which the form does not ask. */
const FIXED_LABEL: Record<FormKind, MessageKey> = {
  'broadcast-slots': 'form.field.outlet',
  activities: 'form.field.organiser',
  attendance: 'form.field.attendeeAgency',
};

interface Accepted {
  result: BatchResult;
  row: Record<string, unknown>;
  /** Option labels of the row's references, as shown when it was sent. */
  names: Record<string, string>;
}

type Failure = { errors: ServerFieldErrors; error: CombinedError };

export interface SingleRecordProps {
  kind: FormKind;
  user: Me;
  /** The natural key of the record just accepted, for the list to mark. */
  onAccepted: (key: string) => void;
  /** Whether the list below shows the accepted record (null while it loads or without a list). */
  listed: boolean | null;
  /** The training session chosen, for the list of its attendance. */
  onSessionChange?: (sessionId: string | null) => void;
}

export function SingleRecordCard({ kind, user, onAccepted, listed, onSessionChange }: SingleRecordProps) {
  const { lang, t } = useI18n();
  const { refreshData } = useSession();
  const headingId = useId();
  const idPrefix = useId();
  const fixed = useMemo<FixedUnit>(() => ({ outletId: user.outlet?.id ?? null, agencyId: user.agency?.id ?? null }), [user]);
  const fields = useMemo(() => formFields(kind, fixed), [kind, fixed]);
  const fixedRow = useMemo(() => fixedFields(kind, fixed), [kind, fixed]);
  const fixedUnit = kind === 'broadcast-slots' ? user.outlet : user.agency;

  const [values, setValues] = useState<FormValues>(() => initialValues(fields));
  const [key, setKey] = useState<string | null>(null);
  const [local, setLocal] = useState<Record<string, LocalProblem>>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [accepted, setAccepted] = useState<Accepted | null>(null);
  const [focusTick, setFocusTick] = useState(0);
  const [state, mutate] = useMutation(MUTATIONS[kind]);

  const needed = useMemo(() => new Set(fields.flatMap((f) => (f.options ? [f.options] : []))), [fields]);
  const date = typeof values.date === 'string' ? values.date : '';
  const options = useFormOptions(
    {
      needed,
      itemAgencyId: fixed.agencyId ?? (typeof values.organiserId === 'string' && values.organiserId ? values.organiserId : null),
      itemYear: /^\d{4}/.test(date) ? Number(date.slice(0, 4)) : new Date().getFullYear(),
    },
    lang,
  );

  const sessionId = typeof values.sessionId === 'string' && values.sessionId ? values.sessionId : null;
  useEffect(() => onSessionChange?.(sessionId), [sessionId, onSessionChange]);

  // After a refusal, the first field to correct gets the focus.
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (focusTick === 0) return;
    const first = fields.find((f) => local[f.name] || failure?.errors.fields[f.name]);
    const element = first ? formRef.current?.querySelector<HTMLElement>(`#${CSS.escape(fieldId(idPrefix, first.name))}, [data-field="${first.name}"] input`) : null;
    (element ?? formRef.current?.querySelector<HTMLElement>('.record-summary'))?.focus();
    // Only a new refusal moves the focus, not every edit.
  }, [focusTick]);

  function change(name: string, value: FieldValue) {
    setValues((v) => ({ ...v, [name]: value }));
    setKey(null);
    // A field changed is no longer marked; the others stay until the next submit.
    setLocal((l) => without(l, name));
    setFailure((f) => (f && f.errors.fields[name] ? { ...f, errors: { ...f.errors, fields: without(f.errors.fields, name) } } : f));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (state.fetching) return;
    setAccepted(null);
    setFailure(null);
    const built = toRow(fields, withoutHiddenChoices(values, fields, options), fixedRow);
    if (!built.ok) {
      setLocal(built.problems);
      setFocusTick((n) => n + 1);
      return;
    }
    setLocal({});
    const batchKey = key ?? newIdempotencyKey();
    setKey(batchKey);
    const result = await mutate({ key: batchKey, rows: [built.row] });
    const answer = result.data ? Object.values(result.data)[0] : undefined;
    if (result.error || !answer) {
      const error = result.error ?? new CombinedError({ networkError: new Error('The hub answered without a result') });
      setFailure({ errors: mapServerErrors(error, fields.map((f) => f.name)), error });
      setFocusTick((n) => n + 1);
      return;
    }
    setAccepted({ result: answer, row: built.row, names: optionNames(built.row, fields, options) });
    setValues(valuesForNext(fields, values));
    setKey(null);
    onAccepted(rowKey(kind, built.row));
    // The figures and lists everywhere include the new record: every shown query asks again.
    if (!answer.replayed) refreshData();
  }

  const problems = useMemo(() => shownProblems(local, failure?.errors ?? null, t, lang), [local, failure, t, lang]);
  const localCount = Object.keys(local).length;

  return (
    <section className="card report-card record-card" aria-labelledby={headingId}>
      <header className="card-header">
        <h2 id={headingId} className="card-title">
          {t('form.title')}
        </h2>
        <span className="card-unit">{t('form.note')}</span>
      </header>
      <form ref={formRef} className="record-form" noValidate onSubmit={(e) => void submit(e)}>
        {fixedUnit ? (
          <p className="record-fixed">
            {t('form.fixedUnit', { label: t(FIXED_LABEL[kind]), name: localName(fixedUnit, lang) })}
          </p>
        ) : null}
        <RecordFields
          idPrefix={idPrefix}
          fields={fields}
          values={values}
          fixed={fixedRow}
          options={options}
          problems={problems}
          disabled={state.fetching}
          onChange={change}
        />
        <div className="record-outcome" aria-live="polite">
          {localCount > 0 ? (
            <div className="outcome outcome-error record-summary" role="alert" tabIndex={-1}>
              <p className="outcome-title">{t('form.failedTitle')}</p>
              <p>{t('form.fixFields', { count: formatInteger(localCount, lang) })}</p>
            </div>
          ) : null}
          {failure ? <FailurePanel failure={failure} /> : null}
          {accepted && !state.fetching ? <AcceptedPanel kind={kind} accepted={accepted} listed={listed} /> : null}
        </div>
        <div className="record-actions">
          <button type="submit" className="button" disabled={state.fetching}>
            {state.fetching ? t('form.submitting') : t('form.submit')}
          </button>
          <button
            type="button"
            className="button button-quiet"
            disabled={state.fetching}
            onClick={() => {
              setValues(valuesForNext(fields, values));
              setKey(null);
              setLocal({});
              setFailure(null);
            }}
          >
            {t('form.clear')}
          </button>
        </div>
      </form>
    </section>
  );
}

function without<T>(record: Record<string, T>, name: string): Record<string, T> {
  if (!(name in record)) return record;
  const rest = { ...record };
  delete rest[name];
  return rest;
}

/** Choices of a checkbox group that its current list no longer shows (another year's items) are not sent. */
function withoutHiddenChoices(values: FormValues, fields: readonly { name: string; kind: string; options?: OptionSource }[], options: Record<OptionSource, OptionState>): FormValues {
  const out = { ...values };
  for (const f of fields) {
    const state = f.options ? options[f.options] : null;
    const chosen = out[f.name];
    if (f.kind === 'multi' && state?.status === 'ready' && Array.isArray(chosen)) {
      const shown = new Set(state.options.map((o) => o.value));
      out[f.name] = chosen.filter((v) => shown.has(v));
    }
  }
  return out;
}

/** The labels of the row's single references (region, session …) as the form showed them. */
function optionNames(row: Record<string, unknown>, fields: readonly { name: string; options?: OptionSource }[], options: Record<OptionSource, OptionState>): Record<string, string> {
  const names: Record<string, string> = {};
  for (const f of fields) {
    const state = f.options ? options[f.options] : null;
    const value = row[f.name];
    if (state?.status === 'ready' && typeof value === 'string') {
      const found = state.options.find((o) => o.value === value);
      if (found) names[f.name] = found.label;
    }
  }
  return names;
}

function shownProblems(
  local: Record<string, LocalProblem>,
  server: ServerFieldErrors | null,
  t: Translate,
  lang: Lang,
): Record<string, ShownProblem[]> {
  const out: Record<string, ShownProblem[]> = {};
  for (const [field, key] of Object.entries(local)) out[field] = [{ text: t(key), english: false }];
  for (const [field, messages] of Object.entries(server?.fields ?? {})) {
    out[field] = messages.map((m) => {
      const shown = localizeServerMessage(m, lang);
      return { text: shown.text, english: !shown.translated };
    });
  }
  return out;
}

function FailurePanel({ failure }: { failure: Failure }) {
  const { lang, t } = useI18n();
  const { errors, error } = failure;
  const fieldCount = Object.keys(errors.fields).length;
  if (errors.network) {
    return (
      <div className="outcome outcome-error record-summary" role="alert" tabIndex={-1}>
        <p className="outcome-title">{t('form.unreachableTitle')}</p>
        <p>{t('form.error.network')}</p>
      </div>
    );
  }
  // Problems of fields the form shows are beside them; the rest (e.g. the account's own unit refused) here.
  const general = errors.general.map((g) => ({ field: g.field, ...localizeServerMessage(g.message, lang) }));
  const explained = fieldCount === 0 && general.length === 0 ? describeError(error, lang) : null;
  return (
    <div className="outcome outcome-error record-summary" role="alert" tabIndex={-1}>
      <p className="outcome-title">{t('form.failedTitle')}</p>
      <p className="outcome-nothing">{t('import.nothingWritten')}</p>
      {fieldCount > 0 ? <p>{t('form.fixFields', { count: formatInteger(fieldCount, lang) })}</p> : null}
      {general.length > 0 ? (
        <ul className="record-general">
          {general.map((g, i) => (
            <li key={i} lang={!g.translated && lang !== 'en' ? 'en' : undefined}>
              {g.field && !g.translated ? `${g.field}: ` : ''}
              {g.text}
            </li>
          ))}
        </ul>
      ) : null}
      {explained ? (
        <>
          <p>{explained.message}</p>
          {explained.detail ? (
            <p className="state-detail" lang="en">
              {explained.detail}
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

function AcceptedPanel({ kind, accepted, listed }: { kind: FormKind; accepted: Accepted; listed: boolean | null }) {
  const { lang, t } = useI18n();
  const { result, row, names } = accepted;
  const title = result.replayed ? t('form.replayed') : result.updated > 0 ? t('form.updated') : t('form.created');
  return (
    <div className={`outcome ${result.replayed ? 'outcome-notice' : 'outcome-success'}`} role="status">
      <p className="outcome-title">{title}</p>
      <p className="record-accepted">{acceptedSummary(kind, row, names, lang, t)}</p>
      {!result.replayed && result.updated > 0 ? <p>{t(`form.updatedWhy.${kind}` as MessageKey)}</p> : null}
      {listed === true ? <p>{t('form.marked')}</p> : listed === false ? <p className="muted">{t('form.notListed')}</p> : null}
      {result.batchId ? <p className="muted small">{t('report.batch', { id: result.batchId })}</p> : null}
    </div>
  );
}

/** What was accepted, in one line: the record's own words and when. */
function acceptedSummary(kind: FormKind, row: Record<string, unknown>, names: Record<string, string>, lang: Lang, t: Translate): string {
  const s = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? formatInteger(v, lang) : '');
  const parts =
    kind === 'broadcast-slots'
      ? [s(row.programme), s(row.channel), formatHubDateTime(s(row.startsAt), lang), t('form.minutes', { count: s(row.durationMinutes) })]
      : kind === 'activities'
        ? [s(row.title), formatDate(s(row.date), lang), names.regionId ?? '']
        : [s(row.attendee), names.sessionId ?? '', row.attended === true ? t('form.field.attended') : t('form.notAttended')];
  return parts.filter(Boolean).join(' · ');
}
