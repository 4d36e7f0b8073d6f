/**
 * The global filters: period (a year of 2016–2025 or custom dates) and
 * district. They live in the URL; this bar only reads and writes them.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { useI18n } from './I18nContext';
import {
  DEFAULT_PERIOD,
  DEFAULT_YEAR,
  FIRST_YEAR,
  LAST_YEAR,
  isValidRange,
  periodRange,
  selectableYears,
  type Period,
} from './period';
import { DistrictsQuery, regionName } from './shell.queries';
import type { ViewState } from './url';

interface FilterBarProps {
  view: ViewState;
  onChange: (patch: Partial<ViewState>) => void;
}

const CUSTOM = 'custom';
const MIN_DAY = `${FIRST_YEAR}-01-01`;
const MAX_DAY = `${LAST_YEAR}-12-31`;

export function FilterBar({ view, onChange }: FilterBarProps) {
  const { lang, t } = useI18n();
  const ids = { period: useId(), from: useId(), to: useId(), district: useId(), rangeError: useId() };
  const [districts] = useQuery({ query: DistrictsQuery });

  const { period } = view;
  const committed = periodRange(period);
  const [draft, setDraft] = useState(committed);
  const [draftError, setDraftError] = useState(false);
  // Follow the URL (back button, reset) but not every unrelated re-render.
  useEffect(() => {
    setDraft({ from: committed.from, to: committed.to });
    setDraftError(false);
  }, [committed.from, committed.to]);

  function onPeriodSelect(value: string) {
    if (value === CUSTOM) {
      // Start the custom range from the year being viewed, so nothing jumps.
      const range = periodRange(period);
      onChange({ period: { kind: 'range', ...range } });
    } else {
      onChange({ period: { kind: 'year', year: Number(value) } });
    }
  }

  function onApply(event: FormEvent) {
    event.preventDefault();
    if (!isValidRange(draft.from, draft.to) || draft.from < MIN_DAY || draft.to > MAX_DAY) {
      setDraftError(true);
      return;
    }
    setDraftError(false);
    const next: Period = { kind: 'range', from: draft.from, to: draft.to };
    onChange({ period: next });
  }

  const districtOptions = districts.data?.regions.edges.map((e) => e.node) ?? [];
  const selectedKnown = !view.district || districtOptions.some((d) => d.id === view.district);
  const isDefault = !view.district && period.kind === 'year' && period.year === DEFAULT_YEAR;

  return (
    <section className="filter-bar" aria-label={t('filters.label')}>
      <div className="filter-bar-inner">
        <div className="field">
          <label htmlFor={ids.period}>{t('filters.period')}</label>
          <select
            id={ids.period}
            value={period.kind === 'year' ? String(period.year) : CUSTOM}
            onChange={(e) => onPeriodSelect(e.target.value)}
          >
            {selectableYears().map((year) => (
              <option key={year} value={year}>
                {t('filters.year', { year })}
              </option>
            ))}
            <option value={CUSTOM}>{t('filters.custom')}</option>
          </select>
        </div>

        {period.kind === 'range' ? (
          <form className="range-form" onSubmit={onApply} noValidate>
            <div className="field">
              <label htmlFor={ids.from}>{t('filters.from')}</label>
              <input
                id={ids.from}
                type="date"
                lang={lang}
                min={MIN_DAY}
                max={MAX_DAY}
                value={draft.from}
                aria-invalid={draftError || undefined}
                aria-describedby={draftError ? ids.rangeError : undefined}
                onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value }))}
              />
            </div>
            <div className="field">
              <label htmlFor={ids.to}>{t('filters.to')}</label>
              <input
                id={ids.to}
                type="date"
                lang={lang}
                min={MIN_DAY}
                max={MAX_DAY}
                value={draft.to}
                aria-invalid={draftError || undefined}
                aria-describedby={draftError ? ids.rangeError : undefined}
                onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value }))}
              />
            </div>
            <button type="submit" className="button">
              {t('filters.apply')}
            </button>
            {draftError ? (
              <p id={ids.rangeError} className="field-error" role="alert">
                {t('filters.invalidRange')}
              </p>
            ) : null}
          </form>
        ) : null}

        <div className="field">
          <label htmlFor={ids.district}>{t('filters.district')}</label>
          <select
            id={ids.district}
            value={view.district ?? ''}
            disabled={districts.fetching && !districts.data}
            onChange={(e) => onChange({ district: e.target.value || null })}
          >
            <option value="">{districts.fetching && !districts.data ? t('state.loading') : t('filters.allDistricts')}</option>
            {districtOptions.map((d) => (
              <option key={d.id} value={d.id}>
                {regionName(d, lang)}
              </option>
            ))}
            {!selectedKnown && view.district ? <option value={view.district}>{view.district}</option> : null}
          </select>
          {districts.error ? <span className="field-error">{t('filters.districtsError')}</span> : null}
        </div>

        <button
          type="button"
          className="button button-quiet"
          disabled={isDefault}
          onClick={() => onChange({ period: DEFAULT_PERIOD, district: null })}
        >
          {t('filters.reset')}
        </button>
      </div>
    </section>
  );
}
