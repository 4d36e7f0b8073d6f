/**
 * One wave's form. What is missing is said before sending (feedbackForm.ts,
 * missingFields); what the hub refuses comes back next to its field; a device
 * that already answered and the per-address limit get their own sentences.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, type CombinedError } from 'urql';
import type { MessageKey } from '../../app/i18n';
import { useI18n } from '../../app/I18nContext';
import { localName } from '../../app/session';
import { localizeServerMessage } from '../report/fieldErrors';
import {
  AGE_BANDS,
  deviceToken,
  EMPTY_VALUES,
  feedbackInput,
  mapFeedbackErrors,
  missingFields,
  OCCUPATIONS,
  questionField,
  type AnswerValue,
  type FeedbackRefusal,
  type FeedbackValues,
} from './feedbackEntry';
import { SubmitFeedbackMutation, type OpenWave } from './portal.queries';

interface District {
  id: string;
  name: string;
  nameEn: string | null;
}

/** A random id for the device token; randomUUID needs a secure context, getRandomValues does not. */
function makeId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

type Outcome = { kind: 'thanks'; answers: number } | { kind: 'refused'; refusal: FeedbackRefusal } | null;

export function FeedbackForm({ wave, districts, districtsError }: { wave: OpenWave; districts: readonly District[] | undefined; districtsError?: CombinedError | undefined }) {
  const { lang, t } = useI18n();
  const formId = useId();
  const [values, setValues] = useState<FeedbackValues>(EMPTY_VALUES);
  const [missing, setMissing] = useState<Record<string, MessageKey>>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [sending, submit] = useMutation(SubmitFeedbackMutation);
  const questions = wave.questions;

  const set = (patch: Partial<FeedbackValues>, field: string) => {
    setValues((v) => ({ ...v, ...patch }));
    setMissing(({ [field]: _, ...rest }) => rest);
  };
  const answer = (questionId: string, value: AnswerValue) =>
    set({ answers: { ...values.answers, [questionId]: value } }, questionField(questionId));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const local = missingFields(questions, values);
    setMissing(local);
    setOutcome(null);
    if (Object.keys(local).length > 0) {
      // The first field to fix takes the focus, so keyboard and screen-reader users land on it.
      const first = Object.keys(local)[0]!;
      document.getElementById(`${formId}-${first}`)?.focus();
      return;
    }
    const input = feedbackInput(wave.id, questions, values, deviceToken(storage(), makeId));
    const result = await submit({ input });
    if (result.data?.submitFeedback) setOutcome({ kind: 'thanks', answers: result.data.submitFeedback.answers });
    else if (result.error) setOutcome({ kind: 'refused', refusal: mapFeedbackErrors(result.error, input.answers.map((a) => a.questionId)) });
  };

  if (outcome?.kind === 'thanks') {
    return (
      <div className="outcome outcome-success feedback-thanks" role="status">
        <p className="outcome-title">{t('portal.feedback.thanks')}</p>
        <p>{t('portal.feedback.thanksDetail', { count: outcome.answers })}</p>
      </div>
    );
  }
  if (outcome?.kind === 'refused' && outcome.refusal.kind === 'already') {
    return (
      <div className="outcome outcome-notice feedback-already" role="status">
        <p className="outcome-title">{t('portal.feedback.already')}</p>
      </div>
    );
  }

  const refusal = outcome?.kind === 'refused' ? outcome.refusal : null;
  /** Local and hub problems of a field, in the reader's language where known. */
  const problems = (field: string): string[] => [
    ...(missing[field] ? [t(missing[field])] : []),
    ...(refusal?.fields[field] ?? []).map((m) => t('portal.feedback.serverField', { message: localizeServerMessage(m, lang).text })),
  ];
  const problemCount = Object.keys(missing).length + Object.keys(refusal?.fields ?? {}).length;

  const fieldProps = (field: string) => {
    const shown = problems(field);
    return {
      id: `${formId}-${field}`,
      'aria-invalid': shown.length ? true : undefined,
      'aria-describedby': shown.length ? `${formId}-${field}-error` : undefined,
    };
  };
  const errorOf = (field: string) => {
    const shown = problems(field);
    return shown.length ? (
      <p id={`${formId}-${field}-error`} className="field-error" data-field={field}>
        {shown.join(' ')}
      </p>
    ) : null;
  };

  const select = (field: 'districtId' | 'ageBand' | 'occupation', label: string, options: ReactNode) => (
    <div className="field feedback-field">
      <label htmlFor={`${formId}-${field}`}>{label} *</label>
      <select {...fieldProps(field)} value={values[field]} onChange={(e) => set({ [field]: e.target.value } as Partial<FeedbackValues>, field)}>
        <option value="">{t('portal.feedback.choose')}</option>
        {options}
      </select>
      {errorOf(field)}
    </div>
  );

  return (
    <form className="feedback-form" noValidate onSubmit={(e) => void onSubmit(e)}>
      <fieldset className="feedback-group">
        <legend className="section-title">{t('portal.feedback.about')}</legend>
        <div className="feedback-about">
          {select(
            'districtId',
            t('portal.feedback.district'),
            (districts ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {localName(d, lang)}
              </option>
            )),
          )}
          {select(
            'ageBand',
            t('portal.feedback.ageBand'),
            AGE_BANDS.map((a) => (
              <option key={a} value={a}>
                {t(`portal.feedback.age.${a}`)}
              </option>
            )),
          )}
          {select(
            'occupation',
            t('portal.feedback.occupation'),
            OCCUPATIONS.map((o) => (
              <option key={o} value={o}>
                {t(`portal.feedback.occ.${o}`)}
              </option>
            )),
          )}
        </div>
        {districtsError ? (
          <p className="field-error" role="alert">
            {t('form.optionsError')}
          </p>
        ) : null}
      </fieldset>

      <fieldset className="feedback-group">
        <legend className="section-title">{t('portal.feedback.questions')}</legend>
        <ol className="feedback-questions">
          {questions.map((q, i) => {
            const field = questionField(q.id);
            const props = fieldProps(field);
            const current = values.answers[q.id];
            const choices: { value: AnswerValue; label: string; checked: boolean }[] =
              q.kind === 'AWARENESS'
                ? [
                    { value: { aware: true }, label: t('portal.feedback.yes'), checked: current?.aware === true },
                    { value: { aware: false }, label: t('portal.feedback.no'), checked: current?.aware === false },
                  ]
                : [1, 2, 3, 4, 5].map((n) => ({ value: { satisfaction: n }, label: t('portal.feedback.stars', { count: n }), checked: current?.satisfaction === n }));
            return (
              <li key={q.id} className="feedback-question" data-question={q.id}>
                <fieldset id={props.id} tabIndex={-1} aria-invalid={props['aria-invalid']} aria-describedby={props['aria-describedby']}>
                  <legend>
                    {i + 1}. {q.text} *
                  </legend>
                  {q.kind === 'SATISFACTION' ? <p className="field-hint">{t('portal.feedback.starsScale')}</p> : null}
                  <div className={q.kind === 'SATISFACTION' ? 'feedback-choices feedback-stars' : 'feedback-choices'}>
                    {choices.map((c) => (
                      <label key={c.label} className="feedback-choice">
                        <input type="radio" name={`${formId}-q-${q.id}`} checked={c.checked} onChange={() => answer(q.id, c.value)} />
                        <span>{c.label}</span>
                      </label>
                    ))}
                  </div>
                  {errorOf(field)}
                </fieldset>
              </li>
            );
          })}
        </ol>
      </fieldset>

      {refusal ? (
        <div className="outcome outcome-error feedback-refused" role="alert">
          <p className="outcome-title">{t('portal.feedback.failed')}</p>
          {refusal.kind === 'rateLimited' ? <p>{t('portal.feedback.rateLimited')}</p> : null}
          {refusal.kind === 'network' ? <p>{t('portal.feedback.network')}</p> : null}
          {problemCount > 0 ? <p>{t('portal.feedback.fix', { count: problemCount })}</p> : null}
          {refusal.kind === 'network'
            ? null
            : refusal.general.map((m) => (
                <p key={m} lang={localizeServerMessage(m, lang).translated ? undefined : 'en'}>
                  {localizeServerMessage(m, lang).text}
                </p>
              ))}
        </div>
      ) : Object.keys(missing).length > 0 ? (
        <p className="field-error" role="alert">
          {t('portal.feedback.fix', { count: problemCount })}
        </p>
      ) : null}

      <div className="feedback-submit">
        <button type="submit" className="button" disabled={sending.fetching}>
          {sending.fetching ? t('portal.feedback.submitting') : t('portal.feedback.submit')}
        </button>
      </div>
    </form>
  );
}
