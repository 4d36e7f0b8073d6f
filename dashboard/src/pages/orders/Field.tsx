/**
 * One labelled form field of the orders pages: the control, its hint and the
 * problems beside it (local ones and the hub's, the hub's English marked
 * lang="en" when untranslated), wired with aria-describedby / aria-invalid.
 * SearchSelect adds a search box that narrows a long select (laws, domains).
 */
import { cloneElement, useId, useMemo, useState, type ReactElement, type ReactNode } from 'react';
import { useI18n } from '../../app/I18nContext';

export interface ShownProblem {
  text: string;
  english: boolean;
}

export interface FieldProps {
  id: string;
  /** The input field it stands for, for tests and the focus after a refusal (`data-field`). */
  name?: string;
  label: string;
  required?: boolean;
  hint?: ReactNode;
  problems?: readonly ShownProblem[];
  wide?: boolean;
  /** The control; it gets id, aria-describedby and aria-invalid. */
  children: ReactElement<Record<string, unknown>>;
  /** Controls shown before the main one (the search box of a SearchSelect). */
  before?: ReactNode;
}

export function Field({ id, name, label, required, hint, problems = [], wide, children, before }: FieldProps) {
  const { lang } = useI18n();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const invalid = problems.length > 0;
  const describedBy = [hint ? hintId : '', invalid ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`record-field${wide ? ' is-wide' : ''}${invalid ? ' is-invalid' : ''}`} data-field={name}>
      <label htmlFor={id}>
        {label}
        {required ? (
          <span className="record-required" aria-hidden="true">
            {' '}*
          </span>
        ) : null}
      </label>
      {before}
      {cloneElement(children, { id, 'aria-describedby': describedBy, 'aria-invalid': invalid || undefined })}
      {hint ? (
        <p id={hintId} className="record-hint">
          {hint}
        </p>
      ) : null}
      {invalid ? (
        <ul id={errorId} className="record-problems">
          {problems.map((p, i) => (
            <li key={i} className="field-error" lang={p.english && lang !== 'en' ? 'en' : undefined}>
              {p.text}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export interface Choice {
  value: string;
  label: string;
}

/**
 * A select with a search box above it: typing narrows the choices (by any
 * part of the name), the chosen one always stays listed.
 */
export function SearchSelect({
  id,
  label,
  searchLabel,
  placeholder,
  choices,
  value,
  onChange,
  disabled,
  ...field
}: Omit<FieldProps, 'children' | 'before'> & {
  searchLabel: string;
  placeholder: string;
  choices: readonly Choice[];
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const searchId = useId();
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return choices;
    return choices.filter((c) => c.value === value || c.label.toLowerCase().includes(q));
  }, [choices, query, value]);
  return (
    <Field
      id={id}
      label={label}
      {...field}
      before={
        <input
          id={searchId}
          type="search"
          className="orders-search"
          aria-label={searchLabel}
          placeholder={t('orders.form.searchPlaceholder')}
          value={query}
          disabled={disabled}
          onChange={(e) => setQuery(e.target.value)}
        />
      }
    >
      <select value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        <option value="">{query && shown.length === 0 ? t('orders.form.noMatch') : placeholder}</option>
        {shown.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
