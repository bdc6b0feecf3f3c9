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
import { controlRoutes } from './control.js';
import { ApiError, errorResponse } from './errors.js';
import { apiRoutes } from './routes.js';
import type { StatusCase } from './serialize.js';
import { MycashflowStore } from './store.js';
import type { OrderChanges } from './store.js';
import type { StoredOrder } from './data.js';

export interface SandboxOptions {
  /** Same seed (and same day, or same `now`) → same data. Default 1. */
  seed?: number;
  /** Default 200. */
  products?: number;
  /** Default 500. */
  orders?: number;
  /** Basic auth user; default api@sandbox.example. */
  email?: string;
  /** Basic auth password; default sandbox-key. */
  apiKey?: string;
  latencyMs?: number;
  /** Default 2 per second, burst 40 [G]; perSecond 0 switches the limit off. */
  rateLimit?: RateLimitSettings;
  /** Order status casing in responses [G]; default 'title' (Open | Completed | Cancelled). */
  statusCase?: StatusCase;
  /** The data clock: generated times lie before it, changes are stamped with it. */
  now?: () => Date;
}

export interface SandboxSettings {
  latencyMs: number;
  rateLimit: RateLimitSettings;
  statusCase: StatusCase;
}

export interface MycashflowSandbox {
  app: Hono;
  fetch(request: Request): Promise<Response>;
  store: MycashflowStore;
  faults: Faults;
  recorder: Recorder;
  rateLimiter: RateLimiter;
  readonly settings: SandboxSettings;
  configure(settings: Partial<SandboxSettings>): void;
  createOrder(changes?: OrderChanges): StoredOrder;
  updateOrder(id: number, changes: OrderChanges): StoredOrder;
  state(): Record<string, unknown>;
}

export const defaultCredentials = { email: 'api@sandbox.example', apiKey: 'sandbox-key' };

const onError: ErrorHandler = (error, c) =>
  error instanceof ApiError ? errorResponse(c, error.status, error.message) : errorResponse(c, 500, error.message);

/** A MyCashflow API simulator, in process: call `fetch` or `app.request`, or serve it with startMycashflowSandbox. */
export function createMycashflowSandbox(options: SandboxOptions = {}): MycashflowSandbox {
  const now = options.now ?? (() => new Date());
  const seed = options.seed ?? 1;
  const email = options.email ?? defaultCredentials.email;
  const apiKey = options.apiKey ?? defaultCredentials.apiKey;
  const store = new MycashflowStore({ seed, products: options.products ?? 200, orders: options.orders ?? 500, now });
  const faults = createFaults(seed);
  const recorder = createRecorder({ now });
  const rateLimiter = createRateLimiter(options.rateLimit ?? { perSecond: 2, burst: 40 });
  const settings = { latencyMs: options.latencyMs ?? 0, statusCase: options.statusCase ?? ('title' as StatusCase) };
  const expected = `Basic ${Buffer.from(`${email}:${apiKey}`).toString('base64')}`;

  const app = new Hono();
  app.onError(onError);
  app.notFound((c) => errorResponse(c, 404, `No route ${c.req.method} ${c.req.path}`));
  app.use('/api/*', recorder.middleware());
  // The real API refuses a trailing slash [V S30].
  app.use('/api/*', async (c, next) => (c.req.path.endsWith('/') ? errorResponse(c, 400, 'Trailing slash in the path') : next()));
  app.use('/api/*', async (c, next) => {
    if (c.req.header('Authorization') === expected) return next();
    c.header('WWW-Authenticate', 'Basic realm="MyCashflow API"');
    return errorResponse(c, 401, 'Invalid API user e-mail or key');
  });
  const rejectRate = (c: Context, message: string) => errorResponse(c, 429, message);
  app.use('/api/*', rateLimitMiddleware(rateLimiter, () => email, rejectRate));
  app.use('/api/*', latencyMiddleware(() => settings.latencyMs));
  app.use('/api/*', faultMiddleware(faults, errorResponse));
  const api = apiRoutes({ store, faults, statusCase: () => settings.statusCase });
  api.onError(onError);
  app.route('/api/v1', api);
  app.route('/api/v0', api);

  const sandbox: MycashflowSandbox = {
    app,
    fetch: async (request) => app.fetch(request),
    store,
    faults,
    recorder,
    rateLimiter,
    get settings() {
      return { ...settings, rateLimit: rateLimiter.settings };
    },
    configure(next) {
      if (next.latencyMs !== undefined) settings.latencyMs = next.latencyMs;
      if (next.statusCase !== undefined) settings.statusCase = next.statusCase;
      if (next.rateLimit !== undefined) rateLimiter.set(next.rateLimit);
    },
    createOrder: (changes) => store.createOrder(changes),
    updateOrder: (id, changes) => store.updateOrder(id, changes),
    state: () => ({
      credentials: { email },
      counts: {
        products: store.products.size, orders: store.orders.size, stockItems: store.stock.size,
        stockChanges: store.stockChanges.size, webhooks: store.webhooks.size, requests: recorder.requests.length,
      },
      settings: sandbox.settings,
      faults: { settings: faults.settings, counters: faults.counters },
    }),
  };
  app.route('/_sandbox', controlRoutes(sandbox));
  return sandbox;
}

export interface RunningSandbox {
  /** The API root, e.g. http://127.0.0.1:PORT/api/v1 */
  url: string;
  close(): Promise<void>;
  sandbox: MycashflowSandbox;
}

/** Serves a sandbox over HTTP, on 127.0.0.1 and a free port unless told otherwise. */
export async function startMycashflowSandbox(options: SandboxOptions & { port?: number; host?: string } = {}): Promise<RunningSandbox> {
  const sandbox = createMycashflowSandbox(options);
  const served = await serveSandbox(sandbox.app.fetch, options);
  return { url: `${served.origin}/api/v1`, sandbox, close: served.close };
}
