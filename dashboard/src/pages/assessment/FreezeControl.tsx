/**
 * The admin's "freeze" button: after a confirmation that says what freezing
 * means, it calls `freezeScorecard`; the hub's refusal (e.g. someone froze
 * the year meanwhile) is shown in the dialog in plain words.
 */
import { useState } from 'react';
import { useMutation } from 'urql';
import { ErrorPanel } from '../../app/Card';
import { useI18n } from '../../app/I18nContext';
import { apiLocale } from '../../app/i18n';
import { FreezeScorecardMutation, type Scorecard } from './assessment.queries';
import { Dialog } from './Dialog';

export interface FreezeControlProps {
  year: number;
  rubricVersion: string;
  rubricName: string;
  onFrozen: (scorecard: Scorecard) => void;
}

export function FreezeControl({ year, rubricVersion, rubricName, onFrozen }: FreezeControlProps) {
  const { lang, t } = useI18n();
  const [open, setOpen] = useState(false);
  const [state, freeze] = useMutation(FreezeScorecardMutation);

  async function confirm() {
    // The rubric's frozen years and every scorecard answer change: both are asked again.
    const result = await freeze(
      { year, rubricVersion, locale: apiLocale(lang) },
      { additionalTypenames: ['AssessmentRubric', 'Scorecard'] },
    );
    if (result.data && !result.error) {
      setOpen(false);
      onFrozen(result.data.freezeScorecard);
    }
  }

  return (
    <>
      <button type="button" className="button freeze-button" onClick={() => setOpen(true)}>
        {t('assessment.freeze.button', { year })}
      </button>
      <Dialog
        open={open}
        title={t('assessment.freeze.title', { year })}
        onClose={() => setOpen(false)}
        actions={
          <>
            <button type="button" className="button" disabled={state.fetching} onClick={() => void confirm()}>
              {state.fetching ? t('assessment.freeze.working') : t('assessment.freeze.confirm')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setOpen(false)}>
              {t('assessment.freeze.cancel')}
            </button>
          </>
        }
      >
        <p>{t('assessment.freeze.explain', { year, rubric: t('assessment.rubricRef', { name: rubricName, version: rubricVersion }) })}</p>
        <p>{t('assessment.freeze.once')}</p>
        {state.error && !state.fetching ? <ErrorPanel error={state.error} title={t('assessment.freeze.failed')} /> : null}
      </Dialog>
    </>
  );
}
