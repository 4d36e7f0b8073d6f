/**
 * The inspection's evidence files: name (a download link), size, type,
 * SHA-256 (shortened, the whole value in the title) and who uploaded it
 * when; for those who may change the inspection, an upload through
 * POST /evidence/inspections/<id> (evidenceUpload.ts) whose refusals (413
 * too large, 415 not a PDF/PNG/JPEG …) are said in the reader's language.
 */
import { useId, useRef, useState } from 'react';
import { Card } from '../../app/Card';
import { formatFileSize, formatHubDateTime } from '../../app/format';
import { useI18n } from '../../app/I18nContext';
import { evidenceHref, shortHash } from './inspectionData';
import type { InspectionDetail } from './inspections.queries';
import { uploadEvidence, type UploadOutcome } from './evidenceUpload';

type Evidence = NonNullable<InspectionDetail>['evidence'][number];

const TYPE_NAMES: Record<string, string> = { 'application/pdf': 'PDF', 'image/png': 'PNG', 'image/jpeg': 'JPEG' };

export function EvidenceCard({
  inspectionId,
  files,
  mayUpload,
  onUploaded,
}: {
  inspectionId: string;
  files: readonly Evidence[];
  mayUpload: boolean;
  onUploaded: () => void;
}) {
  const { lang, t } = useI18n();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ name: string; result: UploadOutcome } | null>(null);

  async function upload(file: File) {
    setBusy(true);
    setOutcome(null);
    const result = await uploadEvidence(inspectionId, file, lang, t('inspections.evidence.failed'));
    setBusy(false);
    setOutcome({ name: file.name, result });
    if (inputRef.current) inputRef.current.value = '';
    if (result.ok) onUploaded();
  }

  return (
    <Card className="card-wide evidence-card" title={t('inspections.evidence.title')} unit={t('inspections.evidence.unit')} state="ready" bodyHeight={120}>
      {files.length === 0 ? (
        <p className="muted">{t('inspections.evidence.empty')}</p>
      ) : (
        <div className="chart-scroll">
          <table className="chart-table evidence-table">
            <thead>
              <tr>
                <th scope="col">{t('inspections.evidence.col.file')}</th>
                <th scope="col">{t('inspections.evidence.col.size')}</th>
                <th scope="col">{t('inspections.evidence.col.type')}</th>
                <th scope="col">{t('inspections.evidence.col.sha')}</th>
                <th scope="col">{t('inspections.evidence.col.uploaded')}</th>
              </tr>
            </thead>
            <tbody>
              {files.map((f) => (
                <tr key={f.id}>
                  <th scope="row">
                    <a href={evidenceHref(f.url)} target="_blank" rel="noopener">
                      {f.filename}
                    </a>{' '}
                    <a className="small" href={`${evidenceHref(f.url)}?download=1`} download={f.filename}>
                      {t('inspections.evidence.download')}
                    </a>
                  </th>
                  <td className="num">{formatFileSize(f.size, lang)}</td>
                  <td>{TYPE_NAMES[f.contentType] ?? f.contentType}</td>
                  <td>
                    <code title={t('inspections.evidence.shaTitle', { sha: f.sha256 })}>{shortHash(f.sha256)}</code>
                  </td>
                  <td>
                    {formatHubDateTime(f.uploadedAt, lang)}
                    {f.uploadedBy ? ` · ${f.uploadedBy}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {mayUpload ? (
        <div className="evidence-upload">
          <label htmlFor={inputId}>{t('inspections.evidence.upload')}</label>
          <input
            id={inputId}
            ref={inputRef}
            type="file"
            accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void upload(file);
            }}
          />
          <div aria-live="polite">
            {busy ? <p role="status">{t('inspections.evidence.uploading')}</p> : null}
            {outcome && outcome.result.ok ? (
              <p className="outcome outcome-success" role="status">
                {t('inspections.evidence.uploaded', { name: outcome.name })}
              </p>
            ) : null}
            {outcome && !outcome.result.ok ? (
              <div className="outcome outcome-error" role="alert">
                <p className="outcome-title">{t('inspections.evidence.refused', { name: outcome.name })}</p>
                <p>{outcome.result.message}</p>
                <p className="state-code">
                  {outcome.result.status ? `HTTP ${outcome.result.status} · ` : ''}
                  {outcome.result.code}
                </p>
              </div>
            ) : null}
          </div>
        </div>
      ) : null}
    </Card>
  );
}
