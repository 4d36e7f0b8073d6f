/**
 * 填报 Report: enter one record in a form (SingleRecordCard), or upload a CSV
 * or XLSX file of one kind of records (see app/importApi.ts for the hub's
 * contract); then see what the hub did with it and the account's latest
 * records, the one just entered marked.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { useI18n } from '../../app/I18nContext';
import { formatFileSize, formatInteger } from '../../app/format';
import {
  contentTypeForFile,
  describeImportFailure,
  IMPORT_ACCEPT,
  newIdempotencyKey,
  probeTemplate,
  rowErrorLines,
  templateUrl,
  uploadImport,
  type ImportOutcome,
} from '../../app/importApi';
import type { MessageKey } from '../../app/i18n';
import { recordListFor, reportKinds, roleLabel, type ImportKind } from '../../app/roles';
import type { PageProps } from '../../app/routes';
import { localName, useSession, type Me } from '../../app/session';
import { SignInLink } from '../../app/SignInLink';
import { RecentRecords, SessionAttendance } from './RecentRecords';
import { isFormKind } from './recordForm';
import { SingleRecordCard } from './SingleRecordCard';
import './report.css';

export default function ReportPage(_props: PageProps) {
  const { lang, t } = useI18n();
  const { session } = useSession();
  const headingId = useId();

  let body;
  if (session.status === 'loading') {
    body = (
      <p className="page-loading" role="status">
        {t('state.loading')}
      </p>
    );
  } else if (session.status === 'anonymous') {
    body = (
      <div className="state-panel restricted-panel" role="note">
        <p className="restricted-title">{t('report.signInPrompt')}</p>
        <SignInLink className="button" />
      </div>
    );
  } else if (reportKinds(session.user.role).length === 0) {
    body = (
      <div className="state-panel" role="note">
        <p className="state-title">{t('report.noRights', { role: roleLabel(session.user.role, lang) })}</p>
      </div>
    );
  } else {
    body = <ReportWorkspace user={session.user} />;
  }

  const user = session.status === 'signedIn' ? session.user : null;
  const unit = user ? (user.agency ?? user.outlet ?? user.district) : null;
  return (
    <div className="page">
      <div className="page-heading">
        <h1 id={headingId}>{t('report.heading')}</h1>
        {user ? (
          <p className="page-scope">
            {t('report.as', { name: user.displayName, role: roleLabel(user.role, lang) })}
            {unit ? ` · ${t('report.for', { unit: localName(unit, lang) })}` : null}
          </p>
        ) : null}
      </div>
      {body}
    </div>
  );
}

type TemplateState = 'checking' | 'available' | 'unsupported' | 'unknown';

interface Uploaded {
  kind: ImportKind;
  fileName: string;
  outcome: ImportOutcome;
}

/**
 * The kind of records is chosen once for both ways of reporting: one record
 * through the form, or many through a file.
 */
function ReportWorkspace({ user }: { user: Me }) {
  const { t } = useI18n();
  const kinds = reportKinds(user.role);
  const [kind, setKind] = useState<ImportKind>(kinds[0]!);
  // The record the form just had accepted, marked in the list below, and whether the list shows it.
  const [marked, setMarked] = useState<string | null>(null);
  const [listed, setListed] = useState<boolean | null>(null);
  const [session, setSession] = useState<string | null>(null);
  const kindName = useId();

  function chooseKind(next: ImportKind) {
    setKind(next);
    setMarked(null);
    setListed(null);
    setSession(null);
  }
  const onAccepted = useCallback((key: string) => {
    setMarked(key);
    setListed(null);
  }, []);
  const onListed = useCallback((value: boolean) => setListed(value), []);

  const list = recordListFor(user.role, kind);
  const marking = { marked, onListed };
  return (
    <>
      {kinds.length > 1 ? (
        <fieldset className="report-row kind-choice report-kind-bar">
          <legend className="report-label">{t('report.kind')}</legend>
          <div className="segmented">
            {kinds.map((k) => (
              <label key={k} className={k === kind ? 'is-chosen' : undefined}>
                <input type="radio" name={kindName} value={k} checked={k === kind} onChange={() => chooseKind(k)} />
                {t(`report.kind.${k}` as MessageKey)}
              </label>
            ))}
          </div>
        </fieldset>
      ) : (
        <div className="report-row report-kind-bar">
          <span className="report-label">{t('report.kind')}</span>
          <span className="report-value">{t(`report.kind.${kind}` as MessageKey)}</span>
        </div>
      )}

      {isFormKind(kind) ? (
        <SingleRecordCard
          key={kind}
          kind={kind}
          user={user}
          onAccepted={onAccepted}
          listed={marked ? listed : null}
          onSessionChange={kind === 'attendance' ? setSession : undefined}
        />
      ) : (
        <p className="report-form-note notice">{t('form.fileOnly')}</p>
      )}

      <UploadCard kind={kind} />

      {kind === 'attendance' && session ? (
        <SessionAttendance sessionId={session} {...marking} />
      ) : list ? (
        <RecentRecords list={list} {...marking} />
      ) : null}
    </>
  );
}

/** 上传文件: a CSV or XLSX file of `kind`, all-or-nothing. */
function UploadCard({ kind }: { kind: ImportKind }) {
  const { lang, t } = useI18n();
  const { refreshData } = useSession();
  const [template, setTemplate] = useState<TemplateState>('checking');
  const [file, setFile] = useState<File | null>(null);
  // One key per chosen file (and kind): uploading the same choice again is a safe replay.
  const [key, setKey] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [uploaded, setUploaded] = useState<Uploaded | null>(null);
  const [keyKind, setKeyKind] = useState(kind);
  const ids = { file: useId(), fileInfo: useId(), section: useId() };

  // Another kind: the chosen file would be a different batch, so it gets a new key.
  if (keyKind !== kind) {
    setKeyKind(kind);
    setUploaded(null);
    setKey(file ? newIdempotencyKey() : null);
  }

  useEffect(() => {
    let current = true;
    setTemplate('checking');
    void probeTemplate(kind).then((state) => {
      if (current) setTemplate(state);
    });
    return () => {
      current = false;
    };
  }, [kind]);

  function chooseFile(next: File | null) {
    setFile(next);
    setUploaded(null);
    setKey(next ? newIdempotencyKey() : null);
  }

  async function upload() {
    if (!file || !key || uploading) return;
    setUploading(true);
    try {
      const outcome = await uploadImport(kind, file, key);
      setUploaded({ kind, fileName: file.name, outcome });
      if (outcome.kind === 'unsupported') setTemplate('unsupported');
      // Records were written outside GraphQL: every shown figure and list asks again.
      if (outcome.kind === 'done' && !outcome.result.replayed && outcome.result.accepted > 0) refreshData();
    } finally {
      setUploading(false);
    }
  }

  const wrongType = file !== null && contentTypeForFile(file) === null;
  const unsupported = template === 'unsupported';
  const canUpload = file !== null && !wrongType && !unsupported && !uploading;

  return (
    <section className="card report-card" aria-labelledby={ids.section}>
      <header className="card-header">
        <h2 id={ids.section} className="card-title">
          {t('report.upload.title')}
        </h2>
        <span className="card-unit">{t('report.safeRetry')}</span>
      </header>

      <div className="report-steps">
        <div className="report-row">
          <span className="report-label">{t('report.template')}</span>
          <div className="report-value">
            {template === 'checking' ? (
              <span className="muted" role="status">
                {t('report.checking')}
              </span>
            ) : unsupported ? (
              <span className="notice" role="status">
                {t('report.unsupported')}
              </span>
            ) : (
              <>
                <span className="template-links">
                  {/* The hub names the files (e.g. 普法活动导入模板.csv). */}
                  <a href={templateUrl(kind, 'csv')} download>
                    {t('report.templateCsv')}
                  </a>
                  <a href={templateUrl(kind, 'xlsx')} download>
                    {t('report.templateXlsx')}
                  </a>
                </span>
                <p className="muted small">{t('report.templateHint')}</p>
              </>
            )}
          </div>
        </div>

        <div className="report-row">
          <label className="report-label" htmlFor={ids.file}>
            {t('report.file')}
          </label>
          <div className="report-value">
            <div className="file-line">
              {/* The native picker's own words follow the browser's language, not the page's: it stays hidden behind a label. */}
              <input
                id={ids.file}
                className="file-input"
                type="file"
                accept={IMPORT_ACCEPT}
                disabled={unsupported}
                aria-describedby={ids.fileInfo}
                aria-invalid={wrongType || undefined}
                onChange={(e) => chooseFile(e.target.files?.[0] ?? null)}
              />
              <label htmlFor={ids.file} className={`button button-quiet file-button${unsupported ? ' is-disabled' : ''}`} aria-hidden="true">
                {t('report.chooseFile')}
              </label>
              <span id={ids.fileInfo} className={wrongType ? 'file-name field-error' : 'file-name'}>
                {file
                  ? t('report.fileChosen', { name: file.name, size: formatFileSize(file.size, lang) })
                  : t('report.noFile')}
              </span>
              <button type="button" className="button" disabled={!canUpload} onClick={() => void upload()}>
                {uploading ? t('report.uploading') : t('report.upload')}
              </button>
            </div>
            {wrongType ? (
              <p className="field-error" role="alert">
                {t('report.fileWrongType')}
              </p>
            ) : null}
          </div>
        </div>
      </div>

      <div className="report-outcome" aria-live="polite">
        {uploaded && !uploading ? <OutcomePanel uploaded={uploaded} /> : null}
      </div>
    </section>
  );
}

function OutcomePanel({ uploaded }: { uploaded: Uploaded }) {
  const { lang, t } = useI18n();
  const { outcome } = uploaded;
  const n = (value: number) => formatInteger(value, lang);

  if (outcome.kind === 'unsupported') {
    return (
      <div className="outcome outcome-notice" role="status">
        <p className="outcome-title">{t('report.unsupported')}</p>
        <p>{t('import.nothingWritten')}</p>
      </div>
    );
  }

  if (outcome.kind === 'done') {
    const { result } = outcome;
    const figures = { accepted: n(result.accepted), inserted: n(result.inserted), updated: n(result.updated) };
    return (
      <div className={`outcome ${result.replayed ? 'outcome-notice' : 'outcome-success'}`} role="status">
        <p className="outcome-title">{result.replayed ? t('report.replayed') : t('report.done')}</p>
        <p className="outcome-summary">
          {result.replayed ? t('report.replayedSummary', figures) : t('report.doneSummary', figures)}
        </p>
        <p className="muted small">
          {uploaded.fileName}
          {result.batchId ? ` · ${t('report.batch', { id: result.batchId })}` : null}
        </p>
      </div>
    );
  }

  const text = describeImportFailure(outcome, lang);
  const lines = rowErrorLines(outcome.rowErrors, lang);
  return (
    <div className="outcome outcome-error" role="alert">
      <p className="outcome-title">{text.title}</p>
      {text.nothingWritten ? <p className="outcome-nothing">{t('import.nothingWritten')}</p> : null}
      <p>{text.message}</p>
      {text.detail ? (
        <p className="state-detail" lang="en">
          {text.detail}
        </p>
      ) : null}
      {lines.length > 0 ? (
        <>
          <p className="row-errors-title">{t('report.rowErrors', { count: n(lines.length) })}</p>
          <div className="table-frame row-errors">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('report.col.row')}
                  </th>
                  <th scope="col">{t('report.col.column')}</th>
                  <th scope="col">{t('report.col.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {lines.map((line, i) => (
                  <tr key={i}>
                    <td className="num">{line.row}</td>
                    <td className="nowrap">{line.column}</td>
                    <td>{line.problem}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      <p className="muted small">{uploaded.fileName}</p>
    </div>
  );
}
