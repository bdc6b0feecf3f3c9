import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { ApiError } from '../../../src/connectors/sandbox/index.js';
import { compound, filterOf, pageOf } from './jsonapi.js';
import type { SimResource } from './jsonapi.js';
import type { serializer } from './serialize.js';
import { statuses } from './store.js';
import type { MystoreStore, Order } from './store.js';

/** Sends the webhooks subscribed to `topic`; the API's own changes do not wait for them, as a real shop would not. */
export type Announce = (topic: string, resource: SimResource) => Promise<unknown>;

const identifier = z.looseObject({ type: z.string(), id: z.coerce.string() });
const relationship = z.looseObject({ data: identifier });
const quantityBody = z.looseObject({ data: z.looseObject({ attributes: z.looseObject({ quantity: z.number().int() }) }) });
const historyBody = z.looseObject({
  data: z.looseObject({
    type: z.literal('order-status-history'),
    attributes: z.looseObject({ comments: z.string().optional(), customer_notified: z.coerce.number().optional(), tracking_number: z.string().nullish() }).optional(),
    relationships: z.looseObject({ order: relationship, 'order-status': relationship }),
  }),
});
const orderPatchBody = z.looseObject({
  data: z.looseObject({
    attributes: z.looseObject({ tracking_number: z.string().nullish(), customer_notified: z.coerce.number().optional() }).optional(),
    relationships: z.looseObject({ 'order-status': relationship }).optional(),
  }),
});
const webhookBody = z.looseObject({ data: z.looseObject({ type: z.literal('webhooks'), attributes: z.looseObject({ topic: z.string().regex(/^(orders|products)\/(create|update|delete)$/), address: z.url(), secret: z.string().optional() }) }) });

async function body<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const parsed = schema.safeParse(await c.req.json().catch(() => undefined));
  if (!parsed.success) throw new ApiError(422, `Invalid body: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`, parsed.error.issues[0]?.path.join('.'));
  return parsed.data;
}

const productAttributes = ['updated_at', 'sku', 'ean', 'status'];
const orderAttributes = ['updated_at', 'created_at', 'reference'];

/** The JSON:API routes under /shops/<shop>/ [V §2.3], with paging, filters, fieldsets and includes. */
export function apiRoutes(api: Hono, store: MystoreStore, s: ReturnType<typeof serializer>, announce: Announce): void {
  const list = (c: Context, type: string, resources: SimResource[], filterable: readonly string[]) => {
    const query = new URL(c.req.url).searchParams;
    const keep = filterOf(query, type, filterable);
    const { items, links, meta } = pageOf(resources.filter((r) => keep(r.attributes)), query, c.req.url);
    return c.json({ ...compound(items, query.get('include'), s.related, query), links, meta }, 200, { 'content-type': 'application/vnd.api+json' });
  };
  const one = (c: Context, resource: SimResource | undefined, what: string) => {
    if (!resource) throw new ApiError(404, `${what} was not found`);
    const query = new URL(c.req.url).searchParams;
    const doc = compound([resource], query.get('include'), s.related, query);
    return c.json({ data: doc.data[0], ...(doc.included ? { included: doc.included } : {}) }, 200, { 'content-type': 'application/vnd.api+json' });
  };
  const order = (id: string): Order => {
    const found = store.orders.get(Number(id));
    if (!found) throw new ApiError(404, `Order ${id} was not found`);
    return found;
  };
  const statusId = (id: string) => {
    if (!statuses.some((st) => String(st.id) === id)) throw new ApiError(422, `Unknown order status ${id}`, 'data.relationships.order-status');
    return Number(id);
  };

  api.get('/products', (c) => list(c, 'products', [...store.products.values()].map(s.product), productAttributes));
  api.get('/products/:id', (c) => one(c, (() => { const p = store.products.get(Number(c.req.param('id'))); return p && s.product(p); })(), `Product ${c.req.param('id')}`));
  api.get('/product-variants', (c) => list(c, 'product-variants', [...store.variants.values()].map(s.variant), productAttributes));
  for (const type of ['products', 'product-variants'] as const) {
    api.patch(`/${type}/:id`, async (c) => {
      const { data } = await body(c, quantityBody);
      const id = Number(c.req.param('id'));
      const record = type === 'products' ? store.products.get(id) : store.variants.get(id);
      if (!record) throw new ApiError(404, `${type} ${id} was not found`);
      if (type === 'products') store.touchProduct(record as never, { quantity: data.attributes.quantity });
      else store.touchVariant(record as never, { quantity: data.attributes.quantity });
      const resource = type === 'products' ? s.product(record as never) : s.variant(record as never);
      void announce('products/update', resource);
      return one(c, resource, type);
    });
  }

  api.get('/orders', (c) => list(c, 'orders', [...store.orders.values()].map(s.order), orderAttributes));
  api.get('/orders/:id', (c) => one(c, s.order(order(c.req.param('id'))), `Order ${c.req.param('id')}`));
  api.patch('/orders/:id/complete', async (c) => {
    const o = order(c.req.param('id'));
    const { data } = await body(c, orderPatchBody);
    store.setStatus(o, store.statusByName('Levert')!.id, { tracking_number: data.attributes?.tracking_number ?? null, customer_notified: data.attributes?.customer_notified ?? 0, via: 'complete' });
    void announce('orders/update', s.order(o));
    return one(c, s.order(o), 'order');
  });
  api.patch('/orders/:id', async (c) => {
    const o = order(c.req.param('id'));
    const { data } = await body(c, orderPatchBody);
    const to = data.relationships?.['order-status'].data.id;
    store.setStatus(o, to === undefined ? o.statusId : statusId(to), { tracking_number: data.attributes?.tracking_number ?? null, via: 'patch-order' });
    void announce('orders/update', s.order(o));
    return one(c, s.order(o), 'order');
  });
  api.get('/order-status', (c) => list(c, 'order-status', statuses.flatMap((st) => s.status(st.id)), []));
  api.post('/order-status-history', async (c) => {
    const { data } = await body(c, historyBody);
    const o = order(data.relationships.order.data.id);
    const row = store.setStatus(o, statusId(data.relationships['order-status'].data.id), { ...data.attributes, via: 'status-history' });
    void announce('orders/update', s.order(o));
    const { id, orderId, statusId: sid, ...attributes } = row;
    return c.json({ data: { type: 'order-status-history', id: String(id), attributes, relationships: { order: { data: { type: 'orders', id: String(orderId) } }, 'order-status': { data: { type: 'order-status', id: String(sid) } } } } }, 201);
  });

  api.get('/webhooks', (c) => list(c, 'webhooks', [...store.webhooks.values()].map(s.webhook), []));
  api.post('/webhooks', async (c) => {
    const { data } = await body(c, webhookBody);
    return c.json({ data: s.webhook(store.addWebhook(data.attributes.topic, data.attributes.address, data.attributes.secret)) }, 201);
  });
  api.delete('/webhooks/:id', (c) => {
    if (!store.webhooks.delete(Number(c.req.param('id')))) throw new ApiError(404, `Webhook ${c.req.param('id')} was not found`);
    return c.body(null, 204);
  });
  // Plain JSON, not JSON:API [V S24].
  api.get('/settings', (c) => c.json({ default_language: 'no', full_image_cdn_base_url: 'https://cdn.example/' }));
}
