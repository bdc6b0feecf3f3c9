import { defineMappingTable, expr as e } from '../../../src/connectors/sdk/index.js';

const row = (field: string, name: string) => e.path(field, { label: `Invoice ⇒ Invoice Row ⇒ ${name}` });

/**
 * The seed's purchase-order table: an invoice of type PURCHASE_ORDER becomes a WMS purchase order,
 * its counter party the supplier. (The seed's "Order Info" and "Order Line" mean the purchase
 * order's inOrderInfo and inOrderLines.) The delivery method stays Procountor's enum name.
 */
export const toPurchaseOrder = defineMappingTable({
  target: 'purchaseOrder',
  label: 'Invoice',
  rows: [
    { wms: 'inOrderInfo.goodsOwnerOrderNumber', from: e.toText(e.path('invoiceNumber', { label: 'Invoice ⇒ Invoice Number' })) },
    { wms: 'inOrderInfo.orderRemark', from: e.path('notes', { label: 'Invoice ⇒ Notes' }) },
    { wms: 'inOrderInfo.referenceNumber', from: e.path('orderReference', { label: 'Invoice ⇒ Order Reference' }) },
    { wms: 'inOrderInfo.wayOfDelivery', from: e.path('deliveryMethod', { label: 'Invoice ⇒ Delivery Method' }) },
    {
      wms: 'supplier.supplierName',
      from: e.path('counterParty.counterPartyAddress.name', { label: 'Invoice ⇒ Counter Party ⇒ Counter Party Address ⇒ Name' }),
    },
    { wms: 'supplier.supplierNumber', from: e.path('counterParty.customerNumber', { label: 'Invoice ⇒ Counter Party ⇒ Customer Number' }) },
    { wms: 'supplier.email', from: e.path('counterParty.email', { label: 'Invoice ⇒ Counter Party ⇒ Email' }) },
  ],
  lines: {
    wms: 'inOrderLines',
    from: e.path('invoiceRows', { label: 'Invoice ⇒ Invoice Row' }),
    label: 'Invoice row',
    rows: [
      { wms: 'inOrderLines[].articleNumber', from: row('productCode', 'Product Code') },
      { wms: 'inOrderLines[].articleName', from: row('product', 'Product') },
      { wms: 'inOrderLines[].productCode', from: e.toText(row('productId', 'Product Id')) },
      { wms: 'inOrderLines[].externalOrderLineId', from: e.toText(row('id', 'Id')) },
      { wms: 'inOrderLines[].numberOfItems', from: e.toNumber(row('quantity', 'Quantity')) },
    ],
  },
});
