import { basicAuth, HttpError, pagesByNumber, pagesByTime, parseWireRecord, rawText } from '../../src/connectors/sdk/index.js';
import type { ConnectorContext, Query, ResponseRule, WireRecord } from '../../src/connectors/sdk/index.js';
import { z } from 'zod';
import { metaSchema, numberish, orderSchema, productSchema } from './api.js';
import type { QuickProcessRequest } from './api.js';
import type { MycashflowSettings } from './settings.js';

export type WireProduct = z.output<typeof productSchema>;
export type WireOrder = z.output<typeof orderSchema>;

export interface OrderState {
  status: string;
  trackingCodes: string[];
}

export interface MycashflowApi {
  /** The integration's settings, parsed once when the api is built. */
  readonly settings: MycashflowSettings;
  /** Every page of `/products` for `query`, each product parsed on its own. */
  products(query: Query, signal: AbortSignal): AsyncIterable<WireRecord<WireProduct>[]>;
  /** Every page of `/orders` for `query`, each order parsed on its own. */
  orders(query: Query, signal: AbortSignal): AsyncIterable<WireRecord<WireOrder>[]>;
  /** One order; undefined when the shop no longer has it. */
  order(id: string, expand: string[], signal: AbortSignal): Promise<WireRecord<WireOrder> | undefined>;
  /** Only what tells whether an order has been shipped: read leniently, as it decides a resend. */
  orderState(id: string, signal: AbortSignal): Promise<OrderState>;
  quickProcess(id: string, body: QuickProcessRequest, signal: AbortSignal): Promise<void>;
  /** Stock item quantity by stock item code, read once per api instance (one run) and kept current by writes. */
  stockQuantities(signal: AbortSignal): Promise<ReadonlyMap<string, number>>;
  setStockQuantity(code: string, quantity: number, signal: AbortSignal): Promise<void>;
  /** A cheap authenticated call; wrong credentials throw the http client's config error. */
  ping(signal: AbortSignal): Promise<void>;
}

/** The envelope only: items are checked one by one, so that one bad item does not fail the page. */
const pageSchema = z.looseObject({ data: z.array(z.unknown()), meta: metaSchema });
const itemSchema = z.looseObject({ data: z.unknown() });
const orderStateSchema = z.looseObject({
  data: z.looseObject({
    status: z.string(),
    shipments: z.array(z.looseObject({ tracking_code: z.string().nullish() })).optional(),
  }),
});
const stockQuantitySchema = z.looseObject({ code: z.string().min(1), quantity: numberish });

/** The label of a product before it is split into articles: its code, else its id. */
const productLabel = (raw: unknown) => `article ${rawText(raw, 'product_code') ?? rawText(raw, 'id') ?? '(no id)'}`;
const orderLabel = (raw: unknown) => `order ${rawText(raw, 'id') ?? '(no id)'}`;

/**
 * The shop refuses to complete an order whose cash-on-delivery payment is open unless told to;
 * the refusal is said in wmsync's words, with the setting to change, and the shop's own after it.
 */
const openCashOnDelivery = (id: string): ResponseRule => ({
  status: 422,
  body: /allow_open_cash_on_delivery_payments/,
  kind: 'record',
  message: (exchange) =>
    `MyCashflow did not complete order ${id}: its cash-on-delivery payment is still open, and the setting allowOpenCashOnDeliveryPayments is off. ` +
    `Set allowOpenCashOnDeliveryPayments=yes on the integration to complete such orders, then retry the report (MyCashflow said: ${shopMessage(exchange.text)})`,
});

/** The `message` of the shop's JSON error, else the start of its answer. */
function shopMessage(text: string): string {
  try {
    const { message } = JSON.parse(text) as { message?: unknown };
    if (typeof message === 'string') return message;
  } catch {
    // Not JSON: the text itself.
  }
  return text.slice(0, 200);
}

export function createMycashflowClient(settings: MycashflowSettings, context: ConnectorContext): MycashflowApi {
  const { logger } = context;
  const http = context.http({
    name: 'MyCashflow',
    // The API root, e.g. https://store.mycashflow.fi/api/v1 (no trailing slash: the API refuses it).
    baseUrl: settings.baseUrl,
    auth: basicAuth(settings.username, settings.apiKey),
    limits: { perSecond: settings.rateLimitPerSecond, burst: settings.rateLimitBurst },
  });
  let stock: Map<string, number> | undefined;

  const list = async (path: string, query: Query, signal: AbortSignal) =>
    (await http.request('GET', path, { query: { ...query, page_size: settings.pageSize }, schema: pageSchema, signal })).data;
  // `meta.next` is there only while more pages exist [V S34]. Its presence is followed, not its
  // URL, so paging works the same behind the hub's sandbox mount, whose URLs the server cannot know.
  const hasMore = (page: z.output<typeof pageSchema>) => page.meta.next !== undefined;

  async function* pages(path: string, query: Query, signal: AbortSignal): AsyncGenerator<unknown[]> {
    for await (const page of pagesByNumber((number) => list(path, { ...query, page: number }, signal), hasMore)) yield page.data;
  }

  /** Sorted by updated_at ascending, the list is walked by time (ADR 5), so a record changed mid-run cannot be skipped. */
  function pagesWalkedByTime(path: string, query: Query, signal: AbortSignal): AsyncIterable<unknown[]> {
    const fetchPage = async (from: string | undefined, page: number) => {
      const answer = await list(path, { ...query, 'updated_at-from': from, page }, signal);
      return { items: answer.data, hasMore: hasMore(answer) };
    };
    return pagesByTime(fetchPage, (raw) => rawText(raw, 'updated_at'), (raw) => rawText(raw, 'id') ?? '', query['updated_at-from'] as string | undefined);
  }

  async function* parsedPages<S extends z.ZodType>(path: string, query: Query, schema: S, label: (raw: unknown) => string, signal: AbortSignal) {
    const walk = query.sort === 'updated_at-asc' ? pagesWalkedByTime(path, query, signal) : pages(path, query, signal);
    for await (const items of walk) yield items.map((raw) => parseWireRecord(schema, raw, label(raw)));
  }

  async function readStock(signal: AbortSignal): Promise<Map<string, number>> {
    const quantities = new Map<string, number>();
    for await (const items of pages('/stock', {}, signal)) {
      for (const raw of items) {
        const item = stockQuantitySchema.safeParse(raw);
        // An unreadable stock item is left alone: the export writes only where it can compare.
        if (item.success) quantities.set(item.data.code, item.data.quantity);
        else logger?.warn({ code: rawText(raw, 'code'), issues: item.error.issues.length }, 'MyCashflow stock item skipped: malformed');
      }
    }
    return quantities;
  }

  return {
    settings,
    products: (query, signal) => parsedPages('/products', query, productSchema, productLabel, signal),
    orders: (query, signal) => parsedPages('/orders', query, orderSchema, orderLabel, signal),
    async order(id, expand, signal) {
      try {
        const { data } = await http.request('GET', `/orders/${encodeURIComponent(id)}`, { query: { expand }, schema: itemSchema, signal });
        return parseWireRecord(orderSchema, data.data, `order ${id}`);
      } catch (e) {
        if (e instanceof HttpError && e.status === 404) return undefined;
        throw e;
      }
    },
    async orderState(id, signal) {
      const query = { expand: ['shipments'] };
      const { data } = await http.request('GET', `/orders/${encodeURIComponent(id)}`, { query, schema: orderStateSchema, signal });
      const trackingCodes = (data.data.shipments ?? []).flatMap((s) => (s.tracking_code ? [s.tracking_code] : []));
      return { status: data.data.status, trackingCodes };
    },
    async quickProcess(id, body, signal) {
      await http.request('POST', `/orders/${encodeURIComponent(id)}/quick-process`, { body, signal, rules: [openCashOnDelivery(id)] });
    },
    async stockQuantities(signal) {
      stock ??= await readStock(signal);
      return stock;
    },
    async setStockQuantity(code, quantity, signal) {
      // Setting an absolute quantity twice gives the same result, so a PATCH that timed out may be resent.
      await http.request('PATCH', `/stock/${encodeURIComponent(code)}`, { body: { quantity }, idempotent: true, signal });
      stock?.set(code, quantity);
    },
    async ping(signal) {
      await http.request('GET', '/products', { query: { page_size: 1 }, schema: pageSchema, signal });
    },
  };
}
