import type { Brand, Comment, Order, OrderLine, Payment, Product, Shipment, StockItem, Translation, Variation } from '../api.js';
import { createRandom, deriveSeed, pickPerson } from '../../../src/connectors/sandbox/index.js';
import type { Random } from '../../../src/connectors/sandbox/index.js';
import { brands, catalog, models, paymentMethods, privateComments, publicComments, shippingMethods, supplierIds } from './catalog.js';
import { applyTotals, round2 } from './totals.js';

/**
 * Seeded generator of a MyCashflow store. Each record draws from its own stream (seed + kind + id),
 * so product 7 is the same whether the store holds 10 products or 100,000. A record's first draws
 * (its "head") give its update time cheaply, so that the store can sort 100,000 records at start
 * and build each one only when a request first reads it.
 */

export type OrderStatus = 'open' | 'completed' | 'cancelled';

/** A product as stored: the wire fields, plus what `expand` adds, kept apart. */
export interface ProductRecord {
  product: Product;
  variations: Variation[];
  translations: Translation[];
  brand: Brand | null;
}

/** An order as stored: status in lower case (served in the configured casing), sub-lists filled. */
export type StoredOrder = Order & {
  status: OrderStatus;
  products: OrderLine[];
  shipments: Shipment[];
  payments: Payment[];
  comments: Comment[];
  events: NonNullable<Order['events']>;
};

/** A product as stored, with the stock items of the product or of its variations. */
export interface ProductRecordWithStock extends ProductRecord {
  stockItems: StockItem[];
}

/** What the store needs up front to sort a record; the rest is generated when first read. */
export interface Head {
  id: number;
  updatedMs: number;
}

const day = 86_400_000;
const kinds = { product: 1, order: 2 };

/** "2024-05-04T12:34:56+00:00": seconds, with an offset [G: exact format unverified]. */
export const formatTime = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', '+00:00');

/** Stock quantities as decimal strings, as S33 types them [I]. */
export const stockNumber = (n: number): string => n.toFixed(3);

/** Stock item ids follow the product: id*10 for a plain product, the variation id otherwise. */
const stockIds = (id: number, variations: number) =>
  variations === 0 ? [id * 10] : Array.from({ length: variations }, (_, i) => id * 10 + i + 1);

/** The first draws of a product's stream: enough to sort it and to list its stock items. */
function startProduct(seed: number, id: number, anchorMs: number) {
  const random = createRandom(deriveSeed(seed, kinds.product, id));
  const item = random.pick(catalog);
  const model = random.pick(models);
  const createdMs = anchorMs - random.int(1, 365 * day);
  const updatedMs = Math.floor(createdMs + random.next() * (anchorMs - createdMs));
  const variationCount = item.options.length && random.chance(0.4) ? random.int(1, Math.min(4, item.options.length)) : 0;
  return { random, item, model, createdMs, updatedMs, variationCount };
}

export function productHead(seed: number, id: number, anchorMs: number): Head & { stockIds: number[] } {
  const { updatedMs, variationCount } = startProduct(seed, id, anchorMs);
  return { id, updatedMs, stockIds: stockIds(id, variationCount) };
}

export function generateProduct(seed: number, id: number, anchorMs: number): ProductRecordWithStock {
  const { random, item, model, createdMs, updatedMs, variationCount } = startProduct(seed, id, anchorMs);
  const updated = formatTime(updatedMs);
  const code = `${item.names.en.slice(0, 3).toUpperCase()}-${String(id).padStart(5, '0')}`;
  const price = random.price(...item.price);
  const product: Product = {
    id,
    created_at: formatTime(createdMs),
    updated_at: updated,
    product_code: code,
    supplier_code: `SUP-${random.chars(6)}`,
    name: `${item.names.fi} ${model}`,
    description: `<p>${item.names.fi} ${model}, laadukas ja kestävä.</p>`,
    information: '',
    price,
    purchase_price: round2(price * 0.45),
    vat_rate: item.vatRate,
    weight: round2(item.weight[0] + random.next() * (item.weight[1] - item.weight[0])),
    brand_id: random.chance(0.3) ? random.pick(brands).id : null,
    supplier_id: random.pick(supplierIds),
    barcode: `64${random.chars(11, '0123456789')}`,
    visibilities: [{ version_id: 1, is_visible: true }],
  };
  const ids = stockIds(id, variationCount);
  const variations = item.options.slice(0, variationCount).map(
    (option, i): Variation => ({
      id: ids[i] ?? 0,
      created_at: product.created_at,
      updated_at: updated,
      product_id: id,
      sort: i + 1,
      name: option,
      product_code: `${code}-${i + 1}`,
      price: random.chance(0.3) ? round2(price + 5) : price,
      purchase_price: product.purchase_price,
      weight: product.weight,
    }),
  );
  const translations = (['fi', 'sv', 'en'] as const).map((language) => ({
    language,
    name: `${item.names[language]} ${model}`,
    description: '',
    information: '',
  }));
  const stockItems = variations.length
    ? variations.map((v) => generateStockItem(random, v.id, v.product_code ?? '', id, v.id, product))
    : [generateStockItem(random, id * 10, code, id, null, product)];
  const brand = brands.find((b) => b.id === product.brand_id) ?? null;
  return { product, variations, translations, brand, stockItems };
}

function generateStockItem(random: Random, id: number, code: string, productId: number, variationId: number | null, product: Product): StockItem {
  const quantity = random.int(0, 200);
  const reserved = Math.min(quantity, random.int(0, 5));
  return {
    id,
    created_at: product.created_at,
    updated_at: product.updated_at,
    sku: code,
    barcode: variationId ? `64${random.chars(11, '0123456789')}` : product.barcode,
    location: `${random.pick(['A', 'B', 'C'])}-${random.int(1, 40)}`,
    enabled: true,
    quantity: stockNumber(quantity),
    balance: stockNumber(quantity - reserved),
    reserved: stockNumber(reserved),
    code,
    product_id: productId,
    variation_id: variationId,
    balance_alert: false,
    balance_limit: null,
    backorder_enabled: false,
    backorder_estimate: null,
  };
}

export interface OrderContext {
  seed: number;
  orders: number;
  products: number;
  anchorMs: number;
  product: (id: number) => ProductRecord;
}

/** Orders spread over the last 30 days in id order; most open ones are untouched since creation. */
function startOrder(ctx: Omit<OrderContext, 'product'>, id: number) {
  const random = createRandom(deriveSeed(ctx.seed, kinds.order, id));
  const slot = (30 * day) / Math.max(1, ctx.orders);
  const createdMs = Math.floor(ctx.anchorMs - 30 * day + (id - 1) * slot + random.next() * slot);
  const status: OrderStatus = random.chance(0.1) ? 'cancelled' : random.chance(0.4) ? 'completed' : 'open';
  const updatedMs = status === 'open' && random.chance(0.7) ? createdMs : Math.min(ctx.anchorMs, createdMs + random.int(60_000, 2 * day));
  return { random, createdMs, status, updatedMs };
}

export function orderHead(ctx: Omit<OrderContext, 'product'>, id: number): Head {
  return { id, updatedMs: startOrder(ctx, id).updatedMs };
}

export function generateOrder(ctx: OrderContext, id: number): StoredOrder {
  const { random, createdMs, status, updatedMs } = startOrder(ctx, id);
  const [created, updated] = [formatTime(createdMs), formatTime(updatedMs)];
  const person = pickPerson(random);
  const address = {
    company: person.company, first_name: person.firstName, last_name: person.lastName,
    street_address: person.streetAddress, postal_code: person.postalCode, city: person.city,
    country: person.country, phone: person.phone, email: person.email,
  };
  const shipping = random.pick(shippingMethods);
  const payment = random.pick(paymentMethods);
  const shipment: Shipment = {
    id, order_id: id, created_at: created, updated_at: updated, type: 'shipment',
    status: status === 'completed' ? 'COMPLETED' : 'OPEN', shipping_method_id: shipping.id,
    weight: null, parcel_count: 1, completed_at: status === 'completed' ? updated : null,
    tracking_code: status === 'completed' ? `JJFI${random.chars(16, '0123456789')}` : null, shipping_label_url: null,
  };
  const products = Array.from({ length: random.int(1, 4) }, (_, i) => randomLine(random, id, i, ctx.product(random.int(1, ctx.products)), created, shipment.id));
  const order: StoredOrder = {
    id, created_at: created, updated_at: updated, archived_at: null, external_id: null, version_id: 1,
    language: person.country === 'SE' ? 'sv' : person.country === 'FI' ? 'fi' : 'en',
    customer_id: random.chance(0.6) ? random.int(1, 5000) : null,
    shipping_method_id: shipping.id, payment_method_id: payment.id,
    customer_information: { ...address, vat_code: person.company ? `FI${random.chars(8, '0123456789')}` : '' },
    shipping_address: address, different_shipping_address: false,
    subtotal: 0, shipping_costs: shipping.price, payment_costs: payment.costs,
    discount: random.chance(0.1) ? 5 : 0, total: 0, status, details: '',
    products, shipments: [shipment], payments: [], comments: [],
    events: [{ created_at: created, code: 'order.created', message: 'Order created', data: {} }],
  };
  applyTotals(order);
  // Most orders carry exactly one payment; a few none or two, which quick-process must refuse.
  const paymentCount = random.chance(0.05) ? random.pick([0, 2]) : 1;
  for (let i = 0; i < paymentCount; i++) {
    const paymentStatus = status === 'cancelled' ? 'CANCELLED' : status === 'completed' ? 'PAID' : payment.openStatus;
    order.payments.push({
      id: id * 10 + i + 1, order_id: id, payment_method_id: payment.id, reference: `RF${random.chars(10, '0123456789')}`,
      amount: round2(Number(order.total) / paymentCount), currency: 'EUR', is_confirmed: paymentStatus !== 'OPEN',
      is_paid: paymentStatus === 'PAID', status: paymentStatus, created_at: created, updated_at: updated,
    });
  }
  for (let i = random.int(0, 2); i > 0; i--) {
    const visibility = random.pick(['public', 'private'] as const);
    const text = random.pick(visibility === 'public' ? publicComments : privateComments);
    order.comments.push({ order_id: id, created_at: created, user_id: visibility === 'public' ? null : 1, visibility, text });
  }
  if (status !== 'open') order.events.push({ created_at: updated, code: `order.${status}`, message: `Order ${status}`, data: {} });
  return order;
}

function randomLine(random: Random, orderId: number, index: number, record: ProductRecord, at: string, shipmentId: number): OrderLine {
  const variation = record.variations.length ? random.pick(record.variations) : undefined;
  return orderLine({ orderId, index, record, variation, quantity: random.int(1, 3), at, shipmentId });
}

/** A line for a product, or for one of its variations. */
export function orderLine(l: { orderId: number; index: number; record: ProductRecord; variation: Variation | undefined; quantity: number; at: string; shipmentId: number | null }): OrderLine {
  const { product } = l.record;
  return {
    id: l.orderId * 10 + l.index + 1, order_id: l.orderId, product_id: product.id, variation_id: l.variation?.id ?? null,
    product_code: l.variation?.product_code ?? product.product_code ?? '', product_name: product.name,
    model_name: l.variation?.name ?? '', vat_rate: product.vat_rate, unit_price: l.variation?.price ?? product.price,
    purchase_price: product.purchase_price, quantity: l.quantity, shipment_id: l.shipmentId,
    created_at: l.at, updated_at: l.at, delivered_at: null,
  };
}
