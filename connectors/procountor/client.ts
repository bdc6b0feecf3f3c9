import { z } from 'zod';
import { parseWireRecord, rawText } from '../../src/connectors/sdk/wire-records.js';
import type { WireRecord } from '../../src/connectors/sdk/wire-records.js';
import type { AuthStrategy } from '../../src/connectors/auth/strategy.js';
import { createHttpClient } from '../../src/connectors/http/http-client.js';
import type { RetryPolicy } from '../../src/connectors/http/http-client.js';
import { HttpError } from '../../src/connectors/http/http-errors.js';
import type { TokenBucket } from '../../src/connectors/http/rate-limiter.js';
import type { Query } from '../../src/connectors/http/url.js';
import { WmsyncError } from '../../src/kernel/errors.js';
import type { Logger } from '../../src/kernel/logger.js';
import { batchResponseSchema, invoiceBasicInfoSchema, invoiceSchema, productSchema, productSearchResponseSchema, searchResultSchema } from './api.js';
import type { Invoice, InvoiceBasicInfo, InvoiceStatus, Product, SearchMeta } from './api.js';


export type DeliveryReportAction = 'send' | 'none';

/** What the flows read from the integration's settings, parsed once when the api is built. */
export interface FlowSettings {
  /** Results per search request (the API's max is 200). */
  pageSize: number;
  /** Sales order statuses imported as orders; INVALIDATED and DELETED are always read, as cancellations. */
  orderStatuses: InvoiceStatus[];
  deliveryReportAction: DeliveryReportAction;
}

/** How requests are authorised: the OAuth token session's bearer header and its renewal when a token is refused. */
export interface ClientAuth {
  headers: AuthStrategy['headers'];
  onUnauthorized: NonNullable<AuthStrategy['onExpired']>;
}

export interface ClientOptions {
  /** The API root, e.g. https://api.procountor.com/api or https://api.procountor.com/latest/api. */
  baseUrl: string;
  auth: ClientAuth;
  settings: FlowSettings;
  limiter?: TokenBucket;
  logger?: Logger;
  fetch?: typeof fetch;
  retry?: Partial<RetryPolicy>;
}

export interface ProcountorApi {
  readonly settings: FlowSettings;
  /** Every page of `GET /products` for `query`, walked by previousId; each product parsed on its own. */
  products(query: Query, signal: AbortSignal): AsyncIterable<WireRecord<Product>[]>;
  /** Products by id through the batch GET, 200 a call; ids Procountor does not have are left out. */
  productsByIds(ids: number[], signal: AbortSignal): Promise<WireRecord<Product>[]>;
  /** Every page of `GET /invoices` for `query` (heads without rows), walked by previousId from `afterId` (default 0: the start). */
  invoiceHeads(query: Query, signal: AbortSignal, afterId?: number): AsyncIterable<WireRecord<InvoiceBasicInfo>[]>;
  /** Full invoices with rows through the batch GET, 200 a call; unknown ids are left out. */
  invoicesByIds(ids: number[], signal: AbortSignal): Promise<WireRecord<Invoice>[]>;
  invoiceStatus(id: string, signal: AbortSignal): Promise<InvoiceStatus>;
  /** `PUT /invoices/{id}/send`; Procountor's refusal (403 for a wrong status or type) is an HttpError, kind `record`. */
  sendInvoice(id: string, signal: AbortSignal): Promise<void>;
  /** A cheap authenticated call; refused credentials throw the http client's config error. */
  ping(signal: AbortSignal): Promise<void>;
}

/** The batch GET takes at most 200 ids [V P-DEV-ref]. */
export const batchLimit = 200;

const rawId = (raw: unknown): number | undefined => {
  const id = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).id : undefined;
  return typeof id === 'number' && Number.isInteger(id) ? id : undefined;
};
/** A search answer's envelope; meta is null in the older `{products}` shape. */
type SearchPage = { results: unknown[]; meta: SearchMeta | null };
const statusSchema = z.looseObject({ status: z.string() });

export const productLabel = (raw: unknown): string => `article ${rawText(raw, 'code') || rawId(raw) || '(no id)'}`;
export const invoiceLabel = (raw: unknown): string => `invoice ${rawId(raw) ?? '(no id)'}`;

const chunks = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

export function createProcountorClient(options: ClientOptions): ProcountorApi {
  const { settings } = options;
  const http = createHttpClient({
    name: 'Procountor',
    baseUrl: options.baseUrl,
    auth: { headers: options.auth.headers, onExpired: options.auth.onUnauthorized },
    ...(options.limiter ? { limiter: options.limiter } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  /**
   * Pages in id order, each request continuing after the last id seen. Keyset paging, unlike page
   * numbers, cannot skip a record when another one enters the filtered set mid-run. A page shorter
   * than the server's own page size ends the walk; the older `{products}` shape has no meta, so
   * there only an empty page does (a server that caps the size lower cannot end it early).
   */
  async function* keysetPages(path: string, query: Query, schema: z.ZodType<SearchPage>, signal: AbortSignal, afterId = 0) {
    for (let previousId = afterId; ; ) {
      const request = { ...query, previousId, size: settings.pageSize, orderById: 'ASC' };
      const { data } = await http.request('GET', path, { query: request, schema, signal });
      const { results, meta } = data;
      if (results.length > 0) yield results;
      if (results.length === 0 || (meta !== null && meta.resultCount < meta.pageSize)) return;
      const last = Math.max(...results.map((raw) => rawId(raw) ?? 0));
      // A server that ignored previousId would serve the same page forever.
      if (last <= previousId) throw new WmsyncError('system', `Procountor ${path} did not page past id ${previousId}`);
      previousId = last;
    }
  }

  async function batch<S extends z.ZodType>(resource: string, ids: number[], schema: S, label: (raw: unknown) => string, signal: AbortSignal) {
    const records: WireRecord<z.output<S>>[] = [];
    for (const part of chunks([...new Set(ids)], batchLimit)) {
      try {
        const { data } = await http.request('GET', `/${resource}/${part.join(',')}`, { schema: batchResponseSchema, signal });
        records.push(...data.map((raw) => parseWireRecord(schema, raw, label(raw))));
      } catch (e) {
        // None of the ids exists (any more): a 404 [V P-DEV-ref].
        if (!(e instanceof HttpError && e.status === 404)) throw e;
      }
    }
    return records;
  }

  /**
   * Procountor answers 403 also for an action the invoice's status or type does not allow [V P-OAS]:
   * a refusal of this record, not of the credentials, so no token renewal.
   */
  async function action(path: string, signal: AbortSignal): Promise<void> {
    await http.request('PUT', path, { signal, rules: [{ status: 403, kind: 'record' }] });
  }

  return {
    settings,
    async *products(query, signal) {
      for await (const page of keysetPages('/products', query, productSearchResponseSchema, signal)) {
        yield page.map((raw) => parseWireRecord(productSchema, raw, productLabel(raw)));
      }
    },
    productsByIds: (ids, signal) => batch('products', ids, productSchema, productLabel, signal),
    async *invoiceHeads(query, signal, afterId) {
      for await (const page of keysetPages('/invoices', query, searchResultSchema, signal, afterId)) {
        yield page.map((raw) => parseWireRecord(invoiceBasicInfoSchema, raw, invoiceLabel(raw)));
      }
    },
    invoicesByIds: (ids, signal) => batch('invoices', ids, invoiceSchema, invoiceLabel, signal),
    async invoiceStatus(id, signal) {
      const { data } = await http.request('GET', `/invoices/${encodeURIComponent(id)}`, { schema: statusSchema, signal });
      return data.status as InvoiceStatus;
    },
    sendInvoice: (id, signal) => action(`/invoices/${encodeURIComponent(id)}/send`, signal),
    async ping(signal) {
      await http.request('GET', '/products', { query: { size: 1 }, signal });
    },
  };
}
