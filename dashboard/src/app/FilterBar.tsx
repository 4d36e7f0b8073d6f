/**
 * The global filters: period (a year of 2016–2025 or custom dates),
 * district, enforcement domain and agency. They live in the URL; this bar
 * only reads and writes them. Pages read them from `view` (the agency only
 * where the account may narrow to it: filterAccess.ts).
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { agencyChoice, mayFilterByAgency, type AgencyChoice } from './filterAccess';
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
import { localName, useSession } from './session';
import { AgenciesQuery, DistrictsQuery, DomainsQuery, regionName } from './shell.queries';
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
  const choice = agencyChoice(useSession().session);

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
  const isDefault =
    !view.district && !view.domain && !view.agency && period.kind === 'year' && period.year === DEFAULT_YEAR;

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

        <DomainField value={view.domain} onChange={(domain) => onChange({ domain })} />
        <AgencyField value={view.agency} choice={choice} onChange={(agency) => onChange({ agency })} />

        <button
          type="button"
          className="button button-quiet"
          disabled={isDefault}
          onClick={() => onChange({ period: DEFAULT_PERIOD, district: null, domain: null, agency: null })}
        >
          {t('filters.reset')}
        </button>
      </div>
    </section>
  );
}

function DomainField({ value, onChange }: { value: string | null; onChange: (domain: string | null) => void }) {
  const { lang, t } = useI18n();
  const id = useId();
  const [domains] = useQuery({ query: DomainsQuery });
  const loading = domains.fetching && !domains.data;
  const options = domains.data?.domains.nodes ?? [];
  return (
    <div className="field">
      <label htmlFor={id}>{t('filters.domain')}</label>
      <select
        id={id}
        className="filter-wide"
        value={value ?? ''}
        disabled={loading}
        onChange={(e) => onChange(e.target.value || null)}
      >
        <option value="">{loading ? t('state.loading') : t('filters.allDomains')}</option>
        {options.map((d) => (
          <option key={d.id} value={d.id}>
            {localName(d, lang)}
          </option>
        ))}
        {value && !options.some((d) => d.id === value) ? <option value={value}>{value}</option> : null}
      </select>
      {domains.error ? <span className="field-error">{t('filters.optionsError')}</span> : null}
    </div>
  );
}

/**
 * Every agency for the readers of every record, grouped city / district;
 * an agency reporter's own agency; for the others a disabled select that
 * says why (a control that silently vanished would be harder to understand).
 */
function AgencyField({
  value,
  choice,
  onChange,
}: {
  value: string | null;
  choice: AgencyChoice;
  onChange: (agency: string | null) => void;
}) {
  const { lang, t } = useI18n();
  const id = useId();
  const hintId = useId();
  const [agencies] = useQuery({ query: AgenciesQuery, pause: choice.kind !== 'all' });
  const loading = choice.kind === 'pending' || (choice.kind === 'all' && agencies.fetching && !agencies.data);
  const all = agencies.data?.agencies.nodes ?? [];
  const hint =
    choice.kind === 'none' ? t(choice.signedIn ? 'filters.agencyCityOnly' : 'filters.agencySignIn') : null;
  // What the pages use (filterAccess.ts): an agency the account may not narrow to shows as "all".
  const shown = value && (choice.kind === 'all' || mayFilterByAgency(choice, value)) ? value : '';
  return (
    <div className="field">
      <label htmlFor={id}>{t('filters.agency')}</label>
      <select
        id={id}
        className="filter-wide"
        value={shown}
        disabled={loading || choice.kind === 'none'}
        aria-describedby={hint ? hintId : undefined}
        onChange={(e) => onChange(e.target.value || null)}
      >
        <option value="">{loading ? t('state.loading') : t('filters.allAgencies')}</option>
        {choice.kind === 'own' ? <option value={choice.agency.id}>{localName(choice.agency, lang)}</option> : null}
        {choice.kind === 'all'
          ? (['CITY', 'DISTRICT'] as const).map((level) => (
              <optgroup key={level} label={t(level === 'CITY' ? 'filters.cityAgencies' : 'filters.districtAgencies')}>
                {all
                  .filter((a) => a.level === level)
                  .map((a) => (
                    <option key={a.id} value={a.id}>
                      {localName(a, lang)}
                    </option>
                  ))}
              </optgroup>
            ))
          : null}
        {choice.kind === 'all' && shown && !loading && !all.some((a) => a.id === shown) ? (
          <option value={shown}>{shown}</option>
        ) : null}
      </select>
      {hint ? (
        <span id={hintId} className="field-hint">
          {hint}
        </span>
      ) : null}
      {agencies.error ? <span className="field-error">{t('filters.optionsError')}</span> : null}
    </div>
  );
}
