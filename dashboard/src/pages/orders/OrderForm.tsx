/**
 * 点单: the public order form (orderLegalEducation). Everyone may send it,
 * signed in or not. Problems appear beside their fields (the form's own
 * checks first, then the hub's `extensions.problems`); a refusal for too
 * many submissions (429) or a lost connection is said in words above the
 * button, and what was typed stays. A picked menu item fills law and domain.
 */
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { CombinedError, useMutation } from 'urql';
import { describeError } from '../../app/errors';
import { useI18n } from '../../app/I18nContext';
import type { MessageKey } from '../../app/i18n';
import { localName } from '../../app/session';
import { useRetryableQuery } from '../../app/useRetryableQuery';
import { Field, SearchSelect, type ShownProblem } from './Field';
import { ORDER_FIELDS, REQUESTER_KINDS, toOrderInput, LIMITS, type OrderField, type OrderFormValues, type OrderProblems } from './orderForm';
import { LawDomainsQuery, OrderChoicesQuery, OrderMutation, type OrderReceiptData } from './orders.queries';
import { localizeProblem, mapProblems, type MappedProblems } from './problems';

export interface OrderFormProps {
  values: OrderFormValues;
  onChange: (values: OrderFormValues) => void;
  onPlaced: (receipt: OrderReceiptData) => void;
}

export function OrderForm({ values, onChange, onPlaced }: OrderFormProps) {
  const { lang, t } = useI18n();
  const prefix = useId();
  const headingId = useId();
  const [choicesResult, retryChoices] = useRetryableQuery(OrderChoicesQuery, {});
  const [state, place] = useMutation(OrderMutation);
  const [local, setLocal] = useState<OrderProblems>({});
  const [server, setServer] = useState<{ mapped: MappedProblems<OrderField>; error: CombinedError } | null>(null);
  const [focusTick, setFocusTick] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const id = (field: OrderField) => `${prefix}-${field}`;

  const choices = choicesResult.data;
  const laws = useMemo(() => (choices?.laws.nodes ?? []).map((l) => ({ value: l.id, label: localName(l, lang) })), [choices, lang]);
  const domains = useMemo(() => (choices?.domains.nodes ?? []).map((d) => ({ value: d.id, label: localName(d, lang) })), [choices, lang]);
  const districts = choices?.regions.nodes ?? [];
  const lawVars = useMemo(() => ({ id: values.lawId }), [values.lawId]);
  const [lawResult] = useRetryableQuery(LawDomainsQuery, lawVars, { pause: !values.lawId });
  const lawDomains = values.lawId && lawResult.data?.node && 'domains' in lawResult.data.node && lawResult.data.node.id === values.lawId ? lawResult.data.node.domains : null;

  // After a refusal the first field to correct gets the focus, else the summary.
  useEffect(() => {
    if (focusTick === 0) return;
    const first = ORDER_FIELDS.find((f) => local[f] || server?.mapped.fields[f]);
    const target = first ? formRef.current?.querySelector<HTMLElement>(`#${CSS.escape(id(first))}`) : null;
    (target ?? formRef.current?.querySelector<HTMLElement>('.orders-summary'))?.focus();
  }, [focusTick]);

  function set(field: OrderField, value: string) {
    onChange({ ...values, [field]: value });
    // A changed field is no longer marked; law and domain answer for each other.
    const cleared = field === 'domainId' || field === 'lawId' ? ['lawId', 'domainId'] : [field];
    setLocal((l) => Object.fromEntries(Object.entries(l).filter(([k]) => !cleared.includes(k))));
    setServer((s) => (s ? { ...s, mapped: { ...s.mapped, fields: Object.fromEntries(Object.entries(s.mapped.fields).filter(([k]) => !cleared.includes(k))) } } : s));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (state.fetching) return;
    setServer(null);
    const built = toOrderInput(values);
    if (!built.ok) {
      setLocal(built.problems);
      setFocusTick((n) => n + 1);
      return;
    }
    setLocal({});
    const result = await place({ input: built.input });
    if (result.error || !result.data) {
      const error = result.error ?? new CombinedError({ networkError: new Error('The hub answered without a result') });
      setServer({ mapped: mapProblems(error, ORDER_FIELDS), error });
      setFocusTick((n) => n + 1);
      return;
    }
    onPlaced(result.data.orderLegalEducation);
  }

  const shown = (field: OrderField): ShownProblem[] => [
    ...(local[field] ? [{ text: t(local[field]!), english: false }] : []),
    ...(server?.mapped.fields[field] ?? []).map((m) => {
      const l = localizeProblem(m, lang);
      return { text: l.text, english: !l.translated };
    }),
  ];
  const localCount = Object.keys(local).length;
  const disabled = state.fetching;
  const choicesState = choicesResult.error ? 'error' : !choices ? 'loading' : 'ready';
  const placeholder = choicesState === 'loading' ? t('form.loadingOptions') : choicesState === 'error' ? t('form.optionsError') : t('form.choose');

  return (
    <section className="card orders-form-card" aria-labelledby={headingId}>
      <header className="card-header">
        <h2 id={headingId} className="card-title">
          {t('orders.form.title')}
        </h2>
        <span className="card-note">{t('orders.form.note')}</span>
      </header>
      <form ref={formRef} className="record-form" noValidate onSubmit={(e) => void submit(e)}>
        <div className="record-fields">
          <p className="muted small record-required-note">{t('form.requiredNote')}</p>
          <Field id={id('requesterKind')} name="requesterKind" label={t('orders.field.requesterKind')} required problems={shown('requesterKind')}>
            <select value={values.requesterKind} disabled={disabled} onChange={(e) => set('requesterKind', e.target.value)}>
              <option value="">{t('form.choose')}</option>
              {REQUESTER_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`orders.kind.${k}` as MessageKey)}
                </option>
              ))}
            </select>
          </Field>
          <Field id={id('requesterName')} name="requesterName" label={t('orders.field.requesterName')} required hint={t('orders.hint.requesterName')} problems={shown('requesterName')}>
            <input type="text" maxLength={LIMITS.requesterName} autoComplete="organization" value={values.requesterName} disabled={disabled} onChange={(e) => set('requesterName', e.target.value)} />
          </Field>
          <Field id={id('topic')} name="topic" label={t('orders.field.topic')} required wide hint={t('orders.hint.topic')} problems={shown('topic')}>
            <textarea rows={3} maxLength={LIMITS.topic} value={values.topic} disabled={disabled} onChange={(e) => set('topic', e.target.value)} />
          </Field>
          <SearchSelect
            id={id('lawId')}
            name="lawId"
            label={t('orders.field.law')}
            searchLabel={t('orders.form.searchLaw')}
            placeholder={placeholder}
            choices={laws}
            value={values.lawId}
            disabled={disabled || choicesState !== 'ready'}
            onChange={(v) => set('lawId', v)}
            hint={lawDomains ? (lawDomains.length ? t('orders.hint.lawDomains', { domains: lawDomains.map((d) => localName(d, lang)).join('、') }) : t('orders.hint.lawNoDomain')) : t('orders.hint.lawOrDomain')}
            problems={shown('lawId')}
          />
          <SearchSelect
            id={id('domainId')}
            name="domainId"
            label={t('orders.field.domain')}
            searchLabel={t('orders.form.searchDomain')}
            placeholder={placeholder}
            choices={domains}
            value={values.domainId}
            disabled={disabled || choicesState !== 'ready'}
            onChange={(v) => set('domainId', v)}
            problems={shown('domainId')}
          />
          <Field id={id('districtId')} name="districtId" label={t('orders.field.district')} required problems={shown('districtId')}>
            <select value={values.districtId} disabled={disabled || choicesState !== 'ready'} onChange={(e) => set('districtId', e.target.value)}>
              <option value="">{placeholder}</option>
              {districts.map((d) => (
                <option key={d.id} value={d.id}>
                  {localName(d, lang)}
                </option>
              ))}
            </select>
          </Field>
          <Field id={id('wishedFrom')} name="wishedFrom" label={t('orders.field.wishedFrom')} required problems={shown('wishedFrom')}>
            <input type="date" value={values.wishedFrom} disabled={disabled} onChange={(e) => set('wishedFrom', e.target.value)} />
          </Field>
          <Field id={id('wishedTo')} name="wishedTo" label={t('orders.field.wishedTo')} required hint={t('orders.hint.wished')} problems={shown('wishedTo')}>
            <input type="date" value={values.wishedTo} disabled={disabled} onChange={(e) => set('wishedTo', e.target.value)} />
          </Field>
          <Field id={id('audienceSize')} name="audienceSize" label={t('orders.field.audienceSize')} hint={t('orders.hint.audienceSize')} problems={shown('audienceSize')}>
            <input type="number" inputMode="numeric" min={1} max={LIMITS.audienceSize} step={1} value={values.audienceSize} disabled={disabled} onChange={(e) => set('audienceSize', e.target.value)} />
          </Field>
          <fieldset className="record-field orders-contact">
            <legend>{t('orders.contact.legend')}</legend>
            <p className="orders-privacy" id={`${prefix}-privacy`}>
              {t('orders.contact.privacy')}
            </p>
            <div className="orders-contact-fields">
              <Field id={id('contactName')} name="contactName" label={t('orders.field.contactName')} required problems={shown('contactName')}>
                <input type="text" maxLength={LIMITS.contactName} autoComplete="name" value={values.contactName} disabled={disabled} onChange={(e) => set('contactName', e.target.value)} />
              </Field>
              <Field id={id('contactPhone')} name="contactPhone" label={t('orders.field.contactPhone')} required hint={t('orders.hint.phone')} problems={shown('contactPhone')}>
                <input type="tel" maxLength={20} autoComplete="tel" value={values.contactPhone} disabled={disabled} onChange={(e) => set('contactPhone', e.target.value)} />
              </Field>
            </div>
          </fieldset>
        </div>
        {choicesResult.error ? (
          <p className="field-error" role="alert">
            {t('form.optionsError')}{' '}
            <button type="button" className="link-button" onClick={retryChoices}>
              {t('state.retry')}
            </button>
          </p>
        ) : null}
        <div className="record-outcome" aria-live="polite">
          {localCount > 0 ? (
            <div className="outcome outcome-error orders-summary" role="alert" tabIndex={-1}>
              <p className="outcome-title">{t('orders.form.failed')}</p>
              <p>{t('orders.form.fixFields', { count: localCount })}</p>
            </div>
          ) : null}
          {server ? <Refusal mapped={server.mapped} error={server.error} /> : null}
        </div>
        <div className="record-actions">
          <button type="submit" className="button" disabled={disabled}>
            {disabled ? t('orders.form.sending') : t('orders.form.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

/**
 * Why the hub did not take the order (or the answer): problems of shown
 * fields are beside them; too many submissions (429), a lost connection and
 * anything else (CONFLICT, FORBIDDEN …) here, in words.
 */
export function Refusal({ mapped, error, failed }: { mapped: MappedProblems<string>; error: CombinedError; /** What did not happen (default: the order was not sent). */ failed?: string }) {
  const { lang, t } = useI18n();
  const fieldCount = Object.keys(mapped.fields).length;
  const limited = mapped.code === 'RATE_LIMITED' || error.response?.status === 429;
  const title = limited ? t('orders.form.limitedTitle') : mapped.network ? t('form.unreachableTitle') : (failed ?? t('orders.form.failed'));
  const general = mapped.general.map((m) => localizeProblem(m, lang));
  const untranslated = general.filter((g) => !g.translated && lang !== 'en');
  return (
    <div className="outcome outcome-error orders-summary" role="alert" tabIndex={-1}>
      <p className="outcome-title">{title}</p>
      {limited ? <p>{t('orders.form.limited')}</p> : null}
      {!limited && mapped.network ? <p>{t('form.error.network')}</p> : null}
      {fieldCount > 0 ? <p>{t('orders.form.fixFields', { count: fieldCount })}</p> : null}
      {!limited && !mapped.network ? (
        <>
          {general.filter((g) => g.translated || lang === 'en').map((g, i) => (
            <p key={i}>{g.text}</p>
          ))}
          {untranslated.length > 0 ? (
            <>
              <p>{describeError(error, lang).message}</p>
              {untranslated.map((g, i) => (
                <p key={i} className="state-detail" lang="en">
                  {g.text}
                </p>
              ))}
            </>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
