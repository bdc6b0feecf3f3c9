import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { defineSandbox, serveSandbox } from '../../../connectors/sandbox/index.js';
import type { BaseSandboxOptions } from '../../../connectors/sandbox/index.js';
import { ongoingRoutes } from './routes.js';
import { orderJson } from './serialize.js';
import { OngoingStore } from './store.js';

export interface OngoingSandboxOptions extends BaseSandboxOptions {
  /** The goods owner's id in Ongoing; default 159, as in the official examples. */
  goodsOwnerId?: number;
  username?: string;
  password?: string;
  /** What a write that overlaps another does: counted only (default), or timed out as Ongoing does (§7.2). */
  overlappingWrites?: 'count' | 'time-out';
}

export const ongoingSandboxCredentials = { username: 'WSI-sandbox', password: 'sandbox-password' };

/**
 * Ongoing's errors: IIS answers a 500 as {"Message": …}; other refusals carry a message whose
 * key's casing varies (§7.4). The simulator answers both forms, so the adapter must read both.
 */
function errorResponse(c: Context, status: number, message: string): Response {
  return c.json(status >= 500 ? { Message: message } : { message }, status as ContentfulStatusCode);
}

const writeMethods = new Set(['PUT', 'POST', 'PATCH', 'DELETE']);

/** An Ongoing WMS REST v1 simulator for one goods owner: `/api/v1/…`, HTTP Basic, the control API under /_sandbox. */
export const createOngoingSandbox = defineSandbox({
  // Ongoing limits per method and client; no figure is published (§7.2). 0 = off unless a test sets one.
  rateLimit: { perSecond: 0, burst: 1 },
  settings: {
    initial: (options: OngoingSandboxOptions) => ({ overlappingWrites: options.overlappingWrites ?? ('count' as 'count' | 'time-out'), webhookUrl: '', webhookToken: '' }),
    schema: { overlappingWrites: z.enum(['count', 'time-out']), webhookUrl: z.string(), webhookToken: z.string() },
  },
  error: errorResponse,
  invalidStatus: 400,
  build(kit, options: OngoingSandboxOptions) {
    const goodsOwner = { id: options.goodsOwnerId ?? 159, name: 'Sandbox goods owner' };
    const username = options.username ?? ongoingSandboxCredentials.username;
    const password = options.password ?? ongoingSandboxCredentials.password;
    const expected = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
    const store = new OngoingStore(kit.now);
    const writes = { inFlight: 0, overlapping: 0, total: 0 };

    /** Ongoing runs a goods owner's writes one at a time and times the rest out (§7.2): count (or refuse) any that overlap. */
    const serialWrites: MiddlewareHandler = async (c, next) => {
      if (!writeMethods.has(c.req.method)) return next();
      writes.total++;
      const overlaps = writes.inFlight > 0;
      if (overlaps) writes.overlapping++;
      writes.inFlight++;
      try {
        if (overlaps && kit.values.overlappingWrites === 'time-out') return errorResponse(c, 500, 'The operation has timed out.');
        await next();
      } finally {
        writes.inFlight--;
      }
    };

    const { app } = kit;
    app.use('/api/*', kit.record);
    app.use('/api/*', async (c, next) => (c.req.header('Authorization') === expected ? next() : errorResponse(c, 401, 'Authorization has been denied for this request.')));
    app.use('/api/*', kit.limit(() => username));
    app.use('/api/*', serialWrites);
    app.use('/api/*', kit.latency);
    app.use('/api/*', kit.injectFaults);
    const api = kit.router();
    ongoingRoutes(api, { store, goodsOwner, now: kit.now });
    app.route('/api/v1', api);

    /** The order webhook "Order status is changed" (§8), with the shared X-Auth-Token. */
    const orderWebhook = async (orderNumber: string) => {
      if (!kit.values.webhookUrl) return;
      const order = store.order(orderNumber);
      const json = orderJson(goodsOwner, order);
      await kit.deliveries.deliver(
        kit.values.webhookUrl,
        {
          webhookEventId: kit.deliveries.log.length + 1,
          system: 'sandbox',
          timestamp: kit.now().toISOString(),
          orderId: order.orderId,
          orderNumber,
          goodsOwnerId: goodsOwner.id,
          goodsOwnerName: goodsOwner.name,
          path: `/api/v1/orders/${order.orderId}`,
          orderStatus: { number: order.status },
          tracking: json.tracking.map((t) => ({ ...t, isReturn: false })),
        },
        kit.values.webhookToken ? { 'X-Auth-Token': kit.values.webhookToken } : {},
      );
    };

    const rows = z.array(z.strictObject({ rowNumber: z.string(), quantity: z.number().min(0) }));
    return {
      store,
      goodsOwnerId: goodsOwner.id,
      /** Writes that began while another write of the goods owner was still running. */
      overlappingWrites: () => writes.overlapping,
      state: () => ({
        credentials: { username, password },
        goodsOwnerId: goodsOwner.id,
        writes: { total: writes.total, overlapping: writes.overlapping },
        counts: { articles: store.articles.size, orders: store.orders.size, purchaseOrders: store.purchaseOrders.size },
      }),
      control: (control) => {
        // The warehouse's actions: ship with picked quantities and a waybill, set a status, receive, adjust stock.
        control.post('/orders/:orderNumber/ship', async (c) => {
          const body = await kit.readBody(c, z.strictObject({ picked: rows.optional(), waybill: z.string().optional(), trackingUrl: z.string().optional(), status: z.number().int().optional() }));
          const order = store.ship(c.req.param('orderNumber'), body);
          await orderWebhook(order.body.orderNumber);
          return c.json(orderJson(goodsOwner, order));
        });
        control.post('/orders/:orderNumber/status', async (c) => {
          const { status } = await kit.readBody(c, z.strictObject({ status: z.number().int() }));
          const order = store.order(c.req.param('orderNumber'));
          store.setOrderStatus(order, status);
          await orderWebhook(order.body.orderNumber);
          return c.json(orderJson(goodsOwner, order));
        });
        control.post('/purchaseOrders/:number/receive', async (c) => {
          const { lines } = await kit.readBody(c, z.strictObject({ lines: rows.optional() }));
          return c.json({ status: store.receive(c.req.param('number'), lines).status });
        });
        control.post('/articles/:articleNumber/stock', async (c) => {
          const { numberOfItems } = await kit.readBody(c, z.strictObject({ numberOfItems: z.number().min(0) }));
          return c.json({ numberOfItems: store.setStock(c.req.param('articleNumber'), numberOfItems).numberOfItems });
        });
      },
    };
  },
});

export type OngoingSandbox = ReturnType<typeof createOngoingSandbox>;

/** Serves the simulator over HTTP on 127.0.0.1 and a free port unless told otherwise; `url` is the /api/v1 root. */
export async function startOngoingSandbox(options: OngoingSandboxOptions & { port?: number; host?: string } = {}) {
  const sandbox = createOngoingSandbox(options);
  const served = await serveSandbox(sandbox.app.fetch, options);
  return { url: `${served.origin}/api/v1`, origin: served.origin, sandbox, close: served.close };
}
