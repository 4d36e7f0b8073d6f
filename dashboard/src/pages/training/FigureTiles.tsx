/**
 * A row of key figures (the media and training pages): label, number with
 * its unit, an optional remark; a figure with records behind it is a button
 * that opens them. While loading, placeholders keep the row's height.
 */
import type { CombinedError } from 'urql';
import { ErrorPanel } from '../../app/Card';
import { useI18n } from '../../app/I18nContext';
import { formatBarValue, type BarFormat } from '../../charts/groupedBars';
import './pages.css';

export interface Figure {
  /** Names the tile for tests (`data-figure`), e.g. the measure. */
  id: string;
  label: string;
  value: number | null;
  format: BarFormat;
  /** Shown after the number (percentages carry their own "%"). */
  unit?: string;
  note?: string;
  /** Opens the records behind the figure. */
  onOpen?: () => void;
}

export function FigureTiles({
  label,
  title,
  figures,
  placeholders = 4,
  error,
  onRetry,
}: {
  /** The row's accessible name. */
  label: string;
  /** A visible heading above the row, when the page does not say what the figures cover. */
  title?: string;
  /** Undefined while loading. */
  figures: readonly Figure[] | undefined;
  placeholders?: number;
  error?: CombinedError | undefined;
  onRetry?: () => void;
}) {
  const { lang, t } = useI18n();
  if (error && !figures) return <ErrorPanel error={error} onRetry={onRetry} className="kpi-error" />;
  return (
    <section aria-label={label} aria-busy={figures ? undefined : true}>
      {title ? <h2 className="section-title figure-tiles-title">{title}</h2> : null}
      <ul className="figure-tiles">
        {figures
          ? figures.map((f) => {
              const text = formatBarValue(f.value, f.format, lang);
              const number = (
                <span className="kpi-value">
                  <span className="kpi-number">{text}</span>
                  {f.unit && f.value !== null ? <span className="kpi-unit">{f.unit}</span> : null}
                </span>
              );
              return (
                <li key={f.id} className="kpi-card" data-figure={f.id}>
                  <span className="kpi-label">{f.label}</span>
                  {f.onOpen ? (
                    <button
                      type="button"
                      className="kpi-open"
                      onClick={f.onOpen}
                      aria-label={t('table.openRecords', { figure: `${f.label} ${text}` })}
                    >
                      {number}
                    </button>
                  ) : (
                    number
                  )}
                  {f.note ? <span className="kpi-note">{f.note}</span> : null}
                </li>
              );
            })
          : Array.from({ length: placeholders }, (_, i) => (
              <li key={i} className="kpi-card">
                <span className="skeleton skeleton-line short" />
                <span className="skeleton skeleton-figure" role="status">
                  <span className="visually-hidden">{t('state.loading')}</span>
                </span>
              </li>
            ))}
      </ul>
    </section>
  );
}
