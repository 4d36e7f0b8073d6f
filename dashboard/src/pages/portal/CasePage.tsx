/**
 * One typical case in full (/cases/<n>), read through `node`. An account that
 * may read unpublished cases would get those too; the page shows only
 * published ones, since the library is the same public view for everyone.
 * The library's query (?q=) keeps its words marked here.
 */
import { useMemo } from 'react';
import { ErrorPanel } from '../../app/Card';
import { formatDate } from '../../app/format';
import { useI18n } from '../../app/I18nContext';
import { usePathname, useSearch } from '../../app/location';
import { routeParams } from '../../app/routes';
import { localName } from '../../app/session';
import { useRetryableQuery } from '../../app/useRetryableQuery';
import { searchTerms } from './highlight';
import { Highlighted } from './Highlighted';
import { CASE_PAGE, casesPath, idOf } from './links';
import { PortalLink } from './PortalLink';
import { PublicCaseQuery } from './portal.queries';
import './portal.css';

export default function CasePage() {
  const { lang, t } = useI18n();
  const pathname = usePathname();
  const search = useSearch();
  const id = idOf(routeParams(CASE_PAGE, pathname)?.id, 'CaseStudy');
  const variables = useMemo(() => ({ id: id ?? '' }), [id]);
  const [result, retry] = useRetryableQuery(PublicCaseQuery, variables, { pause: !id });
  const terms = useMemo(() => searchTerms(new URLSearchParams(search).get('q') ?? ''), [search]);
  const node = result.data?.node;
  const found = node && node.__typename === 'CaseStudy' && node.published ? node : null;
  const sep = lang === 'en' ? ', ' : '、';

  let body;
  if (result.error) body = <ErrorPanel error={result.error} onRetry={retry} />;
  else if (id && !result.data) {
    body = (
      <p className="page-loading" role="status">
        {t('state.loading')}
      </p>
    );
  } else if (!found) {
    body = (
      <div className="state-panel page-error" role="status">
        <p className="state-title">{t('portal.case.notFound')}</p>
      </div>
    );
  } else {
    const facts: [string, string][] = [
      [t('portal.case.agency'), localName(found.agency, lang)],
      [t('portal.case.decidedOn'), formatDate(found.decidedOn, lang)],
      ...(found.publishedOn ? [[t('portal.case.publishedOn'), formatDate(found.publishedOn, lang)] as [string, string]] : []),
      ...(found.laws.length ? [[t('portal.case.laws'), found.laws.map((l) => localName(l, lang)).join(sep)] as [string, string]] : []),
      ...(found.domain ? [[t('portal.case.domain'), localName(found.domain, lang)] as [string, string]] : []),
      ...(found.region ? [[t('portal.case.region'), localName(found.region, lang)] as [string, string]] : []),
    ];
    body = (
      <article className="case-article">
        <h1 className="case-title">
          <Highlighted text={found.title} terms={terms} />
        </h1>
        <dl className="case-facts">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <section aria-labelledby="case-summary">
          <h2 id="case-summary" className="section-title">
            {t('portal.case.summary')}
          </h2>
          <p className="case-summary">
            <Highlighted text={found.summary} terms={terms} />
          </p>
        </section>
        <section aria-labelledby="case-body">
          <h2 id="case-body" className="section-title">
            {t('portal.case.body')}
          </h2>
          {found.body.split(/\n+/).map((para, i) => (
            <p key={i} className="case-body">
              <Highlighted text={para} terms={terms} />
            </p>
          ))}
        </section>
      </article>
    );
  }

  return (
    <div className="page portal-page case-page">
      <p className="portal-back">
        <PortalLink href={casesPath(search)}>← {t('portal.case.back')}</PortalLink>
      </p>
      {body}
    </div>
  );
}
