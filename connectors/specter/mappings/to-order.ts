import { defineMappingTable, expr as e } from '../../../src/connectors/sdk/index.js';

const order = (path: string, name: string) => e.path(path, { label: `Order ⇒ ${name}` });
const customer = (path: string, name: string) => e.path(path, { label: `Customer ⇒ ${name}` });
const delivery = (field: string, name: string) => customer(`deliveryAddress.${field}`, `Delivery address ⇒ ${name}`);
const invoice = (field: string, name: string) => customer(`invoiceAddress.${field}`, `Invoice address ⇒ ${name}`);
const row = (field: string, name: string) => e.path(field, { label: `Row ⇒ ${name}` });
const yes = (value: ReturnType<typeof e.path>) => e.equals(value, ['1', 'true', 'yes'], { ignoreCase: true });

/**
 * The seed's order table: an order in delivery status N becomes a WMS order; the delivery
 * address is the customer's address, as the seed has it. The source is the order in the
 * connector's field names (api.ts).
 */
export const toOrder = defineMappingTable({
  target: 'order',
  label: 'Order',
  rows: [
    { wms: 'orderInfo.consigneeOrderNumber', from: order('customerReference', 'Customer reference') },
    { wms: 'orderInfo.deliveryDate', from: order('deliveryDate', 'Delivery date') },
    { wms: 'orderInfo.freeText1', from: order('internalComment', 'Internal comment') },
    { wms: 'orderInfo.goodsOwnerOrderNumber', from: order('orderNo', 'Order number') },
    { wms: 'orderInfo.marketplace', from: order('webshopNo', 'External webshop no.') },
    { wms: 'orderInfo.orderNotification.mobilePhone', from: order('deliveryAddress.notifyMobileNo', 'Delivery address ⇒ Notify delivery mobile no') },
    { wms: 'orderInfo.orderNotification.notifyBySms', from: yes(order('deliveryAddress.notifyByMobile', 'Delivery address ⇒ Notify delivery by mobile')) },
    { wms: 'orderInfo.orderRemark', from: order('publicComment', 'Public comment') },
    { wms: 'orderInfo.preparedTransportDocumentId', from: order('preparedShipmentId', 'Prepared shipment ID') },
    { wms: 'orderInfo.referenceNumber', from: order('reference', 'Reference') },
    {
      wms: 'orderInfo.salesCode',
      from: e.firstOf(order('invoiceAddress.attention', 'Invoice address attention'), order('deliveryAddress.attention', 'Delivery address attention')),
    },
    { wms: 'orderInfo.servicePointCode', from: order('agentNo', 'Agent no.') },
    { wms: 'orderInfo.transporterBulkId', from: order('bulkId', 'Bulk ID') },
    { wms: 'customer.address', from: delivery('address', 'Address') },
    { wms: 'customer.address2', from: delivery('address2', 'Address2') },
    { wms: 'customer.address3', from: delivery('address3', 'Address3') },
    { wms: 'customer.city', from: delivery('city', 'City') },
    { wms: 'customer.countryCode', from: e.countryToIso(delivery('countryCode', 'Country code')) },
    { wms: 'customer.customerNumber', from: customer('customer.customerId', 'Customer id') },
    { wms: 'customer.externalCustomerCode', from: customer('customer.customerId', 'Customer id') },
    { wms: 'customer.invoiceAddress.address', from: invoice('address', 'Address') },
    // The seed maps Address2 from the invoice Address, literally (a typo in Ongoing's table, most
    // likely). Kept as the seed has it, so the WMS shows what Ongoing's integration documents; an
    // integration that wants the second line overrides this one row with invoiceAddress.address2.
    { wms: 'customer.invoiceAddress.address2', from: invoice('address', 'Address') },
    { wms: 'customer.invoiceAddress.address3', from: invoice('address3', 'Address3') },
    { wms: 'customer.invoiceAddress.postCode', from: invoice('zipCode', 'Zip code') },
    { wms: 'customer.invoiceAddress.city', from: invoice('city', 'City') },
    { wms: 'customer.invoiceAddress.countryCode', from: e.countryToIso(invoice('countryCode', 'Country code')) },
    { wms: 'customer.mobilePhone', from: customer('customer.mobilePhone', 'Mobile phone') },
    {
      wms: 'customer.name',
      from: e.firstOf(e.join(' ', customer('customer.firstName', 'Firstname'), customer('customer.surName', 'Surname')), customer('customer.companyName', 'Company name')),
    },
    { wms: 'customer.organisationNumber', from: customer('customer.orgNo', 'Org number') },
    { wms: 'customer.postCode', from: delivery('zipCode', 'Zip code') },
    { wms: 'customer.telephone', from: customer('customer.phone', 'Phone') },
    { wms: 'customer.vatNumber', from: customer('customer.vatNo', 'Vat number') },
  ],
  lines: {
    wms: 'orderLines',
    from: e.path('rows', { label: 'Row' }),
    label: 'Row',
    rows: [
      { wms: 'orderLines[].articleNumber', from: row('articleNo', 'Order line ⇒ Article no.') },
      { wms: 'orderLines[].currencyCode', from: e.path('currency', { scope: 'record', label: 'Order ⇒ Currency code' }) },
      { wms: 'orderLines[].externalOrderLineCode', from: e.toText(row('rowNo', 'Row no')) },
      { wms: 'orderLines[].externalOrderLineId', from: e.toText(row('rowId', 'Row id')) },
      // The row's VAT plus its sum excluding VAT: the line price including VAT.
      { wms: 'orderLines[].linePrice', from: e.sum(row('rowSumVat', 'Row sum VAT'), row('rowSumExclVat', 'Row sum price excl VAT')) },
      // A row without a second quantity counts its first alone [G: what no items2 holds].
      { wms: 'orderLines[].numberOfItems', from: e.multiply(row('noItems', 'No items'), e.firstOf(row('noItems2', 'No items2'), e.constant(1))) },
      { wms: 'orderLines[].orderLineComment', from: row('description', 'Description') },
    ],
  },
});
