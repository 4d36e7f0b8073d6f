import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Database } from '../db/orm.js';
import { createContext, type Context, type HubState } from '../graphql/context.js';
import { formatError } from '../graphql/errors.js';
import { hubSchema } from '../graphql/schema.js';
import { recordAudit } from '../modules/audit/audit.service.js';
import { importRouter } from '../modules/ingestion/import.http.js';
import { today } from '../modules/inspections/clock.js';
import { evidenceRouter } from '../modules/inspections/evidence.http.js';
import { latestYearWithRecords } from '../modules/hub/latest-year.js';
import { noticeRouter } from '../modules/notices/notice.http.js';
import { complexityLimit, queryTextLimit } from '../graphql/complexity.js';
import { publicSubmitLimit, requestLimit, signInLimit } from './rate-limit.js';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';

export interface HubServer {
  url: string;
  server: http.Server;
  stop(): Promise<void>;
}

/** Marks every response of a demo installation, so no one mistakes demo figures for real ones. */
function demoMark(hub: HubState): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (!hub.demoData || response.body.kind !== 'single') return;
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, demoData: true };
        },
      };
    },
  };
}

/** Writes what an inspector opened to the audit trail, one insert per request. */
function inspectorViews(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue: ctx }) {
          if (ctx.viewed.size === 0) return;
          const entries = [...ctx.viewed].flatMap(([entity, ids]) => [...ids].map((entityId) => ({ action: 'VIEW', entity, entityId })));
          await recordAudit(ctx.em, ctx.viewer, ...entries);
        },
      };
    },
  };
}

export interface ServerLimits {
  /** Requests a minute per token (signed in) or IP (public). */
  perMinute: number;
  signInPerMinute: number;
  /** Public form submissions (feedback, quiz, orders) a minute per IP (default 10). */
  publicSubmitPerMinute?: number;
}

export const DEFAULT_LIMITS: ServerLimits = { perMinute: 600, signInPerMinute: 20, publicSubmitPerMinute: 10 };

export async function startServer(opts: {
  db: Database;
  hub: HubState;
  host: string;
  port: number;
  production: boolean;
  dashboardDir: string | null;
  limits?: ServerLimits;
  /** Schema introspection; off in production unless asked for (partners read schema/schema.graphql). */
  introspection?: boolean;
}): Promise<HubServer> {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const schema = await hubSchema();
  const apollo = new ApolloServer<Context>({
    schema,
    formatError: formatError(opts.production),
    includeStacktraceInErrorResponses: !opts.production,
    introspection: opts.introspection ?? !opts.production,
    // The hub sets no cache hints (answers depend on the viewer), and Apollo's default cache-control
    // plugin wraps every field's resolver to look for them: a tenth of a large answer's time.
    plugins: [
      complexityLimit(schema), demoMark(opts.hub), inspectorViews(), ApolloServerPluginCacheControlDisabled(),
      ...(opts.production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
    // Compact JSON (Apollo indents by default: larger bodies to write and to parse).
    stringifyResult: (value) => JSON.stringify(value),
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // Behind a reverse proxy set PUFA_TRUST_PROXY so limits see the client's address, not the proxy's.
  if (process.env.PUFA_TRUST_PROXY) app.set('trust proxy', process.env.PUFA_TRUST_PROXY);
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true, database: opts.hub.database, demoData: opts.hub.demoData });
  });
  app.use(
    '/graphql',
    // 5,000 batch rows fit in a few MB; anything larger is refused before parsing.
    express.json({ limit: '8mb' }),
    queryTextLimit,
    requestLimit(limits.perMinute),
    signInLimit(limits.signInPerMinute),
    publicSubmitLimit(limits.publicSubmitPerMinute ?? DEFAULT_LIMITS.publicSubmitPerMinute!),
    expressMiddleware(apollo, { context: async ({ req, res }) => createContext(opts.db.orm.em, opts.hub, req, res) }),
  );
  // File import of batches (CSV/XLSX) and its templates: plain HTTP, the same sign-in as /graphql.
  app.use('/import', requestLimit(limits.perMinute), importRouter(opts.db.orm.em));
  // Evidence files of inspections and rectification items (upload, download): the same sign-in.
  app.use('/evidence', requestLimit(limits.perMinute), evidenceRouter(opts.db.orm.em));
  // The yearly notice (通报) as PDF and printable page: the same sign-in and access as notice(year, rubricVersion).
  app.use('/notices', requestLimit(limits.perMinute), noticeRouter(opts.db.orm.em));
  if (opts.dashboardDir && fs.existsSync(path.join(opts.dashboardDir, 'index.html'))) {
    const dir = opts.dashboardDir;
    app.use(express.static(dir, { index: false, maxAge: '1h' }));
    // Client-side routes: every other GET answers the dashboard's index page, told the latest year
    // with records (the year it opens on; see latestYearWithRecords).
    const indexHtml = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
    app.get(/^(?!\/graphql).*/, async (_req, res, next) => {
      try {
        const year = await latestYearWithRecords(opts.db.orm.em.fork(), today());
        const meta = year ? `<meta name="pufa-latest-year" content="${year}">` : '';
        res.set('Cache-Control', 'no-cache').type('html').send(indexHtml.replace('</head>', `${meta}</head>`));
      } catch (error) {
        next(error);
      }
    });
  }

  // Body-parser failures (too large, malformed JSON) answer JSON with a code, never an HTML page or a stack.
  app.use((err: { status?: number; type?: string; message?: string }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(err);
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    const code = err.type === 'entity.too.large' ? 'PAYLOAD_TOO_LARGE' : status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST';
    const message =
      code === 'PAYLOAD_TOO_LARGE' ? 'The request body is too large (limit 8 MB); send fewer rows per batch'
      : status === 500 ? 'Internal server error' : `Bad request: ${err.message ?? 'malformed body'}`;
    if (status === 500) console.error('[http]', err);
    res.status(status).json({ errors: [{ message, extensions: { code } }] });
  });

  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  return {
    url: `http://${opts.host}:${port}`,
    server,
    async stop() {
      await apollo.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
