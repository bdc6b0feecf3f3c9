import type { Order, Product, StockItem } from '../api.js';
import type { OrderStatus, ProductRecordWithStock, StoredOrder } from './data.js';
import { taxSummary } from './totals.js';

/** Order status casing in responses is unverified [G]; the sandbox serves one configured form. */
export type StatusCase = 'title' | 'lower' | 'upper';

export function formatStatus(status: OrderStatus, casing: StatusCase): string {
  if (casing === 'lower') return status;
  if (casing === 'upper') return status.toUpperCase();
  return status[0]?.toUpperCase() + status.slice(1);
}

/** Absent to-one relations expand to [] instead of null [V S34 comment on brand]. */
const absent: [] = [];

/**
 * A product with the requested expands [V S33, S34]: translations, variations,
 * variations.stock_item, stock_item, brand, visibilities; category_links and image_links are [].
 * A malformed product has a price that is not a number, as a broken import might leave it.
 */
export function serializeProduct(record: ProductRecordWithStock, expand: Set<string>, malformed: boolean): Product {
  const { visibilities, ...base } = record.product;
  const out: Product = { ...base };
  if (expand.has('translations')) out.translations = record.translations;
  if (expand.has('visibilities')) out.visibilities = visibilities ?? [];
  for (const list of ['category_links', 'image_links']) if (expand.has(list)) out[list] = [];
  if (expand.has('variations') || expand.has('variations.stock_item')) {
    out.variations = record.variations.map((v) =>
      expand.has('variations.stock_item') ? { ...v, stock_item: stockItemOf(record, v.id) ?? absent } : v,
    );
  }
  // A product with variations keeps its stock on the variations, so its own stock_item is absent.
  if (expand.has('stock_item')) out.stock_item = record.variations.length ? absent : (stockItemOf(record, null) ?? absent);
  if (expand.has('brand')) out.brand = record.brand ?? absent;
  if (malformed) out.price = 'n/a';
  return out;
}

const stockItemOf = (record: ProductRecordWithStock, variationId: number | null): StockItem | undefined =>
  record.stockItems.find((s) => s.variation_id === variationId);

/**
 * An order with the requested expands [V S33, S34]. A malformed order has a line whose quantity
 * is "abc" (odd ids) or that lacks product_code (even ids); without expanded lines, a total "n/a".
 */
export function serializeOrder(order: StoredOrder, expand: Set<string>, casing: StatusCase, malformed: boolean): Order {
  const { products, shipments, payments, comments, events, ...base } = order;
  const out: Order = { ...base, status: formatStatus(order.status, casing) };
  if (expand.has('products')) out.products = malformed ? structuredClone(products) : products;
  if (expand.has('shipments')) out.shipments = shipments;
  if (expand.has('payments')) out.payments = payments;
  if (expand.has('comments')) out.comments = comments;
  if (expand.has('events')) out.events = events;
  if (expand.has('tax_summary')) out.tax_summary = taxSummary(order);
  if (malformed) {
    const line = out.products?.[0];
    if (!line) out.total = 'n/a';
    else if (order.id % 2 === 1) line.quantity = 'abc';
    else delete (line as Partial<typeof line>).product_code;
  }
  return out;
}
