import { Hono } from 'hono';
import type { Context } from 'hono';
import type { z } from 'zod';
import type { Faults } from '../../../src/connectors/sandbox/index.js';
import { quickProcessRequestSchema, stockPatchSchema, webhookRequestSchema } from '../api.js';
import { paymentMethods, shippingMethods } from './catalog.js';
import type { Method } from '../api.js';
import type { OrderStatus, StoredOrder } from './data.js';
import { ApiError } from './errors.js';
import { expandParam, listResponse, pathId } from './query.js';
import { serializeOrder, serializeProduct } from './serialize.js';
import type { StatusCase } from './serialize.js';
import type { MycashflowStore } from './store.js';

/** Products and orders allow 250 a page [V S34 uses 250; the maximum is G]; stock-changes 10000 [V S34]. */
const maxPageSize = { default: 250, stockChanges: 10_000 };
const statuses: OrderStatus[] = ['open', 'completed', 'cancelled'];
const paymentActions = ['mark-as-paid', 'mark-as-unpaid', 'mark-as-cancelled', 'activate'] as const;

export interface ApiContext {
  store: MycashflowStore;
  faults: Faults;
  statusCase: () => StatusCase;
}

/** Reads a JSON body: 400 when it is not JSON, 422 naming the fields that are wrong [G: codes]. */
export async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const body: unknown = await c.req.json().catch(() => {
    throw new ApiError(400, 'The body must be JSON');
  });
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  throw new ApiError(422, parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
}

/** The API under /api/v1 and /api/v0 (the same resources in both, as the sandbox cannot tell them apart). */
export function apiRoutes({ store, faults, statusCase }: ApiContext): Hono {
  const api = new Hono();
  const product = (c: Context) => (record: Parameters<typeof serializeProduct>[0]) =>
    serializeProduct(record, expandParam(c), faults.corrupts('products', store.products.size, record.product.id));
  const order = (c: Context, fallback = '') => {
    const expand = c.req.query('expand') === undefined ? new Set(fallback.split(',')) : expandParam(c);
    return (o: StoredOrder) => serializeOrder(o, expand, statusCase(), faults.corrupts('orders', store.orders.size, o.id));
  };
  /** Order actions answer {data: Order} in its new state [V S33], with shipments and payments [G]. */
  const action = (c: Context, result: StoredOrder) => c.json({ data: order(c, 'shipments,payments')(result) });
  const requireOrder = (c: Context) => {
    const found = store.order(pathId(c, 'id'));
    if (!found) throw new ApiError(404, `No order ${c.req.param('id') ?? ''}`);
    return found;
  };

  api.get('/products', (c) =>
    listResponse(c, { collection: store.products, maxPageSize: maxPageSize.default, timeField: 'updated_at', createdMs: (r) => Date.parse(r.product.created_at), serialize: product(c) }),
  );
  api.get('/products/:id', (c) => {
    const record = store.product(pathId(c, 'id'));
    if (!record) throw new ApiError(404, `No product ${c.req.param('id')}`);
    return c.json({ data: product(c)(record) });
  });
  api.get('/variations/:id', (c) => {
    const id = pathId(c, 'id');
    const variation = store.product(Math.floor(id / 10))?.variations.find((v) => v.id === id);
    if (!variation) throw new ApiError(404, `No variation ${id}`);
    return c.json({ data: variation });
  });

  api.get('/stock', (c) => listResponse(c, { collection: store.stock, maxPageSize: maxPageSize.default, timeField: 'updated_at', serialize: (s) => s }));
  api.get('/stock/:code', (c) => {
    const item = store.stockItem(c.req.param('code'));
    if (!item) throw new ApiError(404, `No stock item with code ${c.req.param('code')}`);
    return c.json({ data: item });
  });
  api.patch('/stock/:code', async (c) => {
    const body: unknown = await c.req.raw.clone().json().catch(() => ({}));
    if (body && typeof body === 'object' && 'reserved' in body) throw new ApiError(422, 'reserved is read-only');
    return c.json({ data: store.patchStock(c.req.param('code'), await readBody(c, stockPatchSchema)) });
  });
  api.get('/stock-changes', (c) =>
    listResponse(c, { collection: store.stockChanges, maxPageSize: maxPageSize.stockChanges, timeField: 'changed_at', serialize: (s) => s }),
  );

  api.get('/orders', (c) => {
    const wanted = c.req.query('status')?.toLowerCase().split(',').map((s) => s.trim());
    const unknown = wanted?.find((s) => !statuses.includes(s as OrderStatus));
    if (unknown !== undefined) throw new ApiError(400, `status must be one of ${statuses.join(', ')}, got "${unknown}"`);
    return listResponse(c, {
      collection: store.orders, maxPageSize: maxPageSize.default, timeField: 'updated_at',
      createdMs: (o) => Date.parse(o.created_at), serialize: order(c),
      filter: wanted ? (o) => wanted.includes(o.status) : undefined,
    });
  });
  api.get('/orders/:id', (c) => c.json({ data: order(c)(requireOrder(c)) }));
  api.get('/orders/:id/shipments', (c) => c.json({ data: requireOrder(c).shipments }));
  api.get('/orders/:id/shipments/:sid', (c) => {
    const shipment = requireOrder(c).shipments.find((s) => s.id === pathId(c, 'sid'));
    if (!shipment) throw new ApiError(404, `No shipment ${c.req.param('sid')}`);
    return c.json({ data: shipment });
  });
  api.post('/orders/:id/quick-process', async (c) =>
    action(c, store.quickProcess(requireOrder(c).id, await readBody(c, quickProcessRequestSchema))),
  );
  api.post('/orders/:id/shipments/:sid/complete', (c) => action(c, store.completeShipment(requireOrder(c).id, pathId(c, 'sid'))));
  api.post('/orders/:id/cancel', (c) => action(c, store.cancelOrder(requireOrder(c).id)));
  api.post('/orders/:id/payments/:pid/:action', (c) => {
    const name = paymentActions.find((a) => a === c.req.param('action'));
    if (!name) throw new ApiError(404, `No payment action ${c.req.param('action')}`);
    return action(c, store.paymentAction(requireOrder(c).id, pathId(c, 'pid'), name));
  });

  const method = ({ id, name, type }: Method): Method => ({ id, name, type });
  api.get('/payment-methods', (c) => c.json({ data: paymentMethods.map(method) }));
  api.get('/shipping-methods', (c) => c.json({ data: shippingMethods.map(method) }));

  api.get('/webhooks', (c) => c.json({ data: [...store.webhooks.values()] }));
  api.post('/webhooks', async (c) => c.json({ data: store.addWebhook(await readBody(c, webhookRequestSchema)) }, 201));
  api.get('/webhooks/:uuid', (c) => {
    const webhook = store.webhooks.get(c.req.param('uuid'));
    if (!webhook) throw new ApiError(404, `No webhook ${c.req.param('uuid')}`);
    return c.json({ data: webhook });
  });
  api.delete('/webhooks/:uuid', (c) => {
    if (!store.webhooks.delete(c.req.param('uuid'))) throw new ApiError(404, `No webhook ${c.req.param('uuid')}`);
    return c.body(null, 204);
  });
  return api;
}
