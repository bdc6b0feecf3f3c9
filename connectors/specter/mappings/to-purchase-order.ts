import { defineMappingTable, expr as e } from '../../../src/connectors/sdk/index.js';

const purchase = (path: string, name: string) => e.path(path, { label: `Purchase ⇒ ${name}` });
const supplier = (field: string, name: string) => purchase(`supplier.${field}`, `Supplier ⇒ ${name}`);
const row = (field: string, name: string) => e.path(field, { label: `Row ⇒ ${name}` });

/** The seed's purchase order table: a Specter purchase becomes a WMS purchase order, its supplier with it. */
export const toPurchaseOrder = defineMappingTable({
  target: 'purchaseOrder',
  label: 'Purchase',
  rows: [
    { wms: 'inOrderInfo.goodsOwnerOrderNumber', from: purchase('purchaseNo', 'Purchase no') },
    { wms: 'inOrderInfo.inDate', from: purchase('deliveryOutDate', 'Delivery out date') },
    { wms: 'inOrderInfo.orderDate', from: purchase('orderDate', 'Order date') },
    { wms: 'supplier.address', from: supplier('address', 'Address') },
    { wms: 'supplier.address2', from: supplier('address2', 'Address2') },
    { wms: 'supplier.address3', from: supplier('address3', 'Address3') },
    { wms: 'supplier.city', from: supplier('city', 'City') },
    { wms: 'supplier.countryCode', from: e.countryToIso(supplier('countryCode', 'Country code')) },
    { wms: 'supplier.postCode', from: supplier('postalCode', 'Postal code') },
    { wms: 'supplier.supplierName', from: supplier('name', 'Name') },
  ],
  lines: {
    wms: 'inOrderLines',
    from: e.path('rows', { label: 'Row' }),
    label: 'Row',
    rows: [
      { wms: 'inOrderLines[].articleNumber', from: row('articleNo', 'Article no.') },
      { wms: 'inOrderLines[].externalOrderLineId', from: e.toText(row('id', 'Id')) },
      { wms: 'inOrderLines[].externalOrderLineCode', from: e.toText(row('number', 'Number')) },
      { wms: 'inOrderLines[].numberOfItems', from: e.toNumber(row('quantity', 'Quantity')) },
      { wms: 'inOrderLines[].rowPrice', from: e.sum(row('rowSumVat', 'Row sum VAT'), row('rowSumExclVat', 'Row sum excl VAT')) },
    ],
  },
});
