import { ref } from './jsonapi.js';
import type { SimResource } from './jsonapi.js';
import { statuses } from './store.js';
import type { MystoreStore, Order, OrderProduct, Product, Variant, Webhook } from './store.js';

/** The store's records as mystore.no's JSON:API resources, and what each relationship reaches (for `include`). */
export function serializer(store: MystoreStore, corrupt: { product(id: number): boolean; order(id: number): boolean }) {
  const product = (p: Product): SimResource => ({
    type: 'products',
    id: String(p.id),
    attributes: {
      // A corrupted product has no name: the connector must fail it alone.
      name: corrupt.product(p.id) ? null : p.name, sku: p.sku, ean: p.ean, price: p.price, cost: p.cost, weight: p.weight,
      quantity: p.quantity, quantity_physical: p.quantity + p.quantity_reserved, quantity_reserved: p.quantity_reserved, status: p.status, updated_at: p.updated_at,
    },
    relationships: { 'product-variants': { data: p.variantIds.map((id) => ref('product-variants', id)) } },
  });
  const variant = (v: Variant): SimResource => ({
    type: 'product-variants',
    id: String(v.id),
    attributes: { sku: v.sku, ean: v.ean, cost: v.cost, quantity: v.quantity, disabled: v.disabled, updated_at: v.updated_at },
    relationships: { product: { data: ref('products', v.productId) }, 'product-option-values': { data: v.optionValueIds.map((id) => ref('product-option-values', id)) } },
  });
  const orderProduct = (line: OrderProduct, broken: boolean): SimResource => ({
    type: 'order-products',
    id: String(line.id),
    attributes: { sku: line.sku, name: line.name, price: line.price, final_price: line.final_price, quantity: broken ? 'several' : line.quantity, tax: line.tax },
    relationships: {
      product: { data: ref('products', line.productId) },
      'product-variant': { data: line.variantId ? ref('product-variants', line.variantId) : null },
      'order-product-attributes': { data: line.attributes.map((a) => ref('order-product-attributes', a.id)) },
    },
  });
  const order = (o: Order): SimResource => {
    const { id, statusId, products, ...attributes } = o;
    return {
      type: 'orders',
      id: String(id),
      attributes,
      relationships: {
        'order-status': { data: ref('order-status', statusId) },
        'order-products': { data: products.map((l) => ref('order-products', l.id)) },
        'order-totals': { data: [ref('order-totals', `${id}-subtotal`), ref('order-totals', `${id}-total`)] },
      },
    };
  };
  const totals = (o: Order): SimResource[] => [
    { type: 'order-totals', id: `${o.id}-subtotal`, attributes: { class: 'ot_subtotal', title: 'Delsum', value: store.total(o) } },
    { type: 'order-totals', id: `${o.id}-total`, attributes: { class: 'ot_total', title: 'Totalt', value: store.total(o) } },
  ];
  const status = (id: number): SimResource[] => statuses.filter((s) => s.id === id).map((s) => ({ type: 'order-status', id: String(s.id), attributes: { name: s.name } }));
  const webhook = (w: Webhook): SimResource => ({ type: 'webhooks', id: String(w.id), attributes: { topic: w.topic, address: w.address, created_at: w.created_at } });

  const lineOf = (id: string) => [...store.orders.values()].flatMap((o) => o.products.map((l) => ({ o, l }))).find(({ l }) => String(l.id) === id);

  /** What `include=<name>` adds for one resource. */
  function related(resource: SimResource, name: string): SimResource[] {
    const id = Number(resource.id);
    if (resource.type === 'products' && name === 'product-variants') return (store.products.get(id)?.variantIds ?? []).map((v) => variant(store.variants.get(v)!));
    if (resource.type === 'product-variants') {
      const v = store.variants.get(id);
      if (!v) return [];
      if (name === 'product') return [product(store.products.get(v.productId)!)];
      if (name === 'product-option-values') return v.optionValueIds.map((ov) => ({ type: 'product-option-values', id: String(ov), attributes: { value: store.optionValues.get(ov)!.value } }));
    }
    if (resource.type === 'orders') {
      const o = store.orders.get(id);
      if (!o) return [];
      if (name === 'order-products') return o.products.map((l) => orderProduct(l, corrupt.order(o.id)));
      if (name === 'order-totals') return totals(o);
      if (name === 'order-status') return status(o.statusId);
    }
    if (resource.type === 'order-products' && name === 'order-product-attributes') {
      const found = lineOf(resource.id);
      return (found?.l.attributes ?? []).map(({ id: aid, ...attributes }) => ({ type: 'order-product-attributes', id: String(aid), attributes }));
    }
    return [];
  }

  return { product, variant, order, webhook, status, related };
}
