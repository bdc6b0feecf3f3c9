import type {
  Article,
  GoodsOwner,
  GoodsOwnerInput,
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

export interface SetOrderStatus {
  status: number;
  waybill?: string;
  trackingUrl?: string;
  /** Picked quantity by 1-based row. Rows not named are picked in full when the status means shipped. */
  picked?: { row: number; quantity: number }[];
}

export type WmsEventType = 'order.shipped' | 'purchase-order.received' | 'stock.changed';

/** A line as a report needs it: which line of the source, and how many were ordered. */
interface EventLine {
  row: number;
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

/**
 * The WMS as the sync engine sees it. The embedded WMS implements it on our own tables; an
 * Ongoing WMS adapter implements it over REST. Every write validates its input, applies the
 * goods owner's status rules, and writes its events in the same transaction.
 */
export interface WmsPort {
  addGoodsOwner(input: GoodsOwnerInput): Promise<GoodsOwner>;
  listGoodsOwners(): Promise<GoodsOwner[]>;
  getGoodsOwner(code: string): Promise<GoodsOwner>;

  upsertArticle(owner: string, article: unknown): Promise<UpsertOutcome>;
  getArticle(owner: string, articleNumber: string): Promise<Article>;
  listArticles(owner: string, options?: ListOptions): Promise<Page<Article>>;

  upsertSupplier(owner: string, supplier: unknown): Promise<UpsertOutcome>;
  listSuppliers(owner: string, options?: ListOptions): Promise<Page<Supplier>>;

  upsertOrder(owner: string, order: unknown): Promise<UpsertOutcome>;
  cancelOrder(owner: string, orderNumber: string): Promise<UpsertOutcome>;
  getOrder(owner: string, orderNumber: string): Promise<Order>;
  listOrders(owner: string, options?: ListOptions): Promise<Page<Order>>;
  setOrderStatus(owner: string, orderNumber: string, change: SetOrderStatus): Promise<Order>;

  upsertPurchaseOrder(owner: string, purchaseOrder: unknown): Promise<UpsertOutcome>;
  cancelPurchaseOrder(owner: string, orderNumber: string): Promise<UpsertOutcome>;
  getPurchaseOrder(owner: string, orderNumber: string): Promise<PurchaseOrder>;
  listPurchaseOrders(owner: string, options?: ListOptions): Promise<Page<PurchaseOrder>>;
  /** Receives the given rows (1-based) or, with no lines, everything still outstanding. */
  receivePurchaseOrder(owner: string, orderNumber: string, lines?: { row: number; quantity: number }[]): Promise<PurchaseOrder>;

  listStock(owner: string, articleNumbers?: string[]): Promise<StockBalance[]>;
  setStock(owner: string, articleNumber: string, physical: number): Promise<StockBalance>;

  /** Events after the given id, oldest first: the sync engine's feed of what the warehouse did. */
  readEvents(afterId: number, limit: number, types?: WmsEventType[]): Promise<WmsEvent[]>;

  /** Optional: runs a batch of writes (through this port and to the hub's database) in one transaction. */
  writeBatch?<T>(work: () => Promise<T>): Promise<T>;
}

export type { OrderInput, PurchaseOrderInput };
