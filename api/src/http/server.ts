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

export async function startServer(opts: { db: Database; hub: HubState; host: string; port: number; production: boolean; dashboardDir: string | null }): Promise<HubServer> {
  const apollo = new ApolloServer<Context>({
    schema: await hubSchema(),
    formatError: formatError(opts.production),
    includeStacktraceInErrorResponses: !opts.production,
    introspection: true,
    plugins: [demoMark(opts.hub), inspectorViews()],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true, database: opts.hub.database, demoData: opts.hub.demoData });
  });
  app.use(
    '/graphql',
    express.json({ limit: '20mb' }),
    expressMiddleware(apollo, { context: async ({ req, res }) => createContext(opts.db.orm.em, opts.hub, req, res) }),
  );
  if (opts.dashboardDir && fs.existsSync(path.join(opts.dashboardDir, 'index.html'))) {
    const dir = opts.dashboardDir;
    app.use(express.static(dir, { index: false, maxAge: '1h' }));
    // Client-side routes: every other GET answers the dashboard's index page.
    app.get(/^(?!\/graphql).*/, (_req, res) => res.sendFile(path.join(dir, 'index.html')));
  }

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
