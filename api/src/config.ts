import path from 'node:path';

export interface Config {
  host: string;
  port: number;
  /** PostgreSQL URL; when absent the hub uses the embedded PGlite database in `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  /** Demo data: 'auto' loads it on first start of the embedded database only. */
  demo: 'auto' | 'yes' | 'no';
  production: boolean;
  dashboardDir: string | null;
  limits: { perMinute: number; signInPerMinute: number };
  introspection: boolean | undefined;
  /** How often the server folds rollup deltas into the rollups (PUFA_ROLLUP_COMPACT_MS, default 2000). */
  compactMs: number;
  /** Days an order's contact is kept after every route is settled or the wished period ended (PUFA_ORDER_CONTACT_DAYS, default 90). */
  orderContactDays: number;
}

function demoSetting(value: string | undefined): Config['demo'] {
  if (value === undefined || value === '') return 'auto';
  if (value === '1' || value === 'true') return 'yes';
  if (value === '0' || value === 'false') return 'no';
  throw new Error(`PUFA_DEMO must be 0 or 1, not "${value}"`);
}

function positive(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number, not "${value}"`);
  return n;
}

export const DEFAULT_ORDER_CONTACT_DAYS = 90;
/** The contact of an order is kept at most this long; a longer setting defeats the erasure's purpose (个人信息保护法). */
export const MAX_ORDER_CONTACT_DAYS = 3650;

function contactDays(value: string | undefined): number {
  const n = positive(value, DEFAULT_ORDER_CONTACT_DAYS, 'PUFA_ORDER_CONTACT_DAYS');
  if (n > MAX_ORDER_CONTACT_DAYS) throw new Error(`PUFA_ORDER_CONTACT_DAYS must be at most ${MAX_ORDER_CONTACT_DAYS} (ten years), not "${value}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  return {
    host: env.HOST || '127.0.0.1',
    port,
    databaseUrl: env.DATABASE_URL || null,
    dataDir: path.resolve(env.PUFA_DATA_DIR || path.join(env.INIT_CWD ?? process.cwd(), '.data', 'pufa')),
    demo: demoSetting(env.PUFA_DEMO),
    production: env.NODE_ENV === 'production',
    dashboardDir: env.PUFA_DASHBOARD_DIR ?? null,
    limits: { perMinute: positive(env.PUFA_RATE_LIMIT, 600, 'PUFA_RATE_LIMIT'), signInPerMinute: positive(env.PUFA_SIGNIN_LIMIT, 20, 'PUFA_SIGNIN_LIMIT') },
    compactMs: positive(env.PUFA_ROLLUP_COMPACT_MS, 2000, 'PUFA_ROLLUP_COMPACT_MS'),
    orderContactDays: contactDays(env.PUFA_ORDER_CONTACT_DAYS),
    introspection: env.PUFA_INTROSPECTION === undefined || env.PUFA_INTROSPECTION === '' ? undefined : env.PUFA_INTROSPECTION === '1',
  };
}
