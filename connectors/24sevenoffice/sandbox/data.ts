import { createRandom, nordic, pickPerson } from '../../../src/connectors/sandbox/index.js';
import type { Random } from '../../../src/connectors/sandbox/index.js';
import type { CompanyType, OrderState } from '../api.js';

/*
 * Generated 24SevenOffice data in the wire's own shape (WSDL member names; dates as Dates, which
 * the envelope writer sends as UTC without a zone). The same seed and clock give the same data.
 */

export interface WireAddress { Street?: string; State?: string; PostalCode?: string; PostalArea?: string; Name?: string; City?: string; Country?: string }
export interface WireAddresses { Post?: WireAddress; Delivery?: WireAddress; Visit?: WireAddress; Invoice?: WireAddress }

export interface WireProduct {
  Id: number; No: string; Name: string; Description?: string; EAN1?: string; Weight?: number; Stock: number; StatusId: number;
  CategoryId: number; Price: number; StockControlled: boolean; DateChanged: Date;
}

export interface WireRow { ProductId?: number; RowId: number; Price?: number; Name?: string; Quantity: number; ProductNo?: string; Type?: 'Normal' | 'Text' | 'TextBold' }

export interface WireOrder {
  OrderId: number; CustomerId: number; CustomerName: string; CustomerDeliveryName: string; CustomerDeliveryPhone?: string; Addresses: WireAddresses;
  OrderStatus: OrderState; InvoiceId?: number; DateOrdered: Date; DateInvoiced?: Date; DateChanged: Date; YourReference?: string; InvoiceTitle?: string;
  ExternalStatus?: number; InvoiceEmailAddress?: string; InvoiceRows: WireRow[]; DeliveryDate?: Date; ReferenceNumber?: string; DeliveryMethod?: { Id: number; Description: string };
}

export interface WireCompany {
  Id: number; ExternalId?: string; Name: string; Type: CompanyType; Addresses: WireAddresses; Country?: string; DateChanged: Date; DateCreated: Date;
  PhoneNumbers: { Mobile?: { Value: string }; Primary?: { Value: string }; Work?: { Value: string } };
  EmailAddresses: { Invoice?: { Value: string }; Primary?: { Value: string } };
}

export const deliveryMethods = [
  { Id: 1, Description: 'Posten Pakke i postkassen' }, { Id: 2, Description: 'PostNord MyPack Collect' }, { Id: 3, Description: 'Bring Bedriftspakke' }, { Id: 4, Description: 'Hentes på lager' },
];

const goods = ['Ullgenser', 'Turstøvel', 'Regnjakke', 'Termokopp', 'Sovepose', 'Hodelykt', 'Ryggsekk', 'Votter', 'Lue', 'Kajakkpadle'];
const colours = ['rød', 'blå', 'grå', 'svart', 'grønn'];
/** Order statuses of generated orders: mostly confirmed, some in the states an order passes through [U B4 meanings]. */
const orderStatusMix: OrderState[] = ['Confirmed', 'Confirmed', 'Confirmed', 'Confirmed', 'Draft', 'Offer', 'Pack', 'OrderState_Sent', 'Invoiced'];

const past = (random: Random, now: Date, maxDays: number) => new Date(now.getTime() - random.int(60, maxDays * 86_400) * 1000);
const address = (person: ReturnType<typeof pickPerson>, name: string): WireAddress => ({
  Street: person.streetAddress, PostalCode: person.postalCode, PostalArea: person.city, City: person.city, Country: person.country, Name: name,
});

export function generate(seed: number, now: Date, sizes: { products: number; companies: number; orders: number }) {
  const random = createRandom(seed);
  const products: WireProduct[] = Array.from({ length: sizes.products }, (_, i) => ({
    Id: 1001 + i,
    No: `P-${String(1001 + i).padStart(5, '0')}`,
    Name: `${random.pick(goods)} ${random.pick(colours)}`,
    Description: random.chance(0.7) ? `Varenr. ${1001 + i}, lagerført` : undefined,
    EAN1: random.chance(0.8) ? `70${random.chars(11, '0123456789')}` : undefined,
    Weight: random.int(50, 5000) / 1000,
    Stock: random.int(0, 300),
    StatusId: 1,
    CategoryId: random.int(1, 5),
    Price: random.price(49, 1999),
    StockControlled: true,
    DateChanged: past(random, now, 400),
  }));
  const companies: WireCompany[] = Array.from({ length: sizes.companies }, (_, i) => {
    const person = pickPerson(random);
    const type: CompanyType = i % 4 === 0 ? 'Supplier' : random.chance(0.5) ? 'Business' : 'Consumer';
    const name = type === 'Supplier' ? `${random.pick(nordic.companies)} ${i}` : `${person.firstName} ${person.lastName}`;
    const created = past(random, now, 900);
    return {
      Id: 501 + i, Name: name, Type: type, Addresses: { Post: address(person, name), Invoice: address(person, name) }, Country: person.country,
      PhoneNumbers: { Mobile: { Value: person.phone }, ...(random.chance(0.5) ? { Primary: { Value: person.phone.replace(/ \d{4}$/, ' 0000') } } : {}) },
      EmailAddresses: { Invoice: { Value: person.email }, Primary: { Value: person.email } },
      DateCreated: created, DateChanged: new Date(Math.max(created.getTime(), past(random, now, 300).getTime())),
    };
  });
  const customers = companies.filter((c) => c.Type !== 'Supplier');
  const orders: WireOrder[] = Array.from({ length: sizes.orders }, (_, i) => {
    const customer = random.pick(customers);
    const person = pickPerson(random);
    const ordered = past(random, now, 120);
    const rows: WireRow[] = Array.from({ length: random.int(1, 4) }, (_, r) => {
      const product = random.pick(products);
      return { ProductId: product.Id, RowId: r + 1, Price: product.Price, Name: product.Name, Quantity: random.int(1, 6), ProductNo: product.No, Type: 'Normal' };
    });
    if (random.chance(0.2)) rows.push({ RowId: rows.length + 1, Name: 'Takk for handelen!', Quantity: 0, Type: 'Text' });
    // A third of the orders leave phone or e-mail empty: the connector then asks the company (the seed's footnotes).
    const contactsOnOrder = random.chance(0.67);
    return {
      OrderId: 10001 + i, CustomerId: customer.Id, CustomerName: customer.Name, CustomerDeliveryName: `${person.firstName} ${person.lastName}`,
      ...(contactsOnOrder ? { CustomerDeliveryPhone: person.phone, InvoiceEmailAddress: person.email } : {}),
      Addresses: { Delivery: address(person, `${person.firstName} ${person.lastName}`), Invoice: customer.Addresses.Invoice! },
      OrderStatus: random.pick(orderStatusMix), DateOrdered: ordered, DateChanged: new Date(ordered.getTime() + random.int(0, 3600) * 1000),
      YourReference: random.chance(0.6) ? `${person.firstName} ${person.lastName[0]}.` : undefined,
      InvoiceTitle: random.chance(0.4) ? 'Leveres på bakdøren' : undefined,
      InvoiceRows: rows, DeliveryDate: random.chance(0.5) ? new Date(ordered.getTime() + 3 * 86_400_000) : undefined,
      ReferenceNumber: random.chance(0.5) ? `REF-${random.chars(6)}` : undefined, DeliveryMethod: random.pick(deliveryMethods),
    };
  });
  return { products, companies, orders };
}
