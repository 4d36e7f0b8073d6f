/**
 * Opening an item from the source a link names: the source is fixed, the
 * unit prefilled (for an overlap gap, chosen among the domain's holders,
 * those that should act first), requirement and deadline written here. A
 * CONFLICT links to the open item that already rectifies the source.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { Card } from '../../app/Card';
import { useI18n } from '../../app/I18nContext';
import type { MessageKey } from '../../app/i18n';
import { navigate } from '../../app/location';
import { localName, type Me } from '../../app/session';
import { AgenciesQuery } from '../../app/shell.queries';
import { useRetryableQuery } from '../../app/useRetryableQuery';
import { itemHref, itemNumber, mayCreateItems } from './boardData';
import { AppLink } from './ItemBadges';
import { addDays, localProblems, serverProblems, shanghaiDay, toCreateInput, type FormField, type ItemSource } from './itemForm';
import { FieldError } from './ItemPage';
import { CreateItemMutation, GapSourceQuery, ScorecardSourceQuery } from './rectification.queries';

interface AgencyOption {
  id: string;
  label: string;
  shouldAct: boolean;
}

export function CreateItemForm({ parsed, user, backHref }: { parsed: { source: ItemSource; agencyId: string } | null; user: Me; backHref: string }) {
  const { t } = useI18n();
  const title = t('rectification.form.title');
  const back = (
    <p>
      <AppLink href={backHref}>{t('rectification.back')}</AppLink>
    </p>
  );
  if (!mayCreateItems(user.role)) {
    return (
      <>
        {back}
        <Card title={title} state="ready" bodyHeight={120}>
          <p className="state-title">{t('rectification.form.notForRole')}</p>
        </Card>
      </>
    );
  }
  if (!parsed) {
    return (
      <>
        {back}
        <Card title={title} state="ready" bodyHeight={120}>
          <p className="state-title">{t('rectification.form.invalid')}</p>
        </Card>
      </>
    );
  }
  return (
    <>
      {back}
      <FormBody source={parsed.source} initialAgency={parsed.agencyId} />
    </>
  );
}

/** The units the form offers: an overlap's holders (those the flag names first), a scorecard's listed unit. */
function useAgencyOptions(source: ItemSource, initialAgency: string) {
  const { lang, t } = useI18n();
  const gapVars = useMemo(
    () => (source.kind === 'OVERLAP_GAP' ? { filter: { years: [source.year], domainIds: [source.domainId] } } : { filter: {} }),
    [source],
  );
  const [gaps] = useRetryableQuery(GapSourceQuery, gapVars, { pause: source.kind !== 'OVERLAP_GAP' });
  const cardVars = source.kind === 'SCORECARD' ? { year: source.year, rubricVersion: source.rubricVersion } : { year: 0, rubricVersion: '' };
  const [card] = useRetryableQuery(ScorecardSourceQuery, cardVars, { pause: source.kind !== 'SCORECARD' });
  const [agencies] = useQuery({ query: AgenciesQuery, pause: source.kind !== 'FINDING' });
  return useMemo(() => {
    if (source.kind === 'OVERLAP_GAP') {
      const gap = gaps.data?.overlapGaps[0];
      const act = new Set(gap?.flags.filter((f) => f.kind === source.gapKind).flatMap((f) => f.act.map((a) => a.id)) ?? []);
      const options: AgencyOption[] = (gap?.holders ?? []).map((h) => ({ id: h.agency.id, label: localName(h.agency, lang), shouldAct: act.has(h.agency.id) }));
      options.sort((a, b) => Number(b.shouldAct) - Number(a.shouldAct));
      const label = gap ? t('rectification.form.sourceGap', { domain: localName(gap.domain, lang), year: source.year, kind: t(`overlaps.kind.${source.gapKind}` as MessageKey) }) : '…';
      return { options, label, fetching: gaps.fetching, error: gaps.error };
    }
    if (source.kind === 'SCORECARD') {
      const options: AgencyOption[] = (card.data?.scorecard.rectify ?? []).map((r) => ({ id: r.agencyId, label: r.label, shouldAct: r.agencyId === initialAgency }));
      options.sort((a, b) => Number(b.shouldAct) - Number(a.shouldAct));
      return { options, label: t('rectification.form.sourceScorecard', { year: source.year, version: source.rubricVersion }), fetching: card.fetching, error: card.error };
    }
    // A finding: the inspection's page links here for one of the units it visited; the API checks it.
    const named = agencies.data?.agencies.nodes.find((a) => a.id === initialAgency);
    return { options: initialAgency ? [{ id: initialAgency, label: named ? localName(named, lang) : initialAgency, shouldAct: true }] : [], label: t('rectification.form.sourceFinding', { id: source.findingId }), fetching: false, error: undefined };
  }, [source, gaps, card, agencies, lang, t, initialAgency]);
}

function FormBody({ source, initialAgency }: { source: ItemSource; initialAgency: string }) {
  const { lang, t } = useI18n();
  const ids = { agency: useId(), requirement: useId(), deadline: useId(), agencyErr: useId(), reqErr: useId(), dlErr: useId(), agencyHint: useId() };
  const today = shanghaiDay(new Date());
  const { options, label, fetching: loading, error: loadError } = useAgencyOptions(source, initialAgency);
  const [agencyId, setAgencyId] = useState(initialAgency);
  const [requirement, setRequirement] = useState('');
  const [deadline, setDeadline] = useState(addDays(today, 90));
  const [local, setLocal] = useState<Partial<Record<FormField, MessageKey>>>({});
  const [{ fetching, error }, create] = useMutation(CreateItemMutation);
  const server = error ? serverProblems(error) : null;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const problems = localProblems({ agencyId, requirement, deadline }, today);
    setLocal(problems);
    if (Object.keys(problems).length) return;
    const res = await create({ input: toCreateInput({ source, agencyId, requirement, deadline }) });
    const id = res.data?.createRectificationItem.id;
    if (id) navigate(itemHref(id, lang));
  }
  const msg = (f: FormField) => [...(local[f] ? [t(local[f]!)] : []), ...(server?.fields[f] ?? [])];
  const title = t('rectification.form.title');
  return (
    <Card className="card-wide" title={title} state={loadError ? 'error' : 'ready'} error={loadError} bodyHeight={320} updating={loading}>
      <form className="rect-form rect-create" onSubmit={onSubmit} noValidate>
        <p className="rect-source">
          <strong>{t('rectification.form.source')}：</strong>
          {t(`rectification.source.${source.kind}` as MessageKey)} · {label}
        </p>
        <div className="field">
          <label htmlFor={ids.agency}>{t('rectification.form.agency')}</label>
          <select id={ids.agency} value={agencyId} onChange={(e) => setAgencyId(e.target.value)} aria-invalid={msg('agencyId').length > 0} aria-describedby={`${ids.agencyHint} ${ids.agencyErr}`}>
            <option value="">{t('rectification.form.agencyPick')}</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
                {o.shouldAct && source.kind === 'OVERLAP_GAP' ? t('rectification.form.shouldAct') : ''}
              </option>
            ))}
          </select>
          <span id={ids.agencyHint} className="field-hint">
            {source.kind === 'OVERLAP_GAP' ? t('rectification.form.agencyHint') : ''}
          </span>
          <FieldError id={ids.agencyErr} messages={msg('agencyId')} />
        </div>
        <div className="field">
          <label htmlFor={ids.requirement}>{t('rectification.form.requirement')}</label>
          <textarea id={ids.requirement} rows={4} value={requirement} maxLength={2000} onChange={(e) => setRequirement(e.target.value)} aria-invalid={msg('requirement').length > 0} aria-describedby={ids.reqErr} />
          <FieldError id={ids.reqErr} messages={msg('requirement')} />
        </div>
        <div className="field">
          <label htmlFor={ids.deadline}>{t('rectification.form.deadline')}</label>
          <input id={ids.deadline} type="date" min={today} value={deadline} onChange={(e) => setDeadline(e.target.value)} aria-invalid={msg('deadline').length > 0} aria-describedby={ids.dlErr} />
          <FieldError id={ids.dlErr} messages={msg('deadline')} />
        </div>
        {server?.fields.source?.length ? <FieldError messages={server.fields.source} /> : null}
        {server?.conflictItem ? (
          <p className="field-error" role="alert">
            {t('rectification.form.conflict')} <AppLink href={itemHref(server.conflictItem, lang)}>{t('rectification.form.openExisting', { id: itemNumber(server.conflictItem) })}</AppLink>
          </p>
        ) : server?.general.length ? (
          <FieldError messages={[t('rectification.form.problems'), ...server.general]} />
        ) : null}
        <div className="rect-form-buttons">
          <button type="submit" className="button" disabled={fetching}>
            {fetching ? t('rectification.form.saving') : t('rectification.form.submit')}
          </button>
        </div>
      </form>
    </Card>
  );
}
