import { defineMappingTable, expr as e } from '../../../src/connectors/sdk/index.js';

/** The seed's order table; the source is one order with expand=products,comments,tax_summary,shipments,payments. */

/** Visibility values are a guess (public | private [G]), so "Public" is matched in any case. */
const publicComments = e.filter(e.path('comments'), 'visibility', ['Public'], { ignoreCase: true });
const lineTotal = e.multiply(e.path('unit_price'), e.path('quantity'));

export const toOrder = defineMappingTable({
  target: 'order',
  label: 'Order',
  rows: [
    { wms: 'orderInfo.customerPrice', from: e.toNumber(e.path('total')) },
    // The seed maps the tax rate into the customs currency code, literally. Kept as the seed has it
    // (the first total row's rate, as text) so that the WMS shows what Ongoing's integration sends;
    // an integration that wants a currency there overrides this row.
    { wms: 'orderInfo.customsCurrencyCode', from: e.toText(e.path('tax_summary.total.0.tax_rate')) },
    { wms: 'orderInfo.goodsOwnerOrderNumber', from: e.toText(e.path('id')) },
    { wms: 'orderInfo.orderRemark', from: e.join('\n', e.pluck(publicComments, 'text')) },
    { wms: 'orderInfo.goodsOwnerOrderId', from: e.toText(e.path('id')) },
    // The shop sends the method's id; an integration's lookup override can turn it into a WMS code.
    { wms: 'orderInfo.wayOfDelivery', from: e.toText(e.path('shipping_method_id')) },
    { wms: 'customer.address', from: e.path('shipping_address.street_address') },
    { wms: 'customer.city', from: e.path('shipping_address.city') },
    { wms: 'customer.countryCode', from: e.countryToIso(e.path('shipping_address.country')) },
    { wms: 'customer.email', from: e.path('shipping_address.email') },
    { wms: 'customer.mobilePhone', from: e.path('shipping_address.phone') },
    {
      wms: 'customer.name',
      from: e.firstOf(
        e.join(' ', e.path('shipping_address.first_name'), e.path('shipping_address.last_name')),
        e.path('shipping_address.company'),
      ),
    },
    { wms: 'customer.postCode', from: e.path('shipping_address.postal_code') },
  ],
  lines: {
    wms: 'orderLines',
    from: e.path('products'),
    label: 'Order line',
    rows: [
      { wms: 'orderLines[].externalOrderLineCode', from: e.toText(e.path('id')) },
      { wms: 'orderLines[].linePrice', from: lineTotal },
      { wms: 'orderLines[].numberOfItems', from: e.toNumber(e.path('quantity')) },
      { wms: 'orderLines[].productCode', from: e.join('-', e.path('product_id'), e.path('variation_id')) },
      { wms: 'orderLines[].totalCustomsValue', from: lineTotal },
      // Not a seed row, but a WMS line must name its article: the line's product code is the
      // article number the article import gives the variation (or the product without variations).
      { wms: 'orderLines[].articleNumber', from: e.toText(e.path('product_code')) },
      // Named as the article import names it; `model_name` is the variation's name [I].
      { wms: 'orderLines[].articleName', from: e.join(' - ', e.path('product_name'), e.path('model_name')) },
    ],
  },
});
