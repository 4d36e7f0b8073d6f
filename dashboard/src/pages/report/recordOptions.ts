/**
 * The choices of the form's selects, from the hub's record lists (one small
 * query per list, each within the hub's query-cost limit) or from the
 * schema's enums (labels in the dictionary).
 */
import { useMemo, useRef } from 'react';
import type { AnyVariables, CombinedError, TypedDocumentNode } from 'urql';
import { graphql } from '../../app/graphql';
import { translate, type Lang } from '../../app/i18n';
import { localName, type NamedRef } from '../../app/session';
import { useRetryableQuery } from '../../app/useRetryableQuery';
import { ENUMS, enumLabelKey, type EnumSource, type OptionSource } from './recordForm';

/**
 * Rows asked per list. The hub prices a page at about its rows × 10 × the
 * fields of a row (api/src/graphql/complexity.ts) and refuses more than
 * 20,000; four fields and the __typename urql adds cost 53 a row, so 300 rows
 * about 16,000.
 */
export const OPTION_LIMIT = 300;

export interface Option {
  value: string;
  label: string;
  /** Indentation in a list of places (0 for the city). */
  depth?: number;
}

export type OptionState =
  /** A list that depends on another field not filled in yet (the items of the organiser). */
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; error: CombinedError | undefined; retry: () => void }
  | { status: 'ready'; options: Option[]; truncated: boolean };

interface Page<T> {
  totalCount: number;
  nodes: T[];
}

interface AgencyRef extends NamedRef {
  validTo: string | null;
}
interface RegionRef extends NamedRef {
  level: string;
}
interface Dated {
  id: string;
  title: string;
  startsOn: string;
  endsOn: string;
}

const AgenciesQuery = graphql(`
  query FormAgencies($first: Int) {
    agencies(first: $first) {
      totalCount
      nodes {
        id
        name
        nameEn
        validTo
      }
    }
  }
`);

const OutletsQuery = graphql(`
  query FormOutlets($first: Int) {
    mediaOutlets(first: $first) {
      totalCount
      nodes {
        id
        name
        nameEn
      }
    }
  }
`);

const RegionsQuery = graphql(`
  query FormRegions($first: Int) {
    regions(first: $first) {
      totalCount
      nodes {
        id
        name
        nameEn
        level
      }
    }
  }
`);

const DomainsQuery = graphql(`
  query FormDomains($first: Int) {
    domains(first: $first) {
      totalCount
      nodes {
        id
        name
        nameEn
      }
    }
  }
`);

const LawsQuery = graphql(`
  query FormLaws($first: Int) {
    laws(first: $first) {
      totalCount
      nodes {
        id
        name
        nameEn
      }
    }
  }
`);

const SessionsQuery = graphql(`
  query FormSessions($first: Int) {
    trainingSessions(first: $first) {
      totalCount
      nodes {
        id
        title
        startsOn
        endsOn
      }
    }
  }
`);

const ItemsQuery = graphql(`
  query FormItems($first: Int, $agencyId: ID!, $year: Int!) {
    responsibilityItems(first: $first, filter: { agencyIds: [$agencyId], years: [$year] }) {
      totalCount
      nodes {
        id
        title
        startsOn
        endsOn
      }
    }
  }
`);

const REGION_DEPTH: Record<string, number> = { CITY: 0, DISTRICT: 1, STREET: 2, COMMUNITY: 3 };

/** "2025-03-01 – 2025-06-30", or the one day. */
function span(d: Dated): string {
  return d.startsOn === d.endsOn ? d.startsOn : `${d.startsOn} – ${d.endsOn}`;
}

const named = (refs: NamedRef[], lang: Lang): Option[] => refs.map((r) => ({ value: r.id, label: localName(r, lang) }));
const dated = (list: Dated[]): Option[] => list.map((d) => ({ value: d.id, label: `${d.title}（${span(d)}）` }));

/** Each list: its query, where its page is in the answer, and its options. */
interface ListSpec<Data, V extends AnyVariables> {
  query: TypedDocumentNode<Data, V>;
  page: (data: Data) => Page<unknown>;
  options: (data: Data, lang: Lang) => Option[];
}

const AGENCIES: ListSpec<{ agencies: Page<AgencyRef> }, { first: number }> = {
  query: AgenciesQuery,
  page: (d) => d.agencies,
  // Units merged away are still offered (an activity of their time), marked with their last day.
  options: (d, lang) =>
    d.agencies.nodes.map((a) => ({
      value: a.id,
      label: a.validTo ? translate(lang, 'form.option.until', { name: localName(a, lang), date: a.validTo }) : localName(a, lang),
    })),
};
const OUTLETS: ListSpec<{ mediaOutlets: Page<NamedRef> }, { first: number }> = {
  query: OutletsQuery,
  page: (d) => d.mediaOutlets,
  options: (d, lang) => named(d.mediaOutlets.nodes, lang),
};
const REGIONS: ListSpec<{ regions: Page<RegionRef> }, { first: number }> = {
  query: RegionsQuery,
  page: (d) => d.regions,
  // Ordered by code, so each place follows the one it lies in.
  options: (d, lang) => d.regions.nodes.map((r) => ({ value: r.id, label: localName(r, lang), depth: REGION_DEPTH[r.level] ?? 0 })),
};
const DOMAINS: ListSpec<{ domains: Page<NamedRef> }, { first: number }> = {
  query: DomainsQuery,
  page: (d) => d.domains,
  options: (d, lang) => named(d.domains.nodes, lang),
};
const LAWS: ListSpec<{ laws: Page<NamedRef> }, { first: number }> = {
  query: LawsQuery,
  page: (d) => d.laws,
  options: (d, lang) => named(d.laws.nodes, lang),
};
const SESSIONS: ListSpec<{ trainingSessions: Page<Dated> }, { first: number }> = {
  query: SessionsQuery,
  page: (d) => d.trainingSessions,
  options: (d) => dated(d.trainingSessions.nodes),
};
const ITEMS: ListSpec<{ responsibilityItems: Page<Dated> }, { first: number; agencyId: string; year: number }> = {
  query: ItemsQuery,
  page: (d) => d.responsibilityItems,
  options: (d) => dated(d.responsibilityItems.nodes),
};

const NOTHING: OptionState = { status: 'ready', options: [], truncated: false };
const IDLE: OptionState = { status: 'idle' };

/**
 * One list's state. The last options shown stay while the same list asks
 * again (after a write the whole cache is renewed), so the selects do not
 * flicker to "loading".
 */
function useList<Data, V extends AnyVariables>(spec: ListSpec<Data, V>, variables: V, pause: boolean, lang: Lang): OptionState {
  const [result, retry] = useRetryableQuery(spec.query, variables, { pause });
  const last = useRef<{ variables: V; state: OptionState } | null>(null);
  const state = useMemo<OptionState>(() => {
    if (result.data) {
      const page = spec.page(result.data);
      return { status: 'ready', options: spec.options(result.data, lang), truncated: page.totalCount > page.nodes.length };
    }
    if (result.error) return { status: 'error', error: result.error, retry };
    return last.current?.variables === variables ? last.current.state : { status: 'loading' };
  }, [spec, result.data, result.error, retry, variables, lang]);
  if (pause) return NOTHING;
  if (state.status === 'ready') last.current = { variables, state };
  return state;
}

export interface OptionContext {
  /** The sources the form shows. */
  needed: ReadonlySet<OptionSource>;
  /** The responsibility items listed are this agency's … */
  itemAgencyId: string | null;
  /** … of this year (the activity's, or the current one). */
  itemYear: number;
}

/** Every source's state: the enums at once, the record lists as their queries answer. */
export function useFormOptions(context: OptionContext, lang: Lang): Record<OptionSource, OptionState> {
  const { needed, itemAgencyId, itemYear } = context;
  const first = useMemo(() => ({ first: OPTION_LIMIT }), []);
  const itemVars = useMemo(() => ({ first: OPTION_LIMIT, agencyId: itemAgencyId ?? '', year: itemYear }), [itemAgencyId, itemYear]);
  const agencies = useList(AGENCIES, first, !needed.has('agencies'), lang);
  const outlets = useList(OUTLETS, first, !needed.has('outlets'), lang);
  const regions = useList(REGIONS, first, !needed.has('regions'), lang);
  const domains = useList(DOMAINS, first, !needed.has('domains'), lang);
  const laws = useList(LAWS, first, !needed.has('laws'), lang);
  const sessions = useList(SESSIONS, first, !needed.has('sessions'), lang);
  const itemList = useList(ITEMS, itemVars, !needed.has('items') || !itemAgencyId, lang);
  const items = needed.has('items') && !itemAgencyId ? IDLE : itemList;

  return useMemo(() => {
    const enums = Object.fromEntries(
      (Object.keys(ENUMS) as EnumSource[]).map((source) => [
        source,
        {
          status: 'ready',
          truncated: false,
          options: ENUMS[source].map((value) => ({ value, label: translate(lang, enumLabelKey(source, value)) })),
        } satisfies OptionState,
      ]),
    ) as Record<EnumSource, OptionState>;
    return { ...enums, agencies, outlets, regions, domains, laws, sessions, items };
  }, [lang, agencies, outlets, regions, domains, laws, sessions, items]);
}
