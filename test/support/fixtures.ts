import type { OrderInput, PurchaseOrderInput } from '../../src/domain/index.js';

/** Small canonical records with distinctive values, shared by the WMS, CLI and HTTP tests. */
export const sampleArticle = (articleNumber = 'ART-1001') => ({
  articleNumber,
  articleName: 'Merino wool socks, grey',
  barCode: '6412345678901',
  price: 12.9,
  weight: 0.12,
  vatPercent: 25.5,
  alternativeNames: [{ language: 'fi', name: 'Merinovillasukat, harmaa' }],
});

export const sampleOrder = (orderNumber = 'SO-5001'): OrderInput => ({
  orderInfo: { goodsOwnerOrderNumber: orderNumber, orderRemark: 'Leave at the door', wayOfDelivery: 'POSTI-EXPRESS' },
  customer: { name: 'Aino Virtanen', address: 'Mannerheimintie 12 B 7', postCode: '00100', city: 'Helsinki', countryCode: 'FI', email: 'aino@example.fi' },
  orderLines: [
    { articleNumber: 'ART-1001', numberOfItems: 3, externalOrderLineCode: 'L-1', linePrice: 38.7 },
    { articleNumber: 'ART-1002', numberOfItems: 2, externalOrderLineCode: 'L-2' },
  ],
});

export const samplePurchaseOrder = (orderNumber = 'PO-7001'): PurchaseOrderInput => ({
  inOrderInfo: { goodsOwnerOrderNumber: orderNumber, inDate: '2026-12-01', orderRemark: 'Pallet 2 of 3' },
  supplier: { supplierNumber: 'SUP-9', supplierName: 'Nordic Yarns Oy', city: 'Tampere', countryCode: 'FI' },
  inOrderLines: [
    { articleNumber: 'ART-1001', numberOfItems: 100, externalOrderLineCode: 'P-1' },
    { articleNumber: 'ART-1002', numberOfItems: 40, externalOrderLineCode: 'P-2' },
  ],
});
