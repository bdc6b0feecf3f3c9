import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { Collection, lazyEntry } from '../../../src/connectors/sandbox/index.js';
import type { Address, Comment, StockChange, StockItem, Webhook } from '../api.js';
import type { quickProcessRequestSchema, stockPatchSchema, webhookRequestSchema } from '../api.js';
import { codPaymentMethodIds, paymentMethods } from './catalog.js';
import { formatTime, generateOrder, generateProduct, orderHead, orderLine, productHead, stockNumber } from './data.js';
import type { OrderContext, OrderStatus, ProductRecordWithStock, StoredOrder } from './data.js';
import { ApiError } from './errors.js';
import { applyTotals, round2 } from './totals.js';

/** A line as the control API takes it; the product's name, code and price are filled in. */
export interface LineInput {
  product_id: number;
  variation_id?: number | null;
  quantity?: number;
}

/** What the control API may set on an order. Lines are replaced whole (at most 9). */
export interface OrderChanges {
  status?: OrderStatus;
  lines?: LineInput[];
  shipping_address?: Partial<Address>;
  comments?: Pick<Comment, 'visibility' | 'text'>[];
  /** How many payments the order carries (quick-process needs exactly one). */
  payment_count?: number;
  payment_method_id?: number;
}

type PaymentAction = 'mark-as-paid' | 'mark-as-unpaid' | 'mark-as-cancelled' | 'activate';

/**
 * The in-memory MyCashflow store: products (with their stock items), orders, stock changes and
 * webhooks, with the rules the API applies when they change. Every change bumps `updated_at`,
 * which is what a connector's cursor follows.
 */
export class MycashflowStore {
  readonly products: Collection<ProductRecordWithStock>;
  readonly stock: Collection<StockItem>;
  readonly orders: Collection<StoredOrder>;
  readonly stockChanges = new Collection<StockChange>();
  readonly webhooks = new Map<string, Webhook>();
  private readonly stockByCode = new Map<string, StockItem>();
  private readonly ctx: OrderContext;
  readonly now: () => Date;

  constructor(options: { seed: number; products: number; orders: number; now: () => Date }) {
    this.now = options.now;
    const day = 86_400_000;
    // Anchored to the start of the day, so the same seed gives the same data all day long.
    const anchorMs = Math.floor(options.now().getTime() / day) * day;
    const { seed } = options;
    const productEntries = [];
    const stockEntries = [];
    for (let id = 1; id <= options.products; id++) {
      const head = productHead(seed, id, anchorMs);
      productEntries.push(lazyEntry(id, head.updatedMs, () => this.indexStock(generateProduct(seed, id, anchorMs))));
      for (const stockId of head.stockIds) {
        const find = () => this.product(id)?.stockItems.find((s) => s.id === stockId) as StockItem;
        stockEntries.push(lazyEntry(stockId, head.updatedMs, find));
      }
    }
    this.products = new Collection(productEntries);
    this.stock = new Collection(stockEntries);
    this.ctx = { seed, orders: options.orders, products: options.products, anchorMs, product: (id) => this.product(id) as ProductRecordWithStock };
    const orderEntries = [];
    for (let id = 1; id <= (options.products > 0 ? options.orders : 0); id++) {
      orderEntries.push(lazyEntry(id, orderHead(this.ctx, id).updatedMs, () => generateOrder(this.ctx, id)));
    }
    this.orders = new Collection(orderEntries);
  }

  product(id: number): ProductRecordWithStock | undefined {
    return this.products.get(id);
  }

  order(id: number): StoredOrder | undefined {
    return this.orders.get(id);
  }

  /** Stock items are keyed by product or variation code [V S33]. Codes end in the product id. */
  stockItem(code: string): StockItem | undefined {
    const productId = /-(\d+)(?:-\d+)?$/.exec(code)?.[1];
    if (!this.stockByCode.has(code) && productId) this.product(Number(productId));
    return this.stockByCode.get(code);
  }

  patchStock(code: string, patch: z.output<typeof stockPatchSchema>): StockItem {
    const item = this.stockItem(code);
    if (!item) throw new ApiError(404, `No stock item with code ${code}`);
    const before = Number(item.quantity);
    const { quantity, ...rest } = patch;
    Object.assign(item, rest);
    const at = this.now();
    if (quantity !== undefined && quantity !== before) {
      const reserved = Number(item.reserved);
      Object.assign(item, { quantity: stockNumber(quantity), balance: stockNumber(quantity - reserved) });
      this.stockChanges.add(this.stockChanges.lastId + 1, at.getTime(), {
        id: this.stockChanges.lastId + 1, changed_at: formatTime(at.getTime()), product_code: code,
        product_id: item.product_id, variation_id: item.variation_id,
        quantity_before: stockNumber(before), quantity: stockNumber(quantity), change: stockNumber(quantity - before),
      });
    }
    item.updated_at = formatTime(at.getTime());
    this.stock.touch(item.id, at.getTime());
    return item;
  }

  /** [V S33] exactly one payment; an open cash-on-delivery payment only when allowed. */
  quickProcess(id: number, request: z.output<typeof quickProcessRequestSchema>): StoredOrder {
    const order = this.openOrder(id);
    if (order.payments.length !== 1) {
      throw new ApiError(422, `Quick processing needs exactly one payment; order ${id} has ${order.payments.length}`);
    }
    const payment = order.payments[0] as StoredOrder['payments'][number];
    const openCod = codPaymentMethodIds.has(payment.payment_method_id) && payment.status === 'OPEN';
    if (openCod && !request.allow_open_cash_on_delivery_payments) {
      throw new ApiError(422, 'The order has an open cash on delivery payment; set allow_open_cash_on_delivery_payments');
    }
    const at = formatTime(this.now().getTime());
    // Klarna-style payments are activated when the order ships [I].
    if (payment.status === 'PENDING_ACTIVATION') Object.assign(payment, { status: 'PAID', is_paid: true, is_confirmed: true, updated_at: at });
    for (const shipment of order.shipments) {
      if (request.tracking_code !== undefined) shipment.tracking_code = request.tracking_code;
      this.completeShipmentAt(shipment, at);
    }
    for (const line of order.products) line.delivered_at = at;
    const data = { tracking_code: request.tracking_code ?? null, send_emails: request.send_emails ?? false };
    order.events.push({ created_at: at, code: 'order.quick_processed', message: 'Order quick processed', data });
    if (request.send_emails) order.events.push({ created_at: at, code: 'email.shipping_confirmation', message: `Sent to ${order.customer_information.email ?? ''}`, data: {} });
    return this.finish(order, 'completed');
  }

  /** Completes one shipment; once all are completed the order is [V S33]. */
  completeShipment(id: number, shipmentId: number): StoredOrder {
    const order = this.openOrder(id);
    const shipment = order.shipments.find((s) => s.id === shipmentId);
    if (!shipment) throw new ApiError(404, `Order ${id} has no shipment ${shipmentId}`);
    if (shipment.status === 'COMPLETED') throw new ApiError(422, `Shipment ${shipmentId} is already completed`);
    this.completeShipmentAt(shipment, formatTime(this.now().getTime()));
    return this.finish(order, order.shipments.every((s) => s.status === 'COMPLETED') ? 'completed' : 'open');
  }

  cancelOrder(id: number): StoredOrder {
    const order = this.openOrder(id);
    const at = formatTime(this.now().getTime());
    for (const p of order.payments) if (p.status !== 'PAID') Object.assign(p, { status: 'CANCELLED', updated_at: at });
    order.events.push({ created_at: at, code: 'order.cancelled', message: 'Order cancelled', data: {} });
    return this.finish(order, 'cancelled');
  }

  paymentAction(id: number, paymentId: number, action: PaymentAction): StoredOrder {
    const order = this.requireOrder(id);
    const payment = order.payments.find((p) => p.id === paymentId);
    if (!payment) throw new ApiError(404, `Order ${id} has no payment ${paymentId}`);
    if (action === 'activate' && payment.status !== 'PENDING_ACTIVATION') throw new ApiError(422, `Payment ${paymentId} needs no activation`);
    const status = { 'mark-as-paid': 'PAID', 'mark-as-unpaid': 'OPEN', 'mark-as-cancelled': 'CANCELLED', activate: 'PAID' }[action];
    Object.assign(payment, { status, is_paid: status === 'PAID', updated_at: formatTime(this.now().getTime()) });
    return this.finish(order, order.status);
  }

  /** A new order at the end of the id range, built by the generator and then shaped by `changes`. */
  createOrder(changes: OrderChanges = {}): StoredOrder {
    if (this.products.size === 0) throw new ApiError(422, 'The store has no products to order');
    const id = this.orders.lastId + 1;
    const order = generateOrder(this.ctx, id);
    const at = formatTime(this.now().getTime());
    Object.assign(order, { created_at: at, status: 'open' });
    order.events = [{ created_at: at, code: 'order.created', message: 'Order created', data: {} }];
    for (const s of order.shipments) Object.assign(s, { status: 'OPEN', tracking_code: null, completed_at: null, created_at: at });
    this.applyChanges(order, { payment_count: 1, ...changes });
    this.orders.add(id, this.now().getTime(), order);
    return this.finish(order, order.status);
  }

  /** Changes an order as a shop admin would; any status is allowed here. */
  updateOrder(id: number, changes: OrderChanges): StoredOrder {
    const order = this.requireOrder(id);
    this.applyChanges(order, changes);
    return this.finish(order, order.status);
  }

  addWebhook(request: z.output<typeof webhookRequestSchema>): Webhook {
    const webhook: Webhook = { uuid: randomUUID(), user_id: 1, topic: request.topic, url: request.url, expands: request.expands ?? [] };
    this.webhooks.set(webhook.uuid, webhook);
    return webhook;
  }

  private applyChanges(order: StoredOrder, changes: OrderChanges): void {
    const at = formatTime(this.now().getTime());
    if (changes.status) order.status = changes.status;
    if (changes.shipping_address) order.shipping_address = { ...order.shipping_address, ...changes.shipping_address };
    if (changes.comments) order.comments = changes.comments.map((c) => ({ ...c, order_id: order.id, created_at: at, user_id: null }));
    if (changes.lines) order.products = changes.lines.slice(0, 9).map((line, index) => this.line(order, line, index, at));
    if (changes.payment_method_id !== undefined) order.payment_method_id = changes.payment_method_id;
    applyTotals(order);
    if (changes.payment_count !== undefined || changes.payment_method_id !== undefined) {
      const method = paymentMethods.find((m) => m.id === order.payment_method_id) ?? paymentMethods[0];
      const count = changes.payment_count ?? order.payments.length;
      order.payments = Array.from({ length: count }, (_, i) => ({
        id: order.id * 10 + i + 1, order_id: order.id, payment_method_id: method?.id ?? 1, reference: `RF${order.id}${i + 1}`,
        amount: round2(Number(order.total) / count), currency: 'EUR', is_confirmed: method?.openStatus !== 'OPEN',
        is_paid: method?.openStatus === 'PAID', status: method?.openStatus ?? 'OPEN', created_at: at, updated_at: at,
      }));
    }
  }

  private line(order: StoredOrder, input: LineInput, index: number, at: string) {
    const record = this.product(input.product_id);
    if (!record) throw new ApiError(422, `No product ${input.product_id}`);
    const variation = record.variations.find((v) => v.id === input.variation_id);
    if (input.variation_id && !variation) throw new ApiError(422, `Product ${input.product_id} has no variation ${input.variation_id}`);
    return orderLine({ orderId: order.id, index, record, variation, quantity: input.quantity ?? 1, at, shipmentId: order.shipments[0]?.id ?? null });
  }

  private completeShipmentAt(shipment: StoredOrder['shipments'][number], at: string): void {
    Object.assign(shipment, { status: 'COMPLETED', completed_at: at, updated_at: at });
  }

  private finish(order: StoredOrder, status: OrderStatus): StoredOrder {
    const now = this.now().getTime();
    Object.assign(order, { status, updated_at: formatTime(now) });
    if (this.orders.get(order.id)) this.orders.touch(order.id, now);
    return order;
  }

  private requireOrder(id: number): StoredOrder {
    const order = this.order(id);
    if (!order) throw new ApiError(404, `No order ${id}`);
    return order;
  }

  /** Actions on an order the shop has closed are refused [G: status code and wording]. */
  private openOrder(id: number): StoredOrder {
    const order = this.requireOrder(id);
    if (order.status !== 'open') throw new ApiError(422, `Order ${id} is ${order.status}`);
    return order;
  }

  private indexStock(record: ProductRecordWithStock): ProductRecordWithStock {
    for (const item of record.stockItems) this.stockByCode.set(item.code, item);
    return record;
  }
}
