import { HttpError, configError, pagesByNumber, parseWireRecord, rawText } from '../../src/connectors/sdk/index.js';
import type { ConnectorContext, Query, ResponseRule, WireRecord } from '../../src/connectors/sdk/index.js';
import type { z } from 'zod';
import { listDocumentSchema, mediaType, namesOf, orderSchema, orderStatusSchema, productSchema, singleDocumentSchema, variantSchema } from './api.js';
import type { ListDocument, WireOrder, WireProduct, WireVariant } from './api.js';
import { mystoreAuth } from './auth.js';
import { flatten } from './jsonapi.js';
import type { MystoreSettings } from './settings.js';

/** What tells whether an order has been marked delivered: read leniently, as it decides a resend. */
export interface OrderState {
  statusId: string | undefined;
  trackingNumber: string | undefined;
}

/** A stock row of the shop: a product without variants, or a variant. */
export interface StockRow {
  type: 'products' | 'product-variants';
  id: string;
  quantity: number;
}

export interface MystoreApi {
  readonly settings: MystoreSettings;
  /** Products changed since `since` (all without it), with their variants and option values, page by page. */
  products(since: string | undefined, signal: AbortSignal): AsyncIterable<WireRecord<WireProduct>[]>;
  /** Variants changed since `since`, each with its product and option values. */
  variants(since: string | undefined, signal: AbortSignal): AsyncIterable<WireRecord<WireVariant>[]>;
  product(id: string, signal: AbortSignal): Promise<WireRecord<WireProduct> | undefined>;
  orders(since: string | undefined, signal: AbortSignal): AsyncIterable<WireRecord<WireOrder>[]>;
  order(id: string, signal: AbortSignal): Promise<WireRecord<WireOrder> | undefined>;
  /** The shop's status names by id (`GET order-status`), read once per api (one run). */
  statusNames(signal: AbortSignal): Promise<ReadonlyMap<string, string[]>>;
  /** The id of the status named `name` in any language; a config error naming the shop's statuses when there is none. */
  statusId(name: string, signal: AbortSignal): Promise<string>;
  orderState(id: string, signal: AbortSignal): Promise<OrderState>;
  /** Marks the order delivered by the configured call (settings.deliveryCall). */
  markDelivered(id: string, waybill: string | undefined, signal: AbortSignal): Promise<void>;
  /** Stock by SKU, read once per api and kept current by writes. */
  stock(signal: AbortSignal): Promise<ReadonlyMap<string, StockRow>>;
  setQuantity(row: StockRow, quantity: number, signal: AbortSignal): Promise<void>;
  /** Makes sure the shop posts order events to `address`; gives the topics it had to add. */
  subscribeOrderWebhooks(address: string, secret: string | undefined, topics: readonly string[], signal: AbortSignal): Promise<string[]>;
  ping(signal: AbortSignal): Promise<void>;
}

const productInclude = 'product-variants,product-variants.product-option-values';
const orderInclude = 'order-products,order-products.order-product-attributes,order-totals,order-status';
/** What the article mapping reads [V S21, except weight and variant cost: G]; an unknown field is a 400 [V S21]. */
const productFields = {
  'fields[products]': 'name,sku,ean,price,cost,weight,quantity,updated_at,status,product-variants',
  'fields[product-variants]': 'sku,ean,cost,quantity,disabled,updated_at,product,product-option-values',
};

/** The three-part filter on update time [V S20, S21]; the value's format is a guess [G]: ISO 8601. */
const updatedSince = (since: string | undefined): Query =>
  since === undefined ? {} : { 'filter[updated][path]': 'updated_at', 'filter[updated][value]': since, 'filter[updated][operator]': 'gte' };

/** A 400 about fields tells the user which switch to turn. */
const unknownField: ResponseRule = {
  status: 400,
  body: /field/i,
  kind: 'config',
  message: (exchange) => `mystore.no refused the requested fields (${exchange.text.slice(0, 200)}); set sparseFieldsets=no on the integration if the shop lacks one of them`,
};

/**
 * Status names by API root, kept a few minutes across runs: a webhook's run (one per delivery)
 * would otherwise spend one of the 120 calls a minute on `GET order-status` for every order.
 * Statuses are shop settings that seldom change; a renamed one is seen within the TTL.
 */
const statusCache = new Map<string, { until: number; names: Map<string, string[]> }>();
const statusTtlMs = 5 * 60_000;

const label = (kind: string) => (raw: unknown) => `${kind} ${rawText(raw, 'sku') ?? rawText(raw, 'id') ?? '(no id)'}`;
const orderLabel = (raw: unknown) => `order ${rawText(raw, 'id') ?? '(no id)'}`;

export function createMystoreClient(settings: MystoreSettings, context: ConnectorContext): MystoreApi {
  const http = context.http({
    name: 'mystore.no',
    // https://api.mystore.no/shops/<shop> [V §2.1]
    baseUrl: settings.baseUrl.replace(/\/+$/, ''),
    auth: mystoreAuth(settings, context),
    accept: mediaType,
    // Every public client sends one; whether it is required is unknown [G].
    headers: () => ({ 'user-agent': 'wmsync' }),
    rules: [unknownField],
    limits: { perSecond: settings.rateLimitPerSecond, burst: settings.rateLimitBurst },
  });
  const send = { 'content-type': mediaType };
  let stock: Map<string, StockRow> | undefined;

  const get = (path: string, query: Query, signal: AbortSignal) => http.request('GET', path, { query, schema: listDocumentSchema, signal }).then((r) => r.data);

  /**
   * Page 1, 2, 3 … while `links.next` is there [V S24, S27, S28]. Its presence is followed, not its
   * URL, so paging works the same behind the hub's sandbox mount; an empty page also ends the walk.
   */
  async function* pages(path: string, query: Query, signal: AbortSignal): AsyncGenerator<ListDocument> {
    const fetchPage = (number: number) => get(path, { ...query, 'page[number]': number, 'page[size]': settings.pageSize }, signal);
    yield* pagesByNumber(fetchPage, (page) => Boolean(page.links?.next) && page.data.length > 0);
  }

  async function* parsed<S extends z.ZodType>(path: string, query: Query, schema: S, name: (raw: unknown) => string, signal: AbortSignal) {
    for await (const page of pages(path, query, signal)) {
      yield page.data.map((raw) => parseWireRecord(schema, flatten(raw, page.included ?? []) ?? raw, name(raw)));
    }
  }

  async function one<S extends z.ZodType>(path: string, query: Query, schema: S, name: string, signal: AbortSignal): Promise<WireRecord<z.output<S>> | undefined> {
    try {
      const { data } = await http.request('GET', path, { query, schema: singleDocumentSchema, signal });
      return parseWireRecord(schema, flatten(data.data, data.included ?? []) ?? data.data, name);
    } catch (e) {
      if (e instanceof HttpError && e.status === 404) return undefined;
      throw e;
    }
  }

  const fields = () => (settings.sparseFieldsets ? productFields : {});

  async function readStatuses(signal: AbortSignal) {
    const names = new Map<string, string[]>();
    for await (const page of pages('/order-status', {}, signal)) {
      for (const raw of page.data) {
        const status = orderStatusSchema.safeParse(flatten(raw, []));
        if (status.success) names.set(status.data.id, namesOf(status.data.name, settings.language));
      }
    }
    return names;
  }

  async function readStock(signal: AbortSignal) {
    const rows = new Map<string, StockRow>();
    const query = { include: 'product-variants', ...(settings.sparseFieldsets ? { 'fields[products]': 'sku,quantity,product-variants', 'fields[product-variants]': 'sku,quantity' } : {}) };
    for await (const page of pages('/products', query, signal)) {
      for (const raw of page.data) {
        const product = flatten(raw, page.included ?? []);
        const variants = Array.isArray(product?.['product-variants']) ? (product['product-variants'] as Record<string, unknown>[]) : [];
        // A product with variants keeps its stock on them; its own quantity is ignored [V S21].
        const candidates: [StockRow['type'], Record<string, unknown>][] = variants.length > 0 ? variants.map((v) => ['product-variants', v]) : product ? [['products', product]] : [];
        for (const [type, item] of candidates) {
          const sku = typeof item.sku === 'string' ? item.sku : undefined;
          const quantity = Number(item.quantity);
          // A row without SKU or quantity cannot be compared, so it is left alone.
          if (sku && item.quantity !== null && Number.isFinite(quantity)) rows.set(sku, { type, id: String(item.id), quantity });
        }
      }
    }
    return rows;
  }

  const api: MystoreApi = {
    settings,
    products: (since, signal) => parsed('/products', { ...updatedSince(since), include: productInclude, ...fields() }, productSchema, label('product'), signal),
    variants: (since, signal) =>
      parsed('/product-variants', { ...updatedSince(since), include: 'product,product-option-values', ...fields() }, variantSchema, label('variant'), signal),
    product: (id, signal) => one(`/products/${encodeURIComponent(id)}`, { include: productInclude, ...fields() }, productSchema, `product ${id}`, signal),
    orders: (since, signal) => parsed('/orders', { ...updatedSince(since), include: orderInclude }, orderSchema, orderLabel, signal),
    order: (id, signal) => one(`/orders/${encodeURIComponent(id)}`, { include: orderInclude }, orderSchema, `order ${id}`, signal),
    async statusNames(signal) {
      const cached = statusCache.get(settings.baseUrl);
      if (cached && cached.until > Date.now()) return cached.names;
      const names = await readStatuses(signal);
      statusCache.set(settings.baseUrl, { until: Date.now() + statusTtlMs, names });
      return names;
    },
    async statusId(name, signal) {
      const all = await api.statusNames(signal);
      const wanted = name.trim().toLowerCase();
      for (const [id, names] of all) if (names.some((n) => n.trim().toLowerCase() === wanted)) return id;
      const known = [...all.values()].map((n) => n[0]).join(', ');
      throw configError(`mystore.no has no order status named "${name}" (the shop has: ${known || 'none'}); set deliveredStatus to one of them`);
    },
    async orderState(id, signal) {
      const { data } = await http.request('GET', `/orders/${encodeURIComponent(id)}`, { query: { include: 'order-status' }, schema: singleDocumentSchema, signal });
      const order = flatten(data.data, data.included ?? []) ?? {};
      const status = order['order-status'] as { id?: unknown } | null | undefined;
      const tracking = order.tracking_number;
      return { statusId: status?.id === undefined ? undefined : String(status.id), trackingNumber: typeof tracking === 'string' && tracking !== '' ? tracking : undefined };
    },
    async markDelivered(id, waybill, signal) {
      const statusId = await api.statusId(settings.deliveredStatus, signal);
      const order = { type: 'orders', id };
      const status = { type: 'order-status', id: statusId };
      if (settings.deliveryCall === 'status-history') {
        // [G body, V route]: the history row sets the order's status, with the tracking number as its comment.
        const attributes = { comments: waybill ? `Sporingsnummer: ${waybill}` : '', customer_notified: settings.notifyCustomer ? 1 : 0, tracking_number: waybill ?? null };
        const body = { data: { type: 'order-status-history', attributes, relationships: { order: { data: order }, 'order-status': { data: status } } } };
        await http.request('POST', '/order-status-history', { body, headers: send, signal });
      } else if (settings.deliveryCall === 'complete') {
        const body = { data: { ...order, attributes: { tracking_number: waybill ?? null, customer_notified: settings.notifyCustomer ? 1 : 0 } } };
        await http.request('PATCH', `/orders/${encodeURIComponent(id)}/complete`, { body, headers: send, signal });
      } else {
        const body = { data: { ...order, attributes: { tracking_number: waybill ?? null }, relationships: { 'order-status': { data: status } } } };
        // Absolute values: a PATCH sent twice gives the same order.
        await http.request('PATCH', `/orders/${encodeURIComponent(id)}`, { body, headers: send, idempotent: true, signal });
      }
    },
    async stock(signal) {
      stock ??= await readStock(signal);
      return stock;
    },
    async setQuantity(row, quantity, signal) {
      const body = { data: { type: row.type, id: row.id, attributes: { quantity } } };
      await http.request('PATCH', `/${row.type}/${encodeURIComponent(row.id)}`, { body, headers: send, idempotent: true, signal });
      row.quantity = quantity;
    },
    async subscribeOrderWebhooks(address, secret, topics, signal) {
      try {
        const existing = new Set<string>();
        for await (const page of pages('/webhooks', {}, signal)) {
          for (const raw of page.data) {
            const hook = flatten(raw, []);
            if (hook?.address === address && typeof hook.topic === 'string') existing.add(hook.topic);
          }
        }
        const missing = topics.filter((t) => !existing.has(t));
        for (const topic of missing) {
          // Create body [G §2.9]; the secret is sent so the shop signs with it [G: where it comes from is unknown].
          const body = { data: { type: 'webhooks', attributes: { topic, address, ...(secret ? { secret } : {}) } } };
          await http.request('POST', '/webhooks', { body, headers: send, signal });
        }
        if (missing.length > 0) context.logger.info({ address, topics: missing }, 'mystore.no webhooks subscribed');
        return missing;
      } catch (e) {
        // The poll is the backstop: a subscription the shop refuses (a missing write:webhooks scope) must not stop it.
        if (signal.aborted) throw e;
        context.logger.warn({ address, error: e instanceof Error ? e.message : String(e) }, 'mystore.no webhooks could not be subscribed; the poll goes on');
        return [];
      }
    },
    async ping(signal) {
      await get('/products', { 'page[number]': 1, 'page[size]': 1 }, signal);
    },
  };
  return api;
}
