/**
 * The item's workflow: the buttons the API allows this account now (a
 * disabled one says why), the reopening's reason, and the evidence files
 * with their upload. Refusals are shown next to what they concern.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Card } from '../../app/Card';
import { formatFileSize, formatHubDateTime } from '../../app/format';
import { useI18n } from '../../app/I18nContext';
import type { MessageKey } from '../../app/i18n';
import type { Me } from '../../app/session';
import { uploadOutcome } from '../inspections/evidenceUpload';
import { FieldError } from './ItemPage';
import { itemActions, mayAttachEvidence, noteProblem, type ItemAction } from './itemActions';
import { serverProblems } from './itemForm';
import { SetStatusMutation, type ItemDetail } from './rectification.queries';

export function ItemWorkflow({ item, user, onChanged }: { item: ItemDetail; user: Me; onChanged: () => void }) {
  const { t } = useI18n();
  const actions = itemActions({ status: item.status, allowedNextStatuses: item.allowedNextStatuses, evidenceCount: item.evidence.length });
  return (
    <div className="two-charts">
      <Card title={t('rectification.action.title')} state="ready" bodyHeight={120}>
        <Actions item={item} actions={actions} onChanged={onChanged} />
      </Card>
      <Card title={t('rectification.evidence.title')} unit={t('rectification.evidence.unit')} state="ready" bodyHeight={120}>
        <Evidence item={item} user={user} onChanged={onChanged} />
      </Card>
    </div>
  );
}

function Actions({ item, actions, onChanged }: { item: ItemDetail; actions: ItemAction[]; onChanged: () => void }) {
  const { t } = useI18n();
  const ids = { note: useId(), noteErr: useId(), reasons: useId() };
  const [reopening, setReopening] = useState(false);
  const [note, setNote] = useState('');
  const [noteLocal, setNoteLocal] = useState<MessageKey | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [{ fetching, error }, setStatus] = useMutation(SetStatusMutation);
  const server = error ? serverProblems(error) : null;

  async function move(action: ItemAction, withNote?: string) {
    setDone(null);
    const res = await setStatus({ id: item.id, status: action.to, note: withNote ?? null });
    if (!res.error) {
      setReopening(false);
      setNote('');
      setDone(t('rectification.action.done', { status: t(`rectification.status.${action.to}` as MessageKey) }));
      onChanged();
    }
  }
  function onReopen(e: FormEvent, action: ItemAction) {
    e.preventDefault();
    const problem = noteProblem(note);
    setNoteLocal(problem);
    if (!problem) void move(action, note.trim());
  }

  if (actions.length === 0) return <p className="muted">{t('rectification.action.none')}</p>;
  const reopen = actions.find((a) => a.needsNote);
  const noteMessages = [...(noteLocal ? [t(noteLocal)] : []), ...(server?.fields.note ?? [])];
  return (
    <div className="rect-actions">
      <div className="rect-form-buttons">
        {actions
          .filter((a) => !a.needsNote)
          .map((a) => (
            <button key={a.to} type="button" className="button" disabled={fetching || a.blocked !== null} aria-describedby={a.blocked ? ids.reasons : undefined} onClick={() => void move(a)}>
              {t(a.label)}
            </button>
          ))}
        {reopen && !reopening ? (
          <button type="button" className="button button-quiet" onClick={() => setReopening(true)}>
            {t(reopen.label)}
          </button>
        ) : null}
      </div>
      {actions.some((a) => a.blocked) ? (
        <p id={ids.reasons} className="rect-blocked">
          {actions.filter((a) => a.blocked).map((a) => t(a.blocked!)).join(' ')}
        </p>
      ) : null}
      {reopen && reopening ? (
        <form className="rect-form" onSubmit={(e) => onReopen(e, reopen)} noValidate>
          <div className="field">
            <label htmlFor={ids.note}>{t('rectification.note.label')}</label>
            <textarea id={ids.note} rows={3} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} aria-invalid={noteMessages.length > 0} aria-describedby={ids.noteErr} />
            <FieldError id={ids.noteErr} messages={noteMessages} />
          </div>
          <div className="rect-form-buttons">
            <button type="submit" className="button" disabled={fetching}>
              {t('rectification.note.confirm')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setReopening(false)}>
              {t('rectification.item.cancel')}
            </button>
          </div>
        </form>
      ) : null}
      {server ? <FieldError messages={[...(server.fields.status ?? []), ...server.general]} /> : null}
      {done ? (
        <p className="rect-done" role="status">
          {done}
        </p>
      ) : null}
    </div>
  );
}

function Evidence({ item, user, onChanged }: { item: ItemDetail; user: Me; onChanged: () => void }) {
  const { lang, t } = useI18n();
  const fileId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const may = mayAttachEvidence(user.role, user.agency?.id ?? null, { status: item.status, agencyId: item.agency.id });

  async function onUpload(e: FormEvent) {
    e.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) {
      setOutcome({ ok: false, text: t('rectification.evidence.choose') });
      return;
    }
    setBusy(true);
    setOutcome(null);
    try {
      const response = await fetch(`/evidence/rectification-items/${encodeURIComponent(item.id)}?${new URLSearchParams({ filename: file.name }).toString()}`, {
        method: 'POST',
        headers: { 'X-Pufa-CSRF': '1' },
        body: file,
        credentials: 'same-origin',
      });
      const body: unknown = await response.json().catch(() => null);
      const out = uploadOutcome(response.status, body, lang, t('rectification.evidence.failed'));
      if (out.ok) {
        setOutcome({ ok: true, text: t('rectification.evidence.uploaded', { name: out.file.filename }) });
        if (input.current) input.current.value = '';
        setChosen(null);
        onChanged();
      } else {
        setOutcome({ ok: false, text: t('rectification.evidence.refused', { status: out.status || '—', message: out.message }) });
      }
    } catch {
      setOutcome({ ok: false, text: t('rectification.evidence.failed') });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="rect-evidence">
      {item.evidence.length === 0 ? (
        <p className="muted">{t('rectification.evidence.none')}</p>
      ) : (
        <ul className="rect-files">
          {item.evidence.map((f) => (
            <li key={f.id}>
              <a href={f.url} download={f.filename} aria-label={t('rectification.evidence.download', { name: f.filename })}>
                {f.filename}
              </a>
              <span className="muted" title={f.sha256}>
                {' '}
                {t('rectification.evidence.meta', { size: formatFileSize(f.size, lang), by: f.uploadedBy ?? '—', at: formatHubDateTime(f.uploadedAt, lang) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {may ? (
        <form className="rect-upload" onSubmit={onUpload}>
          {/* The native control's own text follows the browser's language, not the page's: hidden, and labelled here. */}
          <div className="rect-file">
            <input
              id={fileId}
              ref={input}
              type="file"
              className="visually-hidden rect-file-input"
              accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
              onChange={(e) => setChosen(e.target.files?.[0]?.name ?? null)}
            />
            <label htmlFor={fileId} className="button button-quiet rect-file-label">
              {t('rectification.evidence.file')}
            </label>
            <span className="muted">{chosen ?? t('rectification.evidence.noFile')}</span>
          </div>
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('rectification.evidence.uploading') : t('rectification.evidence.upload')}
          </button>
        </form>
      ) : item.status === 'SUBMITTED' || item.status === 'VERIFIED' ? (
        <p className="muted">{t('rectification.evidence.fixed')}</p>
      ) : null}
      {outcome ? (
        <p className={outcome.ok ? 'rect-done' : 'field-error'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      ) : null}
    </div>
  );
}
