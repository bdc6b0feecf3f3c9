import { createRandom, deriveSeed } from '../../../src/connectors/sandbox/index.js';
import type { Random } from '../../../src/connectors/sandbox/index.js';
import type { DeliveryMethod, Invoice, InvoiceRow, InvoiceStatus, InvoiceType, Product } from '../api.js';
import { deliveryInstructionTexts, orderNotes, paymentMethods } from './catalog.js';
import { customer, customerCount, supplier, supplierBase, supplierCount } from './parties.js';
import { kinds, round2 } from './product-data.js';
import { day, formatDate, formatDatetime } from './time.js';

/**
 * Seeded generator of invoices, sales orders and purchase orders. The first draws of an
 * invoice's stream (its head) give what searches filter and sort on, so that the store can index
 * 10,000 invoices at start and build each one only when a request first reads it.
 */
export interface InvoiceHead {
  id: number;
  type: InvoiceType;
  status: InvoiceStatus;
  isOffer: boolean;
  createdMs: number;
  versionMs: number;
  /** Billing date "YYYY-MM-DD". */
  date: string;
  partnerId: number;
  invoiceNumber: number;
}

export interface InvoiceContext {
  seed: number;
  /** How many invoices are generated: they spread over the 60 days before the anchor. */
  count: number;
  anchorMs: number;
  /** Rows of sales documents refer to SALES products, of purchase documents to PURCHASE ones. */
  productIds: { sales: number[]; purchase: number[] };
  product: (id: number) => Product;
}

const isPurchase = (type: InvoiceType) => type === 'PURCHASE_ORDER' || type === 'PURCHASE_INVOICE';

/** Statuses per type, with weights; STARTED/INVOICED on orders are [U] in the notes. */
const statusMix: Record<string, [InvoiceStatus, number][]> = {
  SALES_ORDER: [['UNFINISHED', 0.75], ['STARTED', 0.05], ['SENT', 0.1], ['INVOICED', 0.1]],
  PURCHASE_ORDER: [['UNFINISHED', 0.6], ['RECEIVED', 0.25], ['APPROVED', 0.15]],
  SALES_INVOICE: [['UNFINISHED', 0.1], ['NOT_SENT', 0.15], ['SENT', 0.4], ['PAID', 0.3], ['MARKED_PAID', 0.05]],
  PURCHASE_INVOICE: [['RECEIVED', 0.3], ['APPROVED', 0.4], ['PAID', 0.3]],
  TRAVEL_INVOICE: [['UNFINISHED', 0.3], ['RECEIVED', 0.3], ['APPROVED', 0.4]],
};

function weighted<T>(random: Random, mix: [T, number][]): T {
  let r = random.next();
  for (const [value, weight] of mix) if ((r -= weight) < 0) return value;
  return (mix.at(-1) as [T, number])[0];
}

/** Orders dominate, so that the flows have work; sales invoices are there to be left alone. */
const typeMix: [InvoiceType, number][] = [
  ['SALES_ORDER', 0.45], ['PURCHASE_ORDER', 0.2], ['SALES_INVOICE', 0.25], ['PURCHASE_INVOICE', 0.08], ['TRAVEL_INVOICE', 0.02],
];

function start(ctx: Omit<InvoiceContext, 'product' | 'productIds'>, id: number) {
  const random = createRandom(deriveSeed(ctx.seed, kinds.invoice, id));
  const type = weighted(random, typeMix);
  const status = weighted<InvoiceStatus>(random, statusMix[type] ?? [['UNFINISHED', 1]]);
  const isOffer = type === 'SALES_ORDER' && random.chance(0.05);
  const slot = (60 * day) / Math.max(1, ctx.count);
  const createdMs = Math.floor(ctx.anchorMs - 60 * day + (id - 1) * slot + random.next() * slot);
  const untouched = status === 'UNFINISHED' && random.chance(0.6);
  const versionMs = untouched ? createdMs : Math.min(ctx.anchorMs, createdMs + random.int(60_000, 3 * day));
  const partnerId = isPurchase(type) ? supplierBase + random.int(0, supplierCount - 1) : random.int(1, customerCount);
  return { random, type, status, isOffer, createdMs, versionMs, partnerId };
}

const toHead = (id: number, { type, status, isOffer, createdMs, versionMs, partnerId }: ReturnType<typeof start>): InvoiceHead =>
  ({ id, type, status, isOffer, createdMs, versionMs, partnerId, date: formatDate(createdMs), invoiceNumber: 10_000 + id });

export const invoiceHead = (ctx: Omit<InvoiceContext, 'product' | 'productIds'>, id: number): InvoiceHead => toHead(id, start(ctx, id));

/** Quantities that fit the unit: halves of a kilogram or litre, whole pieces; purchase orders buy more. */
function quantity(random: Random, unit: string | null | undefined, purchase: boolean): number {
  const scale = purchase ? 10 : 1;
  if (unit === 'KILOGRAM' || unit === 'LITER') return (random.int(1, 8) * scale) / 2;
  if (unit === 'METER') return random.int(1, 25) * scale;
  return random.int(1, purchase ? 20 : 4) * scale;
}

/** What a row copies from its product; `id` null for a free-text row. */
export type RowSource = Pick<Product, 'name' | 'code' | 'unit' | 'price' | 'vat'> & { id: number | null };

/** A row for a product, with the product's name, code, unit, price and VAT as they are now. */
export function productRow(product: RowSource, rowId: number, qty: number, discountPercent = 0): InvoiceRow {
  return {
    id: rowId, productId: product.id, product: product.name, productCode: product.code ?? null, quantity: qty,
    unit: product.unit ?? 'PIECE', unitPrice: product.price ?? 0, discountPercent, vatPercent: product.vat ?? 0,
    vatStatus: 1, comment: null, startDate: null, endDate: null, headerText: null, explanationText: null,
  };
}

/** invoiceSumInfo from the rows, in the invoice's currency [V P-OAS field names]. */
export function sumInfo(invoice: Pick<Invoice, 'invoiceRows' | 'paymentInfo'>): Invoice['invoiceSumInfo'] {
  let net = 0;
  let vat = 0;
  for (const row of invoice.invoiceRows) {
    const rowNet = row.quantity * (row.unitPrice ?? 0) * (1 - (row.discountPercent ?? 0) / 100);
    net += rowNet;
    vat += (rowNet * (row.vatPercent ?? 0)) / 100;
  }
  const currency = invoice.paymentInfo.currency ?? 'EUR';
  return [{ currency, inAccountingCurrency: currency === 'EUR', excludingVatTotal: round2(net), vatSumTotal: round2(vat), invoiceSumTotal: round2(net + vat) }];
}

const salesDelivery: DeliveryMethod[] = ['COURIER', 'COURIER', 'MAILING', 'RETRIEVABLE', 'FREIGHT', 'BUS'];
const purchaseDelivery: DeliveryMethod[] = ['FREIGHT', 'COURIER', 'VRCARGO', 'OTHER'];

export function generateInvoice(ctx: InvoiceContext, id: number): Invoice {
  const started = start(ctx, id);
  const head = toHead(id, started);
  const { random } = started;
  const purchase = isPurchase(head.type);
  const party = purchase ? supplier(ctx.seed, head.partnerId) : customer(ctx.seed, head.partnerId);
  const ids = purchase && ctx.productIds.purchase.length ? ctx.productIds.purchase : ctx.productIds.sales;
  const rows = ids.length === 0 ? [] : Array.from({ length: random.int(1, 4) }, (_, i) => {
    const product = ctx.product(random.pick(ids));
    const discount = !purchase && random.chance(0.1) ? random.pick([5, 10]) : 0;
    return productRow(product, id * 100 + i + 1, quantity(random, product.unit, purchase), discount);
  });
  const { counterPartyAddress } = party.counterParty;
  const deliveryElsewhere = !purchase && random.chance(0.15);
  const invoice: Invoice = {
    id: head.id, partnerId: head.partnerId, type: head.type, status: head.status, invoiceNumber: head.invoiceNumber,
    originalInvoiceNumber: purchase ? `${random.int(100_000, 999_999)}` : random.chance(0.3) ? `WEB-${random.int(10_000, 99_999)}` : null,
    invoiceChannel: purchase ? 'ELECTRONIC_INVOICE' : random.pick(['EMAIL', 'ELECTRONIC_INVOICE', 'MAIL'] as const),
    date: head.date, dueDate: formatDate(head.createdMs + 14 * day), newDueDate: null,
    created: formatDatetime(head.createdMs), version: formatDatetime(head.versionMs), creatorId: 1,
    counterParty: party.counterParty, isOffer: head.type === 'SALES_ORDER' ? head.isOffer : null,
    ledgerReceiptId: 50_000 + id,
    billingAddress: { ...counterPartyAddress },
    deliveryAddress: deliveryElsewhere ? { ...counterPartyAddress, street: `Varastotie ${random.int(1, 30)}` } : { ...counterPartyAddress },
    paymentInfo: {
      paymentMethod: random.pick(paymentMethods), currency: party.currency, bankAccount: { accountNumber: 'FI2112345600000785', bic: 'NDEAFIHH' },
      dueDate: formatDate(head.createdMs + 14 * day), currencyRate: 1, bankReferenceCode: `RF${random.chars(10, '0123456789')}`,
      bankReferenceCodeType: 'RF', clearingCode: null,
    },
    deliveryTermsInfo: purchase ? { name: 'FCA', municipality: counterPartyAddress.city ?? null } : null,
    extraInfo: { accountingByRow: false, unitPricesIncludeVat: false },
    discountPercent: 0,
    orderReference: random.chance(0.5) ? `${purchase ? 'PO' : 'Tilaus'}-${random.int(1000, 9999)}` : null,
    invoiceRows: rows,
    vatStatus: 1,
    deliveryMethod: purchase ? random.pick(purchaseDelivery) : random.pick(salesDelivery),
    deliveryInstructions: random.pick(deliveryInstructionTexts) || null,
    language: party.language,
    vatCountry: 'FINLAND',
    additionalInformation: purchase ? null : random.chance(0.3) ? 'Kiitos tilauksesta!' : null,
    notes: random.pick(orderNotes) || null,
  };
  invoice.invoiceSumInfo = sumInfo(invoice);
  return invoice;
}
