import { describe, expect, it } from 'vitest';
import { applyMapping, describeMapping } from '../../src/connectors/sdk/index.js';
import type { MappingTable } from '../../src/connectors/sdk/index.js';
import { articleSchema, orderInputSchema, supplierSchema } from '../../src/domain/index.js';
import { toArticle } from './mappings/to-article.js';
import { toOrder } from './mappings/to-order.js';
import { toSupplier } from './mappings/to-supplier.js';

/** Every row of the seed's tables, proven with a value that can only have come from its source field. */

function mapped(table: MappingTable, source: unknown) {
  const result = applyMapping(table, source);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const product = { Id: 48213, No: 'TUR-ÆØÅ-77', Name: 'Turstøvel Jotunheimen', Description: 'Vanntett, str. 44', EAN1: '7038010012345', Weight: 1.375, DateChanged: '2025-01-02T03:04:05' };
const article = articleSchema.parse(mapped(toArticle, product));

describe('article rows', () => {
  it.each([
    ['ArticleDefinition ⇒ ProductCode ⇐ Product ⇒ Id', article.productCode, '48213'],
    ['ArticleDefinition ⇒ ArticleNumber ⇐ Product ⇒ No', article.articleNumber, 'TUR-ÆØÅ-77'],
    ['ArticleDefinition ⇒ ArticleName ⇐ Product ⇒ Name', article.articleName, 'Turstøvel Jotunheimen'],
    ['ArticleDefinition ⇒ ArticleDescription ⇐ Product ⇒ Description', article.articleDescription, 'Vanntett, str. 44'],
    ['ArticleDefinition ⇒ BarCode ⇐ Product ⇒ EAN1', article.barCode, '7038010012345'],
    ['ArticleDefinition ⇒ Weight ⇐ Product ⇒ Weight', article.weight, 1.375],
  ] as const)('%s', (_seed, actual, expected) => expect(actual).toEqual(expected));
});

const address = (prefix: string, country: string) => ({ Street: `${prefix}gata 12`, State: `${prefix}-ST`, PostalCode: `${prefix}-0150`, PostalArea: `${prefix}by`, City: `${prefix}-city`, Country: country, Name: `${prefix} navn` });
const invoiceOrder = {
  OrderId: 770019,
  CustomerId: 5521,
  CustomerName: 'Fakturamottaker AS',
  CustomerDeliveryName: 'Kari Nordmann',
  CustomerDeliveryPhone: '+47 915 11 222',
  InvoiceEmailAddress: 'kari.faktura@example.no',
  Addresses: { Delivery: address('Lever', 'NO'), Invoice: address('Faktura', 'SE') },
  OrderStatus: 'Confirmed',
  DeliveryDate: '2025-06-01T00:00:00',
  ReferenceNumber: 'REF-4411',
  YourReference: 'Selger Ola',
  InvoiceTitle: 'Leveres bakdør, kode 7781',
  DeliveryMethod: { Id: 37, Description: 'Bring Hjemlevering' },
  InvoiceRows: [{ ProductId: 6612, RowId: 99120, Quantity: 7.5, ProductNo: 'VS-06612' }],
};
const order = orderInputSchema.parse(mapped(toOrder, invoiceOrder));
const line = order.orderLines[0]!;

describe('order rows', () => {
  it.each([
    ['OrderInfo ⇒ GoodsOwnerOrderNumber ⇐ InvoiceOrder ⇒ OrderId', order.orderInfo.goodsOwnerOrderNumber, '770019'],
    ['OrderInfo ⇒ DeliveryDate ⇐ InvoiceOrder ⇒ DeliveryDate', order.orderInfo.deliveryDate, '2025-06-01T00:00:00'],
    ['OrderInfo ⇒ ReferenceNumber ⇐ InvoiceOrder ⇒ ReferenceNumber', order.orderInfo.referenceNumber, 'REF-4411'],
    ['OrderInfo ⇒ SalesCode ⇐ InvoiceOrder ⇒ YourReference', order.orderInfo.salesCode, 'Selger Ola'],
    ['OrderInfo ⇒ WayOfDelivery ⇐ InvoiceOrder ⇒ DeliveryMethod ⇒ Description', order.orderInfo.wayOfDelivery, 'Bring Hjemlevering'],
    ['OrderInfo ⇒ WayOfDeliveryType ⇒ Code ⇐ InvoiceOrder ⇒ DeliveryMethod ⇒ Id', order.orderInfo.wayOfDeliveryType?.code, '37'],
    ['OrderInfo ⇒ WayOfDeliveryType ⇒ Name ⇐ InvoiceOrder ⇒ DeliveryMethod ⇒ Description', order.orderInfo.wayOfDeliveryType?.name, 'Bring Hjemlevering'],
    ['OrderInfo ⇒ OrderRemark ⇐ InvoiceOrder ⇒ InvoiceTitle', order.orderInfo.orderRemark, 'Leveres bakdør, kode 7781'],
    ['Customer ⇒ CustomerNumber ⇐ InvoiceOrder ⇒ CustomerId', order.customer?.customerNumber, '5521'],
    ['Customer ⇒ Name ⇐ InvoiceOrder ⇒ CustomerDeliveryName', order.customer?.name, 'Kari Nordmann'],
    ['Customer ⇒ Address ⇐ deliveryAddress ⇒ Street', order.customer?.address, 'Levergata 12'],
    ['Customer ⇒ PostCode ⇐ deliveryAddress ⇒ PostalCode', order.customer?.postCode, 'Lever-0150'],
    ['Customer ⇒ City ⇐ deliveryAddress ⇒ PostalArea', order.customer?.city, 'Leverby'],
    ['Customer ⇒ CountryCode ⇐ deliveryAddress ⇒ Country', order.customer?.countryCode, 'NO'],
    ['Customer ⇒ CountryStateCode ⇐ deliveryAddress ⇒ State', order.customer?.countryStateCode, 'Lever-ST'],
    ['Customer ⇒ MobilePhone ⇐ InvoiceOrder ⇒ CustomerDeliveryPhone', order.customer?.mobilePhone, '+47 915 11 222'],
    ['Customer ⇒ TelePhone ⇐ InvoiceOrder ⇒ CustomerDeliveryPhone', order.customer?.telephone, '+47 915 11 222'],
    ['Customer ⇒ Email ⇐ InvoiceOrder ⇒ InvoiceEmailAddress', order.customer?.email, 'kari.faktura@example.no'],
    ['Customer ⇒ InvoiceAddress ⇒ name ⇐ InvoiceOrder ⇒ CustomerName', order.customer?.invoiceAddress?.name, 'Fakturamottaker AS'],
    ['Customer ⇒ InvoiceAddress ⇒ Address ⇐ invoiceAddress ⇒ Street', order.customer?.invoiceAddress?.address, 'Fakturagata 12'],
    ['Customer ⇒ InvoiceAddress ⇒ PostCode ⇐ invoiceAddress ⇒ PostalCode', order.customer?.invoiceAddress?.postCode, 'Faktura-0150'],
    ['Customer ⇒ InvoiceAddress ⇒ City ⇐ invoiceAddress ⇒ PostalArea', order.customer?.invoiceAddress?.city, 'Fakturaby'],
    ['Customer ⇒ InvoiceAddress ⇒ CountryCode ⇐ invoiceAddress ⇒ Country', order.customer?.invoiceAddress?.countryCode, 'SE'],
    ['Customer ⇒ InvoiceAddress ⇒ CountryStateCode ⇐ invoiceAddress ⇒ State', order.customer?.invoiceAddress?.countryStateCode, 'Faktura-ST'],
    ['CustomerOrderLines ⇒ ProductCode ⇐ InvoiceRow ⇒ ProductId', line.productCode, '6612'],
    ['CustomerOrderLines ⇒ ExternalOrderLineCode ⇐ InvoiceRow ⇒ RowId', line.externalOrderLineCode, '99120'],
    ['CustomerOrderLines ⇒ NumberOfItems ⇐ InvoiceRow ⇒ Quantity', line.numberOfItems, 7.5],
    ['(not a seed row) CustomerOrderLines ⇒ ArticleNumber ⇐ InvoiceRow ⇒ ProductNo', line.articleNumber, 'VS-06612'],
  ] as const)('%s', (_seed, actual, expected) => expect(actual).toEqual(expected));
});

describe("the footnotes: phone and e-mail fall back to the company's", () => {
  const company = {
    Id: 5521,
    PhoneNumbers: { Home: { Value: '+47 22 00 00 01' }, Mobile: { Value: '+47 400 55 666' }, Primary: { Value: '+47 23 45 67 89' }, Work: { Value: '+47 21 00 00 02' } },
    EmailAddresses: { Invoice: { Value: 'regnskap.5521@firma.example.no' }, Primary: { Value: 'post@firma.example.no' } },
  };
  const customerOf = (source: object) => orderInputSchema.parse(mapped(toOrder, source)).customer;

  it('* an empty or missing delivery phone: the mobile number for MobilePhone, the primary one for TelePhone', () => {
    expect(customerOf({ ...invoiceOrder, CustomerDeliveryPhone: '', Company: company })).toMatchObject({ mobilePhone: '+47 400 55 666', telephone: '+47 23 45 67 89' });
    const { CustomerDeliveryPhone: _gone, ...noPhone } = invoiceOrder;
    expect(customerOf({ ...noPhone, Company: company })).toMatchObject({ mobilePhone: '+47 400 55 666', telephone: '+47 23 45 67 89' });
  });

  it('* then the other numbers, in the order primary, work, home, mobile', () => {
    const onlyWork = { ...company, PhoneNumbers: { Work: { Value: '+47 21 00 00 02' }, Home: { Value: '+47 22 00 00 01' } } };
    expect(customerOf({ ...invoiceOrder, CustomerDeliveryPhone: ' ', Company: onlyWork })).toMatchObject({ mobilePhone: '+47 21 00 00 02', telephone: '+47 21 00 00 02' });
  });

  it('** an empty invoice e-mail: the company\'s invoice address, else its primary one', () => {
    expect(customerOf({ ...invoiceOrder, InvoiceEmailAddress: '', Company: company })?.email).toBe('regnskap.5521@firma.example.no');
    expect(customerOf({ ...invoiceOrder, InvoiceEmailAddress: '', Company: { ...company, EmailAddresses: { Primary: { Value: 'post@firma.example.no' } } } })?.email).toBe('post@firma.example.no');
  });

  it("the order's own values win over the company's", () => {
    expect(customerOf({ ...invoiceOrder, Company: company })).toMatchObject({ mobilePhone: '+47 915 11 222', telephone: '+47 915 11 222', email: 'kari.faktura@example.no' });
  });
});

const supplier = supplierSchema.parse(
  mapped(toSupplier, { Id: 90017, Name: 'Fjordvarer Engros AS', Addresses: { Post: { Street: 'Postboks 4411', PostalCode: '5003', PostalArea: 'Sentrum', City: 'Bergen', Country: 'DK' } } }),
);

describe('supplier rows', () => {
  it.each([
    ['Supplier ⇒ SupplierNumber ⇐ Company ⇒ Id', supplier.supplierNumber, '90017'],
    ['Supplier ⇒ SupplierName ⇐ Company ⇒ Name', supplier.supplierName, 'Fjordvarer Engros AS'],
    ['Supplier ⇒ Address ⇒ Address ⇐ Company ⇒ Addresses ⇒ Post ⇒ Street', supplier.address, 'Postboks 4411'],
    ['Supplier ⇒ Address ⇒ PostCode ⇐ Company ⇒ Addresses ⇒ Post ⇒ PostalCode', supplier.postCode, '5003'],
    ['Supplier ⇒ Address ⇒ City ⇐ Company ⇒ Addresses ⇒ Post ⇒ City', supplier.city, 'Bergen'],
    ['Supplier ⇒ Address ⇒ CountryCode ⇐ Company ⇒ Addresses ⇒ Post ⇒ Country', supplier.countryCode, 'DK'],
  ] as const)('%s', (_seed, actual, expected) => expect(actual).toEqual(expected));
});

describe('described tables read like the seed', () => {
  it('article', () => {
    expect(describeMapping(toArticle)).toEqual([
      { wms: 'productCode', from: 'Product ⇒ Id' },
      { wms: 'articleNumber', from: 'Product ⇒ No' },
      { wms: 'articleName', from: 'Product ⇒ Name' },
      { wms: 'articleDescription', from: 'Product ⇒ Description' },
      { wms: 'barCode', from: 'Product ⇒ EAN1' },
      { wms: 'weight', from: 'Product ⇒ Weight' },
    ]);
  });

  it('order, with the footnotes as fallbacks', () => {
    const rows = Object.fromEntries(describeMapping(toOrder).map((r) => [r.wms, r.from]));
    expect(rows).toMatchObject({
      'orderInfo.goodsOwnerOrderNumber': 'InvoiceOrder ⇒ OrderId',
      'orderInfo.wayOfDeliveryType.code': 'InvoiceOrder ⇒ DeliveryMethod ⇒ Id',
      'customer.address': 'deliveryAddress ⇒ Street',
      'customer.invoiceAddress.countryCode': 'invoiceAddress ⇒ Country (as an ISO country code)',
      'customer.mobilePhone': expect.stringMatching(/^InvoiceOrder ⇒ CustomerDeliveryPhone or CompanyService ⇒ PhoneNumbers ⇒ Mobile or /),
      'customer.email': expect.stringMatching(/^InvoiceOrder ⇒ InvoiceEmailAddress or CompanyService ⇒ EmailAddresses ⇒ Invoice or /),
      'orderLines[].productCode': 'InvoiceRow ⇒ ProductId',
      'orderLines[].externalOrderLineCode': 'InvoiceRow ⇒ RowId',
      'orderLines[].numberOfItems': 'InvoiceRow ⇒ Quantity',
    });
    expect(Object.keys(rows)).toHaveLength(28);
  });

  it('supplier', () => {
    expect(describeMapping(toSupplier).map((r) => r.from)).toEqual([
      'Company ⇒ Id', 'Company ⇒ Name', 'Company ⇒ Addresses ⇒ Post ⇒ Street', 'Company ⇒ Addresses ⇒ Post ⇒ PostalCode',
      'Company ⇒ Addresses ⇒ Post ⇒ City', 'Company ⇒ Addresses ⇒ Post ⇒ Country (as an ISO country code)',
    ]);
  });
});
