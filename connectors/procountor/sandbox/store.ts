import { Collection, lazyEntry } from '../../../src/connectors/sandbox/index.js';
import type { Address, CounterParty, DeliveryMethod, Invoice, InvoiceStatus, InvoiceType, Language, Product } from '../api.js';
import { ApiError } from './errors.js';
import { generateInvoice, invoiceHead, productRow, sumInfo } from './invoice-data.js';
import type { InvoiceContext, InvoiceHead } from './invoice-data.js';
import { actionRules, checkAction, checkEditable, checkInvoiceBody } from './invoice-rules.js';
import type { ActionName } from './invoice-rules.js';
import { generateProduct, productType, productVersionMs } from './product-data.js';
import { day, formatDate, formatDatetime, parseDatetime } from './time.js';

/** A row as the control API takes it: a product and a quantity, or a free-text row without a product. */
export interface RowInput {
  productId?: number | null;
  quantity?: number;
  product?: string;
  productCode?: string | null;
}

/** What the control API may set on an invoice (any status, unlike the API). Rows are replaced whole. */
export interface InvoiceChanges {
  type?: InvoiceType;
  status?: InvoiceStatus;
  isOffer?: boolean;
  rows?: RowInput[];
  counterParty?: Partial<Omit<CounterParty, 'counterPartyAddress'>> & { counterPartyAddress?: Partial<Address> };
  notes?: string | null;
  orderReference?: string | null;
  deliveryInstructions?: string | null;
  deliveryMethod?: DeliveryMethod | null;
  language?: Language | null;
  paymentMethod?: string;
}

export type ProductChanges = Partial<Pick<Product, 'name' | 'code' | 'unit' | 'price' | 'currency' | 'active' | 'vat' | 'discount'>>;

/** One successful write through the API: tests check that a report was written exactly once. */
export interface WriteRecord {
  at: string;
  invoiceId: number;
  action: ActionName | 'put';
  from: InvoiceStatus;
  to: InvoiceStatus;
  version: string;
}

/**
 * The in-memory Procountor company: the product register and the invoices (sales orders and
 * purchase orders among them), with the rules the API applies when they change. Every change
 * moves `version` forward, which is what a connector's change filter follows.
 */
export class ProcountorStore {
  readonly products: Collection<Product>;
  /** Invoice heads: what searches filter and sort on, kept in step with the invoices. */
  readonly invoices: Collection<InvoiceHead>;
  readonly writes: WriteRecord[] = [];
  private readonly built = new Map<number, Invoice>();
  private readonly ctx: InvoiceContext;
  private nextRowId = 100_000_000;
  private nextLedgerReceiptId = 900_000;
  private lastStampMs = 0;

  constructor(options: { seed: number; products: number; invoices: number; now: () => Date }, readonly now = options.now) {
    // Anchored to the start of the day, so the same seed gives the same data all day long.
    const anchorMs = Math.floor(options.now().getTime() / day) * day;
    const { seed } = options;
    const productIds = { sales: [] as number[], purchase: [] as number[] };
    const productEntries = [];
    for (let id = 1; id <= options.products; id++) {
      const type = productType(id);
      if (type !== 'TRAVEL') productIds[type === 'SALES' ? 'sales' : 'purchase'].push(id);
      productEntries.push(lazyEntry(id, productVersionMs(seed, id, anchorMs), () => generateProduct(seed, id, anchorMs)));
    }
    this.products = new Collection(productEntries);
    this.ctx = { seed, count: options.invoices, anchorMs, productIds, product: (id) => this.products.get(id) as Product };
    const heads = [];
    for (let id = 1; id <= options.invoices; id++) {
      const head = invoiceHead(this.ctx, id);
      heads.push({ id, updatedMs: head.versionMs, value: head });
    }
    this.invoices = new Collection(heads);
  }

  product(id: number): Product | undefined {
    return this.products.get(id);
  }

  /** The full invoice, built from its seed the first time it is read. */
  invoice(id: number): Invoice | undefined {
    if (!this.invoices.get(id)) return undefined;
    let invoice = this.built.get(id);
    if (!invoice) {
      invoice = generateInvoice(this.ctx, id);
      this.built.set(id, invoice);
    }
    return invoice;
  }

  updateProduct(id: number, changes: ProductChanges): Product {
    const product = this.product(id);
    if (!product) throw new ApiError(404, `No product ${id}`);
    Object.assign(product, changes);
    const versionMs = this.stamp(parseDatetime(product.version) ?? 0);
    product.version = formatDatetime(versionMs);
    this.products.touch(id, versionMs);
    return product;
  }

  /** A new invoice at the end of the id range, UNFINISHED unless `changes` say otherwise. */
  createInvoice(changes: InvoiceChanges = {}): Invoice {
    const id = this.invoices.lastId + 1;
    const invoice = generateInvoice(this.ctx, id);
    const nowMs = this.now().getTime();
    Object.assign(invoice, { status: 'UNFINISHED', created: formatDatetime(nowMs), date: formatDate(nowMs), dueDate: formatDate(nowMs + 14 * day) });
    this.applyChanges(invoice, changes);
    this.built.set(id, invoice);
    // changed() below stamps the version and copies type, status and date into the head.
    this.invoices.add(id, nowMs, { ...invoiceHead(this.ctx, id), createdMs: nowMs, versionMs: 0 });
    return this.changed(invoice);
  }

  /** Changes an invoice as a Procountor user would in the UI; any status is allowed here. */
  updateInvoice(id: number, changes: InvoiceChanges): Invoice {
    const invoice = this.requireInvoice(id);
    this.applyChanges(invoice, changes);
    return this.changed(invoice);
  }

  /** `PUT /invoices/{id}`: a full overwrite with optimistic locking on `version` [V P-OAS, P-DEV-rel 24.02]. */
  putInvoice(id: number, body: Invoice): Invoice {
    const current = this.requireInvoice(id);
    checkEditable(current);
    if (body.version !== current.version) throw new ApiError(400, `Stale version: the invoice was changed at ${current.version}`, 'version');
    checkInvoiceBody(body, current);
    for (const [i, row] of body.invoiceRows.entries()) {
      if (row.productId != null && !this.product(row.productId)) throw new ApiError(400, `No product ${row.productId}`, `invoiceRows[${i}].productId`);
    }
    const rowIds = new Set(current.invoiceRows.map((r) => r.id));
    const next: Invoice = {
      ...body,
      // Server-owned: PUT cannot change these [V P-OAS: status; G: the rest].
      id: current.id, type: current.type, status: current.status, invoiceNumber: current.invoiceNumber,
      created: current.created, creatorId: current.creatorId, isOffer: current.type === 'SALES_ORDER' ? body.isOffer ?? false : null,
      // The update can re-create the linked ledger receipt with a new id [V P-OAS].
      ledgerReceiptId: this.nextLedgerReceiptId++,
      invoiceRows: body.invoiceRows.map((row) => ({ ...row, id: row.id != null && rowIds.has(row.id) ? row.id : this.nextRowId++ })),
    };
    next.invoiceSumInfo = sumInfo(next);
    this.built.set(id, next);
    return this.record(current.status, this.changed(next), 'put');
  }

  /** `PUT /invoices/{id}/{action}`: a status change by the A6 rules, or new notes. */
  applyAction(id: number, name: ActionName, options: { salesOrdersCanBeSent: boolean; notes?: string }): Invoice {
    const invoice = this.requireInvoice(id);
    const from = invoice.status;
    invoice.status = checkAction(actionRules(options.salesOrdersCanBeSent)[name], name, invoice);
    if (name === 'notes') invoice.notes = options.notes ?? null;
    return this.record(from, this.changed(invoice), name);
  }

  private applyChanges(invoice: Invoice, changes: InvoiceChanges): void {
    const { rows, counterParty, paymentMethod, ...plain } = changes;
    Object.assign(invoice, plain);
    if (counterParty) {
      const { counterPartyAddress, ...party } = counterParty;
      invoice.counterParty = { ...invoice.counterParty, ...party, counterPartyAddress: { ...invoice.counterParty.counterPartyAddress, ...counterPartyAddress } };
    }
    if (paymentMethod !== undefined) invoice.paymentInfo = { ...invoice.paymentInfo, paymentMethod };
    if (rows) invoice.invoiceRows = rows.map((row) => this.row(row));
    invoice.invoiceSumInfo = sumInfo(invoice);
  }

  private row(input: RowInput) {
    const rowId = this.nextRowId++;
    const quantity = input.quantity ?? 1;
    if (input.productId == null) {
      const free = { id: null, name: input.product ?? 'Vapaa rivi', code: input.productCode ?? null, unit: 'PIECE', price: 0, vat: 25.5 };
      return productRow(free, rowId, quantity);
    }
    const product = this.product(input.productId);
    if (!product) throw new ApiError(400, `No product ${input.productId}`, 'rows.productId');
    const row = productRow(product, rowId, quantity);
    if (input.product !== undefined) row.product = input.product;
    if (input.productCode !== undefined) row.productCode = input.productCode;
    return row;
  }

  /** Bumps the version and moves the head to its new place in version order. */
  private changed(invoice: Invoice): Invoice {
    const head = this.invoices.get(invoice.id) as InvoiceHead;
    const versionMs = this.stamp(head.versionMs);
    invoice.version = formatDatetime(versionMs);
    Object.assign(head, {
      type: invoice.type, status: invoice.status, isOffer: invoice.isOffer === true, versionMs, date: invoice.date ?? head.date,
      partnerId: invoice.partnerId ?? head.partnerId,
    });
    this.invoices.touch(invoice.id, versionMs);
    return invoice;
  }

  /**
   * A new version time: the clock's now, but after the record's previous version and after every
   * stamp given before, so each change is seen by a change filter even when the clock stands still.
   */
  private stamp(previousMs: number): number {
    this.lastStampMs = Math.max(this.now().getTime(), previousMs + 1, this.lastStampMs + 1);
    return this.lastStampMs;
  }

  private record(from: InvoiceStatus, invoice: Invoice, action: WriteRecord['action']): Invoice {
    this.writes.push({ at: formatDatetime(this.now().getTime()), invoiceId: invoice.id, action, from, to: invoice.status, version: invoice.version });
    return invoice;
  }

  private requireInvoice(id: number): Invoice {
    const invoice = this.invoice(id);
    if (!invoice) throw new ApiError(404, `Invoice ${id} not found`);
    return invoice;
  }
}
