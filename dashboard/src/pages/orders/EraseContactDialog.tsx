/**
 * The dialog an admin erases an order's contact in, before the hub would
 * (eraseOrderContact): it says what goes and what the audit trail keeps, and
 * asks for the reason (5–500 characters). The hub's problems sit beside the
 * reason; other refusals (FORBIDDEN, an unknown order) are said in words.
 */
import { useId, useState } from 'react';
import { CombinedError, useMutation } from 'urql';
import { useI18n } from '../../app/I18nContext';
import type { MessageKey } from '../../app/i18n';
import { Dialog } from '../assessment/Dialog';
import { REASON_LIMITS } from './answer';
import { Field, type ShownProblem } from './Field';
import { Refusal } from './OrderForm';
import { EraseOrderContactMutation } from './orders.queries';
import { localizeProblem, mapProblems, type MappedProblems } from './problems';

export interface EraseTarget {
  orderId: string;
  requester: string;
}

const FIELDS = ['reason'] as const;

export function EraseContactDialog({ target, onClose, onErased }: { target: EraseTarget; onClose: () => void; onErased: () => void }) {
  const { lang, t } = useI18n();
  const id = `${useId()}-reason`;
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<MessageKey | null>(null);
  const [server, setServer] = useState<{ mapped: MappedProblems<'reason'>; error: CombinedError } | null>(null);
  const [state, erase] = useMutation(EraseOrderContactMutation);

  async function submit() {
    const trimmed = reason.trim();
    if (trimmed.length < REASON_LIMITS.min || trimmed.length > REASON_LIMITS.max) {
      setLocal('orders.answer.problem.reason');
      return;
    }
    setLocal(null);
    const result = await erase({ orderId: target.orderId, reason: trimmed }, { additionalTypenames: ['EducationOrder'] });
    if (result.error || !result.data) {
      const error = result.error ?? new CombinedError({ networkError: new Error('The hub answered without a result') });
      setServer({ mapped: mapProblems(error, FIELDS), error });
      return;
    }
    onErased();
  }

  const shown: ShownProblem[] = [
    ...(local ? [{ text: t(local), english: false }] : []),
    ...(server?.mapped.fields.reason ?? []).map((m) => {
      const l = localizeProblem(m, lang);
      return { text: l.text, english: !l.translated };
    }),
  ];

  return (
    <Dialog
      open
      title={t('orders.erase.title')}
      onClose={onClose}
      className="orders-erase-dialog"
      actions={
        <>
          <button type="button" className="button" disabled={state.fetching} onClick={() => void submit()}>
            {state.fetching ? t('orders.erase.saving') : t('orders.erase.confirm')}
          </button>
          <button type="button" className="button button-quiet" onClick={onClose}>
            {t('orders.answer.cancel')}
          </button>
        </>
      }
    >
      <p>{t('orders.erase.lead', { requester: target.requester })}</p>
      <Field id={id} name="reason" label={t('orders.erase.reason')} required hint={t('orders.erase.reasonHint', { min: REASON_LIMITS.min, max: REASON_LIMITS.max })} problems={shown}>
        <textarea
          rows={3}
          maxLength={REASON_LIMITS.max}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setLocal(null);
            setServer(null);
          }}
        />
      </Field>
      <div aria-live="polite">{server ? <Refusal mapped={server.mapped} error={server.error} failed={t('orders.erase.failed')} /> : null}</div>
    </Dialog>
  );
}
