/**
 * How each member unit behaves in the demo: how much legal education it does, which
 * cross-cutting themes it teaches, how reliably it delivers its responsibility list and sends
 * staff to training. These knobs create the report's weak spots on purpose: a few units treat
 * 普法 as a "soft task" (重执法轻普法), deliver little against their list and skip training.
 */

export interface Profile {
  /** Relative volume of activities (0 = none in 2016–2020). */
  weight: number;
  /** Cross-cutting themes on top of the themes of the unit's enforcement domains. */
  themes: string[];
  /** Responsibility items per year, 2021–2025. */
  items: [number, number];
  /** Share of planned activities actually delivered, 2021–2025 (per agency-year draw). */
  delivery: [number, number];
  /** Under-delivery applies only from this year on. */
  weakFrom?: number;
  /** Probability that a required trainee attends. */
  attendance: number;
}

const NORMAL_DELIVERY: [number, number] = [0.7, 1.15];

const P = (weight: number, themes: string[] = [], extra: Partial<Profile> = {}): Profile =>
  ({ weight, themes, items: [2, 4], delivery: NORMAL_DELIVERY, attendance: 0.92, ...extra });

const PROFILES: Record<string, Profile> = {
  CITY_PROPAGANDA: P(2, ['CONSTITUTION', 'NATIONAL_SECURITY', 'CIVIL_CODE']),
  CITY_POLITICS_LAW: P(1.2, ['ANTI_GANG', 'NATIONAL_SECURITY', 'ANTI_FRAUD']),
  CITY_CYBERSPACE: P(0.6, ['CYBER', 'NATIONAL_SECURITY']),
  CITY_JUSTICE: P(12, ['CONSTITUTION', 'CIVIL_CODE', 'NATIONAL_SECURITY', 'ANTI_GANG', 'MARRIAGE_FAMILY'], { items: [4, 5], attendance: 1 }),
  CITY_PSB: P(4, ['NATIONAL_SECURITY', 'ANTI_FRAUD', 'ANTI_GANG'], { items: [3, 5] }),
  CITY_TRAFFIC_POLICE: P(4, [], { items: [3, 4] }),
  CITY_MARKET: P(6, [], { items: [4, 5] }),
  CITY_FDA: P(4),
  CITY_AIC: P(3),
  CITY_HEALTH: P(3, [], { items: [3, 4] }),
  CITY_AGRI: P(2),
  CITY_ECOLOGY: P(3, [], { items: [3, 4] }),
  CITY_URBAN: P(3, [], { items: [3, 4] }),
  CITY_TRANSPORT: P(2),
  CITY_EMERGENCY: P(3, [], { items: [3, 4] }),
  CITY_SAFETY: P(3),
  CITY_HRSS: P(4, [], { items: [3, 4] }),
  CITY_NATURAL_RES: P(2),
  CITY_CULTURE: P(2),
  CITY_TAX: P(3, [], { items: [3, 4] }),
  CITY_NATIONAL_TAX: P(1.5),
  CITY_LOCAL_TAX: P(1.5),
  CITY_FIRE: P(3, [], { items: [3, 4] }),
  CITY_EDUCATION: P(3, ['NATIONAL_SECURITY', 'CONSTITUTION']),
  CITY_CIVIL: P(2),
  // The "soft task" units: little activity, poor delivery, poor training attendance.
  CITY_HOUSING: P(1.2, [], { delivery: [0.15, 0.4], weakFrom: 2023, attendance: 0.55 }),
  CITY_WATER: P(0.8, [], { items: [2, 3], delivery: [0.1, 0.35], attendance: 0.45 }),
  CITY_FORESTRY: P(0.8, [], { items: [2, 3], delivery: [0, 0.15], attendance: 0.4 }),
  CITY_MEDICAL_SEC: P(0, [], { items: [2, 3] }),
  CITY_TOBACCO: P(1),
  CITY_STATISTICS: P(0, [], { items: [2, 2], attendance: 0.5 }),
  CITY_COURT: P(2.5, ['COURT_OPEN_DAY', 'MARRIAGE_FAMILY', 'LABOUR']),
  CITY_PROCURATORATE: P(2.5, ['MINORS', 'ECOLOGY', 'FOOD_SAFETY']),
  CITY_UNION: P(2, ['LABOUR']),
  CITY_YOUTH: P(2, ['MINORS', 'ANTI_DRUG']),
  CITY_WOMEN: P(2.5, ['MARRIAGE_FAMILY', 'MINORS']),
  CITY_BROADCAST: P(0),
  CITY_DAILY: P(0),
};

const DISTRICT_PROFILES: Record<string, Profile> = {
  JUSTICE: P(5, ['CONSTITUTION', 'CIVIL_CODE', 'NATIONAL_SECURITY', 'ANTI_GANG', 'MARRIAGE_FAMILY'], { items: [3, 4], attendance: 1 }),
  PSB: P(1.5, ['ANTI_FRAUD', 'ANTI_GANG'], { items: [2, 3] }),
  MARKET: P(2, [], { items: [2, 3] }),
  ENFORCE: P(2, [], { items: [2, 3] }),
  COURT: P(1.5, ['COURT_OPEN_DAY', 'MARRIAGE_FAMILY', 'LABOUR']),
};

/** 海南区's enforcement bureau is the fourth under-delivering unit. */
const HN_ENFORCE: Profile = { ...DISTRICT_PROFILES.ENFORCE!, delivery: [0.2, 0.45], attendance: 0.6 };

export function profile(agencyCode: string): Profile {
  if (agencyCode === 'HN_ENFORCE') return HN_ENFORCE;
  const p = PROFILES[agencyCode] ?? DISTRICT_PROFILES[agencyCode.replace(/^[A-Z]+_/, '')];
  if (!p) throw new Error(`no profile for ${agencyCode}`);
  return p;
}

/** Units that deliver little against their list in `year` (the 2021–2025 weak spots). */
export function underDelivers(agencyCode: string, year: number): boolean {
  const p = profile(agencyCode);
  return p.delivery !== NORMAL_DELIVERY && year >= (p.weakFrom ?? 0);
}

/** The range the agency's delivered/planned ratio is drawn from in `year`. */
export function deliveryRange(agencyCode: string, year: number): [number, number] {
  return underDelivers(agencyCode, year) ? profile(agencyCode).delivery : NORMAL_DELIVERY;
}
