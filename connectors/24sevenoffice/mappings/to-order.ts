import { defineMappingTable, expr as e } from '../../../src/connectors/sdk/index.js';

const order = (path: string, label = path.replaceAll('.', ' ⇒ ')) => e.path(path, { label: `InvoiceOrder ⇒ ${label}` });
const delivery = (field: string) => e.path(`Addresses.Delivery.${field}`, { label: `deliveryAddress ⇒ ${field}` });
const invoice = (field: string) => e.path(`Addresses.Invoice.${field}`, { label: `invoiceAddress ⇒ ${field}` });
/** The order's company as CompanyService gives it: the flow adds it where the order has no phone or e-mail (the seed's footnotes). */
const company = (path: string) => e.path(`Company.${path}.Value`, { label: `CompanyService ⇒ ${path.replaceAll('.', ' ⇒ ')}` });
const row = (field: string) => e.path(field, { label: `InvoiceRow ⇒ ${field}` });

const deliveryPhone = order('CustomerDeliveryPhone');

/**
 * The seed's sales-order table: an InvoiceOrder in the configured status becomes a WMS order,
 * its OrderId the order number. Addresses are the order's Delivery and Invoice addresses (the
 * seed's deliveryAddress and invoiceAddress). Phone and e-mail fall back to the company's, as the
 * footnotes say (* and **): the mobile number first for the mobile phone, the primary one first
 * for the telephone, the invoice address first for the e-mail.
 */
export const toOrder = defineMappingTable({
  target: 'order',
  label: 'InvoiceOrder',
  rows: [
    { wms: 'orderInfo.goodsOwnerOrderNumber', from: e.toText(order('OrderId')) },
    { wms: 'orderInfo.deliveryDate', from: order('DeliveryDate') },
    { wms: 'orderInfo.referenceNumber', from: order('ReferenceNumber') },
    { wms: 'orderInfo.salesCode', from: order('YourReference') },
    { wms: 'orderInfo.wayOfDelivery', from: order('DeliveryMethod.Description') },
    { wms: 'orderInfo.wayOfDeliveryType.code', from: e.toText(order('DeliveryMethod.Id')) },
    { wms: 'orderInfo.wayOfDeliveryType.name', from: order('DeliveryMethod.Description') },
    { wms: 'orderInfo.orderRemark', from: order('InvoiceTitle') },
    { wms: 'customer.customerNumber', from: e.toText(order('CustomerId')) },
    { wms: 'customer.name', from: order('CustomerDeliveryName') },
    { wms: 'customer.address', from: delivery('Street') },
    { wms: 'customer.postCode', from: delivery('PostalCode') },
    { wms: 'customer.city', from: delivery('PostalArea') },
    { wms: 'customer.countryCode', from: e.countryToIso(delivery('Country')) },
    { wms: 'customer.countryStateCode', from: delivery('State') },
    {
      wms: 'customer.mobilePhone',
      from: e.firstOf(deliveryPhone, company('PhoneNumbers.Mobile'), company('PhoneNumbers.Primary'), company('PhoneNumbers.Work'), company('PhoneNumbers.Home')),
    },
    {
      wms: 'customer.telephone',
      from: e.firstOf(deliveryPhone, company('PhoneNumbers.Primary'), company('PhoneNumbers.Work'), company('PhoneNumbers.Home'), company('PhoneNumbers.Mobile')),
    },
    {
      wms: 'customer.email',
      from: e.firstOf(
        order('InvoiceEmailAddress'),
        company('EmailAddresses.Invoice'),
        company('EmailAddresses.Primary'),
        company('EmailAddresses.Work'),
        company('EmailAddresses.Home'),
        company('EmailAddresses.Alternative'),
      ),
    },
    { wms: 'customer.invoiceAddress.name', from: order('CustomerName') },
    { wms: 'customer.invoiceAddress.address', from: invoice('Street') },
    { wms: 'customer.invoiceAddress.postCode', from: invoice('PostalCode') },
    { wms: 'customer.invoiceAddress.city', from: invoice('PostalArea') },
    { wms: 'customer.invoiceAddress.countryCode', from: e.countryToIso(invoice('Country')) },
    { wms: 'customer.invoiceAddress.countryStateCode', from: invoice('State') },
  ],
  lines: {
    wms: 'orderLines',
    from: e.path('InvoiceRows', { label: 'InvoiceOrder ⇒ InvoiceRows' }),
    label: 'InvoiceRow',
    rows: [
      { wms: 'orderLines[].productCode', from: e.toText(row('ProductId')) },
      { wms: 'orderLines[].externalOrderLineCode', from: e.toText(row('RowId')) },
      { wms: 'orderLines[].numberOfItems', from: e.toNumber(row('Quantity')) },
      // Not a seed row: the WMS line needs the article number, which is the product's No (see to-article).
      { wms: 'orderLines[].articleNumber', from: row('ProductNo') },
    ],
  },
});

/** The members the table reads, asked for by name: GetInvoices returns only those [V B3]; rows come only with InvoiceRows. */
export const invoiceProperties = [
  'OrderId', 'CustomerId', 'CustomerName', 'CustomerDeliveryName', 'CustomerDeliveryPhone', 'Addresses', 'OrderStatus', 'DateChanged',
  'YourReference', 'InvoiceTitle', 'InvoiceEmailAddress', 'InvoiceRows', 'DeliveryDate', 'ReferenceNumber', 'DeliveryMethod',
];
export const rowProperties = ['ProductId', 'RowId', 'Quantity', 'ProductNo'];
/** What the footnotes' fallback reads of the company. */
export const companyContactProperties = ['Id', 'PhoneNumbers', 'EmailAddresses'];
