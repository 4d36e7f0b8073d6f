/** The item's history (audit trail or stamps) and its before / after. */
import { useEffect, useRef } from 'react';
import { Card } from '../../app/Card';
import { cardState } from '../../app/cardState';
import { formatHubDateTime } from '../../app/format';
import { useI18n } from '../../app/I18nContext';
import type { MessageKey } from '../../app/i18n';
import type { Me } from '../../app/session';
import { useRetryableQuery } from '../../app/useRetryableQuery';
import { itemNumber } from './boardData';
import { readsAuditTrail } from './itemActions';
import { beforeAfterRows, historyFromAudit, historyFromItem, verdictKey, type HistoryStep } from './itemView';
import { HistoryQuery, type ItemDetail } from './rectification.queries';

export function HistoryCard({ item, user }: { item: ItemDetail; user: Me }) {
  const { t } = useI18n();
  const audit = readsAuditTrail(user.role);
  const [result, retry] = useRetryableQuery(HistoryQuery, { id: itemNumber(item.id) }, { pause: !audit });
  // The trail holds no item fields, so urql's cache does not know a move changed it: ask again when the item changes.
  const seen = useRef(item.updatedAt);
  useEffect(() => {
    if (seen.current === item.updatedAt) return;
    seen.current = item.updatedAt;
    if (audit) retry();
  }, [item.updatedAt, audit, retry]);
  const title = t('rectification.history.title');
  if (!audit) {
    return (
      <Card title={title} note={t('rectification.history.noteItem')} state="ready" bodyHeight={160}>
        <Steps steps={historyFromItem(item)} />
      </Card>
    );
  }
  const state = cardState(result, (d) => d.auditTrail.nodes.length === 0);
  return (
    <Card title={title} note={t('rectification.history.note')} state={state} error={result.error} onRetry={retry} updating={result.fetching} bodyHeight={160}>
      {result.data ? <Steps steps={historyFromAudit(result.data.auditTrail.nodes)} /> : null}
    </Card>
  );
}

function Steps({ steps }: { steps: HistoryStep[] }) {
  const { lang, t } = useI18n();
  return (
    <ol className="rect-history">
      {steps.map((s, i) => (
        <li key={i}>
          <span className="rect-history-what">
            {s.action === 'MOVE' && s.status ? t(`rectification.status.${s.status}` as MessageKey) : t(`rectification.history.${s.action === 'EDIT' ? 'EDIT' : 'CREATE'}`)}
          </span>
          {s.at ? <span className="muted"> {formatHubDateTime(s.at, lang)}</span> : null}
          {s.actor ? <span className="muted"> · {t('rectification.history.by', { actor: s.actor })}</span> : null}
          {s.note ? <p className="rect-note">{t('rectification.history.reason', { note: s.note })}</p> : null}
        </li>
      ))}
    </ol>
  );
}

export function BeforeAfterCard({ item }: { item: ItemDetail }) {
  const { lang, t } = useI18n();
  const ba = item.beforeAfter;
  const title = t('rectification.ba.title');
  if (!ba) {
    return (
      <Card title={title} state="ready" bodyHeight={80}>
        <p className="muted">{t('rectification.ba.notYet')}</p>
      </Card>
    );
  }
  const rows = beforeAfterRows(item.sourceKind, ba.before, ba.after, lang);
  const verdict = t(verdictKey(ba.closed));
  return (
    <Card className="card-wide" title={title} note={t('rectification.ba.note')} state="ready" bodyHeight={160}>
      <p className={`rect-verdict is-${ba.closed === true ? 'closed' : ba.closed === false ? 'present' : 'pending'}`}>{t('rectification.ba.verdict', { verdict })}</p>
      <table className="rect-ba">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('rectification.ba.figure')}</th>
            <th scope="col">{t('rectification.ba.before', { year: ba.before.year })}</th>
            <th scope="col">{t('rectification.ba.after', { year: ba.after.year })}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td>{r.before}</td>
              <td className={r.better === true ? 'is-better' : r.better === false ? 'is-worse' : undefined}>{r.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
