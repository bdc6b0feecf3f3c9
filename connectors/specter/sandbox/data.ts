import { nordic, pickPerson } from '../../../src/connectors/sandbox/index.js';
import type { Random } from '../../../src/connectors/sandbox/index.js';

/** The simulator's records in the connector's field names (api.ts); serialised through operations.ts. */
export interface StoredArticle {
  articleNo: string; articleId: string; name: string; comment: string; articleGroup: string; barCode: string; supplierName: string;
  manufacturingCountryCode: string; commodityCode: string; buyPrice: number; priceExclVat: number; stockPrice: number; vatPercent: number;
  volume: number; weight: number;
}
export interface StoredRow {
  rowId: string; rowNo: string; articleNo: string; description: string; noItems: number; noItems2: number; rowSumVat: number; rowSumExclVat: number; noItemsDelivered: number;
}
export interface StoredOrder {
  orderNo: string; deliveryStatus: 'N' | 'P' | 'D'; statusId: string; lastChange: string; customerReference: string; deliveryDate: string; internalComment: string;
  publicComment: string; webshopNo: string; preparedShipmentId: string; reference: string; agentNo: string; bulkId: string; currency: string;
  customer: Record<string, string | undefined>; deliveryAddress: Record<string, string | undefined>; invoiceAddress: Record<string, string | undefined>;
  rows: StoredRow[]; deliveries: { packetNo?: string; deliveryDate: string; rows: { rowNo: string; noItems: number }[]; sendDeliveryMail: string; createInvoice: string }[];
}
export interface StoredPurchaseRow {
  id: string; number: string; articleNo: string; quantity: number; rowSumVat: number; rowSumExclVat: number; noItemsDelivered: number;
}
export interface StoredPurchase {
  purchaseNo: string; orderDate: string; deliveryOutDate: string; lastChange: string; supplier: Record<string, string>; rows: StoredPurchaseRow[];
  deliveries: { deliveryDate: string; sendDeliveryMail: string; rows: { rowId: string; noItems: number }[] }[];
}

export const specterTime = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;
const day = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000).toISOString().slice(0, 10);
const groups = ['Kök', 'Textil', 'Belysning', 'Förvaring'];
const things = ['Mugg', 'Kudde', 'Lampa', 'Korg', 'Skål', 'Pläd', 'Vas', 'Låda'];
const colours = ['blå', 'grön', 'röd', 'svart', 'vit', 'gul'];

export function generateArticles(random: Random, count: number): StoredArticle[] {
  return Array.from({ length: count }, (_, i) => {
    const buyPrice = random.price(10, 200);
    const vatPercent = random.pick([25, 12]);
    return {
      articleNo: `SP-${1001 + i}`, articleId: String(40_001 + i), name: `${random.pick(things)} ${random.pick(colours)}`, comment: `Kommentar ${i + 1}`,
      articleGroup: random.pick(groups), barCode: `73500000${String(10_000 + i).padStart(5, '0')}`, supplierName: random.pick(nordic.companies),
      manufacturingCountryCode: random.pick(['SE', 'FI', 'CN', 'PT']), commodityCode: `6912${random.int(1000, 9999)}`, buyPrice,
      priceExclVat: Math.round(buyPrice * 2.2 * 100) / 100, stockPrice: Math.round(buyPrice * 1.05 * 100) / 100, vatPercent,
      volume: random.int(1, 90) / 100, weight: random.int(50, 5000) / 1000,
    };
  });
}

function orderRows(random: Random, articles: StoredArticle[], firstRowId: number): StoredRow[] {
  return Array.from({ length: random.int(1, 4) }, (_, i) => {
    const article = random.pick(articles);
    const noItems = random.int(1, 5);
    const noItems2 = random.chance(0.2) ? 2 : 1;
    const rowSumExclVat = Math.round(article.priceExclVat * noItems * noItems2 * 100) / 100;
    return {
      rowId: String(firstRowId + i), rowNo: String(i + 1), articleNo: article.articleNo, description: article.name, noItems, noItems2,
      rowSumVat: Math.round(rowSumExclVat * (article.vatPercent / 100) * 100) / 100, rowSumExclVat, noItemsDelivered: 0,
    };
  });
}

export function generateOrder(random: Random, articles: StoredArticle[], orderNo: number, now: Date, minutesAgo: number): StoredOrder {
  const person = pickPerson(random);
  const company = random.chance(0.3);
  const address = { address: person.streetAddress, address2: random.chance(0.3) ? `Port ${random.int(1, 9)}` : undefined, zipCode: person.postalCode, city: person.city, countryCode: person.country };
  const attention = `${person.firstName} ${person.lastName}`;
  const invoiceAttention = random.chance(0.5);
  return {
    orderNo: String(orderNo), deliveryStatus: 'N', statusId: '1', lastChange: specterTime(new Date(now.getTime() - minutesAgo * 60_000)),
    customerReference: `REF-${orderNo}`, deliveryDate: day(now, random.int(1, 5)), internalComment: `Intern ${orderNo}`, publicComment: random.chance(0.5) ? 'Lämna vid dörren' : '',
    webshopNo: String(random.int(1, 3)), preparedShipmentId: `PS-${random.chars(8)}`, reference: `Vår ref ${orderNo}`, agentNo: random.chance(0.5) ? String(random.int(100_000, 999_999)) : '',
    bulkId: `B-${random.int(1, 99)}`, currency: 'SEK',
    customer: {
      customerId: String(20_000 + orderNo), firstName: company ? undefined : person.firstName, surName: company ? undefined : person.lastName,
      companyName: company ? random.pick(nordic.companies) : undefined, orgNo: company ? `55${random.int(1_000_000, 9_999_999)}-${random.int(1000, 9999)}` : undefined,
      vatNo: company ? `SE55${random.int(10_000_000, 99_999_999)}01` : undefined, phone: person.phone, mobilePhone: person.phone,
    },
    deliveryAddress: { ...address, attention: company || !invoiceAttention ? attention : undefined, notifyMobileNo: person.phone, notifyByMobile: random.chance(0.5) ? '1' : '0' },
    invoiceAddress: { ...address, attention: invoiceAttention ? `Ekonomi ${person.lastName}` : undefined },
    rows: orderRows(random, articles, orderNo * 10), deliveries: [],
  };
}

export function generatePurchase(random: Random, articles: StoredArticle[], purchaseNo: number, now: Date, minutesAgo: number): StoredPurchase {
  const [postalCode, city, countryCode] = random.pick(nordic.places);
  return {
    purchaseNo: String(purchaseNo), orderDate: day(now, -random.int(1, 20)), deliveryOutDate: day(now, random.int(1, 14)),
    lastChange: specterTime(new Date(now.getTime() - minutesAgo * 60_000)),
    supplier: { supplierNo: String(300 + (purchaseNo % 7)), name: random.pick(nordic.companies), address: `${random.pick(nordic.streets)} ${random.int(1, 90)}`, address2: 'Lager 2', address3: 'Port B', postalCode, city, countryCode },
    rows: Array.from({ length: random.int(1, 4) }, (_, i) => {
      const article = random.pick(articles);
      const quantity = random.int(5, 50);
      const rowSumExclVat = Math.round(article.buyPrice * quantity * 100) / 100;
      return { id: String(purchaseNo * 10 + i), number: String(i + 1), articleNo: article.articleNo, quantity, rowSumVat: Math.round(rowSumExclVat * 0.25 * 100) / 100, rowSumExclVat, noItemsDelivered: 0 };
    }),
    deliveries: [],
  };
}

