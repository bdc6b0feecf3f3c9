import { createRandom, pickPerson } from '../../../src/connectors/sandbox/index.js';
import type { Random } from '../../../src/connectors/sandbox/index.js';

/**
 * The simulated shop's data, in osCommerce-like shapes (the order attribute names are the
 * connector's guesses [G §2.6], kept in one place so a correction is one edit here and one
 * mapping override there). Every change stamps `updated_at`, which the filters read.
 */
export interface OptionValue { id: number; option: string; value: string }
export interface Variant { id: number; productId: number; sku: string; ean: string; cost: number; quantity: number; disabled: boolean; optionValueIds: number[]; updated_at: string }
export interface Product {
  id: number; name: Record<string, string>; sku: string; ean: string; price: number; cost: number; weight: number;
  quantity: number; quantity_reserved: number; status: number; updated_at: string; variantIds: number[];
}
export interface OrderProductAttribute { id: number; option: string; value: string; option_value_id: number; price_prefix: string; price: number }
export interface OrderProduct { id: number; productId: number; variantId?: number; sku: string; name: string; price: number; final_price: number; quantity: number; tax: number; attributes: OrderProductAttribute[] }
export interface Order {
  id: number; statusId: number; reference: string; customers_name: string; customers_email_address: string; customers_telephone: string;
  delivery_name: string; delivery_company: string; delivery_street_address: string; delivery_postcode: string; delivery_city: string;
  delivery_state: string; delivery_country: string; delivery_country_iso_code_2: string; shipping_method: string; payment_method: string;
  currency: string; comments: string; tracking_number: string | null; created_at: string; updated_at: string; products: OrderProduct[];
}
export interface OrderStatus { id: number; name: Record<string, string> }
export interface Webhook { id: number; topic: string; address: string; secret?: string; created_at: string }
export interface StatusHistory { id: number; orderId: number; statusId: number; comments: string; customer_notified: number; tracking_number: string | null; via: string; created_at: string }

export const statuses: OrderStatus[] = [
  { id: 1, name: { no: 'Ny', en: 'New' } },
  { id: 2, name: { no: 'Behandles', en: 'Processing' } },
  { id: 3, name: { no: 'Levert', en: 'Delivered' } },
  { id: 4, name: { no: 'Kansellert', en: 'Cancelled' } },
];

const garments = ['Genser', 'Lue', 'Votter', 'Skjerf', 'Jakke', 'Sokker', 'Bukse'];
const colours = ['Rød', 'Blå', 'Grønn', 'Svart'];
const sizes = ['S', 'M', 'L'];

export class MystoreStore {
  readonly products = new Map<number, Product>();
  readonly variants = new Map<number, Variant>();
  readonly optionValues = new Map<number, OptionValue>();
  readonly orders = new Map<number, Order>();
  readonly webhooks = new Map<number, Webhook>();
  readonly history: StatusHistory[] = [];
  private nextId = { order: 10_001, orderProduct: 50_001, attribute: 90_001, webhook: 1, history: 1 };
  private readonly random: Random;
  private readonly now: () => Date;

  constructor(options: { seed: number; products: number; orders: number; now: () => Date }) {
    this.random = createRandom(options.seed);
    this.now = options.now;
    colours.forEach((value, i) => this.optionValues.set(11 + i, { id: 11 + i, option: 'Farge', value }));
    sizes.forEach((value, i) => this.optionValues.set(21 + i, { id: 21 + i, option: 'Størrelse', value }));
    const base = this.now().getTime() - 30 * 86_400_000;
    for (let i = 0; i < options.products; i++) this.addProduct(i, new Date(base + i * 60_000).toISOString());
    for (let i = 0; i < options.orders; i++) this.placeOrder({}, new Date(base + 86_400_000 + i * 60_000).toISOString());
  }

  private stamp = () => this.now().toISOString();

  private addProduct(i: number, at: string): void {
    const r = this.random;
    const id = 2000 + i;
    const garment = garments[i % garments.length]!;
    const withVariants = i % 3 !== 0;
    const product: Product = {
      id, name: { no: `${garment} ${id}`, se: `${garment}-sv ${id}` }, sku: `MS-${id}`, ean: `709${String(id).padStart(10, '0')}`,
      price: r.int(99, 1999), cost: r.int(30, 900), weight: r.int(80, 2500), quantity: withVariants ? 0 : r.int(0, 50),
      quantity_reserved: 0, status: 1, updated_at: at, variantIds: [],
    };
    this.products.set(id, product);
    if (!withVariants) return;
    for (const [c, colour] of [11, 12].entries()) {
      for (const size of [21, 22]) {
        const vid = id * 10 + c * 2 + (size - 21);
        this.variants.set(vid, {
          id: vid, productId: id, sku: `MS-${id}-${this.optionValues.get(colour)!.value.slice(0, 1)}${this.optionValues.get(size)!.value}`,
          ean: `709${String(vid).padStart(10, '0')}`, cost: r.int(30, 900), quantity: r.int(0, 30), disabled: false, optionValueIds: [colour, size], updated_at: at,
        });
        product.variantIds.push(vid);
      }
    }
  }

  /** A new order of 1–3 lines from the catalogue, status "Ny" unless told; `at` defaults to now. */
  placeOrder(patch: Partial<Pick<Order, 'statusId' | 'delivery_company'>> = {}, at = this.stamp()): Order {
    const r = this.random;
    const person = pickPerson(r);
    const name = `${person.firstName} ${person.lastName}`;
    const products = [...this.products.values()];
    const lines: OrderProduct[] = [];
    for (let n = r.int(1, 3); n > 0; n--) {
      const product = r.pick(products);
      const variant = product.variantIds.length ? this.variants.get(r.pick(product.variantIds)) : undefined;
      const quantity = r.int(1, 3);
      const attributes = (variant?.optionValueIds ?? []).map((ov) => {
        const o = this.optionValues.get(ov)!;
        return { id: this.nextId.attribute++, option: o.option, value: o.value, option_value_id: o.id, price_prefix: '+', price: 0 };
      });
      lines.push({
        id: this.nextId.orderProduct++, productId: product.id, ...(variant ? { variantId: variant.id } : {}), sku: variant?.sku ?? product.sku,
        name: product.name.no!, price: product.price, final_price: product.price, quantity, tax: 25, attributes,
      });
    }
    const id = this.nextId.order++;
    const order: Order = {
      id, statusId: patch.statusId ?? 1, reference: `REF-${id}`, customers_name: name, customers_email_address: person.email,
      customers_telephone: person.phone, delivery_name: name, delivery_company: patch.delivery_company ?? person.company,
      delivery_street_address: person.streetAddress, delivery_postcode: person.postalCode, delivery_city: person.city,
      delivery_state: 'Viken', delivery_country: person.country === 'NO' ? 'Norway' : person.country, delivery_country_iso_code_2: person.country, shipping_method: r.pick(['Posten Servicepakke', 'Bring Hjem', 'Hentes']),
      payment_method: 'Klarna', currency: 'NOK', comments: '', tracking_number: null, created_at: at, updated_at: at, products: lines,
    };
    this.orders.set(id, order);
    return order;
  }

  total(order: Order): number {
    return order.products.reduce((sum, line) => sum + line.final_price * line.quantity, 0);
  }

  statusByName(name: string): OrderStatus | undefined {
    return statuses.find((s) => Object.values(s.name).some((n) => n.toLowerCase() === name.toLowerCase()));
  }

  /** Sets an order's status (and tracking number), as every one of the three delivery calls does, with a history row. */
  setStatus(order: Order, statusId: number, change: { comments?: string; customer_notified?: number; tracking_number?: string | null; via: string }): StatusHistory {
    if (!statuses.some((s) => s.id === statusId)) throw new Error(`no order status ${statusId}`);
    order.statusId = statusId;
    if (change.tracking_number !== undefined && change.tracking_number !== null) order.tracking_number = change.tracking_number;
    order.updated_at = this.stamp();
    const row: StatusHistory = {
      id: this.nextId.history++, orderId: order.id, statusId, comments: change.comments ?? '', customer_notified: change.customer_notified ?? 0,
      tracking_number: change.tracking_number ?? null, via: change.via, created_at: order.updated_at,
    };
    this.history.push(row);
    return row;
  }

  touchProduct(product: Product, patch: Partial<Product>): void {
    Object.assign(product, patch, { updated_at: this.stamp() });
  }

  touchVariant(variant: Variant, patch: Partial<Variant>): void {
    Object.assign(variant, patch, { updated_at: this.stamp() });
  }

  addWebhook(topic: string, address: string, secret?: string): Webhook {
    const hook: Webhook = { id: this.nextId.webhook++, topic, address, ...(secret ? { secret } : {}), created_at: this.stamp() };
    this.webhooks.set(hook.id, hook);
    return hook;
  }
}
