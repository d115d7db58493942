/**
 * Starts the service: opens (and migrates) the DuckDB file, evaluates what is stored, syncs the
 * city feed now and every `syncMinutes`, and serves the API and the built SPA on one origin.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { Accounts } from './auth/accounts';
import { seedDemoAccounts } from './auth/demo-accounts';
import type { AccountOptions } from './auth/options';
import { authPlugin } from './auth/plugin';
import { buildApp, type Authenticator } from './http/app';
import { apiRoutes } from './http/routes';
import { heapGrowingPercent, limitHeapGrowth } from './jobs/heap-growth';
import { SYSTEM_VIEWER } from './http/viewer';
import { SupervisionService, type ServiceOptions } from './service';
import { Database } from './store/database';
import { migrate } from './store/migrations';

export interface ServerOptions extends ServiceOptions {
  dbPath: string;
  port: number;
  host?: string;
  staticDir?: string | null;
  /**
   * How requests become viewers. The default is the session cookie (server/auth): every route but
   * the public ones answers 401 without a session. `OPEN_ACCESS` treats every caller as the system
   * (data-path tests only; never in `serve`).
   */
  auth?: Authenticator;
  /** Session, lockout and sign-in rate rules (defaults in server/auth/options.ts). */
  accounts?: Partial<AccountOptions>;
  /** Seeds one demo account per role (README); only for the demo. */
  demoAccounts?: boolean;
}

/** Every caller is the system administrator: for tests of the data path, never for serving. */
export const OPEN_ACCESS: Authenticator = { viewerOf: () => Promise.resolve(SYSTEM_VIEWER) };

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
  limitHeapGrowth(heapGrowingPercent(process.env));
  const db = await openStore(options.dbPath);
  const service = new SupervisionService(db, options);
  const accounts = new Accounts(service, options.accounts);
  if (options.demoAccounts === true) {
    const added = await seedDemoAccounts(db, accounts.options.now());
    if (added.length > 0) options.log?.(`demo accounts added: ${added.join(', ')}`);
  }
  const app = await buildApp({
    routes: apiRoutes(service, accounts),
    auth: options.auth ?? accounts,
    staticDir: options.staticDir ?? null,
    plugins: [
      authPlugin(accounts),
      async (app) => {
        await app.register(multipart);
      },
    ],
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
