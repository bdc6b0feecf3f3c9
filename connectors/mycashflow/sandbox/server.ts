import { z } from 'zod';
import { defineSandbox, serveSandbox } from '../../../src/connectors/sandbox/index.js';
import type { BaseSandboxOptions, KitSettings } from '../../../src/connectors/sandbox/index.js';
import { mycashflowControl } from './control.js';
import { errorResponse } from './errors.js';
import { apiRoutes } from './routes.js';
import type { StatusCase } from './serialize.js';
import { MycashflowStore } from './store.js';
import type { OrderChanges } from './store.js';

export interface SandboxOptions extends BaseSandboxOptions {
  /** Default 200. */
  products?: number;
  /** Default 500. */
  orders?: number;
  /** Basic auth user; default api@sandbox.example. */
  email?: string;
  /** Basic auth password; default sandbox-key. */
  apiKey?: string;
  /** Order status casing in responses [G]; default 'title' (Open | Completed | Cancelled). */
  statusCase?: StatusCase;
}

export type SandboxSettings = KitSettings & { statusCase: StatusCase };

export const defaultCredentials = { email: 'api@sandbox.example', apiKey: 'sandbox-key' };

/** A MyCashflow API simulator, in process: call `fetch` or `app.request`, or serve it with startMycashflowSandbox. */
export const createMycashflowSandbox = defineSandbox({
  // Default 2 per second, burst 40 [G].
  rateLimit: { perSecond: 2, burst: 40 },
  settings: {
    initial: (options: SandboxOptions) => ({ statusCase: options.statusCase ?? ('title' as StatusCase) }),
    schema: { statusCase: z.enum(['title', 'lower', 'upper']) },
  },
  error: errorResponse,
  // A body with wrong values is a 422 [G: codes].
  invalidStatus: 422,
  build(kit, options: SandboxOptions) {
    const email = options.email ?? defaultCredentials.email;
    const apiKey = options.apiKey ?? defaultCredentials.apiKey;
    const store = new MycashflowStore({ seed: kit.seed, products: options.products ?? 200, orders: options.orders ?? 500, now: kit.now });
    const expected = `Basic ${Buffer.from(`${email}:${apiKey}`).toString('base64')}`;
    const statusCase = () => kit.values.statusCase;

    const { app } = kit;
    app.use('/api/*', kit.record);
    // The real API refuses a trailing slash [V S30].
    app.use('/api/*', async (c, next) => (c.req.path.endsWith('/') ? errorResponse(c, 400, 'Trailing slash in the path') : next()));
    app.use('/api/*', async (c, next) => {
      if (c.req.header('Authorization') === expected) return next();
      c.header('WWW-Authenticate', 'Basic realm="MyCashflow API"');
      return errorResponse(c, 401, 'Invalid API user e-mail or key');
    });
    app.use('/api/*', kit.limit(() => email));
    app.use('/api/*', kit.latency);
    app.use('/api/*', kit.injectFaults);
    const api = apiRoutes({ store, faults: kit.faults, statusCase });
    app.route('/api/v1', api);
    app.route('/api/v0', api);

    return {
      store,
      createOrder: (changes?: OrderChanges) => store.createOrder(changes),
      updateOrder: (id: number, changes: OrderChanges) => store.updateOrder(id, changes),
      state: () => ({
        credentials: { email },
        counts: { products: store.products.size, orders: store.orders.size, stockItems: store.stock.size, stockChanges: store.stockChanges.size, webhooks: store.webhooks.size },
      }),
      control: (control) => mycashflowControl(control, { store, statusCase, readBody: kit.readBody }),
    };
  },
});

export type MycashflowSandbox = ReturnType<typeof createMycashflowSandbox>;

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
