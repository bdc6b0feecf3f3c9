import { describe, expect, it } from 'vitest';
import { articleSchema, orderInputSchema, purchaseOrderInputSchema } from '../../src/domain/index.js';
import { applyMapping, describeMapping } from '../../src/mapping/index.js';
import type { MappingTable } from '../../src/mapping/index.js';
import { toArticle } from './mappings/to-article.js';
import { toOrder } from './mappings/to-order.js';
import { toPurchaseOrder } from './mappings/to-purchase-order.js';

/** Every row of the seed's tables, proven with a value that can only have come from its source field. */

function mapped(table: MappingTable, source: unknown) {
  const result = applyMapping(table, source);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const product = { id: 9001, type: 'SALES', name: 'Puukko Äijä', code: 'PU-ÄÖ-9001', unit: 'PAIR', price: 77.35, active: false, currency: 'SEK', version: '2025-01-01T00:00:00' };
const article = articleSchema.parse(mapped(toArticle, product));

describe('article rows', () => {
  it.each([
    ['Article Number ⇐ Product ⇒ Code', article.articleNumber, 'PU-ÄÖ-9001'],
    ['Name ⇐ Product ⇒ Name', article.articleName, 'Puukko Äijä'],
    ['Unit ⇒ Code ⇐ Product ⇒ Unit', article.unitCode, 'PAIR'],
    ['Price ⇐ Product ⇒ Price', article.price, 77.35],
    ['Active ⇐ Product ⇒ Active', article.isActive, false],
    ['Purchase Currency Code ⇐ Product ⇒ Currency', article.purchaseCurrencyCode, 'SEK'],
  ] as const)('%s', (_seed, actual, expected) => expect(actual).toEqual(expected));
});

const counterParty = {
  customerNumber: 'ASIAKAS-3387',
  email: 'outi.ostaja@example.se',
  counterPartyAddress: { name: 'Outi Ostaja', street: 'Drottninggatan 88', zip: 'S-11122', city: 'Stockholm', country: 'SWEDEN' },
};
const invoice = {
  id: 48213,
  invoiceNumber: 770019,
  language: 'SWEDISH',
  paymentInfo: { paymentMethod: 'DIRECT_PAYMENT-77' },
  notes: 'Sisäinen huomio 5521',
  deliveryInstructions: 'Ovikoodi 7781',
  orderReference: 'VIITE-ÄÖ-4411',
  deliveryMethod: 'VRCARGO',
  counterParty,
  invoiceRows: [{ id: 99120, productId: 6612, product: 'Villasukat harmaa', productCode: 'VS-06612', quantity: 7.5, discountPercent: 12.5 }],
};
const order = orderInputSchema.parse(mapped(toOrder, invoice));
const line = order.orderLines[0]!;

describe('order rows', () => {
  it.each([
    ['Goods Owner Order ID ⇐ Invoice ⇒ Id', order.orderInfo.goodsOwnerOrderId, '48213'],
    ['Order Number ⇐ Invoice ⇒ Invoice Number', order.orderInfo.goodsOwnerOrderNumber, '770019'],
    ['Language ⇐ Invoice ⇒ Language', order.orderInfo.language, 'sv'],
    ['Terms of Payment ⇐ Invoice ⇒ Payment Info ⇒ Payment Method', order.orderInfo.termsOfPayment, 'DIRECT_PAYMENT-77'],
    ['Order Remark ⇐ Invoice ⇒ Notes', order.orderInfo.orderRemark, 'Sisäinen huomio 5521'],
    ['Delivery Instruction ⇐ Invoice ⇒ Delivery Instructions', order.orderInfo.deliveryInstruction, 'Ovikoodi 7781'],
    ['Reference Number ⇐ Invoice ⇒ Order Reference', order.orderInfo.referenceNumber, 'VIITE-ÄÖ-4411'],
    ['Invoice Number ⇐ Invoice ⇒ Invoice Number', order.orderInfo.invoiceNumber, '770019'],
    ['Customer ⇒ Name ⇐ Counter Party Address ⇒ Name', order.customer?.name, 'Outi Ostaja'],
    ['Customer ⇒ Address ⇐ Counter Party Address ⇒ Street', order.customer?.address, 'Drottninggatan 88'],
    ['Customer ⇒ PostCode ⇐ Counter Party Address ⇒ Zip', order.customer?.postCode, 'S-11122'],
    ['Customer ⇒ City ⇐ Counter Party Address ⇒ City', order.customer?.city, 'Stockholm'],
    ['Customer ⇒ Country ⇐ Counter Party Address ⇒ Country', order.customer?.countryCode, 'SE'],
    ['Customer ⇒ Email ⇐ Counter Party ⇒ Email', order.customer?.email, 'outi.ostaja@example.se'],
    ['Order Line ⇒ Article Number ⇐ Invoice Row ⇒ Product Code', line.articleNumber, 'VS-06612'],
    ['Order Line ⇒ Article Name ⇐ Invoice Row ⇒ Product', line.articleName, 'Villasukat harmaa'],
    ['Order Line ⇒ Product Code ⇐ Invoice Row ⇒ Product Id', line.productCode, '6612'],
    ['Order Line ⇒ Discount ⇐ Invoice Row ⇒ Discount Percent', line.discount, 12.5],
    ['Order Line ⇒ External Order Line ID ⇐ Invoice Row ⇒ Id', line.externalOrderLineId, '99120'],
    ['Order Line ⇒ Number of Items ⇐ Invoice Row ⇒ Quantity', line.numberOfItems, 7.5],
  ] as const)('%s', (_seed, actual, expected) => expect(actual).toEqual(expected));

  it('converts the enum names of the notes: the long United Kingdom, Åland, Norwegian', () => {
    const abroad = { ...invoice, language: 'NORWEGIAN', counterParty: { ...counterParty, counterPartyAddress: { ...counterParty.counterPartyAddress, country: 'UNITED_KINGDOM_OF_GREAT_BRITAIN_AND_NORTHERN_IRELAND' } } };
    expect(orderInputSchema.parse(mapped(toOrder, abroad))).toMatchObject({ orderInfo: { language: 'no' }, customer: { countryCode: 'GB' } });
    const aland = { ...invoice, counterParty: { ...counterParty, counterPartyAddress: { ...counterParty.counterPartyAddress, country: 'ALAND_ISLANDS' } } };
    expect(orderInputSchema.parse(mapped(toOrder, aland)).customer?.countryCode).toBe('AX');
  });
});

const purchase = purchaseOrderInputSchema.parse(mapped(toPurchaseOrder, { ...invoice, counterParty: { ...counterParty, customerNumber: 'T-SUPPLIER-1009' } }));
const inLine = purchase.inOrderLines[0]!;

describe('purchase order rows', () => {
  it.each([
    ['Order Number ⇐ Invoice ⇒ Invoice Number', purchase.inOrderInfo.goodsOwnerOrderNumber, '770019'],
    ['Order Remark ⇐ Invoice ⇒ Notes', purchase.inOrderInfo.orderRemark, 'Sisäinen huomio 5521'],
    ['Reference Number ⇐ Invoice ⇒ Order Reference', purchase.inOrderInfo.referenceNumber, 'VIITE-ÄÖ-4411'],
    ['Way of Delivery ⇐ Invoice ⇒ Delivery Method', purchase.inOrderInfo.wayOfDelivery, 'VRCARGO'],
    ['Order Line ⇒ Article Number ⇐ Invoice Row ⇒ Product Code', inLine.articleNumber, 'VS-06612'],
    ['Order Line ⇒ Article Name ⇐ Invoice Row ⇒ Product', inLine.articleName, 'Villasukat harmaa'],
    ['Order Line ⇒ Product Code ⇐ Invoice Row ⇒ Product Id', inLine.productCode, '6612'],
    ['Order Line ⇒ External Order Line ID ⇐ Invoice Row ⇒ Id', inLine.externalOrderLineId, '99120'],
    ['Order Line ⇒ Number of Items ⇐ Invoice Row ⇒ Quantity', inLine.numberOfItems, 7.5],
    ['Supplier Name ⇐ Counter Party Address ⇒ Name', purchase.supplier?.supplierName, 'Outi Ostaja'],
    ['Supplier Number ⇐ Counter Party ⇒ Customer Number', purchase.supplier?.supplierNumber, 'T-SUPPLIER-1009'],
    ['Supplier ⇒ Address ⇒ Email ⇐ Counter Party ⇒ Email', purchase.supplier?.email, 'outi.ostaja@example.se'],
  ] as const)('%s', (_seed, actual, expected) => expect(actual).toEqual(expected));
});

describe('described tables read like the seed', () => {
  it('article', () => {
    expect(describeMapping(toArticle)).toEqual([
      { wms: 'articleNumber', from: 'Product ⇒ Code' },
      { wms: 'articleName', from: 'Product ⇒ Name' },
      { wms: 'unitCode', from: 'Product ⇒ Unit' },
      { wms: 'price', from: 'Product ⇒ Price' },
      { wms: 'isActive', from: 'Product ⇒ Active' },
      { wms: 'purchaseCurrencyCode', from: 'Product ⇒ Currency' },
    ]);
  });

  it('order', () => {
    expect(describeMapping(toOrder)).toEqual([
      { wms: 'orderInfo.goodsOwnerOrderId', from: 'Invoice ⇒ Id' },
      { wms: 'orderInfo.goodsOwnerOrderNumber', from: 'Invoice ⇒ Invoice Number' },
      { wms: 'orderInfo.language', from: 'Invoice ⇒ Language (as a language code)' },
      { wms: 'orderInfo.termsOfPayment', from: 'Invoice ⇒ Payment Info ⇒ Payment Method' },
      { wms: 'orderInfo.orderRemark', from: 'Invoice ⇒ Notes' },
      { wms: 'orderInfo.deliveryInstruction', from: 'Invoice ⇒ Delivery Instructions' },
      { wms: 'orderInfo.referenceNumber', from: 'Invoice ⇒ Order Reference' },
      { wms: 'orderInfo.invoiceNumber', from: 'Invoice ⇒ Invoice Number' },
      { wms: 'customer.name', from: 'Invoice ⇒ Counter Party ⇒ Counter Party Address ⇒ Name' },
      { wms: 'customer.address', from: 'Invoice ⇒ Counter Party ⇒ Counter Party Address ⇒ Street' },
      { wms: 'customer.postCode', from: 'Invoice ⇒ Counter Party ⇒ Counter Party Address ⇒ Zip' },
      { wms: 'customer.city', from: 'Invoice ⇒ Counter Party ⇒ Counter Party Address ⇒ City' },
      { wms: 'customer.countryCode', from: 'Invoice ⇒ Counter Party ⇒ Counter Party Address ⇒ Country (as an ISO country code)' },
      { wms: 'customer.email', from: 'Invoice ⇒ Counter Party ⇒ Email' },
      { wms: 'orderLines[].articleNumber', from: 'Invoice ⇒ Invoice Row ⇒ Product Code' },
      { wms: 'orderLines[].articleName', from: 'Invoice ⇒ Invoice Row ⇒ Product' },
      { wms: 'orderLines[].productCode', from: 'Invoice ⇒ Invoice Row ⇒ Product Id' },
      { wms: 'orderLines[].discount', from: 'Invoice ⇒ Invoice Row ⇒ Discount Percent' },
      { wms: 'orderLines[].externalOrderLineId', from: 'Invoice ⇒ Invoice Row ⇒ Id' },
      { wms: 'orderLines[].numberOfItems', from: 'Invoice ⇒ Invoice Row ⇒ Quantity' },
    ]);
  });

  it('purchase order', () => {
    expect(describeMapping(toPurchaseOrder)).toEqual([
      { wms: 'inOrderInfo.goodsOwnerOrderNumber', from: 'Invoice ⇒ Invoice Number' },
      { wms: 'inOrderInfo.orderRemark', from: 'Invoice ⇒ Notes' },
      { wms: 'inOrderInfo.referenceNumber', from: 'Invoice ⇒ Order Reference' },
      { wms: 'inOrderInfo.wayOfDelivery', from: 'Invoice ⇒ Delivery Method' },
      { wms: 'supplier.supplierName', from: 'Invoice ⇒ Counter Party ⇒ Counter Party Address ⇒ Name' },
      { wms: 'supplier.supplierNumber', from: 'Invoice ⇒ Counter Party ⇒ Customer Number' },
      { wms: 'supplier.email', from: 'Invoice ⇒ Counter Party ⇒ Email' },
      { wms: 'inOrderLines[].articleNumber', from: 'Invoice ⇒ Invoice Row ⇒ Product Code' },
      { wms: 'inOrderLines[].articleName', from: 'Invoice ⇒ Invoice Row ⇒ Product' },
      { wms: 'inOrderLines[].productCode', from: 'Invoice ⇒ Invoice Row ⇒ Product Id' },
      { wms: 'inOrderLines[].externalOrderLineId', from: 'Invoice ⇒ Invoice Row ⇒ Id' },
      { wms: 'inOrderLines[].numberOfItems', from: 'Invoice ⇒ Invoice Row ⇒ Quantity' },
    ]);
  });
});
