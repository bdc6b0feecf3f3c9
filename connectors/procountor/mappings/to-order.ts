import { defineMappingTable, expr as e } from '../../../src/connectors/sdk/index.js';

const invoiceNumber = e.toText(e.path('invoiceNumber', { label: 'Invoice ⇒ Invoice Number' }));
const address = (field: string, name: string) =>
  e.path(`counterParty.counterPartyAddress.${field}`, { label: `Invoice ⇒ Counter Party ⇒ Counter Party Address ⇒ ${name}` });
const row = (field: string, name: string) => e.path(field, { label: `Invoice ⇒ Invoice Row ⇒ ${name}` });

/**
 * The seed's order table: a sales order (an invoice of type SALES_ORDER, read whole with its rows)
 * becomes a WMS order. The invoice number is both the order number (the WMS key) and the invoice
 * number, as the seed has it. Country and language arrive as Procountor enum names (FINLAND,
 * FINNISH) and are converted to ISO codes.
 */
export const toOrder = defineMappingTable({
  target: 'order',
  label: 'Invoice',
  rows: [
    { wms: 'orderInfo.goodsOwnerOrderId', from: e.toText(e.path('id', { label: 'Invoice ⇒ Id' })) },
    { wms: 'orderInfo.goodsOwnerOrderNumber', from: invoiceNumber },
    { wms: 'orderInfo.language', from: e.languageToCode(e.path('language', { label: 'Invoice ⇒ Language' })) },
    { wms: 'orderInfo.termsOfPayment', from: e.path('paymentInfo.paymentMethod', { label: 'Invoice ⇒ Payment Info ⇒ Payment Method' }) },
    { wms: 'orderInfo.orderRemark', from: e.path('notes', { label: 'Invoice ⇒ Notes' }) },
    { wms: 'orderInfo.deliveryInstruction', from: e.path('deliveryInstructions', { label: 'Invoice ⇒ Delivery Instructions' }) },
    { wms: 'orderInfo.referenceNumber', from: e.path('orderReference', { label: 'Invoice ⇒ Order Reference' }) },
    { wms: 'orderInfo.invoiceNumber', from: invoiceNumber },
    { wms: 'customer.name', from: address('name', 'Name') },
    { wms: 'customer.address', from: address('street', 'Street') },
    { wms: 'customer.postCode', from: address('zip', 'Zip') },
    { wms: 'customer.city', from: address('city', 'City') },
    { wms: 'customer.countryCode', from: e.countryToIso(address('country', 'Country')) },
    { wms: 'customer.email', from: e.path('counterParty.email', { label: 'Invoice ⇒ Counter Party ⇒ Email' }) },
  ],
  lines: {
    wms: 'orderLines',
    from: e.path('invoiceRows', { label: 'Invoice ⇒ Invoice Row' }),
    label: 'Invoice row',
    rows: [
      { wms: 'orderLines[].articleNumber', from: row('productCode', 'Product Code') },
      { wms: 'orderLines[].articleName', from: row('product', 'Product') },
      { wms: 'orderLines[].productCode', from: e.toText(row('productId', 'Product Id')) },
      { wms: 'orderLines[].discount', from: e.toNumber(row('discountPercent', 'Discount Percent')) },
      { wms: 'orderLines[].externalOrderLineId', from: e.toText(row('id', 'Id')) },
      { wms: 'orderLines[].numberOfItems', from: e.toNumber(row('quantity', 'Quantity')) },
    ],
  },
});
