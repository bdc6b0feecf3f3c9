import { ApiError } from '../../../connectors/sandbox/index.js';
import type { PostArticle, PostOrder, PostPurchaseOrder } from '../api.js';

/** Ongoing's standard statuses (§3.5, §6.1): Open 200 … Cancelled 1000; purchase orders Notified 100 … Cancelled 900. */
export const orderStatuses = [
  [150, 'Error'], [200, 'Open'], [300, 'Released'], [320, 'Allocated'], [400, 'Picked'], [450, 'Sent'], [500, 'Collected'], [1000, 'Cancelled'],
] as const;
export const purchaseOrderStatuses = [[100, 'Notified'], [200, 'Arrival space'], [300, 'Inbound'], [400, 'Deflection'], [500, 'Received'], [900, 'Cancelled']] as const;
const ORDER_CANCELLED = 1000;
const PO_CANCELLED = 900;
/** The warehouse "has started working" on an order from Released on, on a purchase order once goods arrived (§1 "Edit lock"). */
const ORDER_STARTED = 300;
const PO_STARTED = 300;
const SHIPPED_FROM = 450;

export interface SandboxArticle {
  articleSystemId: number;
  body: PostArticle;
  numberOfItems: number;
  stockChangedAt: Date;
}

interface OrderLineState {
  id: number;
  rowNumber: string;
  articleNumber: string;
  externalId?: string;
  ordered: number;
  picked: number;
  reported: number;
}

export interface SandboxOrder {
  orderId: number;
  body: PostOrder;
  status: number;
  statusChangedAt: Date;
  lines: OrderLineState[];
  shippedTime?: Date;
  wayBill?: string;
  tracking: { waybill: string; trackingUrl?: string }[];
}

interface PurchaseOrderLineState {
  id: number;
  rowNumber: string;
  articleNumber: string;
  externalOrderLineId?: string;
  advised: number;
  received: number;
  reported: number;
}

export interface SandboxPurchaseOrder {
  purchaseOrderId: number;
  body: PostPurchaseOrder;
  status: number;
  statusChangedAt: Date;
  lines: PurchaseOrderLineState[];
}

/**
 * One Ongoing goods owner's data: articles with their stock, orders, purchase orders. Ids are
 * given in creation order, as Ongoing's are, so the `…IdFrom` cursors walk them in order.
 */
export class OngoingStore {
  readonly articles = new Map<string, SandboxArticle>();
  readonly orders = new Map<string, SandboxOrder>();
  readonly purchaseOrders = new Map<string, SandboxPurchaseOrder>();
  private nextId = { article: 18_000, order: 50_000, orderLine: 48_000, purchaseOrder: 7_000, purchaseOrderLine: 9_000 };

  constructor(private readonly now: () => Date) {}

  putArticle(body: PostArticle): { created: boolean; article: SandboxArticle } {
    const existing = this.articles.get(body.articleNumber);
    if (existing) {
      existing.body = body;
      return { created: false, article: existing };
    }
    const article = { articleSystemId: this.nextId.article++, body, numberOfItems: 0, stockChangedAt: this.now() };
    this.articles.set(body.articleNumber, article);
    return { created: true, article };
  }

  private needArticles(numbers: string[], field: string): void {
    numbers.forEach((n, i) => {
      if (!this.articles.has(n)) throw new ApiError(400, `Article ${n} does not exist. Create the article before the order.`, `${field}[${i}].articleNumber`);
    });
  }

  putOrder(body: PostOrder): { created: boolean; order: SandboxOrder } {
    this.needArticles(body.orderLines.map((l) => l.articleNumber), 'orderLines');
    uniqueRows(body.orderLines.map((l) => l.rowNumber), 'orderLines');
    const existing = this.orders.get(body.orderNumber);
    if (existing && existing.status >= ORDER_STARTED) {
      throw new ApiError(400, `You may not update order ${body.orderNumber} since the warehouse has started working on it (status ${existing.status}).`);
    }
    const previous = new Map(existing?.lines.map((l) => [l.rowNumber, l]));
    const lines = body.orderLines.map((l) => ({
      // A line keeps its id while its rowNumber stays (§7.5).
      id: previous.get(l.rowNumber)?.id ?? this.nextId.orderLine++,
      rowNumber: l.rowNumber,
      articleNumber: l.articleNumber,
      ...(l.externalId !== undefined ? { externalId: l.externalId } : {}),
      ordered: l.numberOfItems,
      picked: 0,
      reported: 0,
    }));
    if (existing) {
      Object.assign(existing, { body, lines });
      return { created: false, order: existing };
    }
    const order: SandboxOrder = { orderId: this.nextId.order++, body, status: 200, statusChangedAt: this.now(), lines, tracking: [] };
    this.orders.set(body.orderNumber, order);
    return { created: true, order };
  }

  cancelOrder(orderNumber: string): SandboxOrder {
    const order = this.order(orderNumber);
    if (order.status === ORDER_CANCELLED) throw new ApiError(400, `Order ${orderNumber} has already been cancelled.`);
    if (order.status >= ORDER_STARTED) throw new ApiError(400, `Order ${orderNumber} cannot be cancelled since the warehouse has started working on it.`);
    this.setOrderStatus(order, ORDER_CANCELLED);
    return order;
  }

  order(orderNumber: string): SandboxOrder {
    const order = this.orders.get(orderNumber);
    if (!order) throw new ApiError(404, `Order ${orderNumber} was not found.`);
    return order;
  }

  orderById(orderId: number): SandboxOrder {
    for (const order of this.orders.values()) if (order.orderId === orderId) return order;
    throw new ApiError(404, `Order with id ${orderId} was not found.`);
  }

  setOrderStatus(order: SandboxOrder, status: number): void {
    if (!orderStatuses.some(([n]) => n === status)) throw new ApiError(400, `Order status ${status} does not exist.`);
    order.status = status;
    order.statusChangedAt = this.now();
  }

  /** The warehouse picks and sends: picked quantities per row (the rest in full), a waybill, stock taken out. */
  ship(orderNumber: string, change: { picked?: { rowNumber: string; quantity: number }[]; waybill?: string; trackingUrl?: string; status?: number }): SandboxOrder {
    const order = this.order(orderNumber);
    if (order.status === ORDER_CANCELLED) throw new ApiError(400, `Order ${orderNumber} is cancelled.`);
    const picked = new Map(change.picked?.map((p) => [p.rowNumber, p.quantity]));
    for (const row of picked.keys()) if (!order.lines.some((l) => l.rowNumber === row)) throw new ApiError(400, `Order ${orderNumber} has no row ${row}.`, 'picked');
    for (const line of order.lines) {
      const quantity = picked.get(line.rowNumber) ?? line.ordered;
      const article = this.articles.get(line.articleNumber)!;
      article.numberOfItems -= quantity - line.picked;
      article.stockChangedAt = this.now();
      line.picked = quantity;
    }
    if (change.waybill) {
      order.wayBill = change.waybill;
      order.tracking.push({ waybill: change.waybill, ...(change.trackingUrl ? { trackingUrl: change.trackingUrl } : {}) });
    }
    order.shippedTime = this.now();
    this.setOrderStatus(order, change.status ?? SHIPPED_FROM);
    return order;
  }

  /** reported := picked on every line (§7.3). */
  reportPicked(order: SandboxOrder): void {
    for (const line of order.lines) line.reported = line.picked;
  }

  putPurchaseOrder(body: PostPurchaseOrder): { created: boolean; purchaseOrder: SandboxPurchaseOrder } {
    this.needArticles(body.purchaseOrderLines.map((l) => l.articleNumber), 'purchaseOrderLines');
    uniqueRows(body.purchaseOrderLines.map((l) => l.rowNumber), 'purchaseOrderLines');
    const existing = this.purchaseOrders.get(body.purchaseOrderNumber);
    if (existing && existing.status >= PO_STARTED) {
      throw new ApiError(400, `You may not update purchase order ${body.purchaseOrderNumber} since the warehouse has started receiving it (status ${existing.status}).`);
    }
    const previous = new Map(existing?.lines.map((l) => [l.rowNumber, l]));
    const lines = body.purchaseOrderLines.map((l) => ({
      id: previous.get(l.rowNumber)?.id ?? this.nextId.purchaseOrderLine++,
      rowNumber: l.rowNumber,
      articleNumber: l.articleNumber,
      ...(l.externalOrderLineId !== undefined ? { externalOrderLineId: l.externalOrderLineId } : {}),
      advised: l.numberOfItems,
      received: 0,
      reported: 0,
    }));
    if (existing) {
      Object.assign(existing, { body, lines });
      return { created: false, purchaseOrder: existing };
    }
    const purchaseOrder = { purchaseOrderId: this.nextId.purchaseOrder++, body, status: 100, statusChangedAt: this.now(), lines };
    this.purchaseOrders.set(body.purchaseOrderNumber, purchaseOrder);
    return { created: true, purchaseOrder };
  }

  purchaseOrder(number: string): SandboxPurchaseOrder {
    const po = this.purchaseOrders.get(number);
    if (!po) throw new ApiError(404, `Purchase order ${number} was not found.`);
    return po;
  }

  purchaseOrderById(id: number): SandboxPurchaseOrder {
    for (const po of this.purchaseOrders.values()) if (po.purchaseOrderId === id) return po;
    throw new ApiError(404, `Purchase order with id ${id} was not found.`);
  }

  cancelPurchaseOrder(number: string): SandboxPurchaseOrder {
    const po = this.purchaseOrder(number);
    if (po.status === PO_CANCELLED) throw new ApiError(400, `Purchase order ${number} has already been cancelled.`);
    if (po.status >= PO_STARTED) throw new ApiError(400, `Purchase order ${number} cannot be cancelled since receiving has started.`);
    po.status = PO_CANCELLED;
    po.statusChangedAt = this.now();
    return po;
  }

  /** Goods arrive: the given rows (or everything outstanding), stock up, status 300 (partly) or 500. */
  receive(number: string, lines?: { rowNumber: string; quantity: number }[]): SandboxPurchaseOrder {
    const po = this.purchaseOrder(number);
    if (po.status === PO_CANCELLED) throw new ApiError(400, `Purchase order ${number} is cancelled.`);
    const now = new Map(lines?.map((l) => [l.rowNumber, l.quantity]) ?? po.lines.map((l) => [l.rowNumber, Math.max(0, l.advised - l.received)]));
    for (const row of now.keys()) if (!po.lines.some((l) => l.rowNumber === row)) throw new ApiError(400, `Purchase order ${number} has no row ${row}.`, 'lines');
    for (const line of po.lines) {
      const quantity = now.get(line.rowNumber) ?? 0;
      line.received += quantity;
      const article = this.articles.get(line.articleNumber)!;
      article.numberOfItems += quantity;
      article.stockChangedAt = this.now();
    }
    po.status = po.lines.every((l) => l.received >= l.advised) ? 500 : 300;
    po.statusChangedAt = this.now();
    return po;
  }

  setStock(articleNumber: string, numberOfItems: number): SandboxArticle {
    const article = this.articles.get(articleNumber);
    if (!article) throw new ApiError(404, `Article ${articleNumber} was not found.`);
    article.numberOfItems = numberOfItems;
    article.stockChangedAt = this.now();
    return article;
  }

  /** What open orders hold of an article: ordered minus picked on orders not yet sent nor cancelled (§5.1 "sellable"). */
  booked(articleNumber: string): number {
    let booked = 0;
    for (const order of this.orders.values()) {
      if (order.status >= SHIPPED_FROM) continue;
      for (const line of order.lines) if (line.articleNumber === articleNumber) booked += Math.max(0, line.ordered - line.picked);
    }
    return booked;
  }
}

function uniqueRows(rows: string[], field: string): void {
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    if (seen.has(row)) throw new ApiError(400, `Row number ${row} is used more than once; every line needs a unique rowNumber.`, `${field}[${i}].rowNumber`);
    seen.add(row);
  });
}
