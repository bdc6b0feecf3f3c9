import { describe, expect, it } from 'vitest';
import { orderInputSchema } from '../domain/index.js';
import { applyMapping } from './apply.js';
import { myCashflowArticle, myCashflowOrder } from './fixtures/mycashflow-tables.js';
import { expr as e } from './expr-builders.js';
import type { MappingTable } from './table.js';

const order = {
  id: 1042,
  total: '59,70',
  currency: 'EUR',
  shipping_method: 'posti',
  comments: [
    { visibility: 'Public', comment: 'Leave at the door' },
    { visibility: 'Private', comment: 'Difficult customer' },
    { visibility: 'PUBLIC', comment: 'Ring twice' },
  ],
  shipping_address: {
    first_name: 'Aino',
    last_name: 'Virtanen',
    company: 'Kahvila Oy',
    street_address: 'Mannerheimintie 1',
    country: 'FINLAND',
    phone: '+358401234567',
  },
  order_lines: [
    { id: 1, product_code: 'MUG-01', product_id: 7, variation_id: 3, quantity: '3', unit_price: '19.90' },
    { id: 2, product_code: 4711, product_id: 8, quantity: 1, unit_price: 5 },
  ],
};

const context = { record: 'order 1042', lookups: { wayOfDelivery: { posti: 'POSTI-14' } } };

describe('applyMapping', () => {
  it('builds the canonical order with nested paths and one item per source line', () => {
    const result = applyMapping(myCashflowOrder, order, context);
    expect(result).toEqual({
      ok: true,
      value: {
        orderInfo: {
          goodsOwnerOrderNumber: '1042',
          customerPrice: 59.7,
          orderRemark: 'Leave at the door\nRing twice',
          wayOfDelivery: 'POSTI-14',
          orderNotification: { mobilePhone: '+358401234567' },
        },
        customer: {
          name: 'Aino Virtanen',
          address: 'Mannerheimintie 1',
          countryCode: 'FI',
          notifyBySms: true,
        },
        orderLines: [
          { articleNumber: 'MUG-01', numberOfItems: 3, linePrice: 59.7, productCode: '7-3', currencyCode: 'EUR' },
          { articleNumber: '4711', numberOfItems: 1, linePrice: 5, productCode: '8', currencyCode: 'EUR' },
        ],
      },
    });
    expect(result.ok && orderInputSchema.safeParse(result.value).success).toBe(true);
  });

  it('leaves out empty values instead of writing "" or null', () => {
    const bare = {
      id: 7,
      total: null,
      shipping_address: { first_name: ' ', last_name: '', company: 'Kahvila Oy', phone: '' },
      order_lines: [{ product_code: 'A', quantity: 1 }],
    };
    expect(applyMapping(myCashflowOrder, bare)).toEqual({
      ok: true,
      value: {
        orderInfo: { goodsOwnerOrderNumber: '7' },
        customer: { name: 'Kahvila Oy' },
        orderLines: [{ articleNumber: 'A', numberOfItems: 1 }],
      },
    });
  });

  it('collects every failing field, naming the record, the line and the value', () => {
    const bad = {
      ...order,
      total: 'lots',
      shipping_address: { ...order.shipping_address, country: 'Atlantis' },
      order_lines: [order.order_lines[0], { product_code: 'B', quantity: 'abc' }],
    };
    expect(applyMapping(myCashflowOrder, bad, context)).toEqual({
      ok: false,
      error: [
        { record: 'order 1042', field: 'orderInfo.customerPrice', value: 'lots', reason: 'is not a number' },
        {
          record: 'order 1042',
          field: 'customer.countryCode',
          value: 'Atlantis',
          reason: 'is not a known country name or ISO 3166-1 code',
        },
        { record: 'order 1042', field: 'orderLines[1].numberOfItems', value: 'abc', reason: 'is not a number' },
        { record: 'order 1042', field: 'orderLines[1].linePrice', value: 'abc', reason: 'is not a number' },
      ],
    });
  });

  it('names the record after the target when the caller gives no label', () => {
    const result = applyMapping(myCashflowOrder, { ...order, total: 'x' });
    expect(!result.ok && result.error[0]?.record).toBe('order');
  });

  it('leaves the list out when the source has no lines, and refuses lines that are not a list', () => {
    expect(applyMapping(myCashflowOrder, { id: 1 })).toEqual({ ok: true, value: { orderInfo: { goodsOwnerOrderNumber: '1' } } });
    expect(applyMapping(myCashflowOrder, { id: 1, order_lines: { id: 1 } }, context)).toEqual({
      ok: false,
      error: [{ record: 'order 1042', field: 'orderLines', value: { id: 1 }, reason: 'is not a list' }],
    });
  });

  it('yields one article per variation, falling back to the product when there are none', () => {
    const product = { id: 7, name: 'Mug', product_code: 'MUG', price: 12, weight: 350, vat_rate: '25,5' };
    const variations = [
      { id: 3, name: 'Red', product_code: 'MUG-R', price: '14.50', translations: [{ language: 'FINNISH', name: 'Muki' }] },
      { id: 4, name: 'Blue', product_code: 'MUG-B' },
    ];
    const articles = variations.map((variation) => applyMapping(myCashflowArticle, { product, variation }));
    expect(articles).toEqual([
      {
        ok: true,
        value: {
          articleNumber: 'MUG-R',
          articleName: 'Mug - Red',
          productCode: '7-3',
          price: 14.5,
          netWeight: 0.35,
          vatPercent: 25.5,
          alternativeNames: [{ language: 'fi', name: 'Muki' }],
        },
      },
      {
        ok: true,
        value: {
          articleNumber: 'MUG-B',
          articleName: 'Mug - Blue',
          productCode: '7-4',
          price: 12,
          netWeight: 0.35,
          vatPercent: 25.5,
        },
      },
    ]);
    expect(applyMapping(myCashflowArticle, { product })).toEqual({
      ok: true,
      value: { articleNumber: 'MUG', articleName: 'Mug', productCode: '7', price: 12, netWeight: 0.35, vatPercent: 25.5 },
    });
  });

  it('reads settings from the context', () => {
    const table: MappingTable = {
      target: 'purchaseOrder',
      rows: [
        { wms: 'inOrderInfo.goodsOwnerOrderNumber', from: e.path('no') },
        { wms: 'inOrderInfo.wayOfDelivery', from: e.firstOf(e.path('delivery'), e.setting('defaultWayOfDelivery')) },
      ],
    };
    expect(applyMapping(table, { no: 'PO-9' }, { settings: { defaultWayOfDelivery: 'TRUCK' } })).toEqual({
      ok: true,
      value: { inOrderInfo: { goodsOwnerOrderNumber: 'PO-9', wayOfDelivery: 'TRUCK' } },
    });
  });
});
