import { defineMappingTable, expr as e } from '../../../src/connectors/sdk/index.js';

/**
 * The seed's order table. The source is one order with its `order-products` (and their
 * `order-product-attributes`), `order-totals` and `order-status` resolved from the compound
 * document (jsonapi.ts). Order attribute names follow osCommerce [G §2.6]: each is read in one row
 * here, so a shop that names one otherwise is fixed by a mapping override.
 */

/** The order total: an attribute `total` if the shop has one, else the `ot_total` row of its totals (osCommerce). */
const total = e.firstOf(e.path('total'), e.join('', e.pluck(e.filter(e.path('order-totals'), 'class', ['ot_total']), 'value')));
const email = e.path('customers_email_address');
const phone = e.path('customers_telephone');
const attributes = e.path('order-product-attributes');

export const toOrder = defineMappingTable({
  target: 'order',
  label: 'Order',
  rows: [
    { wms: 'orderInfo.customerPrice', from: e.toNumber(total) },
    { wms: 'orderInfo.deliveryDate', from: e.path('created_at') },
    { wms: 'orderInfo.goodsOwnerOrderNumber', from: e.toText(e.path('id')) },
    { wms: 'orderInfo.referenceNumber', from: e.toText(e.path('reference')) },
    { wms: 'orderInfo.wayOfDelivery', from: e.toText(e.path('shipping_method')) },
    { wms: 'customer.address', from: e.path('delivery_street_address') },
    { wms: 'customer.city', from: e.path('delivery_city') },
    { wms: 'customer.countryStateCode', from: e.path('delivery_state') },
    // The ISO code when the shop gives one, else the country's name converted.
    { wms: 'customer.countryCode', from: e.countryToIso(e.firstOf(e.path('delivery_country_iso_code_2'), e.path('delivery_country'))) },
    { wms: 'customer.email', from: email },
    { wms: 'customer.mobilePhone', from: phone },
    // "Shipping address name, or shipping address company and shipping address name".
    { wms: 'customer.name', from: e.join(', ', e.path('delivery_company'), e.path('delivery_name')) },
    { wms: 'customer.notifyBySms', from: e.ifExists(phone, e.constant(true)) },
    { wms: 'customer.notifyByEmail', from: e.ifExists(email, e.constant(true)) },
    { wms: 'customer.postCode', from: e.toText(e.path('delivery_postcode')) },
  ],
  lines: {
    wms: 'orderLines',
    from: e.path('order-products'),
    label: 'Order line',
    rows: [
      // "Order product ⇒ Name and Product attributes ⇒ Option name": the chosen option's name
      // (`value`), so that the line reads like the article name ("Genser Rød L").
      { wms: 'orderLines[].articleName', from: e.join(' ', e.path('name'), e.pluck(attributes, 'value')) },
      { wms: 'orderLines[].articleNumber', from: e.toText(e.path('sku')) },
      { wms: 'orderLines[].customerLinePrice', from: e.toNumber(e.path('final_price')) },
      { wms: 'orderLines[].externalOrderLineCode', from: e.toText(e.path('id')) },
      { wms: 'orderLines[].linePrice', from: e.toNumber(e.path('price')) },
      { wms: 'orderLines[].numberOfItems', from: e.toNumber(e.path('quantity')) },
      // "Order product ⇒ Product ⇒ Id and Product attributes ⇒ Ids": the option value ids [G], as the article's product code has them.
      { wms: 'orderLines[].productCode', from: e.join('-', e.path('product.id'), e.pluck(attributes, 'option_value_id')) },
    ],
  },
});
