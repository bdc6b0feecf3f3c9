import { z } from 'zod';
import { defineSandbox, serveSandbox } from '../../../src/connectors/sandbox/index.js';
import type { BaseSandboxOptions } from '../../../src/connectors/sandbox/index.js';
import { signBody } from '../webhooks.js';
import { errorResponse } from './errors.js';
import type { SimResource } from './jsonapi.js';
import { oauthRoutes } from './oauth.js';
import { apiRoutes } from './routes.js';
import { serializer } from './serialize.js';
import { MystoreStore } from './store.js';
import { authenticate, createTokens, personalToken, sandboxClient, sandboxShop, sandboxWebhookSecret, tokenOf } from './tokens.js';

export { sandboxClient, sandboxShop, sandboxUser } from './tokens.js';

/** What a sandbox integration uses unless told otherwise: the personal token, and the key webhooks are signed with. */
export const sandboxCredentials = { accessToken: personalToken, webhookSecret: sandboxWebhookSecret };

export interface MystoreSandboxOptions extends BaseSandboxOptions {
  products?: number;
  orders?: number;
}

const placeSchema = z.strictObject({ status: z.string().optional(), company: z.string().optional() });
const statusSchema = z.strictObject({ status: z.string() });
const productPatch = z.strictObject({ price: z.number().optional(), sku: z.string().optional() });

/**
 * A mystore.no simulator: the JSON:API under /shops/sandbox/ (paging, filters, fieldsets,
 * includes, 120 calls a minute per token), the OAuth server under /oauth/, and webhooks signed
 * with HMAC-SHA256 in the `X-No-Mystore-*` headers [V S22, S23]. See README.md.
 */
export const createMystoreSandbox = defineSandbox({
  // 120 calls a minute per token [V S20, S21]: the whole minute may go at once.
  rateLimit: { perSecond: 2, burst: 120 },
  settings: {
    initial: () => ({ badSignatures: false }),
    // On demand, deliveries are signed with a wrong key, to show the hub refusing them.
    schema: { badSignatures: z.boolean() },
  },
  error: errorResponse,
  invalidStatus: 422,
  build(kit, options: MystoreSandboxOptions) {
    const store = new MystoreStore({ seed: kit.seed, products: options.products ?? 60, orders: options.orders ?? 80, now: kit.now });
    const tokens = createTokens(kit.now);
    const corrupt = {
      product: (id: number) => kit.faults.corrupts('products', store.products.size, id - 1999),
      order: (id: number) => kit.faults.corrupts('orders', store.orders.size, id - 10_000),
    };
    const s = serializer(store, corrupt);

    const announce = (topic: string, resource: SimResource) =>
      Promise.all(
        [...store.webhooks.values()]
          .filter((hook) => hook.topic === topic)
          .map((hook) => {
            const text = JSON.stringify({ data: { type: resource.type, id: resource.id, attributes: { updated_at: resource.attributes.updated_at } } });
            const key = kit.values.badSignatures ? 'not-the-key' : (hook.secret ?? sandboxClient.clientSecret);
            return kit.deliveries.deliver(hook.address, text, {
              'content-type': 'application/json',
              'x-no-mystore-topic': topic,
              'x-no-mystore-hmac-sha256': signBody(key, text),
              'x-no-mystore-host': sandboxShop,
            });
          }),
      );

    const { app } = kit;
    app.use('/shops/*', kit.record);
    app.use('/oauth/*', kit.record);
    const api = kit.router();
    api.use('*', authenticate(tokens), kit.limit(tokenOf), kit.latency, kit.injectFaults);
    apiRoutes(api, store, s, announce);
    app.route('/shops/:shop', api);
    const oauth = kit.router();
    oauthRoutes(oauth, tokens);
    app.route('/', oauth);

    const orderOf = (id: string) => {
      const order = store.orders.get(Number(id));
      if (!order) throw new Error(`no order ${id}`);
      return order;
    };
    const statusNamed = (name: string) => {
      const status = store.statusByName(name);
      if (!status) throw new Error(`no order status named ${name}`);
      return status.id;
    };
    /** Places an order as a customer would, and sends its orders/create webhooks. */
    async function placeOrder(patch: z.output<typeof placeSchema> = {}) {
      const order = store.placeOrder({ ...(patch.status ? { statusId: statusNamed(patch.status) } : {}), ...(patch.company === undefined ? {} : { delivery_company: patch.company }) });
      await announce('orders/create', s.order(order));
      return order;
    }
    /** Changes an order's status by name in the shop's back office, and sends its orders/update webhooks. */
    async function setOrderStatus(id: number | string, name: string) {
      const order = orderOf(String(id));
      store.setStatus(order, statusNamed(name), { via: 'back-office' });
      await announce('orders/update', s.order(order));
      return order;
    }
    return {
      store,
      tokens,
      placeOrder,
      setOrderStatus,
      state: () => ({ counts: { products: store.products.size, variants: store.variants.size, orders: store.orders.size, webhooks: store.webhooks.size, history: store.history.length } }),
      control(control) {
        control.post('/orders', async (c) => {
          const order = await placeOrder(await kit.readBody(c, placeSchema));
          return c.json({ data: s.order(order) }, 201);
        });
        control.patch('/orders/:id', async (c) => {
          const { status } = await kit.readBody(c, statusSchema);
          return c.json({ data: s.order(await setOrderStatus(c.req.param('id'), status)) });
        });
        control.patch('/products/:id', async (c) => {
          const patch = await kit.readBody(c, productPatch);
          const product = store.products.get(Number(c.req.param('id')));
          if (!product) throw new Error(`no product ${c.req.param('id')}`);
          store.touchProduct(product, patch);
          await announce('products/update', s.product(product));
          return c.json({ data: s.product(product) });
        });
        control.get('/history', (c) => c.json(store.history));
        control.get('/webhooks', (c) => c.json([...store.webhooks.values()]));
      },
    };
  },
});

export interface RunningMystoreSandbox {
  url: string;
  origin: string;
  sandbox: ReturnType<typeof createMystoreSandbox>;
  close(): Promise<void>;
}

/** The simulator over HTTP, with its API root `…/shops/sandbox`. */
export async function startMystoreSandbox(options: MystoreSandboxOptions & { port?: number; host?: string } = {}): Promise<RunningMystoreSandbox> {
  const sandbox = createMystoreSandbox(options);
  const served = await serveSandbox(sandbox.app.fetch, options);
  return { url: `${served.origin}/shops/${sandboxShop}`, origin: served.origin, sandbox, close: served.close };
}
