/**
 * The line under a page's heading that says what its figures cover:
 * "统计时段：2025年；区域：全市；执法领域：食品安全；单位：市市场监管局".
 * Names come from the filter bar's own queries (answered from the cache).
 */
import { useQuery } from 'urql';
import { useI18n } from './I18nContext';
import { formatPeriod } from './period';
import { localName, useSession } from './session';
import { AgenciesQuery, DistrictsQuery, DomainsQuery, regionName } from './shell.queries';
import type { ViewState } from './url';

export interface FilterNames {
  district: string;
  domain: string | null;
  agency: string | null;
}

/** The names of the view's district, domain and agency in the UI language (ids while unknown). */
export function useFilterNames(view: ViewState): FilterNames {
  const { lang, t } = useI18n();
  const { session } = useSession();
  const [districts] = useQuery({ query: DistrictsQuery });
  const [domains] = useQuery({ query: DomainsQuery, pause: !view.domain });
  const own = session.status === 'signedIn' ? session.user.agency : null;
  const [agencies] = useQuery({ query: AgenciesQuery, pause: !view.agency || own?.id === view.agency });

  const district = view.district ? districts.data?.regions.edges.find((e) => e.node.id === view.district)?.node : undefined;
  const domain = view.domain ? domains.data?.domains.nodes.find((d) => d.id === view.domain) : undefined;
  const agency = !view.agency
    ? undefined
    : own?.id === view.agency
      ? own
      : agencies.data?.agencies.nodes.find((a) => a.id === view.agency);
  return {
    district: view.district ? (district ? regionName(district, lang) : view.district) : t('filters.allDistricts'),
    domain: view.domain ? (domain ? localName(domain, lang) : view.domain) : null,
    agency: view.agency ? (agency ? localName(agency, lang) : view.agency) : null,
  };
}

export function ViewSummary({ view }: { view: ViewState }) {
  const { lang, t } = useI18n();
  const names = useFilterNames(view);
  return (
    <p className="page-scope">
      {t('filters.summary', { period: formatPeriod(view.period, lang), district: names.district })}
      {names.domain ? t('filters.summaryDomain', { domain: names.domain }) : null}
      {names.agency ? t('filters.summaryAgency', { agency: names.agency }) : null}
    </p>
  );
}
