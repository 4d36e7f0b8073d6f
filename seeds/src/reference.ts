/**
 * Reference data (regions, agencies, domains, powers, laws, media outlets) built from the
 * specs in ./reference/, with ids 1…n in insert order, plus the look-ups the generators use.
 */
import type {
  AgencyRow, DomainRow, LawDomainRow, LawRow, OutletRow, PowerRow, RegionRow,
} from './model.js';
import { within } from './dates.js';
import { buildRegions, isVillage } from './reference/regions.js';
import { AGENCY_SPECS, type AgencySpec } from './reference/agencies.js';
import { DOMAIN_SPECS, POWER_SPECS } from './reference/domains.js';
import { LAW_SPECS, type LawSpec } from './reference/laws.js';
import { OUTLET_SPECS } from './reference/media.js';

export type { AgencySpec } from './reference/agencies.js';
export type { LawSpec } from './reference/laws.js';

function byCode<T extends { code: string }>(rows: T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.code, r]));
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`unknown ${what}`);
  return value;
}

export class Reference {
  readonly region: RegionRow[];
  readonly agency: AgencyRow[];
  readonly enforcement_domain: DomainRow[];
  readonly enforcement_power: PowerRow[];
  readonly law: LawRow[];
  readonly law_domains: LawDomainRow[];
  readonly media_outlet: OutletRow[];

  private readonly regions: Map<string, RegionRow>;
  private readonly agencies: Map<string, AgencyRow>;
  private readonly domains: Map<string, DomainRow>;
  private readonly laws: Map<string, LawRow>;
  private readonly outlets: Map<string, OutletRow>;
  private readonly agencySpecs = new Map<number, AgencySpec>();
  private readonly lawSpecs = new Map<number, LawSpec>();

  constructor() {
    this.region = buildRegions();
    this.regions = byCode(this.region);

    // Agencies: specs are listed parents-first; successors must also precede predecessors.
    const agencyIds = new Map(AGENCY_SPECS.map((s, i) => [s.code, i + 1]));
    const idOf = (code: string | undefined): number | null => (code === undefined ? null : must(agencyIds.get(code), `agency ${code}`));
    this.agency = AGENCY_SPECS.map((s, i) => {
      const row: AgencyRow = {
        id: i + 1, code: s.code, name: s.name, name_en: s.en, kind: s.kind, level: s.level,
        region_id: this.regionByCode(s.region).id, parent_id: idOf(s.parent),
        valid_from: s.from, valid_to: s.to ?? null, successor_id: idOf(s.successor),
      };
      if ((row.parent_id !== null && row.parent_id > row.id) || (row.successor_id !== null && row.successor_id > row.id)) {
        throw new Error(`agency ${s.code} listed before the row it references`);
      }
      this.agencySpecs.set(row.id, s);
      return row;
    });
    this.agencies = byCode(this.agency);

    this.enforcement_domain = DOMAIN_SPECS.map((d, i) => ({ id: i + 1, code: d.code, name: d.name, name_en: d.en }));
    this.domains = byCode(this.enforcement_domain);

    this.enforcement_power = POWER_SPECS.map(([agencyCode, domainCode, lead], i) => {
      const a = this.agencyByCode(agencyCode);
      return { id: i + 1, agency_id: a.id, domain_id: this.domainByCode(domainCode).id, is_lead: lead, valid_from: a.valid_from, valid_to: a.valid_to };
    });

    this.law = LAW_SPECS.map((l, i) => ({ id: i + 1, code: l.code, name: l.name, name_en: l.en, kind: l.kind }));
    this.laws = byCode(this.law);
    LAW_SPECS.forEach((l, i) => this.lawSpecs.set(i + 1, l));
    this.law_domains = LAW_SPECS.flatMap((l, i) => l.domains.map((d) => ({ law_id: i + 1, domain_id: this.domainByCode(d).id })));

    this.media_outlet = OUTLET_SPECS.map((o, i) => ({
      id: i + 1, code: o.code, name: o.name, name_en: o.en, kind: o.kind,
      agency_id: o.agency === null ? null : this.agencyByCode(o.agency).id,
    }));
    this.outlets = byCode(this.media_outlet);
  }

  regionByCode(code: string): RegionRow { return must(this.regions.get(code), `region ${code}`); }
  agencyByCode(code: string): AgencyRow { return must(this.agencies.get(code), `agency ${code}`); }
  domainByCode(code: string): DomainRow { return must(this.domains.get(code), `domain ${code}`); }
  lawByCode(code: string): LawRow { return must(this.laws.get(code), `law ${code}`); }
  outletByCode(code: string): OutletRow { return must(this.outlets.get(code), `outlet ${code}`); }

  agencyById(id: number): AgencyRow { return must(this.agency[id - 1], `agency #${id}`); }
  regionById(id: number): RegionRow { return must(this.region[id - 1], `region #${id}`); }
  domainById(id: number): DomainRow { return must(this.enforcement_domain[id - 1], `domain #${id}`); }
  lawById(id: number): LawRow { return must(this.law[id - 1], `law #${id}`); }
  agencySpec(id: number): AgencySpec { return must(this.agencySpecs.get(id), `agency #${id}`); }
  lawSpec(id: number): LawSpec { return must(this.lawSpecs.get(id), `law #${id}`); }

  get city(): RegionRow { return this.region.find((r) => r.level === 'CITY')!; }
  get districts(): RegionRow[] { return this.region.filter((r) => r.level === 'DISTRICT'); }

  /** The district a region belongs to (itself for a district); null for the city. */
  districtOf(regionId: number): RegionRow | null {
    let r: RegionRow | undefined = this.regionById(regionId);
    while (r && r.level !== 'DISTRICT') r = r.parent_id === null ? undefined : this.regionById(r.parent_id);
    return r ?? null;
  }

  streetsOf(districtId: number): RegionRow[] {
    return this.region.filter((r) => r.level === 'STREET' && r.parent_id === districtId);
  }

  communitiesOf(districtId: number, villages: boolean): RegionRow[] {
    const streets = new Set(this.streetsOf(districtId).map((s) => s.id));
    return this.region.filter((r) => r.level === 'COMMUNITY' && streets.has(r.parent_id!) && isVillage(r) === villages);
  }

  agencyValidOn(agencyId: number, day: string): boolean {
    const a = this.agencyById(agencyId);
    return within(day, a.valid_from, a.valid_to);
  }

  /** Whether the agency existed at some point in [from, to]. */
  agencyValidDuring(agencyId: number, from: string, to: string): boolean {
    const a = this.agencyById(agencyId);
    return a.valid_from <= to && (a.valid_to === null || a.valid_to >= from);
  }

  lawValidOn(lawId: number, day: string): boolean {
    const l = this.lawSpec(lawId);
    return within(day, l.from, l.to ?? null);
  }

  /** Domain ids in which the agency holds power on the day. */
  powerDomains(agencyId: number, day: string): number[] {
    return this.enforcement_power
      .filter((p) => p.agency_id === agencyId && within(day, p.valid_from, p.valid_to))
      .map((p) => p.domain_id);
  }

  /** Agency ids holding power in the domain on the day. */
  holders(domainId: number, day: string): number[] {
    return this.enforcement_power
      .filter((p) => p.domain_id === domainId && within(day, p.valid_from, p.valid_to))
      .map((p) => p.agency_id);
  }

  /** The district a district-level agency serves, or null for a city unit. */
  homeDistrict(agencyId: number): RegionRow | null {
    const a = this.agencyById(agencyId);
    return a.level === 'DISTRICT' ? this.regionById(a.region_id) : null;
  }
}
