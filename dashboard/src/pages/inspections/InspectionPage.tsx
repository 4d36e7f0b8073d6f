/**
 * One inspection (/inspections/:id): who, when, how, the units, the summary;
 * the findings with the rectification items started from each (and, for
 * those who may open items, a link to the board's prefilled form per unit);
 * the evidence files with upload; and the metrics snapshots the inspectors
 * saw, each with a link asking the same question of today's data. An agency
 * reporter's query leaves the snapshots out (the hub refuses them to it).
 */
import { useMemo, useState } from 'react';
import { useMutation } from 'urql';
import { Card } from '../../app/Card';
import { cardState } from '../../app/cardState';
import { describeError } from '../../app/errors';
import { formatDate, formatHubDateTime } from '../../app/format';
import { useI18n } from '../../app/I18nContext';
import { navigate, usePathname } from '../../app/location';
import { routeParams, type PageProps } from '../../app/routes';
import { localName, useSession } from '../../app/session';
import { useRetryableQuery } from '../../app/useRetryableQuery';
import { Dialog } from '../assessment/Dialog';
import { EvidenceCard } from './EvidenceCard';
import {
  createItemHref,
  INSPECTION_PAGE,
  inspectionIdOf,
  inspectionsPath,
  mayEditInspection,
  mayReadInspections,
  mayRecordInspections,
  maySeeSnapshots,
} from './inspectionData';
import { formOf, localizeInspectionMessage } from './inspectionForm';
import { InspectionForm } from './InspectionForm';
import { DeleteInspectionMutation, InspectionOwnQuery, InspectionQuery, type InspectionDetail } from './inspections.queries';
import { PageShell } from './PageShell';
import { SnapshotView } from './SnapshotView';
import { ItemLink } from './UnitHistory';
import '../assessment/assessment.css';
import './inspections.css';

export default function InspectionPage(_props: PageProps) {
  const { t } = useI18n();
  const pathname = usePathname();
  const id = inspectionIdOf(routeParams(INSPECTION_PAGE, pathname)?.id);
  return (
    <PageShell
      heading={t('inspections.heading')}
      view={null}
      allowed={mayReadInspections}
      signInKey="inspections.signIn"
      forbiddenKey="inspections.forbidden"
    >
      {(user) => (
        <>
          <p>
            <a href={inspectionsPath(window.location.search)}>← {t('inspections.detail.back')}</a>
          </p>
          {id ? (
            <Detail key={id} id={id} role={user.role} username={user.username} />
          ) : (
            <p className="state-panel" role="alert">
              {t('inspections.detail.badId')}
            </p>
          )}
        </>
      )}
    </PageShell>
  );
}

function Detail({ id, role, username }: { id: string; role: string; username: string }) {
  const { lang, t } = useI18n();
  const { refreshData } = useSession();
  const withSnapshots = maySeeSnapshots(role);
  const [full, retryFull] = useRetryableQuery(InspectionQuery, { id }, { pause: !withSnapshots });
  const [own, retryOwn] = useRetryableQuery(InspectionOwnQuery, { id }, { pause: withSnapshots });
  const result = withSnapshots ? full : own;
  const retry = withSnapshots ? retryFull : retryOwn;
  const inspection = (result.data?.inspection ?? null) as InspectionDetail | null;
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [deleted, remove] = useMutation(DeleteInspectionMutation);
  const lockedFindings = useMemo(
    () => new Set((inspection?.findings ?? []).filter((f) => f.rectificationItems.length > 0).map((f) => f.id)),
    [inspection],
  );

  const state = cardState(result, (d) => d.inspection === null);
  if (state === 'loading' || state === 'error') {
    return (
      <Card title={t('inspections.heading')} state={state} error={result.error} onRetry={retry} bodyHeight={240} />
    );
  }
  if (!inspection) {
    return (
      <p className="state-panel" role="status">
        {t('inspections.detail.notFound')}
      </p>
    );
  }

  const mayEdit = mayEditInspection(role, username, inspection.createdBy ?? null);
  const mayOpenItems = mayRecordInspections(role);
  const visitedIds = inspection.agencies.map((a) => a.id);
  const kind = t(`inspections.kind.${inspection.kind}`);

  if (editing) {
    return (
      <InspectionForm
        initial={{
          id: inspection.id,
          values: formOf(inspection, ''),
          lockedFindings,
          snapshots: (inspection.snapshots ?? []).map((s) => ({ id: s.id, kind: s.kind, takenAt: s.takenAt })),
        }}
        defaultYear={Number(inspection.date.slice(0, 4))}
        onCancel={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          refreshData();
        }}
      />
    );
  }

  return (
    <div className="inspection-detail">
      <section className="card card-wide inspection-facts" aria-labelledby="inspection-title">
        <header className="card-header">
          <h2 id="inspection-title" className="card-title">
            {t('inspections.detail.title', { date: formatDate(inspection.date, lang), kind })}
          </h2>
          {mayEdit ? (
            <span className="facts-actions">
              <button type="button" className="button" onClick={() => setEditing(true)}>
                {t('inspections.detail.edit')}
              </button>
              <button type="button" className="button button-quiet" onClick={() => setDeleting(true)}>
                {t('inspections.detail.delete')}
              </button>
            </span>
          ) : null}
        </header>
        <dl className="facts">
          <dt>{t('inspections.detail.who')}</dt>
          <dd>{kind}</dd>
          <dt>{t('inspections.detail.inspectors')}</dt>
          <dd>{inspection.inspectors}</dd>
          <dt>{t('inspections.detail.when')}</dt>
          <dd>
            <time dateTime={inspection.date}>{formatDate(inspection.date, lang)}</time>
          </dd>
          <dt>{t('inspections.detail.how')}</dt>
          <dd>{t(`inspections.method.${inspection.method}`)}</dd>
          <dt>{t('inspections.detail.units')}</dt>
          <dd>{inspection.agencies.map((a) => localName(a, lang)).join(t('inspections.separator'))}</dd>
          <dt>{t('inspections.detail.summary')}</dt>
          <dd className="facts-summary">{inspection.summary || <span className="muted">{t('inspections.detail.noSummary')}</span>}</dd>
        </dl>
        <p className="muted small">
          {t('inspections.detail.recorded', { by: inspection.createdBy ?? '—', at: formatHubDateTime(inspection.createdAt, lang) })}
        </p>
      </section>

      <Card
        className="card-wide"
        title={t('inspections.findings.title')}
        unit={t('inspections.findings.unit')}
        state="ready"
        bodyHeight={120}
      >
        {inspection.findings.length === 0 ? (
          <p className="muted">{t('inspections.findings.empty')}</p>
        ) : (
          <ol className="finding-list">
            {inspection.findings.map((f) => (
              <li key={f.id} className="finding">
                <p className="finding-text">{f.text}</p>
                {f.rectificationItems.length > 0 ? (
                  <ul className="item-chips" aria-label={t('inspections.findings.items')}>
                    {f.rectificationItems.map((item) => (
                      <li key={item.id}>
                        <span className="chip-agency">{localName(item.agency, lang)}</span> <ItemLink item={item} />
                      </li>
                    ))}
                  </ul>
                ) : null}
                {mayOpenItems ? (
                  <p className="finding-actions">
                    {inspection.agencies.map((a) => (
                      <a key={a.id} className="button button-quiet" href={createItemHref(f.id, a.id)}>
                        {inspection.agencies.length === 1
                          ? t('inspections.findings.create')
                          : t('inspections.findings.createFor', { agency: localName(a, lang) })}
                      </a>
                    ))}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </Card>

      <EvidenceCard inspectionId={inspection.id} files={inspection.evidence} mayUpload={mayEdit} onUploaded={retry} />

      {withSnapshots ? (
        <Card className="card-wide" title={t('inspections.snapshots.title')} state="ready" bodyHeight={120}>
          {(inspection.snapshots ?? []).length === 0 ? (
            <p className="muted">{t('inspections.snapshots.empty')}</p>
          ) : (
            (inspection.snapshots ?? []).map((s) => <SnapshotView key={s.id} snapshot={s} visitedIds={visitedIds} />)
          )}
        </Card>
      ) : null}

      <Dialog
        open={deleting}
        title={t('inspections.delete.title')}
        onClose={() => setDeleting(false)}
        actions={
          <>
            <button
              type="button"
              className="button button-danger"
              disabled={deleted.fetching}
              onClick={async () => {
                const answer = await remove({ id: inspection.id });
                if (!answer.error) {
                  setDeleting(false);
                  navigate(inspectionsPath(window.location.search));
                }
              }}
            >
              {deleted.fetching ? t('inspections.delete.working') : t('inspections.delete.confirm')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setDeleting(false)}>
              {t('inspections.form.cancel')}
            </button>
          </>
        }
      >
        <p>{t('inspections.delete.body')}</p>
        {deleted.error ? <DeleteRefusal error={deleted.error} /> : null}
      </Dialog>
    </div>
  );
}

/** The hub's refusal (a CONFLICT once items exist) in the reader's language. */
function DeleteRefusal({ error }: { error: NonNullable<ReturnType<typeof useMutation>[0]['error']> }) {
  const { lang, t } = useI18n();
  const explained = describeError(error, lang);
  const messages = error.graphQLErrors.map((e) => localizeInspectionMessage(e.message, lang));
  return (
    <div className="outcome outcome-error" role="alert">
      <p className="outcome-title">{t('inspections.delete.refused')}</p>
      {messages.length === 0 ? <p>{explained.message}</p> : null}
      {messages.map((m, i) => (
        <p key={i} lang={!m.translated && lang !== 'en' ? 'en' : undefined}>
          {m.text}
        </p>
      ))}
      {explained.code ? <p className="state-code">{explained.code}</p> : null}
    </div>
  );
}
