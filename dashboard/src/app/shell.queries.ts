import { graphql, type ResultOf } from './graphql';

export const HubInfoQuery = graphql(`
  query HubInfo {
    hubInfo {
      demoData
      version
      database
    }
  }
`);

export const DistrictsQuery = graphql(`
  query Districts {
    regions(filter: { level: DISTRICT }, first: 100) {
      edges {
        node {
          id
          name
          nameEn
          level
        }
      }
    }
  }
`);

export type District = ResultOf<typeof DistrictsQuery>['regions']['edges'][number]['node'];

/** A region's name in the UI language (English falls back to Chinese). */
export function regionName(region: { name: string; nameEn: string | null }, lang: string): string {
  return lang === 'en' && region.nameEn ? region.nameEn : region.name;
}

/** The enforcement domains, for the domain filter (a city has a few dozen; 200 stays under the query cost limit). */
export const DomainsQuery = graphql(`
  query FilterDomains {
    domains(first: 200) {
      nodes {
        id
        name
        nameEn
      }
    }
  }
`);

/** The member units, for the agency filter: city bureaus and their district branches (a city has under 200). */
export const AgenciesQuery = graphql(`
  query FilterAgencies {
    agencies(first: 200) {
      nodes {
        id
        name
        nameEn
        level
      }
    }
  }
`);
