import type { Context } from 'hono';
import { z } from 'zod';
import { defineSandbox, serveSandbox } from '../../../src/connectors/sandbox/index.js';
import type { BaseSandboxOptions, KitSettings } from '../../../src/connectors/sandbox/index.js';
import type { Invoice, Product } from '../api.js';
import { createAuth, defaultClient, defaultUser } from './auth.js';
import type { SandboxClient, SandboxUser } from './auth.js';
import { loginRoutes, tokenEndpoint } from './auth-routes.js';
import { procountorControl } from './control.js';
import { errorResponse } from './errors.js';
import { invoiceRoutes } from './invoice-routes.js';
import { productRoutes } from './product-routes.js';
import type { ProductResultShape } from './product-routes.js';
import { ProcountorStore } from './store.js';
import type { InvoiceChanges, ProductChanges } from './store.js';

export { defaultClient, defaultUser };
export type { SandboxClient, SandboxUser };

/** Procountor's own settings; with the kit's latencyMs and rateLimit (per client [V P-DEV-req: 60 req/s per
 * client in production]; off by default, as no 429 is documented [V notes A8.8]). */
export interface ProcountorSettings {
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

export type SandboxSettings = KitSettings & ProcountorSettings;

export interface SandboxOptions extends BaseSandboxOptions, Partial<ProcountorSettings> {
  /** Products in the register, default 300 (about 70 % SALES, 25 % PURCHASE twins, a few TRAVEL). */
  products?: number;
  /** Invoices, default 1000 (about 45 % sales orders, 20 % purchase orders, the rest invoices). */
  invoices?: number;
  /** Default: [defaultUser]. */
  users?: SandboxUser[];
  /** Default: [defaultClient]. */
  clients?: SandboxClient[];
}

/** The unversioned root and the versioned ones [V P-VG, P-FP, P-DEV-rel]; the sandbox serves one API under all. */
export const apiRoots = ['/api', '/latest/api', '/supported/api', '/:release{v[0-9]{4}}/api'];

const bearer = (c: Context) => /^Bearer\s+(\S+)$/i.exec(c.req.header('Authorization') ?? '')?.[1];

/**
 * A Procountor API simulator, in process: call `fetch` or `app.request`, or serve it with startProcountorSandbox.
 * Tokens follow the wall clock, the data the `now` clock.
 */
export const createProcountorSandbox = defineSandbox({
  rateLimit: { perSecond: 0, burst: 60 },
  settings: {
    initial: (options: SandboxOptions): ProcountorSettings => ({
      tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
      codeTtlSeconds: options.codeTtlSeconds ?? 600,
      productResultShape: options.productResultShape ?? 'results',
      salesOrdersCanBeSent: options.salesOrdersCanBeSent ?? true,
      unauthorizedBody: options.unauthorizedBody ?? 'errors',
    }),
    schema: {
      tokenTtlSeconds: z.number().min(0),
      codeTtlSeconds: z.number().min(0),
      productResultShape: z.enum(['results', 'products']),
      salesOrdersCanBeSent: z.boolean(),
      unauthorizedBody: z.enum(['errors', 'empty']),
    },
  },
  error: errorResponse,
  build(kit, options: SandboxOptions) {
    const store = new ProcountorStore({ seed: kit.seed, products: options.products ?? 300, invoices: options.invoices ?? 1000, now: kit.now });
    const clients = options.clients ?? [defaultClient];
    const auth = createAuth({ clients, users: options.users ?? [defaultUser], settings: kit.values });
    const settings = kit.values;

    const api = kit.router();
    api.use('*', kit.record);
    api.use('*', kit.latency);
    api.use('*', kit.injectFaults);
    api.post('/oauth/token', (c) => tokenEndpoint(c, auth));
    api.get('/status', (c) => c.json({ name: 'procountor-sandbox', version: '1', status: 'OK', procountorVersion: 'sandbox' }));
    api.use('*', async (c, next) => {
      const token = bearer(c);
      if (token && auth.verify(token)) return next();
      c.header('WWW-Authenticate', 'Bearer');
      if (settings.unauthorizedBody === 'empty') return c.body(null, 401);
      return errorResponse(c, 401, token ? 'The access token is invalid or has expired' : 'Authorization: Bearer <access_token> is required');
    });
    api.use('*', kit.limit((c) => auth.verify(bearer(c) ?? '')?.clientId ?? 'anonymous'));
    api.route('/', productRoutes({ store, faults: kit.faults, resultShape: () => settings.productResultShape }));
    api.route('/', invoiceRoutes({ store, faults: kit.faults, salesOrdersCanBeSent: () => settings.salesOrdersCanBeSent }));

    const { app } = kit;
    for (const root of apiRoots) app.route(root, api);
    app.use('/login', kit.record);
    app.route('/login', loginRoutes(auth));

    return {
      store,
      auth,
      createInvoice: (changes?: InvoiceChanges): Invoice => store.createInvoice(changes),
      updateInvoice: (id: number, changes: InvoiceChanges): Invoice => store.updateInvoice(id, changes),
      updateProduct: (id: number, changes: ProductChanges): Product => store.updateProduct(id, changes),
      /** Expires every access token, or one; returns how many. Refresh tokens stay valid. */
      expireTokens: (accessToken?: string): number => auth.expireTokens(accessToken),
      revokeToken: (token: string): boolean => auth.revokeToken(token),
      state: () => ({
        client: { clientId: clients[0]?.clientId },
        counts: { products: store.products.size, invoices: store.invoices.size, writes: store.writes.length, ...auth.counts() },
      }),
      control: (control) => procountorControl(control, { store, auth, readBody: kit.readBody }),
    };
  },
});

export type ProcountorSandbox = ReturnType<typeof createProcountorSandbox>;

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
