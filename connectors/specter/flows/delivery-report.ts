import type { ReportFlow } from '../../../src/connectors/sdk/index.js';
import type { SpecterApi } from '../api.js';
import { dateOf, lineKey } from './line-keys.js';

/**
 * The seed's outbound delivery: when the WMS order is Sent or Collected, a delivery submit with
 * the picked number of items of every order row (by row no, the line's external code), the
 * waybill as packet number, and the options "send delivery email" and "create invoice". The
 * event carries no delivery date of the order, so the day the warehouse sent it is the delivery's.
 */
export const deliveryReport: ReportFlow<SpecterApi, 'delivery-report'> = {
  kind: 'report',
  id: 'delivery-report',
  description: 'A Specter delivery submit with the picked items per row and the waybill, when the WMS order is Sent or Collected',
  enabledByDefault: true,
  async send(api, { externalId, payload }, signal) {
    const record = `order ${externalId}`;
    const rows = payload.lines.map((line) => ({ rowNo: lineKey(line, 'externalOrderLineCode', record), noItems: line.pickedNumberOfItems }));
    const waybill = payload.shipment.waybill || undefined;
    await api.submitDelivery({ orderNo: externalId, deliveryDate: dateOf(payload.shipment.sentAt), ...(waybill ? { packetNo: waybill } : {}), rows }, signal);
  },
  /**
   * Done when Specter shows a delivery with the waybill as its packet number; without a waybill,
   * when every row picked is delivered in Specter at least as many times.
   */
  async isDone(api, { externalId, payload }, signal) {
    const remote = await api.orderDeliveries(externalId, signal);
    if (remote === undefined) return false;
    const waybill = payload.shipment.waybill;
    if (waybill) return remote.packetNos.includes(waybill);
    const picked = payload.lines.filter((line) => line.pickedNumberOfItems > 0);
    const delivered = (code: string | undefined) => remote.rows.find((row) => row.key === code)?.delivered ?? 0;
    return picked.length > 0 && picked.every((line) => delivered(line.externalOrderLineCode) >= line.pickedNumberOfItems);
  },
  mapping: [
    { wms: 'orderInfo.goodsOwnerOrderNumber', to: 'Delivery submit ⇒ Order id' },
    { wms: 'shipment.sentAt', to: 'Delivery submit ⇒ Delivery date' },
    { wms: 'orderLines[].pickedNumberOfItems', to: 'Delivery submit ⇒ Row ⇒ No of items' },
    { wms: 'orderLines[].externalOrderLineCode', to: 'Delivery submit ⇒ Row ⇒ Row no' },
    { wms: 'orderLines[].waybill', to: 'Delivery submit ⇒ Packet no' },
    { wms: 'options.sendDeliveryEmail', to: 'Delivery submit ⇒ Send delivery email' },
    { wms: 'options.createInvoice', to: 'Delivery submit ⇒ Create invoice' },
  ],
};
