/**
 * The portal's year: the years of the hub's data (app/period.ts), written to
 * the URL's `year` like the dashboard's period, so a portal page can be shared.
 */
import { useId } from 'react';
import { useI18n } from '../../app/I18nContext';
import { useViewState } from '../../app/location';
import { selectableYears } from '../../app/period';

export function YearSelect({ year }: { year: number }) {
  const { t } = useI18n();
  const [, setView] = useViewState();
  const id = useId();
  return (
    <div className="field portal-year">
      <label htmlFor={id}>{t('portal.year')}</label>
      <select id={id} value={year} onChange={(e) => setView({ period: { kind: 'year', year: Number(e.target.value) } })}>
        {selectableYears().map((y) => (
          <option key={y} value={y}>
            {t('portal.yearOption', { year: y })}
          </option>
        ))}
      </select>
    </div>
  );
}
