import type { OrderState } from '../api.js';
import { generate } from './data.js';
import type { WireCompany, WireOrder, WireProduct, WireRow } from './data.js';

/*
 * The simulator's data and its rules (notes B4–B6, B9): change filters on DateChanged (strictly
 * after), every save or status change stamps DateChanged with the data clock, an invoiced order
 * cannot be changed through SaveInvoices, setting Invoiced gives an InvoiceId.
 */

export interface StoreOptions {
  seed: number;
  now: () => Date;
  products: number;
  companies: number;
  orders: number;
}

/** What one saved item answers: the saved order, or the item with its APIException. */
export type SaveOutcome = { ok: true; order: WireOrder } | { ok: false; item: Partial<WireOrder>; message: string; type: string };

export interface RowChange extends Partial<WireRow> {
  ChangeState?: 'None' | 'Add' | 'Edit' | 'Delete';
}
export type OrderChange = Partial<Omit<WireOrder, 'InvoiceRows'>> & { InvoiceRows?: RowChange[] };

const after = (date: Date, from: Date | undefined) => from === undefined || date.getTime() > from.getTime();
const invoicedStates: readonly OrderState[] = ['Invoiced', 'InvoicedCashAccount', 'InvoicedPack'];

export class TwentyFourSevenStore {
  readonly products = new Map<number, WireProduct>();
  readonly companies = new Map<number, WireCompany>();
  readonly orders = new Map<number, WireOrder>();
  /** When each order was registered (GetOrderSyncList's RegisteredAfter); not an InvoiceOrder member. */
  readonly registered = new Map<number, Date>();
  readonly stockWrites: { productId: number; quantity: number; at: Date }[] = [];
  private readonly now: () => Date;
  private nextInvoiceId = 70001;

  constructor(options: StoreOptions) {
    this.now = options.now;
    const data = generate(options.seed, options.now(), options);
    for (const p of data.products) this.products.set(p.Id, p);
    for (const c of data.companies) this.companies.set(c.Id, c);
    for (const o of data.orders) {
      if (invoicedStates.includes(o.OrderStatus)) Object.assign(o, { InvoiceId: this.nextInvoiceId++, DateInvoiced: o.DateChanged });
      this.orders.set(o.OrderId, o);
      this.registered.set(o.OrderId, o.DateOrdered);
    }
  }

  findProducts(search: { Id?: number; CategoryId?: number; No?: string; EAN1?: string; Name?: string; DateChanged?: Date; ProductIds: number[] }): WireProduct[] {
    return [...this.products.values()].filter(
      (p) =>
        (search.Id === undefined || p.Id === search.Id) &&
        (search.CategoryId === undefined || p.CategoryId === search.CategoryId) &&
        (search.No === undefined || p.No === search.No) &&
        (search.EAN1 === undefined || p.EAN1 === search.EAN1) &&
        (search.Name === undefined || p.Name.toLowerCase().includes(search.Name.toLowerCase())) &&
        after(p.DateChanged, search.DateChanged) &&
        (search.ProductIds.length === 0 || search.ProductIds.includes(p.Id)),
    );
  }

  /** SetStockQuantity: an absolute quantity; false for a product that does not exist [U B5: false or a fault]. */
  setStock(productId: number, quantity: number): boolean {
    const product = this.products.get(productId);
    if (!product) return false;
    product.Stock = quantity;
    product.DateChanged = this.now();
    this.stockWrites.push({ productId, quantity, at: product.DateChanged });
    return true;
  }

  orderSyncList(changedAfter: Date | undefined, registeredAfter: Date | undefined): number[] {
    return [...this.orders.values()].filter((o) => after(o.DateChanged, changedAfter) && after(this.registered.get(o.OrderId)!, registeredAfter)).map((o) => o.OrderId);
  }

  findOrders(search: { CustomerIds: number[]; ChangedAfter?: Date; OrderStates: string[]; InvoiceIds: number[]; OrderIds: number[]; ExternalStatus: number[] }): WireOrder[] {
    return [...this.orders.values()].filter(
      (o) =>
        (search.CustomerIds.length === 0 || search.CustomerIds.includes(o.CustomerId)) &&
        after(o.DateChanged, search.ChangedAfter) &&
        (search.OrderStates.length === 0 || search.OrderStates.includes(o.OrderStatus)) &&
        (search.InvoiceIds.length === 0 || (o.InvoiceId !== undefined && search.InvoiceIds.includes(o.InvoiceId))) &&
        (search.OrderIds.length === 0 || search.OrderIds.includes(o.OrderId)) &&
        (search.ExternalStatus.length === 0 || (o.ExternalStatus !== undefined && search.ExternalStatus.includes(o.ExternalStatus))),
    );
  }

  /** SaveInvoices for one item: create without OrderId, else update what is given; rows by ChangeState (Add, Edit, Delete). */
  saveOrder(change: OrderChange): SaveOutcome {
    const now = this.now();
    if (change.OrderId === undefined) return this.createOrder(change);
    const order = this.orders.get(change.OrderId);
    if (!order) return { ok: false, item: change as Partial<WireOrder>, message: `Order ${change.OrderId} does not exist`, type: 'ValidationException' };
    if (invoicedStates.includes(order.OrderStatus)) {
      return { ok: false, item: change as Partial<WireOrder>, message: 'The order is invoiced and can no longer be changed', type: 'ValidationException' };
    }
    const { InvoiceRows: rows, OrderId: _id, ...header } = change;
    Object.assign(order, Object.fromEntries(Object.entries(header).filter(([, v]) => v !== undefined)));
    if (rows) order.InvoiceRows = applyRows(order.InvoiceRows, rows);
    if (invoicedStates.includes(order.OrderStatus)) Object.assign(order, { InvoiceId: this.nextInvoiceId++, DateInvoiced: now });
    order.DateChanged = now;
    return { ok: true, order };
  }

  createOrder(change: OrderChange): SaveOutcome {
    const customer = change.CustomerId === undefined ? undefined : this.companies.get(change.CustomerId);
    if (!customer) return { ok: false, item: change as Partial<WireOrder>, message: `Customer ${change.CustomerId ?? '(none)'} does not exist`, type: 'ValidationException' };
    const now = this.now();
    const OrderId = Math.max(10000, ...this.orders.keys()) + 1;
    const { InvoiceRows: rows = [], ...header } = change;
    const order: WireOrder = {
      CustomerName: customer.Name, CustomerDeliveryName: customer.Name, Addresses: { Delivery: customer.Addresses.Post, Invoice: customer.Addresses.Invoice }, OrderStatus: 'Draft',
      ...Object.fromEntries(Object.entries(header).filter(([, v]) => v !== undefined)),
      OrderId, CustomerId: customer.Id, DateOrdered: now, DateChanged: now, InvoiceRows: applyRows([], rows.map((r) => ({ ...r, ChangeState: 'Add' as const }))),
    };
    if (invoicedStates.includes(order.OrderStatus)) Object.assign(order, { InvoiceId: this.nextInvoiceId++, DateInvoiced: now });
    this.orders.set(OrderId, order);
    this.registered.set(OrderId, now);
    return { ok: true, order };
  }

  findCompanies(search: { CompanyId?: number; CompanyIds: number[]; CompanyName?: string; ExternalId?: string; ChangedAfter?: Date }): WireCompany[] {
    return [...this.companies.values()].filter(
      (c) =>
        (search.CompanyId === undefined || c.Id === search.CompanyId) &&
        (search.CompanyIds.length === 0 || search.CompanyIds.includes(c.Id)) &&
        (search.CompanyName === undefined || c.Name.toLowerCase().includes(search.CompanyName.toLowerCase())) &&
        (search.ExternalId === undefined || c.ExternalId === search.ExternalId) &&
        after(c.DateChanged, search.ChangedAfter),
    );
  }

  /** A change made in 24SevenOffice's own UI (tests and demos): stamps DateChanged. */
  touch<T extends { DateChanged: Date }>(record: T, change: Partial<T>): T {
    Object.assign(record, change, { DateChanged: this.now() });
    return record;
  }
}

function applyRows(rows: WireRow[], changes: RowChange[]): WireRow[] {
  const next = rows.map((r) => ({ ...r }));
  for (const { ChangeState, ...row } of changes) {
    if (ChangeState === 'Add' || row.RowId === undefined) next.push({ Quantity: 0, ...row, RowId: Math.max(0, ...next.map((r) => r.RowId)) + 1 });
    else if (ChangeState === 'Delete') next.splice(next.findIndex((r) => r.RowId === row.RowId) >>> 0, 1);
    else if (ChangeState === 'Edit') Object.assign(next.find((r) => r.RowId === row.RowId) ?? {}, row);
  }
  return next;
}
