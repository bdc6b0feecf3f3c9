import { authenticateSession, configError, parseWireRecord, rawText, splitItemResults, storedTokens } from '../../src/connectors/sdk/index.js';
import type { ApiException, ConnectorContext, ItemRefusal, Logger, WireRecord } from '../../src/connectors/sdk/index.js';
import { companySchema, invoiceOrderSchema, productSchema } from './api.js';
import type { Company, InvoiceOrder, OrderState, Product } from './api.js';
import { guesses } from './guesses.js';
import { serviceCall } from './service-call.js';
import { operations } from './services.js';
import type { TwentyFourSevenSettings } from './settings.js';

export interface InvoiceQuery {
  orderIds: number[];
  states?: OrderState[];
  invoiceProperties: string[];
  rowProperties: string[];
}

export interface CompanyQuery {
  ids?: number[];
  changedAfter?: Date;
  properties: string[];
}

/** An item of SaveInvoices' answer: the order as saved, or with the APIException that refused it. */
export interface SavedOrder {
  OrderId?: number;
  APIException?: ApiException;
}

export interface StockEntry {
  productId: number;
  stock: number | undefined;
}

export interface TwentyFourSevenApi {
  readonly settings: TwentyFourSevenSettings;
  readonly logger: Logger;
  /** GetProducts: every product changed after `changedAfter` (all without it), in one answer: the call has no paging [V B5]. */
  products(query: { changedAfter?: Date; ids?: number[]; properties: string[] }, signal: AbortSignal): Promise<WireRecord<Product>[]>;
  /** GetOrderSyncList: the ids of the orders changed after `changedAfter` (all without it) [V B4]. */
  changedOrderIds(changedAfter: Date | undefined, signal: AbortSignal): Promise<number[]>;
  /** GetInvoices by order id, at most 1000 ids a call [V S-DEV-inv]; ids it does not have (or not in `states`) are left out. */
  invoices(query: InvoiceQuery, signal: AbortSignal): Promise<WireRecord<InvoiceOrder>[]>;
  /** SaveInvoices with only OrderId and OrderStatus: the status change of the notes [V B4]; gives the orders refused, with 24SevenOffice's reason. */
  setOrderStatus(orderIds: number[], status: OrderState, signal: AbortSignal): Promise<ItemRefusal<SavedOrder>[]>;
  /** GetCompanies by ids or by change date. */
  companies(query: CompanyQuery, signal: AbortSignal): Promise<WireRecord<Company>[]>;
  /** Product id and stock by product number (No), read once and kept for a minute: the stock export asks per 200 articles. */
  stockByNumber(signal: AbortSignal): Promise<Map<string, StockEntry>>;
  /** SetStockQuantity: an absolute quantity [V B5]; false when 24SevenOffice did not set it. */
  setStockQuantity(productId: number, quantity: number, signal: AbortSignal): Promise<boolean>;
  /** A cheap authenticated call (log in, read one product): wrong credentials are a config error. */
  ping(signal: AbortSignal): Promise<void>;
}

/** GetInvoices takes at most 1000 order ids [V S-DEV-inv]. */
export const orderIdBatch = 1000;
const stockSnapshotMs = 60_000;
/** DateTime.MinValue: "no filter" for a dateTime member the WSDL requires (RegisteredAfter). */
const minValue = new Date('0001-01-01T00:00:00Z');

export const productLabel = (raw: unknown) => `article ${rawText(raw, 'No') ?? `(product id ${rawText(raw, 'Id') ?? '?'})`}`;
export const orderLabel = (raw: unknown) => `order ${rawText(raw, 'OrderId') ?? '(no id)'}`;
export const companyLabel = (raw: unknown) => `supplier ${rawText(raw, 'Id') ?? '(no id)'}`;

export const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

export function createTwentyFourSevenClient(settings: TwentyFourSevenSettings, context: ConnectorContext): TwentyFourSevenApi {
  if (settings.variations) {
    throw configError('24SevenOffice products have no variations in its SOAP API: set "variations" to no, or map the variations as articles of their own');
  }
  const limits = { perSecond: settings.rateLimitPerSecond, burst: settings.rateLimitBurst };
  const common = { name: '24SevenOffice', baseUrl: settings.baseUrl, limits };
  // Two clients on one bucket: the Authenticate service without the session (it logs in), the others with it.
  const authHttp = context.http(common);
  const auth = authenticateSession({
    http: authHttp,
    credential: { applicationId: settings.applicationId, username: settings.username, password: settings.password, ...(settings.identityId ? { identityId: settings.identityId } : {}) },
    stored: storedTokens(context.settings)?.accessToken,
    // The session id is kept as the integration's token, so the next run reuses it after HasSession instead of logging in (throttled) again.
    save: (id) => context.saveTokens({ accessToken: id, expiresAt: new Date(Date.now() + guesses.sessionLifetimeMinutes * 60_000).toISOString() }),
  });
  const http = context.http({ ...common, auth });
  const bucket = settings.rateLimitPerSecond > 0 ? context.limiters.get(context.credentialKey, limits) : undefined;
  const call = <T>(operation: (typeof operations)[keyof typeof operations], body: Record<string, unknown>, signal: AbortSignal) =>
    serviceCall<T>(http, bucket, operation, body, signal);

  let snapshot: { at: number; stock: Promise<Map<string, StockEntry>> } | undefined;

  const api: TwentyFourSevenApi = {
    settings,
    logger: context.logger,
    async products({ changedAfter, ids, properties }, signal) {
      const searchParams = { ...(changedAfter ? { DateChanged: changedAfter } : {}), ...(ids ? { ProductIds: ids } : {}) };
      const found = (await call<unknown[] | undefined>(operations.getProducts, { searchParams, returnProperties: properties }, signal)) ?? [];
      return found.map((raw) => parseWireRecord(productSchema, raw, productLabel(raw)));
    },
    async changedOrderIds(changedAfter, signal) {
      const syncParams = { ...(changedAfter ? { ChangedAfter: changedAfter } : {}), RegisteredAfter: minValue };
      return (await call<number[] | undefined>(operations.getOrderSyncList, { syncParams }, signal)) ?? [];
    },
    async invoices({ orderIds, states, invoiceProperties, rowProperties }, signal) {
      const records: WireRecord<InvoiceOrder>[] = [];
      for (const part of chunks([...new Set(orderIds)], orderIdBatch)) {
        const searchParams = { OrderIds: part, ...(states ? { OrderStates: states } : {}) };
        const found = (await call<unknown[] | undefined>(operations.getInvoices, { searchParams, invoiceReturnProperties: invoiceProperties, rowReturnProperties: rowProperties }, signal)) ?? [];
        records.push(...found.map((raw) => parseWireRecord(invoiceOrderSchema, raw, orderLabel(raw))));
      }
      return records;
    },
    async setOrderStatus(orderIds, status, signal) {
      if (orderIds.length === 0) return [];
      const invoices = orderIds.map((OrderId) => ({ OrderId, OrderStatus: status }));
      const saved = (await call<SavedOrder[] | undefined>(operations.saveInvoices, { invoices }, signal)) ?? [];
      // The result lists the orders in the order sent; an item without its id is named by the one sent.
      return splitItemResults(saved, (item, index) => `order ${item.OrderId ?? orderIds[index]}`).refused;
    },
    async companies({ ids, changedAfter, properties }, signal) {
      const searchParams = { ...(ids ? { CompanyIds: ids } : {}), ...(changedAfter ? { ChangedAfter: changedAfter } : {}) };
      const found = (await call<unknown[] | undefined>(operations.getCompanies, { searchParams, returnProperties: properties }, signal)) ?? [];
      return found.map((raw) => parseWireRecord(companySchema, raw, companyLabel(raw)));
    },
    stockByNumber(signal) {
      const now = performance.now();
      if (!snapshot || now - snapshot.at > stockSnapshotMs) {
        const stock = api.products({ properties: ['Id', 'No', 'Stock'] }, signal).then(
          (items) => new Map(items.flatMap((item) => (item.ok ? [[item.value.No, { productId: item.value.Id, stock: item.value.Stock }] as const] : []))),
        );
        snapshot = { at: now, stock };
        stock.catch(() => (snapshot = undefined));
      }
      return snapshot.stock;
    },
    async setStockQuantity(productId, quantity, signal) {
      const set = (await call<boolean | undefined>(operations.setStockQuantity, { productId, stockQuantity: quantity }, signal)) === true;
      // The kept snapshot follows the write, so a second export within the minute sees no difference.
      if (set && snapshot) void snapshot.stock.then((stock) => stock.forEach((entry) => entry.productId === productId && (entry.stock = quantity)));
      return set;
    },
    async ping(signal) {
      await call(operations.getProducts, { searchParams: { Id: 0 }, returnProperties: ['Id'] }, signal);
    },
  };
  return api;
}
