/**
 * Records a new inspection or edits one (createInspection / updateInspection):
 * who, which units, when, how, a summary, the findings as an editable list,
 * and snapshots of the figures "as I see them now". The values become the
 * mutation's input in inspectionForm.ts (unit-tested); the hub's refusals
 * are shown beside the fields its problem paths name.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { CombinedError, useMutation, useQuery } from 'urql';
import { formatHubDateTime, formatInteger } from '../../app/format';
import { useI18n } from '../../app/I18nContext';
import { localName } from '../../app/session';
import { AgenciesQuery } from '../../app/shell.queries';
import { RubricsQuery } from '../assessment/assessment.queries';
import { INSPECTION_METHODS, INSPECTOR_KINDS } from './inspectionData';
import {
  emptyForm,
  localizeInspectionMessage,
  serverProblems,
  toCreateInput,
  toUpdateInput,
  type FormField,
  type InspectionFormValues,
  type LocalProblems,
  type ServerProblems,
} from './inspectionForm';
import { CreateInspectionMutation, UpdateInspectionMutation } from './inspections.queries';

export interface EditedInspection {
  id: string;
  values: InspectionFormValues;
  /** Findings a rectification item starts from: the hub refuses to remove them. */
  lockedFindings: ReadonlySet<string>;
  snapshots: readonly { id: string; kind: string; takenAt: string }[];
}

export function InspectionForm({
  initial,
  defaultYear,
  onSaved,
  onCancel,
}: {
  initial: EditedInspection | null;
  defaultYear: number;
  onSaved: (id: string) => void;
  onCancel: () => void;
}) {
  const { lang, t } = useI18n();
  const prefix = useId();
  const headingId = useId();
  const [rubrics] = useQuery({ query: RubricsQuery });
  const [agencies] = useQuery({ query: AgenciesQuery });
  const newestRubric = rubrics.data?.rubrics[0]?.version ?? '';
  const [values, setValues] = useState<InspectionFormValues>(() => initial?.values ?? emptyForm(defaultYear, ''));
  const [local, setLocal] = useState<LocalProblems>({});
  const [server, setServer] = useState<ServerProblems | null>(null);
  const [created, mutateCreate] = useMutation(CreateInspectionMutation);
  const [updated, mutateUpdate] = useMutation(UpdateInspectionMutation);
  const saving = created.fetching || updated.fetching;
  const summaryRef = useRef<HTMLDivElement>(null);
  const [focusTick, setFocusTick] = useState(0);

  // The newest rubric once the list arrives, unless one was chosen.
  useEffect(() => {
    if (newestRubric && !values.snapshots.rubricVersion) {
      setValues((v) => ({ ...v, snapshots: { ...v.snapshots, rubricVersion: newestRubric } }));
    }
  }, [newestRubric, values.snapshots.rubricVersion]);

  useEffect(() => {
    if (focusTick > 0) summaryRef.current?.focus();
  }, [focusTick]);

  const id = (field: string) => `${prefix}-${field.replace('.', '-')}`;
  function set<K extends keyof InspectionFormValues>(field: K, value: InspectionFormValues[K], clears: FormField = field as FormField) {
    setValues((v) => ({ ...v, [field]: value }));
    setLocal((l) => ({ ...l, [clears]: undefined }));
    setServer((s) => (s ? { ...s, fields: { ...s.fields, [clears]: undefined } } : s));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setServer(null);
    const built = initial ? toUpdateInput(values) : toCreateInput(values);
    if (!built.ok) {
      setLocal(built.problems);
      setFocusTick((n) => n + 1);
      return;
    }
    setLocal({});
    const result = initial
      ? await mutateUpdate({ id: initial.id, input: built.input as Parameters<typeof mutateUpdate>[0]['input'] })
      : await mutateCreate({ input: built.input as Parameters<typeof mutateCreate>[0]['input'] });
    const savedId = result.data ? ('createInspection' in result.data ? result.data.createInspection.id : result.data.updateInspection.id) : null;
    if (result.error || !savedId) {
      setServer(serverProblems(result.error ?? new CombinedError({ networkError: new Error('no answer') })));
      setFocusTick((n) => n + 1);
      return;
    }
    onSaved(savedId);
  }

  /** The messages shown under a field: the form's own first, then the hub's in the reader's language. */
  function problemsOf(field: FormField): ReactNode {
    const own = local[field];
    const hub = server?.fields[field] ?? [];
    if (!own && hub.length === 0) return null;
    return (
      <span className="field-error" id={`${id(field)}-error`} role="alert">
        {own ? t(own) : null}
        {hub.map((m, i) => {
          const shown = localizeInspectionMessage(m, lang);
          return (
            <span key={i} lang={!shown.translated && lang !== 'en' ? 'en' : undefined}>
              {shown.text}
            </span>
          );
        })}
      </span>
    );
  }
  const invalid = (field: FormField) => (local[field] || server?.fields[field]?.length ? { 'aria-invalid': true, 'aria-describedby': `${id(field)}-error` } : {});
  const problemCount = Object.values(local).filter(Boolean).length + Object.values(server?.fields ?? {}).filter((m) => m && m.length).length;
  const allAgencies = agencies.data?.agencies.nodes ?? [];
  const rubricList = rubrics.data?.rubrics ?? [];
  const s = values.snapshots;

  return (
    <section className="card card-wide inspection-form-card" aria-labelledby={headingId}>
      <header className="card-header">
        <h2 id={headingId} className="card-title">
          {t(initial ? 'inspections.form.editTitle' : 'inspections.form.newTitle')}
        </h2>
      </header>
      <form className="inspection-form" noValidate onSubmit={(e) => void submit(e)}>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={id('kind')}>{t('inspections.form.kind')}</label>
            <select id={id('kind')} value={values.kind} onChange={(e) => set('kind', e.target.value as InspectionFormValues['kind'])} {...invalid('kind')}>
              <option value="">{t('inspections.form.choose')}</option>
              {INSPECTOR_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`inspections.kind.${k}`)}
                </option>
              ))}
            </select>
            {problemsOf('kind')}
          </div>
          <div className="field">
            <label htmlFor={id('method')}>{t('inspections.form.method')}</label>
            <select id={id('method')} value={values.method} onChange={(e) => set('method', e.target.value as InspectionFormValues['method'])} {...invalid('method')}>
              <option value="">{t('inspections.form.choose')}</option>
              {INSPECTION_METHODS.map((m) => (
                <option key={m} value={m}>
                  {t(`inspections.method.${m}`)}
                </option>
              ))}
            </select>
            {problemsOf('method')}
          </div>
          <div className="field">
            <label htmlFor={id('date')}>{t('inspections.form.date')}</label>
            <input id={id('date')} type="date" value={values.date} onChange={(e) => set('date', e.target.value)} {...invalid('date')} />
            {problemsOf('date')}
          </div>
          <div className="field field-wide">
            <label htmlFor={id('inspectors')}>{t('inspections.form.inspectors')}</label>
            <input
              id={id('inspectors')}
              type="text"
              value={values.inspectors}
              placeholder={t('inspections.form.inspectorsHint')}
              onChange={(e) => set('inspectors', e.target.value)}
              {...invalid('inspectors')}
            />
            {problemsOf('inspectors')}
          </div>
          <div className="field field-wide">
            <label htmlFor={id('agencyIds')}>{t('inspections.form.agencies')}</label>
            <select
              id={id('agencyIds')}
              multiple
              size={8}
              value={values.agencyIds}
              onChange={(e) => set('agencyIds', [...e.target.selectedOptions].map((o) => o.value))}
              {...invalid('agencyIds')}
            >
              {(['CITY', 'DISTRICT'] as const).map((level) => (
                <optgroup key={level} label={t(level === 'CITY' ? 'filters.cityAgencies' : 'filters.districtAgencies')}>
                  {allAgencies
                    .filter((a) => a.level === level)
                    .map((a) => (
                      <option key={a.id} value={a.id}>
                        {localName(a, lang)}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
            <span className="field-hint">{t('inspections.form.agenciesHint')}</span>
            {values.agencyIds.length > 0 ? (
              // The list scrolls: the units chosen may be out of sight, so they are named here.
              <span className="field-hint chosen-agencies" aria-live="polite">
                {t('inspections.form.chosen', {
                  names: values.agencyIds
                    .map((id) => allAgencies.find((a) => a.id === id))
                    .map((a, i) => (a ? localName(a, lang) : values.agencyIds[i]!))
                    .join(t('inspections.separator')),
                })}
              </span>
            ) : null}
            {problemsOf('agencyIds')}
          </div>
          <div className="field field-wide">
            <label htmlFor={id('summary')}>{t('inspections.form.summary')}</label>
            <textarea id={id('summary')} rows={3} value={values.summary} onChange={(e) => set('summary', e.target.value)} {...invalid('summary')} />
            {problemsOf('summary')}
          </div>
        </div>

        <fieldset className="form-fieldset">
          <legend>{t('inspections.form.findings')}</legend>
          {problemsOf('findings')}
          <ol className="finding-inputs">
            {values.findings.map((f, i) => {
              const field = `findings.${i}` as FormField;
              const locked = f.id !== null && (initial?.lockedFindings.has(f.id) ?? false);
              return (
                <li key={f.id ?? `new-${i}`} className="finding-input">
                  <label htmlFor={id(field)}>{t('inspections.form.finding', { n: i + 1 })}</label>
                  <textarea
                    id={id(field)}
                    rows={2}
                    value={f.text}
                    onChange={(e) => set('findings', values.findings.map((g, j) => (j === i ? { ...g, text: e.target.value } : g)), field)}
                    {...invalid(field)}
                  />
                  <button
                    type="button"
                    className="button button-quiet"
                    disabled={locked}
                    title={locked ? t('inspections.form.findingHasItems') : undefined}
                    onClick={() => set('findings', values.findings.filter((_, j) => j !== i), field)}
                  >
                    {t('inspections.form.removeFinding', { n: i + 1 })}
                  </button>
                  {problemsOf(field)}
                </li>
              );
            })}
          </ol>
          <button type="button" className="button button-quiet" onClick={() => set('findings', [...values.findings, { id: null, text: '' }])}>
            {t('inspections.form.addFinding')}
          </button>
        </fieldset>

        <fieldset className="form-fieldset">
          <legend>{t('inspections.form.snapshots')}</legend>
          <p className="field-hint">{t('inspections.form.snapshotsHint')}</p>
          {initial && initial.snapshots.length > 0 ? (
            <div className="existing-snapshots">
              <p>{t('inspections.form.existingSnapshots')}</p>
              {initial.snapshots.map((snap) => (
                <label key={snap.id} className="checkbox">
                  <input
                    type="checkbox"
                    checked={values.removeSnapshotIds.includes(snap.id)}
                    onChange={(e) =>
                      set(
                        'removeSnapshotIds',
                        e.target.checked ? [...values.removeSnapshotIds, snap.id] : values.removeSnapshotIds.filter((x) => x !== snap.id),
                        'snapshots',
                      )
                    }
                  />
                  {t('inspections.form.removeSnapshot')}: {t(`inspections.snapshots.kind.${snap.kind}` as 'inspections.snapshots.kind.SCORECARD')} ·{' '}
                  {formatHubDateTime(snap.takenAt, lang)}
                </label>
              ))}
            </div>
          ) : null}
          <div className="snapshot-choices">
            <div className="field">
              <label htmlFor={id('snapshotYear')}>{t('inspections.form.snapshotYear')}</label>
              <input
                id={id('snapshotYear')}
                type="number"
                inputMode="numeric"
                min={2000}
                max={2100}
                value={s.year}
                onChange={(e) => set('snapshots', { ...s, year: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={id('snapshotRubric')}>{t('inspections.form.snapshotRubric')}</label>
              <select id={id('snapshotRubric')} value={s.rubricVersion} onChange={(e) => set('snapshots', { ...s, rubricVersion: e.target.value })}>
                {rubricList.map((r) => (
                  <option key={r.version} value={r.version}>
                    {r.version} {r.name}
                  </option>
                ))}
              </select>
            </div>
            {(['scorecard', 'coverage', 'overlapGaps'] as const).map((k) => (
              <label key={k} className="checkbox">
                <input type="checkbox" checked={s[k]} onChange={(e) => set('snapshots', { ...s, [k]: e.target.checked })} />
                {t(k === 'scorecard' ? 'inspections.form.snapScorecard' : k === 'coverage' ? 'inspections.form.snapCoverage' : 'inspections.form.snapOverlap')}
              </label>
            ))}
          </div>
          {problemsOf('snapshots')}
        </fieldset>

        <div aria-live="polite">
          {problemCount > 0 || (server && server.general.length > 0) ? (
            <div className="outcome outcome-error" role="alert" tabIndex={-1} ref={summaryRef}>
              <p className="outcome-title">{t('inspections.form.failed')}</p>
              <p>{t('inspections.form.nothingSaved')}</p>
              {problemCount > 0 ? <p>{t('inspections.form.fixFields', { count: formatInteger(problemCount, lang) })}</p> : null}
              {server?.general.map((m, i) => {
                const shown = localizeInspectionMessage(m, lang);
                return (
                  <p key={i} lang={!shown.translated && lang !== 'en' ? 'en' : undefined}>
                    {shown.text}
                  </p>
                );
              })}
            </div>
          ) : null}
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={saving}>
            {saving ? t('inspections.form.saving') : t('inspections.form.save')}
          </button>
          <button type="button" className="button button-quiet" disabled={saving} onClick={onCancel}>
            {t('inspections.form.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

