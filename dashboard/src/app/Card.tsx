/**
 * A titled card with the four states every figure on the dashboard has:
 * loading (a skeleton), error (what went wrong and a retry button), empty
 * ("no data for this period") and ready. While newer data loads over shown
 * data, the card stays readable and says it is updating.
 */
import { useId, type ReactNode } from 'react';
import type { CombinedError } from 'urql';
import type { CardState } from './cardState';
import { describeError } from './errors';
import { useI18n } from './I18nContext';

export interface CardProps {
  title: string;
  /** e.g. "单位：场"; shown beside the title. */
  unit?: string;
  /** A short remark on what the card shows, beside the unit. */
  note?: string | undefined;
  state: CardState;
  error?: CombinedError | undefined;
  onRetry?: () => void;
  /** True while a newer result is being fetched over the shown one. */
  updating?: boolean;
  /** Height of the skeleton and of the empty/error panel, to avoid layout jumps. */
  bodyHeight: number;
  className?: string;
  children?: ReactNode;
}

export function Card({ title, unit, note, state, error, onRetry, updating, bodyHeight, className, children }: CardProps) {
  const { t } = useI18n();
  const headingId = useId();
  return (
    <section
      className={['card', className].filter(Boolean).join(' ')}
      aria-labelledby={headingId}
      aria-busy={state === 'loading' || updating ? true : undefined}
    >
      <header className="card-header">
        <h2 id={headingId} className="card-title">
          {title}
        </h2>
        {unit ? <span className="card-unit">{unit}</span> : null}
        {note ? <span className="card-note">{note}</span> : null}
        {updating && state === 'ready' ? <span className="card-updating">{t('state.updating')}</span> : null}
      </header>
      <div className="card-body">
        {state === 'loading' ? (
          <div className="skeleton" style={{ height: bodyHeight }} role="status">
            <span className="visually-hidden">{t('state.loading')}</span>
          </div>
        ) : null}
        {state === 'error' ? (
          <ErrorPanel error={error} onRetry={onRetry} minHeight={bodyHeight} />
        ) : null}
        {state === 'empty' ? (
          <div className="state-panel" style={{ minHeight: bodyHeight }} role="status">
            <p className="state-title">{t('state.empty')}</p>
          </div>
        ) : null}
        {state === 'ready' ? <div className={updating ? 'is-updating' : undefined}>{children}</div> : null}
      </div>
    </section>
  );
}

export function ErrorPanel({
  error,
  onRetry,
  minHeight,
  title,
  className,
}: {
  error: CombinedError | undefined;
  onRetry?: (() => void) | undefined;
  minHeight?: number;
  /** Replaces the generic "could not load" heading. */
  title?: string;
  className?: string;
}) {
  const { lang, t } = useI18n();
  const shown = error ? describeError(error, lang) : { message: t('state.error'), detail: null, code: null };
  return (
    <div
      className={['state-panel', 'state-error', className].filter(Boolean).join(' ')}
      style={minHeight ? { minHeight } : undefined}
      role="alert"
    >
      <p className="state-title">{title ?? t('state.error')}</p>
      <p className="state-message">{shown.message}</p>
      {shown.detail ? (
        // The API's and the browser's messages are in English.
        <p className="state-detail" lang="en">
          {shown.detail}
        </p>
      ) : null}
      {shown.code ? <p className="state-code">{shown.code}</p> : null}
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          {t('state.retry')}
        </button>
      ) : null}
    </div>
  );
}
