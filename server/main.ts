/**
 * Starts the service: opens (and migrates) the DuckDB file, evaluates what is stored, syncs the
 * city feed now and every `syncMinutes`, and serves the API and the built SPA on one origin.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp, type Authenticator } from './http/app';
import { apiRoutes } from './http/routes';
import { SYSTEM_VIEWER } from './http/viewer';
import { SupervisionService, type ServiceOptions } from './service';
import { Database } from './store/database';
import { migrate } from './store/migrations';

export interface ServerOptions extends ServiceOptions {
  dbPath: string;
  port: number;
  host?: string;
  staticDir?: string | null;
  /** How requests become viewers; the default treats every caller as the system (no accounts). */
  auth?: Authenticator;
}

export interface RunningServer {
  app: FastifyInstance;
  service: SupervisionService;
  db: Database;
  url: string;
  close(): Promise<void>;
}

/** Opens the store and applies migrations. */
export async function openStore(dbPath: string): Promise<Database> {
  const db = await Database.open(dbPath);
  await migrate(db);
  return db;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const db = await openStore(options.dbPath);
  const service = new SupervisionService(db, options);
  const auth: Authenticator = options.auth ?? { viewerOf: () => Promise.resolve(SYSTEM_VIEWER) };
  const app = await buildApp({
    routes: apiRoutes(service),
    auth,
    staticDir: options.staticDir ?? null,
  });
  await app.listen({ port: options.port, host: options.host ?? '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  await service.start();
  return {
    app,
    service,
    db,
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    close: async () => {
      await app.close();
      await service.stop();
      await db.close();
    },
  };
}
