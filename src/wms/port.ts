import type {
  Article,
  GoodsOwner,
  GoodsOwnerInput,
  GoodsOwnerRules,
  Order,
  OrderInput,
  PurchaseOrder,
  PurchaseOrderInput,
  StockBalance,
  Supplier,
} from '../domain/index.js';

/** What a write did. `locked` carries the reason the warehouse's status refused it. */
export type UpsertOutcome =
  | { outcome: 'created' | 'updated' | 'unchanged' | 'cancelled' }
  | { outcome: 'locked'; reason: string };

export interface Page<T> {
  items: T[];
  /** Pass as `after` to get the next page; absent on the last page. */
  next?: string;
}

export interface ListOptions {
  limit?: number;
  after?: string;
  status?: number;
}

/** What a person looks for in the orders list (the admin UI). */
export interface OrderSearch {
  /** Part of the order number or of the customer's name, either case. */
  text?: string;
  status?: number;
  /** `date`: when the WMS got the order (newest first by default); `number`: as numbers where they are. */
  sort: 'date' | 'number';
  direction?: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export interface OrderSearchPage {
  items: { order: Order; receivedAt: string }[];
  /** How many orders match, for numbered pages. */
  total: number;
}

export interface SetOrderStatus {
  status: number;
  waybill?: string;
  trackingUrl?: string;
  /** Picked quantity by 1-based row. Rows not named are picked in full when the status means shipped. */
  picked?: { row: number; quantity: number }[];
}

export type WmsEventType = 'order.shipped' | 'purchase-order.received' | 'stock.changed';

/**
 * A line as a report needs it: which line of the source, and how many were ordered. `rowNumber`
 * is the line's stable key in the WMS (Ongoing's `rowNumber`; the embedded WMS's row as text):
 * reports match lines by it or by the external line id, never by their place in a list.
 */
interface EventLine {
  /** 1-based place of the line in the order as the WMS returns it; for display only. */
  row: number;
  rowNumber?: string;
  articleNumber: string;
  externalOrderLineCode?: string;
  externalOrderLineId?: string;
  numberOfItems: number;
}

export interface OrderShippedEvent {
  orderNumber: string;
  status: number;
  shipment: { waybill?: string; trackingUrl?: string; sentAt: string };
  lines: (EventLine & { pickedNumberOfItems: number })[];
}

export interface PurchaseOrderReceivedEvent {
  orderNumber: string;
  status: number;
  /** receivedNow is what this receipt added; the totals are in receivedNumberOfItems. */
  lines: (EventLine & { receivedNumberOfItems: number; receivedNow: number })[];
}

export interface StockChangedEvent {
  articleNumber: string;
}

export interface WmsEventPayloads {
  'order.shipped': OrderShippedEvent;
  'purchase-order.received': PurchaseOrderReceivedEvent;
  'stock.changed': StockChangedEvent;
}

export type WmsEvent = {
  [K in WmsEventType]: { id: number; goodsOwner: string; type: K; subject: string; payload: WmsEventPayloads[K]; createdAt: string };
}[WmsEventType];

/** One read of a WMS's event feed: the events after the cursor, and the cursor to read from next. */
export interface EventBatch {
  events: WmsEvent[];
  cursor: string;
}

/**
 * The WMS as the sync engine sees it: writes of what the external systems bring, stock to send
 * back, and a feed of what the warehouse did. The embedded WMS implements it on our own tables,
 * src/wms/ongoing over Ongoing's REST API. Writes validate their input and apply the goods
 * owner's status rules. The feed is read by cursor, and an event stays in it (for an adapter
 * that keeps it remotely) until `ack` says the external system accepted its report.
 */
export interface WmsPort {
  upsertArticle(owner: string, article: unknown): Promise<UpsertOutcome>;
  upsertSupplier(owner: string, supplier: unknown): Promise<UpsertOutcome>;
  /**
   * Optional: many articles (suppliers, orders, purchase orders) in one call, one outcome each in
   * their order; each is checked before any is written, so a refused one refuses the call. The
   * embedded WMS writes a page of new records with a few statements instead of several a record.
   * Undefined, or an answer of undefined (a goods owner whose WMS writes one at a time, behind
   * the routed port): the engine writes them one by one.
   */
  upsertArticles?(owner: string, articles: unknown[]): Promise<UpsertOutcome[] | undefined>;
  upsertSuppliers?(owner: string, suppliers: unknown[]): Promise<UpsertOutcome[] | undefined>;
  upsertOrders?(owner: string, orders: unknown[]): Promise<UpsertOutcome[] | undefined>;
  upsertPurchaseOrders?(owner: string, purchaseOrders: unknown[]): Promise<UpsertOutcome[] | undefined>;
  upsertOrder(owner: string, order: unknown): Promise<UpsertOutcome>;
  cancelOrder(owner: string, orderNumber: string): Promise<UpsertOutcome>;
  upsertPurchaseOrder(owner: string, purchaseOrder: unknown): Promise<UpsertOutcome>;
  cancelPurchaseOrder(owner: string, orderNumber: string): Promise<UpsertOutcome>;

  /** Stock of all articles, or of those named; `changedSince` lets an adapter read only the recent changes. */
  listStock(owner: string, articleNumbers?: string[], changedSince?: Date): Promise<StockBalance[]>;
  /**
   * Optional: stock a page at a time, by article number, so that the stock export of a large goods
   * owner holds a page, not every article. Undefined, or an answer of undefined (a goods owner
   * whose WMS reads its stock whole, behind the routed port): the export reads `listStock`.
   */
  stockPage?(owner: string, options: { limit: number; after?: string }): Promise<Page<StockBalance> | undefined>;

  /** Events after `cursor` ('' = from the start), oldest first. */
  poll(cursor: string, limit: number, types?: WmsEventType[]): Promise<EventBatch>;
  /** The external system accepted the event's report: the WMS may stop offering it. Idempotent. */
  ack(event: WmsEvent): Promise<void>;
  /**
   * Optional: runs a batch of a goods owner's writes and the hub's own writes in one transaction
   * (the embedded WMS on the hub's SQLite file). A remote WMS has none: its writes are calls.
   */
  writeBatch?<T>(owner: string, work: () => Promise<T>): Promise<T>;
}

/** Reads of the warehouse's records, for the CLI, API and admin UI. */
export interface WarehouseReads {
  getArticle(owner: string, articleNumber: string): Promise<Article>;
  listArticles(owner: string, options?: ListOptions): Promise<Page<Article>>;
  listSuppliers(owner: string, options?: ListOptions): Promise<Page<Supplier>>;
  getOrder(owner: string, orderNumber: string): Promise<Order>;
  listOrders(owner: string, options?: ListOptions): Promise<Page<Order>>;
  /** Optional: a WMS without it gives the UI the plain list (cursor pages, by number). */
  searchOrders?(owner: string, search: OrderSearch): Promise<OrderSearchPage>;
  getPurchaseOrder(owner: string, orderNumber: string): Promise<PurchaseOrder>;
  listPurchaseOrders(owner: string, options?: ListOptions): Promise<Page<PurchaseOrder>>;
}

/** What the warehouse does: the embedded WMS's CLI, API and UI (Ongoing's users do it in Ongoing). */
export interface WarehouseActions {
  setOrderStatus(owner: string, orderNumber: string, change: SetOrderStatus): Promise<Order>;
  /** Receives the given rows (1-based) or, with no lines, everything still outstanding. */
  receivePurchaseOrder(owner: string, orderNumber: string, lines?: { row: number; quantity: number }[]): Promise<PurchaseOrder>;
  setStock(owner: string, articleNumber: string, physical: number): Promise<StockBalance>;
}

/**
 * The embedded WMS as its surfaces use it. The goods-owner calls are thin aliases of the hub's
 * tenants module (src/tenants), kept so callers and tests written before the split still work.
 */
export interface EmbeddedWms extends WmsPort, WarehouseReads, WarehouseActions {
  addGoodsOwner(input: GoodsOwnerInput): Promise<GoodsOwner>;
  listGoodsOwners(): Promise<GoodsOwner[]>;
  getGoodsOwner(code: string): Promise<GoodsOwner>;
  /** Changes the company name; the code, which records are keyed by, stays. */
  renameGoodsOwner(code: string, name: string): Promise<GoodsOwner>;
  /** Changes the goods owner's warehouse rules (whether stock may go negative). */
  setGoodsOwnerRules(code: string, rules: GoodsOwnerRules): Promise<GoodsOwner>;
  /** The embedded WMS always reads stock a page at a time. */
  stockPage(owner: string, options: { limit: number; after?: string }): Promise<Page<StockBalance>>;
  /** Events after the given id: the embedded WMS's numbered log, under `poll`. */
  readEvents(afterId: number, limit: number, types?: WmsEventType[]): Promise<WmsEvent[]>;

}

export type { OrderInput, PurchaseOrderInput };

/** A remote WMS that pushes "something changed" calls (Ongoing's webhooks): they only wake its next poll. */
export interface WakeableWms extends WmsPort {
  acceptsWebhookToken(token: string | undefined): boolean;
  wake(): void;
}

export const isWakeable = (wms: WmsPort): wms is WakeableWms => 'wake' in wms && 'acceptsWebhookToken' in wms;
