/**
 * The marks an item carries wherever it is shown (the board, the item, the
 * overlaps and assessment pages): its status, and in red how many days it
 * is overdue, or ✓ with the day it was verified.
 */
import type { MouseEvent, ReactNode } from 'react';
import { formatDate, formatInteger } from '../../app/format';
import { useI18n } from '../../app/I18nContext';
import type { MessageKey } from '../../app/i18n';
import { navigate } from '../../app/location';
import { shanghaiDay } from './itemForm';
import type { Status } from './boardData';
import './rectification.css';

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useI18n();
  return <span className={`rect-status is-${status.toLowerCase()}`}>{t(`rectification.status.${status}` as MessageKey)}</span>;
}

export function OverdueMark({ days }: { days: number }) {
  const { lang, t } = useI18n();
  if (days <= 0) return null;
  return <span className="rect-overdue">{t('rectification.overdueDays', { days: formatInteger(days, lang) })}</span>;
}

export function VerifiedMark({ at }: { at: string | null }) {
  const { lang, t } = useI18n();
  return <span className="rect-verified">{t('rectification.verifiedOn', { date: at ? formatDate(shanghaiDay(new Date(at)), lang) : '—' })}</span>;
}

/** The item's status with its overdue or verified mark. */
export function ItemMarks({ item }: { item: { status: Status; daysOverdue: number; verifiedAt?: string | null } }) {
  return item.status === 'VERIFIED' ? (
    <VerifiedMark at={item.verifiedAt ?? null} />
  ) : (
    <>
      <StatusBadge status={item.status} />
      <OverdueMark days={item.daysOverdue} />
    </>
  );
}

/** A same-site link that navigates without reloading the dashboard. */
export function AppLink({ href, className, children, label }: { href: string; className?: string; children: ReactNode; label?: string }) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} className={className} onClick={onClick} aria-label={label}>
      {children}
    </a>
  );
}
