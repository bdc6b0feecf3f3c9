import type { Order, OrderLine, TaxRow, TaxSummary } from '../api.js';

/** Prices include VAT, as Finnish shops show them [G]; shipping and payment costs carry 25.5 % [G]. */
const serviceVatRate = 25.5;

export const round2 = (n: number): number => Math.round(n * 100) / 100;

type Lines = Pick<Order, 'shipping_costs' | 'payment_costs' | 'discount'> & { products: OrderLine[] };

/** Sets subtotal and total from the lines, so that an edited order stays consistent. */
export function applyTotals(order: Order & Lines): void {
  const subtotal = round2(order.products.reduce((sum, l) => sum + Number(l.unit_price) * Number(l.quantity), 0));
  order.subtotal = subtotal;
  order.total = round2(subtotal + Number(order.shipping_costs) + Number(order.payment_costs) - Number(order.discount));
}

function row(rate: number, total: number): TaxRow {
  const totalTax = round2((total * rate) / (100 + rate));
  return { tax_rate: rate, total: round2(total), total_tax: totalTax, total_without_tax: round2(total - totalTax) };
}

/** One row per VAT rate [V S33 shape]; derived on read, so it always matches the lines. */
export function taxSummary(order: Lines): TaxSummary {
  const byRate = new Map<number, number>();
  for (const line of order.products) {
    const rate = Number(line.vat_rate);
    byRate.set(rate, (byRate.get(rate) ?? 0) + Number(line.unit_price) * Number(line.quantity));
  }
  const subtotal = [...byRate].map(([rate, total]) => row(rate, total));
  const service = (amount: number) => (amount > 0 ? [row(serviceVatRate, amount)] : []);
  const firstRate = Number(order.products[0]?.vat_rate ?? serviceVatRate);
  const discount = Number(order.discount) > 0 ? [row(firstRate, Number(order.discount))] : [];
  const totals = new Map(byRate);
  const addTo = (rate: number, amount: number) => totals.set(rate, (totals.get(rate) ?? 0) + amount);
  addTo(serviceVatRate, Number(order.shipping_costs) + Number(order.payment_costs));
  addTo(firstRate, -Number(order.discount));
  return {
    subtotal,
    discount,
    shipping_costs: service(Number(order.shipping_costs)),
    payment_costs: service(Number(order.payment_costs)),
    total: [...totals].filter(([, t]) => t !== 0).map(([rate, total]) => row(rate, total)),
  };
}
