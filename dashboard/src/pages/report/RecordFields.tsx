/**
 * A form drawn from a field list (recordForm.ts): native inputs, selects and
 * checkbox groups, each with its label, its hint and its problems next to it.
 * It holds no state of its own: values, choices and problems come in, changes
 * go out.
 */
import type { ReactNode } from 'react';
import { useI18n } from '../../app/I18nContext';
import { formatInteger } from '../../app/format';
import type { FieldSpec, FieldValue, FormValues, OptionSource } from './recordForm';
import type { Option, OptionState } from './recordOptions';
import { OPTION_LIMIT } from './recordOptions';

/** A problem shown under a field; `english` marks the hub's untranslated words. */
export interface ShownProblem {
  text: string;
  english: boolean;
}

export interface RecordFormProps {
  /** Prefix of the fields' element ids (`${idPrefix}-${field.name}`), unique on the page. */
  idPrefix: string;
  fields: readonly FieldSpec[];
  values: FormValues;
  /** The row's values the session fixes (e.g. the organiser), which `notSameAs` may name. */
  fixed: Record<string, string>;
  options: Record<OptionSource, OptionState>;
  problems: Record<string, ShownProblem[]>;
  disabled: boolean;
  onChange: (name: string, value: FieldValue) => void;
}

export function fieldId(idPrefix: string, name: string): string {
  return `${idPrefix}-${name}`;
}

export function RecordFields(props: RecordFormProps) {
  const { t } = useI18n();
  return (
    <div className="record-fields">
      <p className="muted small record-required-note">{t('form.requiredNote')}</p>
      {props.fields.map((field) => (
        <Field key={field.name} field={field} {...props} />
      ))}
    </div>
  );
}

function Field({ field, idPrefix, values, fixed, options, problems, disabled, onChange }: RecordFormProps & { field: FieldSpec }) {
  const { lang, t } = useI18n();
  const id = fieldId(idPrefix, field.name);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const shown = problems[field.name] ?? [];
  const invalid = shown.length > 0;
  const state = field.options ? choices(options[field.options], field.notSameAs ? (values[field.notSameAs] ?? fixed[field.notSameAs]) : undefined) : null;
  const describedBy = [field.hint ? hintId : '', invalid ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy,
  };
  const value = values[field.name];
  const label = (
    <>
      {t(field.label)}
      {field.required ? (
        <span className="record-required" aria-hidden="true">
          {' '}*
        </span>
      ) : null}
    </>
  );

  const after: ReactNode = (
    <>
      {state ? <OptionNote state={state} withStatus={field.kind === 'multi'} field={field} /> : null}
      {field.hint ? (
        <p id={hintId} className="record-hint">
          {t(field.hint)}
        </p>
      ) : null}
      {invalid ? (
        <ul id={errorId} className="record-problems">
          {shown.map((p, i) => (
            <li key={i} className="field-error" lang={p.english && lang !== 'en' ? 'en' : undefined}>
              {p.text}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );

  if (field.kind === 'checkbox') {
    return (
      <div className={`record-field record-check${invalid ? ' is-invalid' : ''}`}>
        <label htmlFor={id}>
          <input
            id={id}
            type="checkbox"
            checked={value === true}
            disabled={disabled}
            onChange={(e) => onChange(field.name, e.target.checked)}
            {...common}
          />
          {label}
        </label>
        {after}
      </div>
    );
  }

  if (field.kind === 'multi') {
    const chosen = Array.isArray(value) ? value : [];
    const list = state?.status === 'ready' ? state.options : [];
    return (
      <fieldset
        className={`record-field record-multi${invalid ? ' is-invalid' : ''}`}
        data-field={field.name}
        aria-describedby={describedBy}
      >
        <legend>
          {label}
          {chosen.length > 0 ? <span className="record-count">{t('form.selectedCount', { count: formatInteger(chosen.length, lang) })}</span> : null}
        </legend>
        {list.length > 0 ? (
          <div className={`record-checks${list.length > 16 ? ' is-long' : ''}${list.some((o) => o.label.length > 16) ? ' is-wide' : ''}`}>
            {list.map((o) => (
              <label key={o.value} className="record-choice">
                <input
                  type="checkbox"
                  value={o.value}
                  checked={chosen.includes(o.value)}
                  disabled={disabled}
                  onChange={(e) =>
                    onChange(field.name, e.target.checked ? [...chosen, o.value] : chosen.filter((v) => v !== o.value))
                  }
                />
                <span>{o.label}</span>
              </label>
            ))}
          </div>
        ) : null}
        {after}
      </fieldset>
    );
  }

  if (field.kind === 'select') {
    const ready = state?.status === 'ready' ? state.options : null;
    const placeholder =
      state?.status === 'idle'
        ? t(field.idle ?? 'form.choose')
        : state?.status === 'loading'
        ? t('form.loadingOptions')
        : state?.status === 'error'
          ? t('form.optionsError')
          : ready && ready.length === 0
            ? t('form.noOptions')
            : field.required
              ? t('form.choose')
              : t('form.none');
    return (
      <div className={`record-field${field.wide ? ' is-wide' : ''}${invalid ? ' is-invalid' : ''}`}>
        <label htmlFor={id}>{label}</label>
        <select
          id={id}
          value={typeof value === 'string' ? value : ''}
          required={field.required}
          disabled={disabled || !ready || ready.length === 0}
          onChange={(e) => onChange(field.name, e.target.value)}
          {...common}
        >
          <option value="">{placeholder}</option>
          {(ready ?? []).map((o) => (
            <option key={o.value} value={o.value}>
              {indent(o)}
              {o.label}
            </option>
          ))}
        </select>
        {after}
      </div>
    );
  }

  const input = INPUTS[field.kind];
  return (
    <div className={`record-field${field.wide ? ' is-wide' : ''}${invalid ? ' is-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={input.type}
        inputMode={input.inputMode}
        step={input.step}
        min={input.min}
        maxLength={field.maxLength}
        required={field.required}
        autoComplete="off"
        value={typeof value === 'string' ? value : ''}
        disabled={disabled}
        onChange={(e) => onChange(field.name, e.target.value)}
        {...common}
      />
      {after}
    </div>
  );
}

const INPUTS: Record<
  'text' | 'integer' | 'decimal' | 'date' | 'datetime',
  { type: string; inputMode?: 'numeric' | 'decimal'; step?: string; min?: string }
> = {
  text: { type: 'text' },
  integer: { type: 'number', inputMode: 'numeric', step: '1', min: '0' },
  decimal: { type: 'number', inputMode: 'decimal', step: 'any', min: '0' },
  date: { type: 'date' },
  datetime: { type: 'datetime-local' },
};

/** The choices without `excluded` (the value of the field named by notSameAs). */
function choices(state: OptionState, excluded: FieldValue | undefined): OptionState {
  if (state.status !== 'ready' || typeof excluded !== 'string' || !excluded) return state;
  return { ...state, options: state.options.filter((o) => o.value !== excluded) };
}

/** Places nest under their district: no-break spaces survive in an option's text. */
function indent(option: Option): string {
  return option.depth ? '\u00a0\u00a0\u00a0'.repeat(option.depth) : '';
}

/**
 * Under a list fed by the hub: a retry after a failure, or that the list is
 * cut; for checkbox groups also loading and empty (a select says those in its
 * placeholder).
 */
function OptionNote({ state, withStatus, field }: { state: OptionState; withStatus: boolean; field: FieldSpec }) {
  const { lang, t } = useI18n();
  switch (state.status) {
    case 'idle':
      return withStatus ? <p className="record-option-note muted">{t(field.idle ?? 'form.noOptions')}</p> : null;
    case 'error':
      return (
        <p className="record-option-note field-error" role="alert">
          {t('form.optionsError')}{' '}
          <button type="button" className="link-button" onClick={state.retry}>
            {t('state.retry')}
          </button>
        </p>
      );
    case 'loading':
      return withStatus ? (
        <p className="record-option-note muted" role="status">
          {t('form.loadingOptions')}
        </p>
      ) : null;
    case 'ready':
      if (state.options.length === 0) return withStatus ? <p className="record-option-note muted">{t(field.empty ?? 'form.noOptions')}</p> : null;
      return state.truncated ? (
        <p className="record-option-note muted">{t('form.truncated', { count: formatInteger(OPTION_LIMIT, lang) })}</p>
      ) : null;
  }
}
