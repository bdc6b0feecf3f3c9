import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { ApiError } from '../../../connectors/sandbox/index.js';
import type { PostArticle, PostOrder, PostPurchaseOrder } from '../api.js';
import { postArticleSchema, postOrderSchema, postPurchaseOrderSchema } from './bodies.js';
import { idPage, queryOf } from './query.js';
import { articleJson, orderJson, purchaseOrderJson } from './serialize.js';
import { orderStatuses, purchaseOrderStatuses } from './store.js';
import type { OngoingStore } from './store.js';

const DAY_MS = 24 * 3600_000;
const reportedSchema = z.strictObject({ reportedNumberOfItems: z.number().min(0) });

async function bodyOf<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const raw = await c.req.json().catch(() => {
    throw new ApiError(400, 'The request body is not valid JSON.');
  });
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.');
    throw new ApiError(400, `The request is invalid: ${field || 'body'}: ${issue.message}`, field);
  }
  return parsed.data;
}

/** The REST v1 routes of one goods owner (§2), under /api/v1. */
export function ongoingRoutes(app: Hono, deps: { store: OngoingStore; goodsOwner: { id: number; name: string }; now: () => Date }) {
  const { store, goodsOwner, now } = deps;
  const ownerOf = (_c: Context, id: number | undefined): void => {
    if (id === undefined) throw new ApiError(400, 'goodsOwnerId is required.', 'goodsOwnerId');
    if (id !== goodsOwner.id) throw new ApiError(403, `The API user has no access to goods owner ${id}.`, 'goodsOwnerId');
  };

  app.put('/articles', async (c) => {
    const body = (await bodyOf(c, postArticleSchema)) as PostArticle;
    ownerOf(c, body.goodsOwnerId);
    const { created, article } = store.putArticle(body);
    return c.json({ articleSystemId: article.articleSystemId, message: `Article ${body.articleNumber} ${created ? 'created' : 'updated'}` }, created ? 201 : 200);
  });
  app.get('/articles', (c) => {
    const q = queryOf(c);
    ownerOf(c, q.int('goodsOwnerId'));
    const numbers = q.list('articleNumbers');
    const single = q.text('articleNumber');
    const changedFrom = q.time('stockInfoChangedFrom');
    // "must be within 24 h of now" (§4.2), else 400.
    if (changedFrom && now().getTime() - changedFrom.getTime() > DAY_MS) throw new ApiError(400, 'stockInfoChangedFrom may be at most 24 hours ago.', 'stockInfoChangedFrom');
    const matches = [...store.articles.values()].filter(
      (a) =>
        (numbers.length === 0 || numbers.includes(a.body.articleNumber)) &&
        (single === undefined || a.body.articleNumber === single) &&
        (changedFrom === undefined || a.stockChangedAt >= changedFrom),
    );
    const page = idPage(matches, (a) => a.articleSystemId, q.int('articleSystemIdFrom'), q.int('maxArticlesToGet'));
    return c.json(page.map((a) => articleJson(store, goodsOwner, a)));
  });

  app.get('/orders/statuses', (c) => c.json({ orderStatuses: orderStatuses.map(([number, text]) => ({ number, text })) }));
  app.put('/orders', async (c) => {
    const body = (await bodyOf(c, postOrderSchema)) as PostOrder;
    ownerOf(c, body.goodsOwnerId);
    const { created, order } = store.putOrder(body);
    return c.json({ orderId: order.orderId, message: `Order number ${body.orderNumber} created/updated` }, created ? 201 : 200);
  });
  app.get('/orders', (c) => {
    const q = queryOf(c);
    ownerOf(c, q.int('goodsOwnerId'));
    const number = q.text('orderNumber');
    const toReport = q.flag('onlyOrdersWithOrderLinesToReport');
    const changedFrom = q.time('orderStatusChangedTimeFrom');
    const statusFrom = q.int('orderStatusFrom');
    const statusTo = q.int('orderStatusTo');
    const matches = [...store.orders.values()].filter(
      (o) =>
        (number === undefined || o.body.orderNumber === number) &&
        (!toReport || o.lines.some((l) => l.reported !== l.picked)) &&
        (changedFrom === undefined || o.statusChangedAt >= changedFrom) &&
        (statusFrom === undefined || o.status >= statusFrom) &&
        (statusTo === undefined || o.status <= statusTo),
    );
    const page = idPage(matches, (o) => o.orderId, q.int('orderIdFrom'), q.int('maxOrdersToGet'));
    return c.json(page.map((o) => orderJson(goodsOwner, o)));
  });
  app.get('/orders/:orderId{[0-9]+}', (c) => c.json(orderJson(goodsOwner, store.orderById(Number(c.req.param('orderId'))))));
  app.delete('/orders', (c) => {
    const q = queryOf(c);
    ownerOf(c, q.int('goodsOwnerId'));
    const order = store.cancelOrder(q.text('orderNumber') ?? '');
    return c.json({ orderId: order.orderId, message: `Order ${order.body.orderNumber} cancelled` });
  });
  app.patch('/orders/:orderId{[0-9]+}/setReportedNumberOfItemsToPickedNumberOfItems', (c) => {
    const order = store.orderById(Number(c.req.param('orderId')));
    store.reportPicked(order);
    return c.json({ orderId: order.orderId, message: 'Reported number of items updated' });
  });

  app.patch('/orders/:orderId{[0-9]+}/lines/:lineId{[0-9]+}/reportedNumberOfItems', async (c) => {
    const order = store.orderById(Number(c.req.param('orderId')));
    const line = order.lines.find((l) => l.id === Number(c.req.param('lineId')));
    if (!line) throw new ApiError(404, `Order line ${c.req.param('lineId')} was not found on order ${order.orderId}.`);
    line.reported = (await bodyOf(c, reportedSchema)).reportedNumberOfItems;
    return c.json({ orderId: order.orderId, message: 'Reported number of items updated' });
  });

  app.put('/purchaseOrders', async (c) => {
    const body = (await bodyOf(c, postPurchaseOrderSchema)) as PostPurchaseOrder;
    ownerOf(c, body.goodsOwnerId);
    const { created, purchaseOrder } = store.putPurchaseOrder(body);
    return c.json({ purchaseOrderId: purchaseOrder.purchaseOrderId, message: `Purchase order ${body.purchaseOrderNumber} created/updated` }, created ? 201 : 200);
  });
  app.get('/purchaseOrders/statuses', (c) => c.json({ purchaseOrderStatuses: purchaseOrderStatuses.map(([number, text]) => ({ number, text })) }));
  app.get('/purchaseOrders', (c) => {
    const q = queryOf(c);
    ownerOf(c, q.int('goodsOwnerId'));
    const number = q.text('purchaseOrderNumber');
    const toReport = q.flag('onlyPurchaseOrdersWithOrderLinesToReport');
    const matches = [...store.purchaseOrders.values()].filter(
      (p) => (number === undefined || p.body.purchaseOrderNumber === number) && (!toReport || p.lines.some((l) => l.reported !== l.received)),
    );
    const page = idPage(matches, (p) => p.purchaseOrderId, q.int('purchaseOrderIdFrom'), q.int('maxPurchaseOrdersToGet'));
    return c.json(page.map(purchaseOrderJson));
  });
  app.delete('/purchaseOrders', (c) => {
    const q = queryOf(c);
    ownerOf(c, q.int('goodsOwnerId'));
    const po = store.cancelPurchaseOrder(q.text('purchaseOrderNumber') ?? '');
    return c.json({ purchaseOrderId: po.purchaseOrderId, message: `Purchase order ${po.body.purchaseOrderNumber} cancelled` });
  });
  app.patch('/purchaseOrders/:id{[0-9]+}/setReportedNumberOfItemsToReceivedNumberOfItems', (c) => {
    const po = store.purchaseOrderById(Number(c.req.param('id')));
    for (const line of po.lines) line.reported = line.received;
    return c.json({ purchaseOrderId: po.purchaseOrderId, message: 'Reported number of items updated' });
  });
  app.patch('/purchaseOrders/:id{[0-9]+}/lines/:lineId{[0-9]+}/reportedNumberOfItems', async (c) => {
    const po = store.purchaseOrderById(Number(c.req.param('id')));
    const line = po.lines.find((l) => l.id === Number(c.req.param('lineId')));
    if (!line) throw new ApiError(404, `Purchase order line ${c.req.param('lineId')} was not found on purchase order ${po.purchaseOrderId}.`);
    line.reported = (await bodyOf(c, reportedSchema)).reportedNumberOfItems;
    return c.json({ purchaseOrderId: po.purchaseOrderId, message: 'Reported number of items updated' });
  });
}
