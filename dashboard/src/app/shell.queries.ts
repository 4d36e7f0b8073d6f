import { gql } from 'urql';
import type { HubInfo, Region } from './api-types';

export const HubInfoQuery = gql<{ hubInfo: HubInfo }, Record<string, never>>`
  query HubInfo {
    hubInfo {
      demoData
      version
      database
    }
  }
`;

export const DistrictsQuery = gql<
  { regions: { edges: { node: Region }[] } },
  Record<string, never>
>`
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
`;

/** A region's name in the UI language (English falls back to Chinese). */
export function regionName(region: Pick<Region, 'name' | 'nameEn'>, lang: string): string {
  return lang === 'en' && region.nameEn ? region.nameEn : region.name;
}
