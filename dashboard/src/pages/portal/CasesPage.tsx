/**
 * 案例库 (/cases): the published typical cases, searched in Chinese by the hub
 * (`caseLibrary`, ranked) and narrowed by law, domain, agency and year; the
 * matched words marked in each title and summary; a case's full text one click
 * away (/cases/<n>). The search lives in the URL (libraryParams.ts).
 */
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { Card, ErrorPanel } from '../../app/Card';
import { formatDate, formatInteger } from '../../app/format';
import { useI18n } from '../../app/I18nContext';
import { navigate, usePathname, useSearch } from '../../app/location';
import { selectableYears } from '../../app/period';
import { localName } from '../../app/session';
import { AgenciesQuery, DomainsQuery } from '../../app/shell.queries';
import { useRetryableQuery } from '../../app/useRetryableQuery';
import { MAX_QUERY_LENGTH, searchTerms } from './highlight';
import { Highlighted } from './Highlighted';
import { libraryVariables, LIBRARY_PAGE_SIZE, parseLibraryParams, queryRefusal, serializeLibraryParams, type LibraryParams } from './libraryParams';
import { casePath, keptSearch } from './links';
import { PortalLink } from './PortalLink';
import { CaseLibraryQuery, LibraryLawsQuery, type CaseHit } from './portal.queries';
import './portal.css';

const NO_VARS = {};

function FilterSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: readonly { id: string; label: string }[] | undefined;
  onChange: (value: string) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className="filter-wide">
        <option value="">{t('portal.library.all')}</option>
        {(options ?? []).map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function HitItem({ hit, terms, search }: { hit: CaseHit; terms: readonly string[]; search: string }) {
  const { lang, t } = useI18n();
  const c = hit.case;
  const sep = lang === 'en' ? ', ' : '、';
  return (
    <li className="library-hit">
      <h3 className="library-hit-title">
        <PortalLink href={casePath(c.id, search)}>
          <Highlighted text={c.title} terms={terms} />
        </PortalLink>
      </h3>
      <p className="library-hit-meta">
        {t('portal.library.meta', { agency: localName(c.agency, lang), date: formatDate(c.publishedOn ?? c.decidedOn, lang) })}
        {c.laws.length ? ` · ${c.laws.map((l) => localName(l, lang)).join(sep)}` : ''}
        {c.domain ? ` · ${localName(c.domain, lang)}` : ''}
      </p>
      <p className="library-hit-summary">
        <Highlighted text={c.summary} terms={terms} />
      </p>
    </li>
  );
}

export default function CasesPage() {
  const { lang, t } = useI18n();
  const search = useSearch();
  const pathname = usePathname();
  const params = useMemo(() => parseLibraryParams(search), [search]);
  const [text, setText] = useState(params.q);
  useEffect(() => setText(params.q), [params.q]);
  const boxId = useId();
  const hintId = useId();
  const errorId = useId();

  const update = (patch: Partial<LibraryParams>) => navigate(pathname + serializeLibraryParams({ ...params, page: 1, ...patch }, search));
  const variables = useMemo(() => libraryVariables(params), [params]);
  const [result, retry] = useRetryableQuery(CaseLibraryQuery, variables);
  const [laws] = useRetryableQuery(LibraryLawsQuery, NO_VARS);
  const [domains] = useRetryableQuery(DomainsQuery, NO_VARS);
  const [agencies] = useRetryableQuery(AgenciesQuery, NO_VARS);
  const terms = useMemo(() => searchTerms(params.q), [params.q]);
  const refusal = queryRefusal(result.error);
  const page = result.data?.caseLibrary;
  const caseSearch = serializeLibraryParams({ ...params, page: 1 }, keptSearch(search, ['lang']));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    update({ q: text.trim() });
  };

  const refusalText = refusal
    ? /too long|at most/i.test(refusal)
      ? t('portal.library.tooLong', { max: MAX_QUERY_LENGTH, length: params.q.trim().length })
      : t('portal.library.nothing')
    : null;
  const from = params.page * LIBRARY_PAGE_SIZE - LIBRARY_PAGE_SIZE + 1;

  return (
    <div className="page portal-page library-page">
      <div className="page-heading">
        <h1>{t('portal.library.heading')}</h1>
      </div>
      <p className="portal-intro">{t('portal.library.intro')}</p>

      <form className="library-form" role="search" onSubmit={onSubmit}>
        <div className="field library-query">
          <label htmlFor={boxId}>{t('portal.library.search')}</label>
          <div className="library-query-row">
            <input
              id={boxId}
              type="search"
              value={text}
              onChange={(e) => setText(e.target.value)}
              aria-describedby={refusalText ? `${errorId} ${hintId}` : hintId}
              aria-invalid={refusalText ? true : undefined}
            />
            <button type="submit" className="button">
              {t('portal.library.submit')}
            </button>
          </div>
          {refusalText ? (
            <p id={errorId} className="field-error" role="alert">
              {refusalText}
              {lang === 'en' ? null : (
                <span className="library-api-message" lang="en">
                  {' '}
                  {refusal}
                </span>
              )}
            </p>
          ) : null}
          <p id={hintId} className="field-hint library-hint">
            {t('portal.library.searchHint')}
          </p>
        </div>
        <div className="library-filters">
          <FilterSelect
            label={t('portal.library.law')}
            value={params.law ?? ''}
            options={laws.data?.laws.nodes.map((l) => ({ id: l.id, label: localName(l, lang) }))}
            onChange={(v) => update({ law: v || null })}
          />
          <FilterSelect
            label={t('portal.library.domain')}
            value={params.domain ?? ''}
            options={domains.data?.domains.nodes.map((d) => ({ id: d.id, label: localName(d, lang) }))}
            onChange={(v) => update({ domain: v || null })}
          />
          <FilterSelect
            label={t('portal.library.agency')}
            value={params.agency ?? ''}
            options={agencies.data?.agencies.nodes.map((a) => ({ id: a.id, label: localName(a, lang) }))}
            onChange={(v) => update({ agency: v || null })}
          />
          <FilterSelect
            label={t('portal.library.year')}
            value={params.year ? String(params.year) : ''}
            options={selectableYears().map((y) => ({ id: String(y), label: t('portal.yearOption', { year: y }) }))}
            onChange={(v) => update({ year: v ? Number(v) : null })}
          />
          <button
            type="button"
            className="button button-quiet library-clear"
            onClick={() => {
              setText('');
              navigate(pathname + serializeLibraryParams({ q: '', law: null, domain: null, agency: null, year: null, page: 1 }, search));
            }}
          >
            {t('portal.library.clear')}
          </button>
        </div>
      </form>

      {result.error && !refusal ? (
        <ErrorPanel error={result.error} onRetry={retry} />
      ) : refusal ? null : (
        <Card
          title={t('portal.library.results')}
          unit={page ? t('portal.library.count', { count: formatInteger(page.totalCount, lang) }) : undefined}
          note={params.q.trim() ? t('portal.library.ranked') : t('portal.library.newest')}
          state={page ? 'ready' : 'loading'}
          updating={result.fetching}
          bodyHeight={320}
        >
          {page?.totalCount === 0 ? (
            <p className="portal-empty" role="status">
              {t('portal.library.none')}
            </p>
          ) : page ? (
            <>
              <ol className="library-hits" aria-label={t('portal.library.results')}>
                {page.hits.map((hit) => (
                  <HitItem key={hit.case.id} hit={hit} terms={terms} search={caseSearch} />
                ))}
              </ol>
              <div className="library-pager">
                <button type="button" className="button button-quiet" disabled={params.page <= 1} onClick={() => update({ page: params.page - 1 })}>
                  {t('portal.library.previous')}
                </button>
                <span className="section-note" aria-live="polite">
                  {t('portal.library.range', {
                    from: formatInteger(Math.min(from, page.totalCount), lang),
                    to: formatInteger(Math.min(from + page.hits.length - 1, page.totalCount), lang),
                    count: formatInteger(page.totalCount, lang),
                  })}
                </span>
                <button
                  type="button"
                  className="button button-quiet"
                  disabled={from + page.hits.length - 1 >= page.totalCount}
                  onClick={() => update({ page: params.page + 1 })}
                >
                  {t('portal.library.next')}
                </button>
              </div>
            </>
          ) : null}
        </Card>
      )}
    </div>
  );
}
