import { serveSandbox } from '../../../src/connectors/sandbox/serve.js';
import { Hono } from 'hono';
import type { Context, ErrorHandler } from 'hono';
import { createFaults, faultMiddleware } from '../../../src/connectors/sandbox/faults.js';
import type { Faults } from '../../../src/connectors/sandbox/faults.js';
import { latencyMiddleware } from '../../../src/connectors/sandbox/latency.js';
import { createRateLimiter, rateLimitMiddleware } from '../../../src/connectors/sandbox/rate-limit.js';
import type { RateLimiter, RateLimitSettings } from '../../../src/connectors/sandbox/rate-limit.js';
import { createRecorder } from '../../../src/connectors/sandbox/recorder.js';
import type { Recorder } from '../../../src/connectors/sandbox/recorder.js';
import type { Invoice, Product } from '../api.js';
import { createAuth, defaultClient, defaultUser } from './auth.js';
import type { Auth, SandboxClient, SandboxUser } from './auth.js';
import { loginRoutes, tokenEndpoint } from './auth-routes.js';
import { controlRoutes } from './control.js';
import { ApiError, errorResponse } from './errors.js';
import { invoiceRoutes } from './invoice-routes.js';
import { productRoutes } from './product-routes.js';
import type { ProductResultShape } from './product-routes.js';
import { ProcountorStore } from './store.js';
import type { InvoiceChanges, ProductChanges } from './store.js';

export { defaultClient, defaultUser };
export type { SandboxClient, SandboxUser };

export interface SandboxSettings {
  latencyMs: number;
  /** Per client [V P-DEV-req: 60 req/s per client in production]; perSecond 0 = off, the default, as no 429 is documented [V notes A8.8]. */
  rateLimit: RateLimitSettings;
  /** Access token lifetime, default 3600 [V]; set it low to test a token expiring mid-run. */
  tokenTtlSeconds: number;
  /** Authorization code lifetime, default 600 [G]. */
  codeTtlSeconds: number;
  /** `GET /products` answer: `{results, meta}` (default) or the older `{products}` [V P-HELP]. */
  productResultShape: ProductResultShape;
  /** Whether `PUT /invoices/{id}/send` takes a SALES_ORDER, default true [G: see invoice-rules.ts]. */
  salesOrdersCanBeSent: boolean;
  /** 401 with the `{"errors":[…]}` body (default) or with an empty body [V notes A8.9 variant]. */
  unauthorizedBody: 'errors' | 'empty';
}

export interface SandboxOptions extends Partial<SandboxSettings> {
  /** Same seed (and same day, or same `now`) → same data. Default 1. */
  seed?: number;
  /** Products in the register, default 300 (about 70 % SALES, 25 % PURCHASE twins, a few TRAVEL). */
  products?: number;
  /** Invoices, default 1000 (about 45 % sales orders, 20 % purchase orders, the rest invoices). */
  invoices?: number;
  /** Default: [defaultUser]. */
  users?: SandboxUser[];
  /** Default: [defaultClient]. */
  clients?: SandboxClient[];
  /** The data clock: generated times lie before it, changes are stamped with it. Tokens follow the wall clock. */
  now?: () => Date;
}

export interface ProcountorSandbox {
  app: Hono;
  fetch(request: Request): Promise<Response>;
  store: ProcountorStore;
  faults: Faults;
  recorder: Recorder;
  rateLimiter: RateLimiter;
  auth: Auth;
  readonly settings: SandboxSettings;
  configure(settings: Partial<SandboxSettings>): void;
  createInvoice(changes?: InvoiceChanges): Invoice;
  updateInvoice(id: number, changes: InvoiceChanges): Invoice;
  updateProduct(id: number, changes: ProductChanges): Product;
  /** Expires every access token, or one; returns how many. Refresh tokens stay valid. */
  expireTokens(accessToken?: string): number;
  revokeToken(token: string): boolean;
  state(): Record<string, unknown>;
}

/** The unversioned root and the versioned ones [V P-VG, P-FP, P-DEV-rel]; the sandbox serves one API under all. */
export const apiRoots = ['/api', '/latest/api', '/supported/api', '/:release{v[0-9]{4}}/api'];

const onError: ErrorHandler = (error, c) =>
  error instanceof ApiError ? errorResponse(c, error.status, error.message, error.field) : errorResponse(c, 500, error.message);

const bearer = (c: Context) => /^Bearer\s+(\S+)$/i.exec(c.req.header('Authorization') ?? '')?.[1];

/** A Procountor API simulator, in process: call `fetch` or `app.request`, or serve it with startProcountorSandbox. */
export function createProcountorSandbox(options: SandboxOptions = {}): ProcountorSandbox {
  const now = options.now ?? (() => new Date());
  const seed = options.seed ?? 1;
  const store = new ProcountorStore({ seed, products: options.products ?? 300, invoices: options.invoices ?? 1000, now });
  const faults = createFaults(seed);
  const recorder = createRecorder({ now });
  const rateLimiter = createRateLimiter(options.rateLimit ?? { perSecond: 0, burst: 60 });
  const auth = createAuth({
    clients: options.clients ?? [defaultClient],
    users: options.users ?? [defaultUser],
    settings: { tokenTtlSeconds: options.tokenTtlSeconds ?? 3600, codeTtlSeconds: options.codeTtlSeconds ?? 600 },
  });
  const settings = {
    latencyMs: options.latencyMs ?? 0,
    productResultShape: options.productResultShape ?? ('results' as ProductResultShape),
    salesOrdersCanBeSent: options.salesOrdersCanBeSent ?? true,
    unauthorizedBody: options.unauthorizedBody ?? ('errors' as const),
  };

  const api = new Hono();
  api.onError(onError);
  api.notFound((c) => errorResponse(c, 404, `No route ${c.req.method} ${c.req.path}`));
  api.use('*', recorder.middleware());
  api.use('*', latencyMiddleware(() => settings.latencyMs));
  api.use('*', faultMiddleware(faults, errorResponse));
  api.post('/oauth/token', (c) => tokenEndpoint(c, auth));
  api.get('/status', (c) => c.json({ name: 'procountor-sandbox', version: '1', status: 'OK', procountorVersion: 'sandbox' }));
  api.use('*', async (c, next) => {
    const token = bearer(c);
    if (token && auth.verify(token)) return next();
    c.header('WWW-Authenticate', 'Bearer');
    if (settings.unauthorizedBody === 'empty') return c.body(null, 401);
    return errorResponse(c, 401, token ? 'The access token is invalid or has expired' : 'Authorization: Bearer <access_token> is required');
  });
  const clientOf = (c: Context) => auth.verify(bearer(c) ?? '')?.clientId ?? 'anonymous';
  api.use('*', rateLimitMiddleware(rateLimiter, clientOf, (c, message) => errorResponse(c, 429, message)));
  api.route('/', productRoutes({ store, faults, resultShape: () => settings.productResultShape }));
  api.route('/', invoiceRoutes({ store, faults, salesOrdersCanBeSent: () => settings.salesOrdersCanBeSent }));

  const app = new Hono();
  app.onError(onError);
  app.notFound((c) => errorResponse(c, 404, `No route ${c.req.method} ${c.req.path}`));
  for (const root of apiRoots) app.route(root, api);
  app.use('/login', recorder.middleware());
  app.route('/login', loginRoutes(auth));

  const sandbox: ProcountorSandbox = {
    app,
    fetch: async (request) => app.fetch(request),
    store,
    faults,
    recorder,
    rateLimiter,
    auth,
    get settings() {
      return { ...settings, rateLimit: rateLimiter.settings, ...auth.settings };
    },
    configure(next) {
      const { rateLimit, tokenTtlSeconds, codeTtlSeconds, ...rest } = next;
      Object.assign(settings, Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)));
      if (rateLimit !== undefined) rateLimiter.set(rateLimit);
      if (tokenTtlSeconds !== undefined) auth.settings.tokenTtlSeconds = tokenTtlSeconds;
      if (codeTtlSeconds !== undefined) auth.settings.codeTtlSeconds = codeTtlSeconds;
    },
    createInvoice: (changes) => store.createInvoice(changes),
    updateInvoice: (id, changes) => store.updateInvoice(id, changes),
    updateProduct: (id, changes) => store.updateProduct(id, changes),
    expireTokens: (accessToken) => auth.expireTokens(accessToken),
    revokeToken: (token) => auth.revokeToken(token),
    state: () => ({
      client: { clientId: (options.clients ?? [defaultClient])[0]?.clientId },
      counts: { products: store.products.size, invoices: store.invoices.size, writes: store.writes.length, requests: recorder.requests.length, ...auth.counts() },
      settings: sandbox.settings,
      faults: { settings: faults.settings, counters: faults.counters },
    }),
  };
  app.route('/_sandbox', controlRoutes(sandbox));
  return sandbox;
}

export interface RunningSandbox {
  /** The API root, e.g. http://127.0.0.1:PORT/api */
  url: string;
  /** The browser login of the authorization-code flow, e.g. http://127.0.0.1:PORT/login */
  authorizeUrl: string;
  /** e.g. http://127.0.0.1:PORT/api/oauth/token */
  tokenUrl: string;
  close(): Promise<void>;
  sandbox: ProcountorSandbox;
}

/** Serves a sandbox over HTTP, on 127.0.0.1 and a free port unless told otherwise. */
export async function startProcountorSandbox(options: SandboxOptions & { port?: number; host?: string } = {}): Promise<RunningSandbox> {
  const sandbox = createProcountorSandbox(options);
  const { origin, close } = await serveSandbox(sandbox.app.fetch, options);
  return { url: `${origin}/api`, authorizeUrl: `${origin}/login`, tokenUrl: `${origin}/api/oauth/token`, sandbox, close };
}
