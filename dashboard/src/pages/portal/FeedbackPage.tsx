/**
 * 有奖问答 / 意见反馈 (/feedback): the quiz and online waves open today, each
 * answered through one anonymous form (district, age band, occupation, an
 * answer per question) posted as `submitFeedback`, with this browser's device
 * token (feedbackForm.ts). Every problem is shown next to its field.
 */
import { useId, useMemo, useState } from 'react';
import { Card } from '../../app/Card';
import { cardState } from '../../app/cardState';
import { formatDate } from '../../app/format';
import { useI18n } from '../../app/I18nContext';
import { DistrictsQuery } from '../../app/shell.queries';
import { useRetryableQuery } from '../../app/useRetryableQuery';
import { FeedbackForm } from './FeedbackForm';
import { OpenWavesQuery } from './portal.queries';
import './portal.css';

const NO_VARS = {};

export default function FeedbackPage() {
  const { lang, t } = useI18n();
  const [result, retry] = useRetryableQuery(OpenWavesQuery, NO_VARS);
  const [districts] = useRetryableQuery(DistrictsQuery, NO_VARS);
  const waves = result.data?.openFeedbackWaves;
  const [chosen, setChosen] = useState<string | null>(null);
  const wave = waves?.find((w) => w.id === chosen) ?? waves?.[0];
  const chooserId = useId();
  const districtOptions = useMemo(() => districts.data?.regions.edges.map((e) => e.node), [districts.data]);

  return (
    <div className="page portal-page feedback-page">
      <div className="page-heading">
        <h1>{t('portal.feedback.heading')}</h1>
      </div>
      <p className="portal-intro">{t('portal.feedback.intro')}</p>
      {waves && waves.length > 1 ? (
        <div className="field feedback-chooser">
          <label htmlFor={chooserId}>{t('portal.feedback.chooseWave')}</label>
          <select id={chooserId} value={wave?.id ?? ''} onChange={(e) => setChosen(e.target.value)}>
            {waves.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <Card
        className="feedback-card"
        title={wave ? wave.name : t('portal.feedback.heading')}
        note={
          wave
            ? t('portal.feedback.waveMeta', { by: wave.conductedBy, from: formatDate(wave.startsOn, lang), to: formatDate(wave.endsOn, lang) })
            : undefined
        }
        state={cardState(result, () => false)}
        error={result.error}
        onRetry={retry}
        bodyHeight={360}
      >
        {waves && waves.length === 0 ? (
          <div className="state-panel feedback-none" role="status">
            <p className="state-title">{t('portal.feedback.none')}</p>
            <p className="state-message">{t('portal.feedback.noneHint')}</p>
          </div>
        ) : wave ? (
          // A new form per wave: answers to one wave's questions mean nothing in another.
          <FeedbackForm key={wave.id} wave={wave} districts={districtOptions} districtsError={districts.error} />
        ) : null}
      </Card>
    </div>
  );
}
