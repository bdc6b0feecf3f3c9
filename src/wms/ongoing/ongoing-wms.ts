import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { articleSchema, orderInputSchema, parseRecord, purchaseOrderInputSchema, statusLabel, supplierSchema } from '../../domain/index.js';
import type { StatusRules, StockBalance } from '../../domain/index.js';
import { HttpError } from '../../connectors/http/http-errors.js';
import type { Query } from '../../connectors/http/url.js';
import { configError, notFound } from '../../kernel/errors.js';
import type { EventBatch, UpsertOutcome, WmsEvent, WmsEventType, WmsPort } from '../port.js';
import { getArticleSchema, getOrderSchema, getPurchaseOrderSchema, putAnswerSchema } from './api.js';
import type { GetOrder, GetPurchaseOrder } from './api.js';
import { createOngoingClient } from './client.js';
import type { OngoingClientDeps } from './client.js';
import { orderShipped, purchaseOrderReceived, stockOf } from './from-ongoing.js';
import { parseOngoingSettings } from './settings.js';
import { toPostArticle, toPostOrder, toPostPurchaseOrder } from './to-ongoing.js';

export interface OngoingTenant {
  code: string;
  statusRules: StatusRules;
  wmsSettings: Record<string, unknown>;
  wmsSecrets: Record<string, unknown>;
}

/** How far back the status-changed backstop reads again, for changes stamped while a poll ran. */
const OVERLAP_MS = 5 * 60_000;
/** `stockInfoChangedFrom` must lie within 24 h (§4.2): older means a full sweep. */
const STOCK_DELTA_MAX_MS = 23 * 3600_000;

const feedCursorSchema = z.object({ statusChangedFrom: z.string() });

/** Ongoing says "already cancelled" only in words (§3.7): the text is all there is to go by. */
const alreadyCancelled = (e: unknown) => e instanceof HttpError && e.status >= 400 && e.status < 500 && /already\s+(been\s+)?cancel/i.test(e.message);

/**
 * The Ongoing WMS behind the WMS port, for one goods owner (ADR 0019). Every call names the
 * goods owner's id; writes send the full object (a PUT replaces) with stable row numbers; the
 * status gate reads the order's status before a write, as Ongoing refuses one once the warehouse
 * has started. The feed is Ongoing's own "lines to report" backlog, so a report is offered until
 * `ack` sets reported = picked (or received), even if the hub's database is lost.
 */
export function createOngoingWms(tenant: OngoingTenant, deps: OngoingClientDeps) {
  const settings = parseOngoingSettings({ ...tenant.wmsSettings, ...tenant.wmsSecrets });
  const client = createOngoingClient(settings, deps);
  const goodsOwnerId = settings.goodsOwnerId;
  const rules = tenant.statusRules;
  const owned = (query: Query = {}): Query => ({ goodsOwnerId, ...query });
  let lastPoll = Number.NEGATIVE_INFINITY;
  let woken = false;

  function checkOwner(owner: string): void {
    if (owner !== tenant.code) throw configError(`the Ongoing WMS adapter of goods owner ${tenant.code} was asked about goods owner ${owner}`);
  }

  /** Every page of an ID-cursor list (§7.1): `from` = the last id + 1, until a short page. */
  async function readAll<T>(path: string, query: Query, keys: { from: string; max: string }, schema: z.ZodType<T>, idOf: (item: T) => number): Promise<T[]> {
    const out: T[] = [];
    let from: number | undefined;
    for (;;) {
      const { data } = await client.read(path, { query: owned({ ...query, ...(from !== undefined ? { [keys.from]: from } : {}), [keys.max]: settings.pageSize }), schema: z.array(schema) });
      out.push(...data);
      if (data.length < settings.pageSize) return out;
      from = Math.max(...data.map(idOf)) + 1;
    }
  }

  const orderPages = { from: 'orderIdFrom', max: 'maxOrdersToGet' };
  const purchaseOrderPages = { from: 'purchaseOrderIdFrom', max: 'maxPurchaseOrdersToGet' };
  const orderId = (o: GetOrder) => o.orderInfo.orderId;
  const purchaseOrderId = (p: GetPurchaseOrder) => p.purchaseOrderInfo.purchaseOrderId;

  const findOrder = async (orderNumber: string) =>
    (await client.read('/orders', { query: owned({ orderNumber }), schema: z.array(getOrderSchema) })).data.find((o) => o.orderInfo.orderNumber === orderNumber);
  const findPurchaseOrder = async (number: string) =>
    (await client.read('/purchaseOrders', { query: owned({ purchaseOrderNumber: number }), schema: z.array(getPurchaseOrderSchema) })).data.find(
      (p) => p.purchaseOrderInfo.purchaseOrderNumber === number,
    );

  /** The status gate (§3.7): an existing order the warehouse has started is locked, with the reason. */
  function gate(status: number | undefined, allowed: number[], statuses: StatusRules['order'] | StatusRules['purchaseOrder']): UpsertOutcome | undefined {
    if (status === undefined || allowed.includes(status)) return undefined;
    return { outcome: 'locked', reason: `locked: status ${statusLabel(statuses, status)}` };
  }

  const put = async (path: string, body: unknown, existed: boolean): Promise<UpsertOutcome> => {
    await client.write('PUT', path, { body, schema: putAnswerSchema });
    return { outcome: existed ? 'updated' : 'created' };
  };
  const today = () => deps.clock.now().toISOString().slice(0, 10);

  async function cancel(found: { status: number } | undefined, what: string, statuses: StatusRules['order'] | StatusRules['purchaseOrder'], remove: () => Promise<unknown>): Promise<UpsertOutcome> {
    if (!found) throw notFound(`${what} in Ongoing WMS`);
    if (found.status === statuses.cancelled) return { outcome: 'unchanged' };
    const locked = gate(found.status, statuses.cancellable, statuses);
    if (locked) return locked;
    try {
      await remove();
    } catch (e) {
      if (!alreadyCancelled(e)) throw e;
    }
    return { outcome: 'cancelled' };
  }

  const port: WmsPort = {
    async upsertArticle(owner, input) {
      checkOwner(owner);
      const article = parseRecord(articleSchema, `article ${(input as { articleNumber?: string })?.articleNumber ?? ''}`.trim(), input);
      const { status } = await client.write('PUT', '/articles', { body: toPostArticle(goodsOwnerId, article), schema: putAnswerSchema });
      return { outcome: status === 201 ? 'created' : 'updated' };
    },
    async upsertSupplier(owner, input) {
      checkOwner(owner);
      parseRecord(supplierSchema, `supplier ${(input as { supplierNumber?: string })?.supplierNumber ?? ''}`.trim(), input);
      // REST has no supplier endpoint (§2.4): Ongoing makes suppliers from the supplierInfo of articles and purchase orders.
      return { outcome: 'locked', reason: 'Ongoing WMS has no supplier register: a supplier arrives with the articles and purchase orders that name it' };
    },
    async upsertOrder(owner, input) {
      checkOwner(owner);
      const order = parseRecord(orderInputSchema, `order ${(input as { orderInfo?: { goodsOwnerOrderNumber?: string } })?.orderInfo?.goodsOwnerOrderNumber ?? ''}`.trim(), input);
      const existing = await findOrder(order.orderInfo.goodsOwnerOrderNumber);
      const locked = gate(existing?.orderInfo.orderStatus.number, rules.order.editable, rules.order);
      return locked ?? put('/orders', toPostOrder(goodsOwnerId, order, today()), existing !== undefined);
    },
    async cancelOrder(owner, orderNumber) {
      checkOwner(owner);
      const found = await findOrder(orderNumber);
      return cancel(found && { status: found.orderInfo.orderStatus.number }, `order ${orderNumber} of goods owner ${owner}`, rules.order, () =>
        client.write('DELETE', '/orders', { query: owned({ orderNumber }) }),
      );
    },
    async upsertPurchaseOrder(owner, input) {
      checkOwner(owner);
      const po = parseRecord(purchaseOrderInputSchema, `purchase order ${(input as { inOrderInfo?: { goodsOwnerOrderNumber?: string } })?.inOrderInfo?.goodsOwnerOrderNumber ?? ''}`.trim(), input);
      const existing = await findPurchaseOrder(po.inOrderInfo.goodsOwnerOrderNumber);
      const locked = gate(existing?.purchaseOrderInfo.purchaseOrderStatus.number, rules.purchaseOrder.editable, rules.purchaseOrder);
      return locked ?? put('/purchaseOrders', toPostPurchaseOrder(goodsOwnerId, po), existing !== undefined);
    },
    async cancelPurchaseOrder(owner, number) {
      checkOwner(owner);
      const found = await findPurchaseOrder(number);
      return cancel(found && { status: found.purchaseOrderInfo.purchaseOrderStatus.number }, `purchase order ${number} of goods owner ${owner}`, rules.purchaseOrder, () =>
        client.write('DELETE', '/purchaseOrders', { query: owned({ purchaseOrderNumber: number }) }),
      );
    },

    async listStock(owner, articleNumbers, changedSince): Promise<StockBalance[]> {
      checkOwner(owner);
      if (articleNumbers?.length === 0) return [];
      const recent = changedSince !== undefined && deps.clock.now().getTime() - changedSince.getTime() < STOCK_DELTA_MAX_MS;
      const query: Query = recent ? { stockInfoChangedFrom: changedSince.toISOString() } : {};
      const read = (path: string) => readAll(path, query, { from: 'articleSystemIdFrom', max: 'maxArticlesToGet' }, getArticleSchema, (a) => a.articleSystemId);
      const articles = [];
      if (!articleNumbers) articles.push(...(await read('/articles')));
      // Array parameters are repeated keys; a comma list does not filter (§3.6). 100 a call keeps the URL short.
      for (let i = 0; articleNumbers && i < articleNumbers.length; i += 100) {
        articles.push(...(await read(`/articles?${articleNumbers.slice(i, i + 100).map((n) => `articleNumbers=${encodeURIComponent(n)}`).join('&')}`)));
      }
      return articles.map(stockOf).sort((a, b) => a.articleNumber.localeCompare(b.articleNumber));
    },

    async poll(cursor, _limit, types?: WmsEventType[]): Promise<EventBatch> {
      const now = deps.clock.now();
      if (!woken && now.getTime() - lastPoll < settings.pollIntervalSeconds * 1000) return { events: [], cursor };
      woken = false;
      lastPoll = now.getTime();
      const from = cursor === '' ? new Date(now.getTime() - OVERLAP_MS).toISOString() : parseFeedCursor(cursor);
      const wants = (type: WmsEventType) => !types || types.length === 0 || types.includes(type);
      const events = new Map<number, WmsEvent>();
      if (wants('order.shipped')) {
        const toReport = await readAll('/orders', { onlyOrdersWithOrderLinesToReport: true }, orderPages, getOrderSchema, orderId);
        // The backstop: orders that reached a shipped status since the last poll, in case the backlog filter missed one.
        const changed = await readAll('/orders', { orderStatusChangedTimeFrom: from, orderStatusFrom: Math.min(...rules.order.shipped) }, orderPages, getOrderSchema, orderId);
        for (const order of [...toReport, ...changed]) {
          const shipped = rules.order.shipped.includes(order.orderInfo.orderStatus.number);
          const unreported = order.orderLines.some((l) => l.pickedNumberOfItems !== l.reportedNumberOfItems);
          if (shipped && unreported) {
            const event = orderShipped(tenant.code, order, now);
            events.set(event.id, event);
          }
        }
      }
      if (wants('purchase-order.received')) {
        const toReport = await readAll('/purchaseOrders', { onlyPurchaseOrdersWithOrderLinesToReport: true }, purchaseOrderPages, getPurchaseOrderSchema, purchaseOrderId);
        for (const po of toReport) {
          if (!po.purchaseOrderLines.some((l) => l.receivedNumberOfItems !== l.reportedNumberOfItems)) continue;
          const event = purchaseOrderReceived(tenant.code, po, now);
          events.set(event.id, event);
        }
      }
      return { events: [...events.values()], cursor: JSON.stringify({ statusChangedFrom: new Date(now.getTime() - OVERLAP_MS).toISOString() }) };
    },

    async ack(event) {
      if (event.type === 'order.shipped') {
        const order = await findOrder(event.subject);
        if (!order) return;
        const sent = new Map(event.payload.lines.map((l) => [l.rowNumber ?? String(l.row), l.pickedNumberOfItems]));
        await acknowledge(`/orders/${order.orderInfo.orderId}`, 'setReportedNumberOfItemsToPickedNumberOfItems', order.orderLines.map((l) => ({ id: l.id, now: l.pickedNumberOfItems, sent: sent.get(l.rowNumber) })));
      } else if (event.type === 'purchase-order.received') {
        const po = await findPurchaseOrder(event.subject);
        if (!po) return;
        const sent = new Map(event.payload.lines.map((l) => [l.rowNumber ?? String(l.row), l.receivedNumberOfItems]));
        await acknowledge(`/purchaseOrders/${po.purchaseOrderInfo.purchaseOrderId}`, 'setReportedNumberOfItemsToReceivedNumberOfItems', po.purchaseOrderLines.map((l) => ({ id: l.id, now: l.receivedNumberOfItems, sent: sent.get(l.rowNumber) })));
      }
    },
  };

  /**
   * reported := what the report said (§7.3). When the warehouse has picked (received) nothing
   * more since, one PATCH sets every line; otherwise each line gets the quantity the report
   * carried, so what was picked after it stays "to report" and makes the next event.
   */
  async function acknowledge(base: string, setAll: string, lines: { id: number; now: number; sent: number | undefined }[]): Promise<void> {
    if (lines.every((l) => l.sent === l.now)) {
      await client.write('PATCH', `${base}/${setAll}`);
      return;
    }
    for (const line of lines) {
      if (line.sent === undefined) continue;
      await client.write('PATCH', `${base}/lines/${line.id}/reportedNumberOfItems`, { body: { reportedNumberOfItems: line.sent } });
    }
  }

  return {
    ...port,
    /** An Ongoing webhook came: the next poll reads at once instead of waiting for its interval. */
    wake(): void {
      woken = true;
    },
    /** Whether a webhook's X-Auth-Token is this goods owner's shared token. */
    acceptsWebhookToken(token: string | undefined): boolean {
      const expected = settings.webhookToken;
      if (!expected || !token) return false;
      const a = Buffer.from(String(expected));
      const b = Buffer.from(token);
      return a.length === b.length && timingSafeEqual(a, b);
    },
    /** One cheap call that proves the address, the credentials and the goods owner id. */
    async testConnection(): Promise<void> {
      await client.read('/articles', { query: owned({ maxArticlesToGet: 1 }), schema: z.array(getArticleSchema) });
    },
    stats: client.stats,
  };
}

export type OngoingWms = ReturnType<typeof createOngoingWms>;

function parseFeedCursor(cursor: string): string {
  try {
    return feedCursorSchema.parse(JSON.parse(cursor)).statusChangedFrom;
  } catch {
    throw configError(`the Ongoing WMS event cursor "${cursor}" is not {"statusChangedFrom": "<time>"}`);
  }
}
