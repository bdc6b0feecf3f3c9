import { describe, expect, it } from 'vitest';
import { articleSchema, orderInputSchema } from '../../src/domain/index.js';
import { applyMapping, describeMapping } from '../../src/mapping/index.js';
import { toArticle } from './mappings/to-article.js';
import { toOrder } from './mappings/to-order.js';

/** Every row of the seed's tables, proven with a value that can only have come from its source field. */

const product = {
  id: 9001,
  name: 'Retkituoli Otava',
  product_code: 'RET-09001',
  supplier_code: 'SUP-ÅÄÖ-771',
  price: 59.9,
  purchase_price: 21.5,
  vat_rate: 14,
  weight: 3.25,
  stock_item: { code: 'RET-09001', barcode: '6417770000000' },
  translations: [{ language: 'sv', name: 'Campingstol Otava' }],
};
const variation = { id: 90017, product_id: 9001, name: 'Sininen', product_code: 'RET-09001-SIN', price: 64.9, purchase_price: 23.75, stock_item: { barcode: '6417770000017' } };

function article(source: unknown) {
  const result = applyMapping(toArticle, source);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return articleSchema.parse(result.value);
}
const ofVariation = article({ product: { ...product, stock_item: null }, variation });
const ofProduct = article({ product, variation: undefined });

describe('article rows', () => {
  it.each([
    ['Article number ⇐ Variation* ⇒ Product code', 'articleNumber', 'RET-09001-SIN', 'RET-09001'],
    ['Barcode ⇐ Variation* ⇒ Stock item ⇒ Barcode', 'barCode', '6417770000017', '6417770000000'],
    ['Customer price ⇐ Variation* ⇒ Price', 'customerPrice', 64.9, 59.9],
    ['Name ⇐ [Product name] - [Variation name]', 'articleName', 'Retkituoli Otava - Sininen', 'Retkituoli Otava'],
    ['Alternative names ⇐ Variation* ⇒ Translations', 'alternativeNames', [{ language: 'sv', name: 'Campingstol Otava - Sininen' }], [{ language: 'sv', name: 'Campingstol Otava' }]],
    ['Price ⇐ Variation* ⇒ Price', 'price', 64.9, 59.9],
    ['Net weight ⇐ Product ⇒ weight', 'netWeight', 3.25, 3.25],
    ['Product code ⇐ [Product id]-[Variation id]', 'productCode', '9001-90017', '9001'],
    ['Purchase price ⇐ Variation* ⇒ purchase price', 'purchasePrice', 23.75, 21.5],
    ['Supplier article number ⇐ Product ⇒ Supplier code', 'supplierArticleNumber', 'SUP-ÅÄÖ-771', 'SUP-ÅÄÖ-771'],
    ['Vat code ⇒ Vat percent ⇐ Product ⇒ Vat rate', 'vatPercent', 14, 14],
  ] as const)('%s', (_seed, field, fromVariation, fromProduct) => {
    expect(ofVariation[field]).toEqual(fromVariation);
    expect(ofProduct[field]).toEqual(fromProduct);
  });

  it('takes the product price for a variation that leaves its own empty (Variation*)', () => {
    expect(article({ product, variation: { ...variation, price: null } }).price).toBe(59.9);
  });
});

const order = {
  id: 7788,
  total: 123.45,
  shipping_method_id: 42,
  tax_summary: { total: [{ tax_rate: 24, total: 123.45 }, { tax_rate: 14, total: 10 }] },
  comments: [
    { visibility: 'PUBLIC', text: 'Ovikoodi 1234' },
    { visibility: 'private', text: 'Secret note' },
  ],
  shipping_address: {
    company: 'Meikäläinen Oy', first_name: 'Matti', last_name: 'Meikäläinen', street_address: 'Pohjoisesplanadi 11',
    postal_code: '20100', city: 'Turku', country: 'Sweden', phone: '+46701234567', email: 'matti@example.se',
  },
  products: [{ id: 77881, product_id: 301, variation_id: 3012, product_code: 'LIN-00301-2', product_name: 'Lintuopas', model_name: 'Kovakantinen', unit_price: 12.5, quantity: 3 }],
};

function canonicalOrder(source: unknown) {
  const result = applyMapping(toOrder, source);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return orderInputSchema.parse(result.value);
}
const mappedOrder = canonicalOrder(order);
const line = mappedOrder.orderLines[0]!;

describe('order rows', () => {
  it.each([
    ['Customer price ⇐ Order ⇒ Total', mappedOrder.orderInfo.customerPrice, 123.45],
    ['Customs currency code ⇐ Order ⇒ TaxSummary ⇒ Tax rate', mappedOrder.orderInfo.customsCurrencyCode, '24'],
    ['Order number ⇐ Order ⇒ Id', mappedOrder.orderInfo.goodsOwnerOrderNumber, '7788'],
    ['Order remark ⇐ Order ⇒ Comments, where the visibility is "Public"', mappedOrder.orderInfo.orderRemark, 'Ovikoodi 1234'],
    ['Goods owner order id ⇐ Order ⇒ Id', mappedOrder.orderInfo.goodsOwnerOrderId, '7788'],
    ['Way of delivery ⇐ Order ⇒ Shipping method', mappedOrder.orderInfo.wayOfDelivery, '42'],
    ['Customer address ⇐ Shipping address ⇒ Street address', mappedOrder.customer?.address, 'Pohjoisesplanadi 11'],
    ['Customer city ⇐ Shipping address ⇒ City', mappedOrder.customer?.city, 'Turku'],
    ['Customer country code ⇐ Shipping address ⇒ Country', mappedOrder.customer?.countryCode, 'SE'],
    ['Customer email ⇐ Shipping address ⇒ Email', mappedOrder.customer?.email, 'matti@example.se'],
    ['Customer mobile phone ⇐ Shipping address ⇒ Phone', mappedOrder.customer?.mobilePhone, '+46701234567'],
    ['Customer name ⇐ First name + LastName', mappedOrder.customer?.name, 'Matti Meikäläinen'],
    ['Customer post code ⇐ Shipping address ⇒ Postal code', mappedOrder.customer?.postCode, '20100'],
    ['External order line code ⇐ Order line ⇒ Id', line.externalOrderLineCode, '77881'],
    ['Line price ⇐ Unit price x quantity', line.linePrice, 37.5],
    ['Number of items ⇐ Order line ⇒ Quantity', line.numberOfItems, 3],
    ['Product code ⇐ Product id and Variation id', line.productCode, '301-3012'],
    ['Total customs value ⇐ Unit price x quantity', line.totalCustomsValue, 37.5],
    ['(not a seed row) Article number ⇐ Order line ⇒ Product code', line.articleNumber, 'LIN-00301-2'],
    ['(not a seed row) Article name ⇐ Product name - Model name', line.articleName, 'Lintuopas - Kovakantinen'],
  ] as const)('%s', (_seed, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  it('names the customer by the company when the address has no person', () => {
    const companyOnly = { ...order, shipping_address: { ...order.shipping_address, first_name: null, last_name: ' ' } };
    expect(canonicalOrder(companyOnly).customer?.name).toBe('Meikäläinen Oy');
  });

  it('leaves the remark out when no comment is public', () => {
    expect(canonicalOrder({ ...order, comments: [order.comments[1]] }).orderInfo.orderRemark).toBeUndefined();
  });
});

describe('described tables', () => {
  it('read like the seed article table, one row per seed row (alternative names: language and name)', () => {
    expect(describeMapping(toArticle)).toEqual([
      { wms: 'articleNumber', from: 'Variation ⇒ Product code or Product ⇒ Product code' },
      { wms: 'barCode', from: 'Variation ⇒ Stock item ⇒ Barcode or Product ⇒ Stock item ⇒ Barcode' },
      { wms: 'customerPrice', from: 'Variation ⇒ Price or Product ⇒ Price' },
      { wms: 'articleName', from: 'Combination of Product ⇒ Name and Variation ⇒ Name ([Product name] - [Variation name])' },
      { wms: 'price', from: 'Variation ⇒ Price or Product ⇒ Price' },
      { wms: 'netWeight', from: 'Product ⇒ Weight' },
      { wms: 'productCode', from: 'Combination of Product ⇒ Id and Variation ⇒ Id ([Product id]-[Variation id])' },
      { wms: 'purchasePrice', from: 'Variation ⇒ Purchase price or Product ⇒ Purchase price' },
      { wms: 'supplierArticleNumber', from: 'Product ⇒ Supplier code' },
      { wms: 'vatPercent', from: 'Product ⇒ Vat rate' },
      { wms: 'alternativeNames[].language', from: 'Product translation ⇒ Language (as a language code)' },
      {
        wms: 'alternativeNames[].name',
        from: 'Combination of Product translation ⇒ Name and Variation ⇒ Name ([Product translation name] - [Variation name])',
      },
    ]);
  });

  it('read like the seed order table, one row per seed row plus the line article', () => {
    expect(describeMapping(toOrder)).toEqual([
      { wms: 'orderInfo.customerPrice', from: 'Order ⇒ Total' },
      { wms: 'orderInfo.customsCurrencyCode', from: 'Order ⇒ Tax summary ⇒ Total ⇒ #1 ⇒ Tax rate' },
      { wms: 'orderInfo.goodsOwnerOrderNumber', from: 'Order ⇒ Id' },
      { wms: 'orderInfo.orderRemark', from: 'Combination of Order ⇒ Comments ⇒ Text, where the visibility is "Public" (in any case)' },
      { wms: 'orderInfo.goodsOwnerOrderId', from: 'Order ⇒ Id' },
      { wms: 'orderInfo.wayOfDelivery', from: 'Order ⇒ Shipping method id' },
      { wms: 'customer.address', from: 'Order ⇒ Shipping address ⇒ Street address' },
      { wms: 'customer.city', from: 'Order ⇒ Shipping address ⇒ City' },
      { wms: 'customer.countryCode', from: 'Order ⇒ Shipping address ⇒ Country (as an ISO country code)' },
      { wms: 'customer.email', from: 'Order ⇒ Shipping address ⇒ Email' },
      { wms: 'customer.mobilePhone', from: 'Order ⇒ Shipping address ⇒ Phone' },
      { wms: 'customer.name', from: 'Order ⇒ Shipping address ⇒ First name + Last name or Order ⇒ Shipping address ⇒ Company' },
      { wms: 'customer.postCode', from: 'Order ⇒ Shipping address ⇒ Postal code' },
      { wms: 'orderLines[].externalOrderLineCode', from: 'Order line ⇒ Id' },
      { wms: 'orderLines[].linePrice', from: 'Order line ⇒ Unit price x Quantity' },
      { wms: 'orderLines[].numberOfItems', from: 'Order line ⇒ Quantity' },
      { wms: 'orderLines[].productCode', from: 'Combination of Order line ⇒ Product id and Variation id ([Product id]-[Variation id])' },
      { wms: 'orderLines[].totalCustomsValue', from: 'Order line ⇒ Unit price x Quantity' },
      { wms: 'orderLines[].articleNumber', from: 'Order line ⇒ Product code' },
      { wms: 'orderLines[].articleName', from: 'Combination of Order line ⇒ Product name and Model name ([Product name] - [Model name])' },
    ]);
  });
});
