import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { routePath } from 'hono/route';
import type { Users } from '../access/users.js';
import { authenticate, clientAddresses, requireAdmin, sameOriginWrites } from './access.js';
import { parseAddressList } from '../kernel/address-list.js';
import type { Logger } from '../kernel/logger.js';
import type { SyncServices } from '../sync/services.js';
import type { EmbeddedWms } from '../wms/port.js';
import { errorBody, respondWithError } from './errors.js';
import type { Metrics } from './metrics.js';
import { guardRecords } from './record-access.js';
import { DEFAULT_MAX_BODY_BYTES, metricsAccess, refuseControlCharacters, refuseControlCharactersInPath, securityHeaders } from './security.js';
import { loginPages } from './pages/login.js';
import { oauthRoutes } from './routes/oauth.js';
import { articleRoutes, supplierRoutes } from './routes/articles.js';
import { goodsOwnerRoutes } from './routes/goods-owners.js';
import { integrationRoutes } from './routes/integrations.js';
import { orderRoutes } from './routes/orders.js';
import { purchaseOrderRoutes } from './routes/purchase-orders.js';
import { stockRoutes } from './routes/stock.js';
import { webhookRoutes } from './routes/webhooks.js';
import { wmsWebhookRoutes } from './routes/wms-webhooks.js';
import { sandboxRoutes } from './sandboxes.js';
import { assetRoutes } from './ui/assets.js';
import { adminUi } from './ui/index.js';
import { auditedWms } from '../audit/audited-wms.js';
import { actAsPrincipal } from './acting-as.js';
import { auditLogRoutes } from './routes/audit-log.js';
import { userRoutes } from './routes/users.js';

export interface HttpDeps {
  wms: EmbeddedWms;
  sync: SyncServices;
  users: Users;
  logger: Logger;
  metrics: Metrics;
  version: string;
  /** Request bodies over this many bytes are refused with 413 before they are read (default 1 MiB). */
  maxBodyBytes?: number;
  /** A token Prometheus may send as a bearer for /metrics; without one, /metrics wants an administrator. */
  metricsToken?: string;
  /** Where users reach the hub: https there turns on Strict-Transport-Security. */
  publicUrl?: string;
  /** Proxies whose X-Forwarded-For names the client (addresses, CIDR ranges); none by default. */
  trustedProxies?: string[];
}

/** The HTTP surface: API under /api/v1 with its OpenAPI document, health, metrics, admin pages. */
export function createHttpApp(given: HttpDeps) {
  // Changes of orders and goods owners made through the API and the UI go to the audit log.
  const deps = { ...given, wms: auditedWms(given.wms, given.sync.audit) };
  const app = new OpenAPIHono();

  app.use(async (c, next) => {
    const stop = deps.metrics.httpDuration.startTimer();
    await next();
    const route = routePath(c);
    deps.metrics.httpRequests.inc({ method: c.req.method, route, status: String(c.res.status) });
    stop({ method: c.req.method, route });
  });

  app.use(clientAddresses(parseAddressList(deps.trustedProxies ?? [], 'WMSYNC_TRUSTED_PROXIES')));
  app.use(securityHeaders(deps.publicUrl?.startsWith('https:') ?? false));
  app.use(bodyLimit({ maxSize: deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, onError: (c) => c.json(errorBody('payload_too_large', `the request body is over ${deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES} bytes (WMSYNC_MAX_BODY_BYTES)`), 413) }));
  // Cross-site request forgery: writes from another site's pages are refused; JSON from another
  // site would need a CORS preflight, which this hub never grants.
  app.use(sameOriginWrites);
  app.use(refuseControlCharacters);

  const api = new OpenAPIHono();
  const signedIn = authenticate(deps.users, 'api');
  api.use(async (c, next) => (c.req.path.endsWith('/openapi.json') ? next() : signedIn(c, next)));
  api.post('/goods-owners', async (c, next) => (requireAdmin(c), next()));
  api.use(actAsPrincipal);
  api.use(guardRecords(deps.sync));
  api.use(refuseControlCharactersInPath);
  for (const routes of [goodsOwnerRoutes, articleRoutes, supplierRoutes, orderRoutes, purchaseOrderRoutes, stockRoutes, integrationRoutes, userRoutes, auditLogRoutes]) {
    api.route('/', routes(deps));
  }
  api.doc('/openapi.json', {
    openapi: '3.0.3',
    info: { title: 'wmsync API', version: deps.version, description: 'Integration hub between a WMS and ERP / web-shop systems' },
  });
  app.route('/api/v1', api);

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/metrics', metricsAccess(deps.users, deps.metricsToken), async (c) => c.text(await deps.metrics.registry.metrics(), 200, { 'content-type': deps.metrics.registry.contentType }));
  // The sandboxes' control API (state, faults, request log) is for administrators; their system API is open like the real one.
  const isSandboxIntegration = (system: string, id: number) =>
    deps.sync.integrations.get(id).then((i) => i.system === system && i.environment === 'sandbox', () => false);
  app.route('/', sandboxRoutes(deps.sync.registry, { control: (c, next) => signedIn(c, async () => (requireAdmin(c), next())), shopExists: isSandboxIntegration }));
  // Webhooks sign their calls instead of signing in; the guards above apply to them as to all.
  app.route('/', webhookRoutes(deps));
  app.route('/', wmsWebhookRoutes(deps));
  app.route('/', assetRoutes());
  app.route('/', loginPages(deps));
  const page = authenticate(deps.users, 'page');
  app.use('/oauth/*', page);
  app.use('/oauth/*', guardRecords(deps.sync));
  app.route('/', oauthRoutes(deps));
  // The admin UI signs its pages in itself and checks the goods owner on every page and action.
  app.route('/', adminUi(deps, [page, actAsPrincipal, guardRecords(deps.sync), refuseControlCharactersInPath]));

  app.notFound((c) => c.json(errorBody('not_found', `no route ${c.req.method} ${c.req.path}`), 404));
  app.onError((e, c) => respondWithError(c, e, deps.logger));
  return app;
}

export type HttpApp = ReturnType<typeof createHttpApp>;
