import { acknowledgedBatches, pagesByTime, parseWireRecord, rawText } from '../../src/connectors/sdk/index.js';
import type { ConnectorContext, WireRecord } from '../../src/connectors/sdk/index.js';
import { z } from 'zod';
import { createSpecterClient } from './client.js';
import type { SpecterClient } from './client.js';
import type { FormValues } from './form.js';
import type { SpecterSettings } from './settings.js';
import { articleFeed, at, itemsAt, readRecord, verifiedArticleNames, verifiedOrderNames } from './wire.js';
import type { XmlNode } from './wire.js';

/*
 * Specter's records in the connector's own field names (operations.ts and wire.ts say what each
 * is called on the wire): what the mapping tables read. Values stay text; the tables convert.
 */

const text = z.string().min(1, 'is required');
const articleSchema = z.looseObject({ articleNo: text });
const orderSchema = z.looseObject({ orderNo: text, rows: z.array(z.looseObject({})) });
const purchaseSchema = z.looseObject({ purchaseNo: text, rows: z.array(z.looseObject({})) });
export type WireArticle = z.output<typeof articleSchema>;
export type WireOrder = z.output<typeof orderSchema>;
export type WirePurchase = z.output<typeof purchaseSchema>;

/** A row as the reports' isDone reads it. */
export interface DeliveredRow {
  key: string | undefined;
  delivered: number;
}

export interface SpecterApi {
  readonly settings: SpecterSettings;
  /** The article NeedUpdate feed; a batch is acknowledged when the next is asked for, i.e. once the engine has written it. */
  articleBatches(signal: AbortSignal): AsyncIterable<WireRecord<WireArticle>[]>;
  /** Orders in the given delivery statuses changed since `since` (all on a first run), walked by change time. */
  orders(since: Date | undefined, signal: AbortSignal): AsyncIterable<WireRecord<WireOrder>[]>;
  order(orderNo: string, signal: AbortSignal): Promise<WireRecord<WireOrder> | undefined>;
  /** Purchases changed since `since`, walked by change time. */
  purchases(since: Date, signal: AbortSignal): AsyncIterable<WireRecord<WirePurchase>[]>;
  purchase(purchaseNo: string, signal: AbortSignal): Promise<WireRecord<WirePurchase> | undefined>;
  /** Physical stock by article number at the integration's stock site, read once per api (one run) and kept current by writes. */
  stock(signal: AbortSignal): Promise<ReadonlyMap<string, number>>;
  setStock(articleNo: string, quantity: number, signal: AbortSignal): Promise<void>;
  /** The delivery submit of an order: rows by row no; the options from the settings. */
  submitDelivery(delivery: { orderNo: string; deliveryDate: string; packetNo?: string; rows: { rowNo: string; noItems: number }[] }, signal: AbortSignal): Promise<void>;
  submitPurchaseDelivery(delivery: { purchaseNo: string; deliveryDate: string; rows: { rowId: string; noItems: number }[] }, signal: AbortSignal): Promise<void>;
  /** The order's deliveries and what is delivered of each row (by row no): what the delivery report checks. */
  orderDeliveries(orderNo: string, signal: AbortSignal): Promise<{ packetNos: string[]; rows: DeliveredRow[] } | undefined>;
  /** What is received of each purchase row (by row id). */
  purchaseReceived(purchaseNo: string, signal: AbortSignal): Promise<DeliveredRow[] | undefined>;
  /** The time of the source's clock for the purchase window. */
  now(): Date;
  ping(signal: AbortSignal): Promise<void>;
}

/** Specter's time format for filters [G]: ISO 8601 in UTC, to the second. */
export const specterTime = (date: Date): string => `${date.toISOString().slice(0, 19)}Z`;
/** A list filter needs a time: the seed of its key is that parameter [G]. A first run reads from the epoch. */
const epoch = specterTime(new Date(0));
/** Feeds answer at most this many records per call and say so; fewer means the last page [V S2]. */
const responseLimitOf = (document: XmlNode): number => Number(document.responseMaxLimit) || Number.POSITIVE_INFINITY;
/** A list walked by change time: its action, where its items are, and each item's key and change time on the wire. */
interface TimeList<T> {
  action: string;
  items: string;
  key: string;
  time: string;
  parse(node: unknown): WireRecord<T>;
}
const quantity = (value: unknown): number => Number(String(value ?? '0').replace(',', '.')) || 0;
const flagValue = (on: boolean) => (on ? '1' : '0');
/** Rows as newOrderSubmit sends them: name_1, name_2, … [V S3]. */
const numberedRows = (rows: Record<string, string>[]): FormValues => rows.flatMap((row, i) => Object.entries(row).map(([name, value]): [string, string] => [`${name}_${i + 1}`, value]));

export function createSpecterApi(settings: SpecterSettings, context: ConnectorContext): SpecterApi {
  const client: SpecterClient = createSpecterClient(settings, context);
  const { names } = client;
  const articleNames = { ...verifiedArticleNames, ...names.article };
  const orderNames = { ...verifiedOrderNames, ...names.order };
  let stock: Map<string, number> | undefined;

  const parseArticle = (node: unknown) => {
    const record = readRecord(node, articleNames);
    return parseWireRecord(articleSchema, record, `article ${rawText(record, 'articleNo') ?? '(no article no.)'}`);
  };
  const parseOrder = (node: unknown) => {
    const record = readRecord(node, orderNames);
    return parseWireRecord(orderSchema, record, `order ${rawText(record, 'orderNo') ?? '(no order no.)'}`);
  };
  const parsePurchase = (node: unknown) => {
    const record = readRecord(node, names.purchase);
    return parseWireRecord(purchaseSchema, record, `purchase ${rawText(record, 'purchaseNo') ?? '(no purchase no.)'}`);
  };

  /** A list walked by change time (ADR 5): each call starts at the last change time seen. */
  async function* walkByTime<T>(list: TimeList<T>, filters: Record<string, string | undefined>, since: Date | undefined, signal: AbortSignal): AsyncGenerator<WireRecord<T>[]> {
    const p = names.param;
    const fetchPage = async (from: string | undefined, page: number) => {
      const document = await client.read(list.action, { ...filters, [p.changedAfter]: from ?? epoch, [p.page]: String(page) }, signal);
      const items = itemsAt(document, list.items);
      return { items, hasMore: items.length >= responseLimitOf(document) };
    };
    const textAt = (node: unknown, path: string) => {
      const value = at(node, path);
      return typeof value === 'string' ? value : undefined;
    };
    const walk = pagesByTime(fetchPage, (node) => textAt(node, list.time), (node) => textAt(node, list.key) ?? '', since && specterTime(since));
    for await (const page of walk) yield page.map(list.parse);
  }

  const orderList: TimeList<WireOrder> = { action: names.action.listOrders, items: names.list.orders, key: orderNames.orderNo, time: orderNames.lastChange, parse: parseOrder };
  const purchaseList: TimeList<WirePurchase> = { action: names.action.listPurchases, items: names.list.purchases, key: names.purchase.purchaseNo, time: names.purchase.lastChange, parse: parsePurchase };

  /** One record by its number, through the list with a number filter [G], whatever its status. */
  async function byNumber<T>(list: TimeList<T>, param: string, value: string, signal: AbortSignal) {
    const document = await client.read(list.action, { [param]: value, [names.param.changedAfter]: epoch }, signal);
    const [node] = itemsAt(document, list.items);
    return node === undefined ? undefined : list.parse(node);
  }

  async function readStock(signal: AbortSignal): Promise<Map<string, number>> {
    const document = await client.read(names.action.readStock, { [names.param.stockSiteId]: settings.stockSiteId }, signal);
    const quantities = new Map<string, number>();
    for (const node of itemsAt(document, names.stock.items)) {
      const { articleNo, physical } = readRecord(node, names.stock.fields);
      // The verified stock answers may say `noItemsAvailable` instead of a number [V S5]: no figure to compare.
      if (typeof articleNo === 'string' && physical !== undefined && /^-?\d+([.,]\d+)?$/.test(String(physical))) quantities.set(articleNo, quantity(physical));
    }
    return quantities;
  }

  const deliveredRows = (rows: unknown, key: string): DeliveredRow[] =>
    (rows as Record<string, unknown>[]).map((row) => ({ key: row[key] as string | undefined, delivered: quantity(row.noItemsDelivered) }));

  return {
    settings,
    now: client.now,
    async *articleBatches(signal) {
      const batches = acknowledgedBatches(
        () => client.readBatch(articleFeed.read, signal),
        (batch) => client.acknowledge(articleFeed.acknowledge, batch, signal),
      );
      for await (const batch of batches) {
        const items = itemsAt(batch.document, articleFeed.items);
        yield items.map(parseArticle);
        // Fewer than the limit: the feed is empty now; its last batch is acknowledged when the engine asks on.
        if (items.length < responseLimitOf(batch.document)) {
          await client.acknowledge(articleFeed.acknowledge, batch, signal);
          return;
        }
      }
    },
    async *orders(since, signal) {
      const wanted = new Set<string>(settings.orderDeliveryStatuses);
      const filters = { [names.param.deliveryStatus]: settings.orderDeliveryStatuses.join(',') };
      // Filtered here too: an order whose status is not wanted must not reach the WMS even if Specter ignores the filter.
      const inStatus = (item: WireRecord<WireOrder>) => !item.ok || wanted.has(String(item.value.deliveryStatus ?? '').toUpperCase());
      for await (const page of walkByTime(orderList, filters, since, signal)) yield page.filter(inStatus);
    },
    order: (orderNo, signal) => byNumber(orderList, names.param.orderNo, orderNo, signal),
    purchases: (since, signal) => walkByTime(purchaseList, {}, since, signal),
    purchase: (purchaseNo, signal) => byNumber(purchaseList, names.param.purchaseNo, purchaseNo, signal),
    async stock(signal) {
      stock ??= await readStock(signal);
      return stock;
    },
    async setStock(articleNo, quantity, signal) {
      const p = names.param;
      const params: FormValues = [[p.stockSiteId, settings.stockSiteId], ...numberedRows([{ [p.articleNo]: articleNo, [p.noItemsInStock]: String(quantity) }])];
      // An absolute quantity: sending it twice gives the same stock, so a timed-out write may be resent.
      await client.write(names.action.stockUpdate, params, { record: `stock of ${articleNo}`, idempotent: true }, signal);
      stock?.set(articleNo, quantity);
    },
    async submitDelivery(delivery, signal) {
      const p = names.param;
      const params: FormValues = [
        [p.orderNo, delivery.orderNo],
        [p.deliveryDate, delivery.deliveryDate],
        [p.packetNo, delivery.packetNo],
        [p.sendDeliveryMail, flagValue(settings.sendDeliveryEmail)],
        [p.createInvoice, flagValue(settings.createInvoice)],
        ...numberedRows(delivery.rows.map((row) => ({ [p.rowNo]: row.rowNo, [p.noItems]: String(row.noItems) }))),
      ];
      await client.write(names.action.deliverySubmit, params, { record: `order ${delivery.orderNo}` }, signal);
    },
    async submitPurchaseDelivery(delivery, signal) {
      const p = names.param;
      const params: FormValues = [
        [p.purchaseNo, delivery.purchaseNo],
        [p.deliveryDate, delivery.deliveryDate],
        [p.sendDeliveryMail, flagValue(settings.sendPurchaseDeliveryEmail)],
        ...numberedRows(delivery.rows.map((row) => ({ [p.rowId]: row.rowId, [p.noItems]: String(row.noItems) }))),
      ];
      await client.write(names.action.purchaseDeliverySubmit, params, { record: `purchase ${delivery.purchaseNo}` }, signal);
    },
    async orderDeliveries(orderNo, signal) {
      const order = await byNumber(orderList, names.param.orderNo, orderNo, signal);
      if (!order?.ok) return undefined;
      const deliveries = (order.value.deliveries ?? []) as Record<string, unknown>[];
      return { packetNos: deliveries.flatMap((d) => [d.packetNo, d.trackingNo].filter((n): n is string => typeof n === 'string')), rows: deliveredRows(order.value.rows, 'rowNo') };
    },
    async purchaseReceived(purchaseNo, signal) {
      const purchase = await byNumber(purchaseList, names.param.purchaseNo, purchaseNo, signal);
      return purchase?.ok ? deliveredRows(purchase.value.rows, 'id') : undefined;
    },
    async ping(signal) {
      // The cheapest signed read that changes nothing: the stock site's stock.
      await client.read(names.action.readStock, { [names.param.stockSiteId]: settings.stockSiteId }, signal);
    },
  };
}
