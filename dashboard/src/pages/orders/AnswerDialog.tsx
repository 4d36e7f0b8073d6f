/**
 * The dialog an agency answers an order in: accept with a planned day,
 * decline with a reason, or mark it done with the activity that delivered it
 * (the agency's activities on or after the order day). The hub's problems
 * sit beside their fields; a refused move (CONFLICT: already final) and
 * other refusals are said in words in the dialog.
 */
import { useId, useMemo, useState } from 'react';
import { CombinedError, useMutation } from 'urql';
import { formatDate } from '../../app/format';
import { useI18n } from '../../app/I18nContext';
import type { MessageKey } from '../../app/i18n';
import { localName, type NamedRef } from '../../app/session';
import { useRetryableQuery } from '../../app/useRetryableQuery';
import { Dialog } from '../assessment/Dialog';
import { ANSWER_FIELDS, DECISIONS, REASON_LIMITS, toAnswerInput, type AnswerField, type AnswerValues, type Decision } from './answer';
import { Field, type ShownProblem } from './Field';
import { Refusal } from './OrderForm';
import { AgencyActivitiesQuery, AnswerOrderMutation } from './orders.queries';
import { localizeProblem, mapProblems, type MappedProblems } from './problems';

export interface AnswerTarget {
  orderId: string;
  orderedOn: string;
  requester: string;
  topic: string;
  agency: NamedRef;
  /** The route's state now (an accepted order may be moved or done). */
  accepted: boolean;
}

export function AnswerDialog({ target, onClose, onAnswered }: { target: AnswerTarget; onClose: () => void; onAnswered: () => void }) {
  const { lang, t } = useI18n();
  const prefix = useId();
  const [values, setValues] = useState<AnswerValues>({ decision: '', plannedOn: '', reason: '', activityId: '' });
  const [local, setLocal] = useState<Partial<Record<AnswerField, MessageKey>>>({});
  const [server, setServer] = useState<{ mapped: MappedProblems<AnswerField>; error: CombinedError } | null>(null);
  const [state, answer] = useMutation(AnswerOrderMutation);
  const activityVars = useMemo(() => ({ filter: { agencyIds: [target.agency.id], from: target.orderedOn }, first: 100 }), [target]);
  const [activities, retryActivities] = useRetryableQuery(AgencyActivitiesQuery, activityVars, { pause: values.decision !== 'DONE' });
  const id = (f: AnswerField) => `${prefix}-${f}`;

  const set = (field: keyof AnswerValues, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setLocal((l) => ({ ...l, [field]: undefined }));
    setServer(null);
  };

  async function submit() {
    const built = toAnswerInput(target.orderId, target.agency.id, target.orderedOn, values);
    if (!built.ok) {
      setLocal(built.problems);
      return;
    }
    setLocal({});
    // The figures and the list both change with an answer: every query naming these types asks again.
    const result = await answer({ input: built.input }, { additionalTypenames: ['SupplyDemand', 'EducationOrder', 'OrderRoute'] });
    if (result.error || !result.data) {
      const error = result.error ?? new CombinedError({ networkError: new Error('The hub answered without a result') });
      setServer({ mapped: mapProblems(error, ANSWER_FIELDS), error });
      return;
    }
    onAnswered();
  }

  const shown = (field: AnswerField): ShownProblem[] => [
    ...(local[field] ? [{ text: t(local[field]!), english: false }] : []),
    ...(server?.mapped.fields[field] ?? []).map((m) => {
      const l = localizeProblem(m, lang);
      return { text: l.text, english: !l.translated };
    }),
  ];
  const list = activities.data?.activities.nodes ?? [];

  return (
    <Dialog
      open
      title={t('orders.answer.title', { agency: localName(target.agency, lang) })}
      onClose={onClose}
      className="orders-answer-dialog"
      actions={
        <>
          <button type="button" className="button" disabled={state.fetching} onClick={() => void submit()}>
            {state.fetching ? t('orders.answer.saving') : t('orders.answer.save')}
          </button>
          <button type="button" className="button button-quiet" onClick={onClose}>
            {t('orders.answer.cancel')}
          </button>
        </>
      }
    >
      <p className="orders-answer-order">
        <strong>{target.requester}</strong> · {t('orders.list.orderedOn', { day: formatDate(target.orderedOn, lang) })}
      </p>
      <p className="orders-topic">{target.topic}</p>
      <fieldset className={`record-field orders-decisions${shown('decision').length ? ' is-invalid' : ''}`}>
        <legend>{t('orders.answer.decision')}</legend>
        {DECISIONS.map((d: Decision) => (
          <label key={d} className="record-choice">
            <input type="radio" name={`${prefix}-decision`} value={d} checked={values.decision === d} onChange={() => set('decision', d)} />
            <span>{t(`orders.decision.${d}${d === 'ACCEPT' && target.accepted ? '.again' : ''}` as MessageKey)}</span>
          </label>
        ))}
        {shown('decision').map((p, i) => (
          <p key={i} className="field-error">
            {p.text}
          </p>
        ))}
      </fieldset>
      {values.decision === 'ACCEPT' ? (
        <Field id={id('plannedOn')} name="plannedOn" label={t('orders.answer.plannedOn')} required hint={t('orders.answer.plannedHint', { day: formatDate(target.orderedOn, lang) })} problems={shown('plannedOn')}>
          <input type="date" min={target.orderedOn} value={values.plannedOn} onChange={(e) => set('plannedOn', e.target.value)} />
        </Field>
      ) : null}
      {values.decision === 'DECLINE' ? (
        <Field id={id('reason')} name="reason" label={t('orders.answer.reason')} required hint={t('orders.answer.reasonHint', { min: REASON_LIMITS.min, max: REASON_LIMITS.max })} problems={shown('reason')}>
          <textarea rows={3} maxLength={REASON_LIMITS.max} value={values.reason} onChange={(e) => set('reason', e.target.value)} />
        </Field>
      ) : null}
      {values.decision === 'DONE' ? (
        <Field
          id={id('activityId')}
          name="activityId"
          label={t('orders.answer.activity')}
          required
          hint={activities.data && list.length === 0 ? t('orders.answer.noActivities', { day: formatDate(target.orderedOn, lang) }) : t('orders.answer.activityHint')}
          problems={shown('activityId')}
        >
          <select value={values.activityId} disabled={!activities.data || list.length === 0} onChange={(e) => set('activityId', e.target.value)}>
            <option value="">{activities.error ? t('form.optionsError') : !activities.data ? t('form.loadingOptions') : t('form.choose')}</option>
            {list.map((a) => (
              <option key={a.id} value={a.id}>
                {formatDate(a.date, lang)} {a.title}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {values.decision === 'DONE' && activities.error ? (
        <button type="button" className="link-button" onClick={retryActivities}>
          {t('state.retry')}
        </button>
      ) : null}
      <div aria-live="polite">{server ? <Refusal mapped={server.mapped} error={server.error} /> : null}</div>
    </Dialog>
  );
}
