import { createRandom, deriveSeed } from '../../../src/connectors/sandbox/index.js';
import type { Product, ProductType } from '../api.js';
import { catalog, variants } from './catalog.js';
import { day, formatDatetime } from './time.js';

/**
 * Seeded generator of the product register. Each product draws from its own stream
 * (seed + kind + id), so product 7 is the same whatever the register's size.
 */
export const kinds = { product: 1, invoice: 2, party: 3 };

export const round2 = (n: number): number => Math.round(n * 100) / 100;

/**
 * The type follows the id, so that it is known without generating the product: every fourth
 * product is the PURCHASE twin of the SALES product before it (same code and name, purchase
 * price), as a company that buys and sells one item keeps both; a few are TRAVEL products.
 * The twins make a connector that forgets the type filter overwrite articles with purchase prices.
 */
export function productType(id: number): ProductType {
  if (id % 4 === 0 && productType(id - 1) === 'SALES') return 'PURCHASE';
  if (id % 25 === 13) return 'TRAVEL';
  return 'SALES';
}

/** Creation and last change of a product: enough to sort it before it is built. */
function start(seed: number, id: number, anchorMs: number) {
  const random = createRandom(deriveSeed(seed, kinds.product, id));
  const createdMs = anchorMs - random.int(1, 365) * day + random.int(0, day - 1);
  const versionMs = random.chance(0.5) ? createdMs : Math.floor(createdMs + random.next() * (anchorMs - createdMs));
  return { random, createdMs, versionMs };
}

export const productVersionMs = (seed: number, id: number, anchorMs: number): number => start(seed, id, anchorMs).versionMs;

export function generateProduct(seed: number, id: number, anchorMs: number): Product {
  const { random, versionMs } = start(seed, id, anchorMs);
  const type = productType(id);
  const base = { id, type, version: formatDatetime(versionMs), productLocalizations: [] as Product['productLocalizations'] };
  if (type === 'TRAVEL') {
    const year = new Date(anchorMs).getUTCFullYear();
    const [name, price] = random.pick([['Kotimaan kokopäiväraha', 53], ['Kotimaan osapäiväraha', 24], ['Ateriakorvaus', 13.25]] as const);
    return {
      ...base, name, code: null, unit: 'DAY', discount: 0, price, vat: 0, active: true, defaultAccount: '7620', vatStatus: 1,
      currency: 'EUR', productGroupId: null, startDate: `${year}-01-01`, endDate: `${year}-12-31`, bookkeepingAccount: '7620',
    };
  }
  if (type === 'PURCHASE') {
    const twin = generateProduct(seed, id - 1, anchorMs);
    return {
      ...twin, ...base, price: round2((twin.price ?? 0) * (0.35 + random.next() * 0.2)), discount: 0,
      defaultAccount: '4000', active: random.chance(0.95), currency: random.chance(0.15) ? 'SEK' : 'EUR',
    };
  }
  const item = random.pick(catalog);
  return {
    ...base,
    name: `${item.name} ${random.pick(variants)}`,
    code: `${item.prefix}-${String(id).padStart(5, '0')}`,
    unit: item.unit,
    discount: random.chance(0.1) ? random.pick([5, 10, 15]) : 0,
    price: random.price(...item.price),
    vat: item.vat,
    active: random.chance(0.9),
    defaultAccount: '3000',
    vatStatus: 1,
    currency: 'EUR',
    productGroupId: random.int(1, 5),
    startDate: null,
    endDate: null,
    bookkeepingAccount: null,
  };
}
