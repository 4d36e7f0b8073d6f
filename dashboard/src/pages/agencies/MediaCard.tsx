/**
 * The agency's media work: broadcast slots aired with it as partner agency,
 * per month of the year (analytics BROADCAST_COUNT and BROADCAST_MINUTES by
 * MONTH with the agency as filter). A month opens its slots.
 */
import { useMemo } from 'react';
import { Card } from '../../app/Card';
import { cardState } from '../../app/cardState';
import { formatMonth } from '../../app/format';
import { useI18n } from '../../app/I18nContext';
import { apiLocale } from '../../app/i18n';
import type { DateRange } from '../../app/period';
import { useRetryableQuery } from '../../app/useRetryableQuery';
import { buildAgencyMediaOption, hasMedia, mediaSeries } from '../../charts/agencyMedia';
import { EChart } from '../../charts/EChart';
import { monthWithin, type RecordsDrill } from '../../components/records/drills';
import { AgencyMediaQuery } from './agency.queries';

const HEIGHT = 300;

export function MediaCard({
  agencyId,
  agencyName,
  range,
  onDrill,
}: {
  agencyId: string;
  agencyName: string;
  range: DateRange;
  onDrill: (drill: RecordsDrill) => void;
}) {
  const { lang, t } = useI18n();
  const variables = useMemo(
    () => ({ filter: { from: range.from, to: range.to, agencyIds: [agencyId] }, locale: apiLocale(lang) }),
    [agencyId, range.from, range.to, lang],
  );
  const [result, retry] = useRetryableQuery(AgencyMediaQuery, variables);
  const rows = result.data?.analytics.rows;
  const state = cardState(result, (d) => !hasMedia({ rows: d.analytics.rows, range }));
  const option = useMemo(() => (rows ? buildAgencyMediaOption({ rows, range }, lang) : null), [rows, range, lang]);
  const title = t('agency.media.title');

  return (
    <Card
      title={title}
      unit={t('agency.media.unit')}
      note={t('agency.media.note')}
      state={state}
      error={result.error}
      onRetry={retry}
      updating={result.fetching}
      bodyHeight={HEIGHT}
    >
      {option && rows ? (
        <EChart
          option={option}
          lang={lang}
          height={HEIGHT}
          label={title}
          fileName={`${agencyName} ${title} ${range.from.slice(0, 4)}`}
          onItemClick={({ dataIndex }) => {
            const month = mediaSeries({ rows, range }).months[dataIndex];
            const days = month ? monthWithin(month, range) : null;
            if (!month || !days) return;
            onDrill({
              title: t('agency.media.monthDrill', { agency: agencyName, month: formatMonth(month, lang, true) }),
              source: { kind: 'broadcastSlots', filters: [{ ...days, agencyIds: [agencyId] }] },
            });
          }}
          testId="agency-media"
        />
      ) : null}
    </Card>
  );
}
