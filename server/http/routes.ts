/** The whole API, as one table: every route with its schemas, roles and scope rule. */
import { Accounts } from '../auth/accounts';
import { authRoutes } from '../auth/routes';
import type { SupervisionService } from '../service';
import { openApiDocument } from './openapi';
import { route, type ApiRoute } from './route';
import { alertRoutes } from './routes/alerts';
import { drillDownRoutes } from './routes/drill-downs';
import { dubanRoutes } from './routes/duban';
import { editionRoutes } from './routes/editions';
import { importRoutes } from './routes/imports';
import { recordRoutes } from './routes/records';
import { statusRoutes } from './routes/status';
import { viewRoutes } from './routes/views';

/** `accounts` defaults to the standard rules; the server passes its configured instance. */
export function apiRoutes(
  service: SupervisionService,
  accounts: Accounts = new Accounts(service),
): ApiRoute[] {
  const routes: ApiRoute[] = [
    ...authRoutes(service, accounts),
    ...statusRoutes(service),
    ...viewRoutes(service),
    ...alertRoutes(service),
    ...drillDownRoutes(service),
    ...recordRoutes(service),
    ...dubanRoutes(service),
    ...editionRoutes(service),
    ...importRoutes(service),
  ];
  routes.push(
    route({
      method: 'GET',
      url: '/api/v1/openapi.json',
      summary: 'OpenAPI 文档（由路由表生成）',
      roles: ['admin', 'supervisor', 'leader', 'liaison'],
      scope: 'city',
      handler: () => openApiDocument(routes),
    }),
  );
  return routes;
}
