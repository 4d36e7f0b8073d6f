/**
 * One agency's indicators (the share of each indicator's maximum points) on a
 * radar against the city median; the agency is chosen here or by the
 * agency filter. A reader who sees only its own row gets no median.
 */
import { useId, useMemo } from 'react';
import { Card } from '../../app/Card';
import { useI18n } from '../../app/I18nContext';
import { EChart } from '../../charts/EChart';
import { buildIndicatorRadarOption } from '../../charts/indicatorRadar';
import type { ScorecardRow } from './assessment.queries';
import { radarData } from './scorecard';

const RADAR_HEIGHT = 380;

export interface RadarCardProps {
  rows: readonly ScorecardRow[];
  agencyId: string | null;
  onAgency: (agencyId: string) => void;
  /** The rows are every agency scored (not only the reader's own). */
  withMedian: boolean;
  /** For the saved image's name: "2025年 2021版". */
  fileSuffix: string;
}

export function RadarCard({ rows, agencyId, onAgency, withMedian, fileSuffix }: RadarCardProps) {
  const { lang, t } = useI18n();
  const selectId = useId();
  const chosen = rows.find((r) => r.agencyId === agencyId) ?? rows[0];
  const title = t('assessment.radar.title');
  const data = useMemo(
    () => (chosen ? radarData(rows, chosen.agencyId, withMedian, `${title}：${chosen.label}`) : null),
    [rows, chosen, withMedian, title],
  );
  const option = useMemo(() => (data ? buildIndicatorRadarOption(data, lang) : null), [data, lang]);
  return (
    <Card
      title={title}
      unit={t('assessment.radar.unit')}
      note={withMedian ? undefined : t('assessment.radar.noMedian')}
      state={rows.length === 0 ? 'empty' : 'ready'}
      bodyHeight={RADAR_HEIGHT}
    >
      {rows.length > 1 ? (
        <div className="field radar-agency">
          <label htmlFor={selectId}>{t('assessment.radar.agency')}</label>
          <select id={selectId} value={chosen?.agencyId ?? ''} onChange={(e) => onAgency(e.target.value)}>
            {rows.map((r) => (
              <option key={r.agencyId} value={r.agencyId}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {option && chosen ? (
        <EChart
          option={option}
          lang={lang}
          height={RADAR_HEIGHT}
          label={`${title}：${chosen.label}`}
          fileName={`${title} ${chosen.label} ${fileSuffix}`}
          testId="assessment-radar"
        />
      ) : null}
    </Card>
  );
}
