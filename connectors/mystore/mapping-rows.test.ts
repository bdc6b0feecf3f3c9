import { describe, expect, it } from 'vitest';
import { articleSchema, orderInputSchema } from '../../src/domain/index.js';
import { applyMapping } from '../../src/mapping/index.js';
import { toArticle } from './mappings/to-article.js';
import { toOrder } from './mappings/to-order.js';

/** Every row of the seed's mystore.no tables, proven with a value that can only have come from its source field. */

const product = { id: '2576', name: 'Genser Fjell', sku: 'GEN-2576', ean: '7090000002576', price: 799, cost: 310, weight: 650 };
const variant = {
  id: '25761',
  sku: 'GEN-2576-RL',
  ean: '7090000025761',
  cost: 325.5,
  'product-option-values': [{ id: '11', value: 'Rød' }, { id: '23', value: 'L' }],
};

function article(source: unknown, weightUnit = 'g') {
  const result = applyMapping(toArticle, source, { record: 'article', settings: { weightUnit } });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return articleSchema.parse(result.value);
}
const ofVariant = article({ product, variant });
const ofProduct = article({ product, variant: undefined });

describe('article rows', () => {
  it.each([
    ['Article free decimal 2 ⇐ Variant ⇒ Id', 'articleFreeDecimal2', 25761, undefined],
    ['Article number ⇐ Product ⇒ Sku or Variant ⇒ Sku', 'articleNumber', 'GEN-2576-RL', 'GEN-2576'],
    ['Barcode ⇐ Product ⇒ Ean or Variant ⇒ Ean', 'barCode', '7090000025761', '7090000002576'],
    ['Customer price ⇐ Product ⇒ Price', 'customerPrice', 799, 799],
    ['Name ⇐ Product ⇒ Name and Product attribute option ⇒ Value', 'articleName', 'Genser Fjell Rød L', 'Genser Fjell'],
    ['Price ⇐ Product ⇒ Cost or Variant ⇒ Cost', 'price', 325.5, 310],
    ['Product code ⇐ Product ⇒ Id and Product attribute option ⇒ ids', 'productCode', '2576-11-23', '2576'],
    ['Purchase price ⇐ Product ⇒ Cost or Variant ⇒ Cost', 'purchasePrice', 325.5, 310],
    ['Weight ⇐ Product ⇒ Weight (converted to kgs)', 'weight', 0.65, 0.65],
  ] as const)('%s', (_seed, field, fromVariant, fromProduct) => {
    expect(ofVariant[field]).toEqual(fromVariant);
    expect(ofProduct[field]).toEqual(fromProduct);
  });

  it('converts from the unit the setting weightUnit names', () => {
    expect(article({ product, variant }, 'kg').weight).toBe(650);
  });
});

const order = {
  id: '10042',
  reference: 'PO-ACME-7',
  created_at: '2026-11-20T09:15:00+01:00',
  shipping_method: 'Bring Hjem',
  customers_email_address: 'kari@example.no',
  customers_telephone: '+47 412 34 567',
  delivery_name: 'Kari Nordmann',
  delivery_company: 'Fjord Design AS',
  delivery_street_address: 'Karl Johans gate 5',
  delivery_city: 'Oslo',
  delivery_state: 'Oslo fylke',
  delivery_country: 'Norway',
  delivery_country_iso_code_2: 'NO',
  delivery_postcode: '0154',
  'order-totals': [{ class: 'ot_subtotal', value: 1000 }, { class: 'ot_total', value: 1149.5 }],
  'order-products': [
    {
      id: '50077',
      sku: 'GEN-2576-RL',
      name: 'Genser Fjell',
      price: 799,
      final_price: 849,
      quantity: 2,
      product: { type: 'products', id: '2576' },
      'order-product-attributes': [{ option: 'Farge', value: 'Rød', option_value_id: 11 }, { option: 'Størrelse', value: 'L', option_value_id: 23 }],
    },
  ],
};

function mapOrder(source: unknown) {
  const result = applyMapping(toOrder, source, { record: 'order' });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return orderInputSchema.parse(result.value);
}
const mapped = mapOrder(order);
const line = mapped.orderLines[0]!;
const customer = mapped.customer!;

describe('order rows', () => {
  it.each([
    ['Order info ⇒ Customer price ⇐ Order ⇒ Total price', mapped.orderInfo.customerPrice, 1149.5],
    ['Order info ⇒ Delivery date ⇐ Order ⇒ Created at', mapped.orderInfo.deliveryDate, '2026-11-20T09:15:00+01:00'],
    ['Order info ⇒ Goods owner order number ⇐ Order ⇒ Id', mapped.orderInfo.goodsOwnerOrderNumber, '10042'],
    ['Order info ⇒ Reference number ⇐ Order ⇒ Reference', mapped.orderInfo.referenceNumber, 'PO-ACME-7'],
    ['Order info ⇒ Way of delivery ⇐ Order ⇒ Shipping method', mapped.orderInfo.wayOfDelivery, 'Bring Hjem'],
    ['Customer ⇒ Address ⇐ Shipping address address', customer.address, 'Karl Johans gate 5'],
    ['Customer ⇒ City ⇐ Shipping address city', customer.city, 'Oslo'],
    ['Customer ⇒ Country state code ⇐ Shipping address state', customer.countryStateCode, 'Oslo fylke'],
    ['Customer ⇒ Country code ⇐ Shipping address country', customer.countryCode, 'NO'],
    ['Customer ⇒ Email ⇐ Customer address email', customer.email, 'kari@example.no'],
    ['Customer ⇒ Mobile phone ⇐ Customer address phone', customer.mobilePhone, '+47 412 34 567'],
    ['Customer ⇒ Name ⇐ shipping address company and shipping address name', customer.name, 'Fjord Design AS, Kari Nordmann'],
    ['Customer ⇒ Notify by SMS ⇐ if exists phone', customer.notifyBySms, true],
    ['Customer ⇒ Notify by email ⇐ if exists email', customer.notifyByEmail, true],
    ['Customer ⇒ Post code ⇐ Shipping address zip code', customer.postCode, '0154'],
    ['Order line ⇒ Article name ⇐ Order product ⇒ Name and attributes ⇒ Option name', line.articleName, 'Genser Fjell Rød L'],
    ['Order line ⇒ Article number ⇐ Order product ⇒ Sku', line.articleNumber, 'GEN-2576-RL'],
    ['Order line ⇒ Customer line price ⇐ Order product ⇒ Final price', line.customerLinePrice, 849],
    ['Order line ⇒ External order line code ⇐ Order product ⇒ Id', line.externalOrderLineCode, '50077'],
    ['Order line ⇒ Line price ⇐ Order product ⇒ Price', line.linePrice, 799],
    ['Order line ⇒ Number of items ⇐ Order product ⇒ Quantity', line.numberOfItems, 2],
    ['Order line ⇒ Product code ⇐ Product ⇒ Id and attributes ⇒ Ids', line.productCode, '2576-11-23'],
  ])('%s', (_seed, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  it('names the customer by the shipping name alone without a company, and does not ask to notify without phone or e-mail', () => {
    const plain = mapOrder({ ...order, delivery_company: '', customers_telephone: null, customers_email_address: null });
    expect(plain.customer).toMatchObject({ name: 'Kari Nordmann' });
    expect(plain.customer!.notifyBySms).toBeUndefined();
    expect(plain.customer!.notifyByEmail).toBeUndefined();
  });

  it('takes an order attribute `total` over the totals rows when the shop has one, and the country by name without an ISO code', () => {
    const variantShape = mapOrder({ ...order, total: 99.9, delivery_country_iso_code_2: undefined, delivery_country: 'Sweden' });
    expect(variantShape.orderInfo.customerPrice).toBe(99.9);
    expect(variantShape.customer!.countryCode).toBe('SE');
  });
});
