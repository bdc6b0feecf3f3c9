import { HttpError, pagesAfterKey, parseWireRecord, rawText } from '../../src/connectors/sdk/index.js';
import type { AuthStrategy, ConnectorContext, Query, WireRecord } from '../../src/connectors/sdk/index.js';
import { z } from 'zod';
import { batchResponseSchema, invoiceBasicInfoSchema, invoiceSchema, productSchema, productSearchResponseSchema, searchResultSchema } from './api.js';
import type { Invoice, InvoiceBasicInfo, InvoiceStatus, Product, SearchMeta } from './api.js';
import type { ProcountorSettings } from './settings.js';

export interface ProcountorApi {
  /** The integration's settings, parsed once when the api is built. */
  readonly settings: ProcountorSettings;
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

export function createProcountorClient(settings: ProcountorSettings, auth: AuthStrategy, context: ConnectorContext): ProcountorApi {
  const http = context.http({
    name: 'Procountor',
    // The API root, e.g. https://api.procountor.com/api or https://api.procountor.com/latest/api.
    baseUrl: settings.baseUrl,
    auth,
    limits: { perSecond: settings.rateLimitPerSecond },
  });

  /**
   * Pages in id order, each request continuing after the last id seen. Keyset paging, unlike page
   * numbers, cannot skip a record when another one enters the filtered set mid-run. A page shorter
   * than the server's own page size ends the walk; the older `{products}` shape has no meta, so
   * there only an empty page does (a server that caps the size lower cannot end it early).
   */
  /**
   * Pages in id order, each request continuing after the last id seen (keyset paging). A page
   * shorter than the server's own page size ends the walk; the older `{products}` shape has no
   * meta, so there only an empty page does (a server that caps the size lower cannot end it early).
   */
  function keysetPages(path: string, query: Query, schema: z.ZodType<SearchPage>, signal: AbortSignal, afterId = 0) {
    const fetchPage = async (previousId: number) => {
      const { data } = await http.request('GET', path, { query: { ...query, previousId, size: settings.pageSize, orderById: 'ASC' }, schema, signal });
      return { items: data.results, last: data.meta !== null && data.meta.resultCount < data.meta.pageSize };
    };
    return pagesAfterKey(fetchPage, rawId, { from: afterId, what: `Procountor ${path}` });
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
