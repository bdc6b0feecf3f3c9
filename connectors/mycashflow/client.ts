import { z } from 'zod';
import { parseWireRecord, rawText } from '../../src/connectors/sdk/wire-records.js';
import type { WireRecord } from '../../src/connectors/sdk/wire-records.js';
import { basicAuth } from '../../src/connectors/auth/basic.js';
import { createHttpClient } from '../../src/connectors/http/http-client.js';
import type { RetryPolicy } from '../../src/connectors/http/http-client.js';
import { HttpError } from '../../src/connectors/http/http-errors.js';
import type { TokenBucket } from '../../src/connectors/http/rate-limiter.js';
import type { Sleep } from '../../src/connectors/http/timer.js';
import type { Query } from '../../src/connectors/http/url.js';
import type { Logger } from '../../src/kernel/logger.js';
import { metaSchema, numberish, orderSchema, productSchema } from './api.js';
import type { QuickProcessRequest } from './api.js';

export type WireProduct = z.output<typeof productSchema>;
export type WireOrder = z.output<typeof orderSchema>;


/** What the flows read from the integration's settings, parsed once when the api is built. */
export interface FlowSettings {
  pageSize: number;
  /** Order statuses to import, lower case, one query stream each. */
  orderStatuses: string[];
}

export interface ClientOptions {
  /** The API root, e.g. https://store.mycashflow.fi/api/v1 (no trailing slash: the API refuses it). */
  baseUrl: string;
  /** The API user's e-mail address. */
  username: string;
  apiKey: string;
  settings: FlowSettings;
  limiter?: TokenBucket;
  logger?: Logger;
  fetch?: typeof fetch;
  retry?: Partial<RetryPolicy>;
  sleep?: Sleep;
}

export interface OrderState {
  status: string;
  trackingCodes: string[];
}

export interface MycashflowApi {
  readonly settings: FlowSettings;
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

export function createMycashflowClient(options: ClientOptions): MycashflowApi {
  const { settings, logger } = options;
  const http = createHttpClient({
    name: 'MyCashflow',
    baseUrl: options.baseUrl,
    auth: basicAuth(options.username, options.apiKey),
    ...(options.limiter ? { limiter: options.limiter } : {}),
    ...(logger ? { logger } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
  let stock: Map<string, number> | undefined;

  async function* pages(path: string, query: Query, signal: AbortSignal): AsyncGenerator<unknown[]> {
    for (let page = 1; ; page++) {
      const { data } = await http.request('GET', path, { query: { ...query, page, page_size: settings.pageSize }, schema: pageSchema, signal });
      yield data.data;
      // `meta.next` is there only while more pages exist [V S34]. Its presence is followed, not its
      // URL, so paging works the same behind the hub's sandbox mount, whose URLs the server cannot know.
      if (data.meta.next === undefined) return;
    }
  }

  /**
   * Pages of a list sorted by updated_at ascending, walked by time: each request starts at the last
   * updated_at seen. With page numbers, a record changed mid-run moves to the end of the list and
   * pushes another across a page boundary, unseen; walking by time cannot skip one. The records at
   * the boundary time come back once more and are dropped by id and time; only when a whole page
   * shares one time does the walk turn the page number.
   */
  async function* pagesByTime(path: string, query: Query, signal: AbortSignal): AsyncGenerator<unknown[]> {
    let from = query['updated_at-from'];
    let page = 1;
    let atBoundary = new Set<string>();
    for (;;) {
      const request = { ...query, 'updated_at-from': from, page, page_size: settings.pageSize };
      const { data } = await http.request('GET', path, { query: request, schema: pageSchema, signal });
      const key = (raw: unknown) => `${rawText(raw, 'id')}@${rawText(raw, 'updated_at')}`;
      yield data.data.filter((raw) => !atBoundary.has(key(raw)));
      if (data.meta.next === undefined) return;
      const last = rawText(data.data.at(-1), 'updated_at');
      if (last !== undefined && last !== from) {
        from = last;
        page = 1;
        atBoundary = new Set();
      } else {
        page += 1;
      }
      for (const raw of data.data) if (rawText(raw, 'updated_at') === from) atBoundary.add(key(raw));
    }
  }

  async function* parsedPages<S extends z.ZodType>(path: string, query: Query, schema: S, label: (raw: unknown) => string, signal: AbortSignal) {
    const walk = query.sort === 'updated_at-asc' ? pagesByTime(path, query, signal) : pages(path, query, signal);
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
      await http.request('POST', `/orders/${encodeURIComponent(id)}/quick-process`, { body, signal });
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
