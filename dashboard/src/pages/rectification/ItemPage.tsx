/**
 * One item: what must change, by whom, by when, where it came from (the
 * source as stored when the item was opened), its workflow (the buttons the
 * API allows this account, evidence), its history, and for a verified
 * scorecard or overlap-gap item the before / after.
 */
import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Card } from '../../app/Card';
import { cardState } from '../../app/cardState';
import { formatDate } from '../../app/format';
import { useI18n } from '../../app/I18nContext';
import type { MessageKey } from '../../app/i18n';
import { localName, type Me } from '../../app/session';
import { useRetryableQuery } from '../../app/useRetryableQuery';
import { itemNumber } from './boardData';
import { AppLink, ItemMarks } from './ItemBadges';
import { addDays, localProblems, serverProblems, shanghaiDay, type FormField } from './itemForm';
import { mayEditItem } from './itemActions';
import { BeforeAfterCard, HistoryCard } from './ItemPanels';
import { ItemWorkflow } from './ItemWorkflow';
import { sourceDetailLines } from './itemView';
import { ItemQuery, UpdateItemMutation, type ItemDetail } from './rectification.queries';

export function ItemPage({ itemId, user, backHref }: { itemId: string; user: Me; backHref: string }) {
  const { t } = useI18n();
  const [result, retry] = useRetryableQuery(ItemQuery, { id: itemId });
  const item = result.data?.rectificationItem;
  const state = cardState(result, (d) => !d.rectificationItem);
  const title = t('rectification.item.title', { id: itemNumber(itemId) });
  return (
    <>
      <p>
        <AppLink href={backHref}>{t('rectification.back')}</AppLink>
      </p>
      {state === 'empty' ? (
        <Card title={title} state="ready" bodyHeight={120}>
          <p className="state-title">{t('rectification.item.notFound')}</p>
        </Card>
      ) : (
        <Card className="card-wide rect-item" title={title} state={state} error={result.error} onRetry={retry} updating={result.fetching} bodyHeight={240}>
          {item ? <ItemFacts item={item} user={user} onChanged={retry} /> : null}
        </Card>
      )}
      {item ? (
        <>
          <ItemWorkflow item={item} user={user} onChanged={retry} />
          <div className="two-charts">
            <SourceCard item={item} />
            <HistoryCard item={item} user={user} />
          </div>
          {item.sourceKind !== 'FINDING' ? <BeforeAfterCard item={item} /> : null}
        </>
      ) : null}
    </>
  );
}

function ItemFacts({ item, user, onChanged }: { item: ItemDetail; user: Me; onChanged: () => void }) {
  const { lang, t } = useI18n();
  const [editing, setEditing] = useState(false);
  return (
    <div className="rect-facts">
      <dl className="rect-dl">
        <dt>{t('rectification.item.status')}</dt>
        <dd className="rect-status-line">
          <ItemMarks item={item} />
        </dd>
        <dt>{t('rectification.item.agency')}</dt>
        <dd>{localName(item.agency, lang)}</dd>
        <dt>{t('rectification.item.requirement')}</dt>
        <dd className="rect-requirement">{item.requirement}</dd>
        <dt>{t('rectification.item.deadline')}</dt>
        <dd>{formatDate(item.deadline, lang)}</dd>
        <dt>{t('rectification.item.source')}</dt>
        <dd>
          {t(`rectification.source.${item.sourceKind}` as MessageKey)} · {t('rectification.item.year')} {item.year}
        </dd>
        {item.statusNote ? (
          <>
            <dt>{t('rectification.item.note')}</dt>
            <dd className="rect-note">{item.statusNote}</dd>
          </>
        ) : null}
      </dl>
      {mayEditItem(user.role, item.status) ? (
        editing ? (
          <EditForm item={item} onDone={(saved) => { setEditing(false); if (saved) onChanged(); }} />
        ) : (
          <button type="button" className="button button-quiet" onClick={() => setEditing(true)}>
            {t('rectification.item.edit')}
          </button>
        )
      ) : null}
    </div>
  );
}

function EditForm({ item, onDone }: { item: ItemDetail; onDone: (saved: boolean) => void }) {
  const { t } = useI18n();
  const ids = { requirement: useId(), deadline: useId(), reqErr: useId(), dlErr: useId() };
  const [requirement, setRequirement] = useState(item.requirement);
  const [deadline, setDeadline] = useState(item.deadline);
  const [local, setLocal] = useState<Partial<Record<FormField, MessageKey>>>({});
  const [{ fetching, error }, update] = useMutation(UpdateItemMutation);
  const server = error ? serverProblems(error) : null;
  const today = shanghaiDay(new Date());
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    // An unchanged past deadline may stay (the API allows it); a new one must be today or later.
    const problems = localProblems({ agencyId: item.agency.id, requirement, deadline }, deadline === item.deadline ? addDays(deadline, -1) : today);
    setLocal(problems);
    if (Object.keys(problems).length) return;
    const res = await update({ id: item.id, input: { requirement: requirement.trim(), deadline } });
    if (!res.error) onDone(true);
  }
  const msg = (f: FormField) => [...(local[f] ? [t(local[f]!)] : []), ...(server?.fields[f] ?? [])];
  return (
    <form className="rect-form" onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor={ids.requirement}>{t('rectification.form.requirement')}</label>
        <textarea id={ids.requirement} rows={3} value={requirement} onChange={(e) => setRequirement(e.target.value)} aria-invalid={msg('requirement').length > 0} aria-describedby={ids.reqErr} />
        <FieldError id={ids.reqErr} messages={msg('requirement')} />
      </div>
      <div className="field">
        <label htmlFor={ids.deadline}>{t('rectification.form.deadline')}</label>
        <input id={ids.deadline} type="date" value={deadline} min={today} onChange={(e) => setDeadline(e.target.value)} aria-invalid={msg('deadline').length > 0} aria-describedby={ids.dlErr} />
        <FieldError id={ids.dlErr} messages={msg('deadline')} />
      </div>
      {server?.general.length ? <FieldError messages={server.general} /> : null}
      <div className="rect-form-buttons">
        <button type="submit" className="button" disabled={fetching}>
          {fetching ? t('rectification.form.saving') : t('rectification.item.save')}
        </button>
        <button type="button" className="button button-quiet" onClick={() => onDone(false)}>
          {t('rectification.item.cancel')}
        </button>
      </div>
    </form>
  );
}

export function FieldError({ id, messages }: { id?: string; messages: readonly string[] }) {
  return (
    <span id={id} className="field-error" role={messages.length ? 'alert' : undefined}>
      {messages.join(' ')}
    </span>
  );
}

function SourceCard({ item }: { item: ItemDetail }) {
  const { lang, t } = useI18n();
  const lines = sourceDetailLines(item.sourceKind, item.sourceDetail, lang);
  return (
    <Card title={t('rectification.sourceCard')} state="ready" bodyHeight={160}>
      {item.inspection ? (
        <p>
          <AppLink href={`${import.meta.env.BASE_URL}inspections/${itemNumber(item.inspection.id)}`}>
            {t('rectification.item.inspection', {
              date: formatDate(item.inspection.date, lang),
              kind: t(`inspections.kind.${item.inspection.kind}` as MessageKey),
              method: t(`inspections.method.${item.inspection.method}` as MessageKey),
            })}
          </AppLink>
        </p>
      ) : null}
      {item.domain && item.gapKind ? (
        <p>{t('rectification.item.domain', { domain: localName(item.domain, lang), kind: t(`overlaps.kind.${item.gapKind}` as MessageKey), year: item.year })}</p>
      ) : null}
      {item.sourceKind === 'SCORECARD' ? <p>{t('rectification.item.scorecard', { year: item.year, version: item.rubricVersion ?? '' })}</p> : null}
      <dl className="rect-dl">
        {lines.map((l, i) => (
          <div key={i} className="rect-dl-row">
            <dt>{l.label}</dt>
            <dd>{l.value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
