import { describe, expect, it } from 'vitest';
import { articleSchema, orderInputSchema, purchaseOrderInputSchema } from '../../src/domain/index.js';
import { applyMapping } from '../../src/mapping/index.js';
import type { MappingTable } from '../../src/mapping/index.js';
import { inProcessApi, signal, testSandbox } from './fixtures/in-process.js';
import { toArticle } from './mappings/to-article.js';
import { toOrder } from './mappings/to-order.js';
import { toPurchaseOrder } from './mappings/to-purchase-order.js';
import type { StoredOrder } from './sandbox/data.js';

/**
 * Every row of the seed's tables, proven with a value that can only have come from its source
 * field: the record is written by the sandbox in Specter's XML, read back by the connector and
 * mapped, so the wire names are part of what is proven.
 */

function mapped(table: MappingTable, source: unknown) {
  const result = applyMapping(table, source);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('article rows', () => {
  it('maps all 15 article fields from the feed', async () => {
    const sandbox = testSandbox({ articles: 1 });
    sandbox.store.putArticle({
      articleNo: 'ÅR-77', articleId: '880077', name: 'Kanna blå', comment: 'Handgjord i Gustavsberg', articleGroup: 'Keramik', barCode: '7350000077001',
      supplierName: 'Lerverk AB', manufacturingCountryCode: 'pt', commodityCode: '69120010', buyPrice: 12.5, priceExclVat: 99, stockPrice: 13.75,
      vatPercent: 12, volume: 0.04, weight: 0.85,
    });
    const api = inProcessApi(sandbox);
    const batches = [];
    for await (const page of api.articleBatches(signal)) batches.push(...page);
    const item = batches.find((b) => b.ok && b.value.articleNo === 'ÅR-77');
    expect(item?.ok).toBe(true);
    const article = articleSchema.parse(mapped(toArticle, item!.ok ? item!.value : undefined));
    expect(article).toEqual({
      articleName: 'Kanna blå', // Name ⇐ Name
      articleDescription: 'Handgjord i Gustavsberg', // Article description ⇐ Article comment
      articleNumber: 'ÅR-77', // Article number ⇐ Article no.
      productCode: '880077', // Product code ⇐ Article id
      articleGroup: 'Keramik',
      barCode: '7350000077001',
      mainSupplier: 'Lerverk AB', // Main supplier ⇐ Suppliers ⇒ Supplier name
      countryOfOriginCode: 'PT', // Country of origin code ⇐ Manufacturing country code
      statisticsNumber: '69120010', // Statistics number ⇐ Commodity code
      purchasePrice: 12.5, // Purchase price ⇐ Buy price ("12,5" on the wire)
      customerPrice: 99, // Customer price ⇐ Price excluding VAT
      price: 13.75, // Price ⇐ Stock price
      vatCode: '12', // VAT code ⇐ VAT percent
      volume: 0.04,
      weight: 0.85,
    });
  });
});

const person: Partial<StoredOrder> = {
  customerReference: 'KUNDREF-4411', deliveryDate: '2026-12-09', internalComment: 'Ring innan', publicComment: 'Lämna hos grannen', webshopNo: '3',
  preparedShipmentId: 'KLARNA-SHIP-9', reference: 'Er ref Berit', agentNo: '716523', bulkId: 'BULK-42', currency: 'NOK',
  customer: { customerId: '30331', firstName: 'Berit', surName: 'Ås', phone: '+46 8 123 45', mobilePhone: '+46 70 999 11', orgNo: '556677-8899', vatNo: 'SE556677889901' },
  deliveryAddress: { address: 'Storgatan 1', address2: 'Port 2', address3: 'Vån 3', zipCode: '11122', city: 'Stockholm', countryCode: 'SE', attention: 'Lager-Berit', notifyMobileNo: '+46 70 555 01', notifyByMobile: '1' },
  invoiceAddress: { address: 'Box 77', address2: 'ignored by the seed', address3: 'Fakturaavd', zipCode: '10405', city: 'Solna', countryCode: 'NO', attention: 'Ekonomi-Per' },
  rows: [{ rowId: '88001', rowNo: '4', articleNo: 'SP-1001', description: 'Presentinslagen', noItems: 3, noItems2: 2, rowSumVat: 15, rowSumExclVat: 60.5, noItemsDelivered: 0 }],
};

async function importedOrder(changes: Partial<StoredOrder>) {
  const sandbox = testSandbox({ orders: 0 });
  const order = sandbox.store.createOrder(changes);
  const item = await inProcessApi(sandbox).order(order.orderNo, signal);
  expect(item?.ok, JSON.stringify(item)).toBe(true);
  return orderInputSchema.parse(mapped(toOrder, item!.ok ? item!.value : undefined));
}

describe('order rows', () => {
  it('maps every order-info, customer and line row', async () => {
    const order = await importedOrder(person);
    expect(order.orderInfo).toEqual({
      consigneeOrderNumber: 'KUNDREF-4411', deliveryDate: '2026-12-09', freeText1: 'Ring innan', goodsOwnerOrderNumber: order.orderInfo.goodsOwnerOrderNumber,
      marketplace: '3', orderNotification: { mobilePhone: '+46 70 555 01', notifyBySms: true }, orderRemark: 'Lämna hos grannen',
      preparedTransportDocumentId: 'KLARNA-SHIP-9', referenceNumber: 'Er ref Berit', salesCode: 'Ekonomi-Per', servicePointCode: '716523', transporterBulkId: 'BULK-42',
    });
    expect(order.orderInfo.goodsOwnerOrderNumber).toMatch(/^\d+$/);
    expect(order.customer).toEqual({
      address: 'Storgatan 1', address2: 'Port 2', address3: 'Vån 3', city: 'Stockholm', countryCode: 'SE', customerNumber: '30331', externalCustomerCode: '30331',
      // The seed maps the invoice Address2 from the invoice Address, as it stands.
      invoiceAddress: { address: 'Box 77', address2: 'Box 77', address3: 'Fakturaavd', postCode: '10405', city: 'Solna', countryCode: 'NO' },
      mobilePhone: '+46 70 999 11', name: 'Berit Ås', organisationNumber: '556677-8899', postCode: '11122', telephone: '+46 8 123 45', vatNumber: 'SE556677889901',
    });
    expect(order.orderLines).toEqual([
      {
        articleNumber: 'SP-1001', currencyCode: 'NOK', externalOrderLineCode: '4', externalOrderLineId: '88001',
        linePrice: 75.5, // row sum VAT 15 + row sum excl. VAT 60,5
        numberOfItems: 6, // no items 3 × no items2 2
        orderLineComment: 'Presentinslagen',
      },
    ]);
  });

  it('names a company customer by its company name, and takes the delivery attention when the invoice has none', async () => {
    const order = await importedOrder({
      ...person,
      customer: { customerId: '30332', companyName: 'Lerverk AB' },
      invoiceAddress: { ...person.invoiceAddress, attention: undefined },
    });
    expect(order.customer?.name).toBe('Lerverk AB');
    expect(order.orderInfo.salesCode).toBe('Lager-Berit');
  });

  it('does not notify by SMS when Specter says 0', async () => {
    const order = await importedOrder({ ...person, deliveryAddress: { ...person.deliveryAddress, notifyByMobile: '0' } });
    expect(order.orderInfo.orderNotification?.notifyBySms).toBe(false);
  });
});

describe('purchase order rows', () => {
  it('maps every in-order-info, supplier and line row', async () => {
    const sandbox = testSandbox({ purchases: 0 });
    const purchase = sandbox.store.createPurchase({
      orderDate: '2026-11-20', deliveryOutDate: '2026-12-14',
      supplier: { supplierNo: '318', name: 'Lerverk AB', address: 'Verkstadsgatan 4', address2: 'Hus 2', address3: 'Godsmottagning', postalCode: '41101', city: 'Göteborg', countryCode: 'SE' },
      rows: [{ id: '70991', number: '2', articleNo: 'SP-1002', quantity: 48, rowSumVat: 120.25, rowSumExclVat: 481, noItemsDelivered: 0 }],
    });
    const item = await inProcessApi(sandbox).purchase(purchase.purchaseNo, signal);
    const mappedPurchase = purchaseOrderInputSchema.parse(mapped(toPurchaseOrder, item!.ok ? item!.value : undefined));
    expect(mappedPurchase).toEqual({
      inOrderInfo: { goodsOwnerOrderNumber: purchase.purchaseNo, inDate: '2026-12-14', orderDate: '2026-11-20' },
      supplier: { address: 'Verkstadsgatan 4', address2: 'Hus 2', address3: 'Godsmottagning', city: 'Göteborg', countryCode: 'SE', postCode: '41101', supplierName: 'Lerverk AB' },
      inOrderLines: [{ articleNumber: 'SP-1002', externalOrderLineId: '70991', externalOrderLineCode: '2', numberOfItems: 48, rowPrice: 601.25 }],
    });
  });
});
