import type { ReportFlow } from '../../../src/connectors/sdk/index.js';
import type { SpecterApi } from '../api.js';
import { dateOf, lineKey } from './line-keys.js';

/**
 * The seed's inbound delivery: when the warehouse receives a purchase order, also partly, a
 * purchase delivery submit with what this receipt added to each row (by row id, the line's
 * external id) and the option "send purchase delivery email". The event carries no date, so the
 * delivery date is the day it is reported.
 */
export const receiptReport: ReportFlow<SpecterApi, 'receipt-report'> = {
  kind: 'report',
  id: 'receipt-report',
  description: 'A Specter purchase delivery submit with the received items per row, when the WMS receives a purchase order (also partly)',
  enabledByDefault: true,
  async send(api, { externalId, payload }, signal) {
    const record = `purchase ${externalId}`;
    const rows = payload.lines.filter((line) => line.receivedNow > 0).map((line) => ({ rowId: lineKey(line, 'externalOrderLineId', record), noItems: line.receivedNow }));
    if (rows.length === 0) return;
    await api.submitPurchaseDelivery({ purchaseNo: externalId, deliveryDate: dateOf(api.now()), rows }, signal);
  },
  /** Done when Specter has received of every row this receipt touched at least the WMS's total so far. */
  async isDone(api, { externalId, payload }, signal) {
    const touched = payload.lines.filter((line) => line.receivedNow > 0);
    if (touched.length === 0) return true;
    const remote = await api.purchaseReceived(externalId, signal);
    if (remote === undefined) return false;
    const received = (id: string | undefined) => remote.find((row) => row.key === id)?.delivered ?? 0;
    return touched.every((line) => received(line.externalOrderLineId) >= line.receivedNumberOfItems);
  },
  mapping: [
    { wms: 'inOrderInfo.goodsOwnerOrderNumber', to: 'Purchase delivery submit ⇒ Order id' },
    // The seed reads "In order info ⇒ Delivery date"; the receipt event carries no date, so the day of the report stands in.
    { wms: 'report.date', to: 'Purchase delivery submit ⇒ Delivery date (the day it is reported)' },
    { wms: 'inOrderLines[].receivedNumberOfItems', to: 'Purchase delivery submit ⇒ Row ⇒ No of items (what this receipt added)' },
    { wms: 'inOrderLines[].externalOrderLineId', to: 'Purchase delivery submit ⇒ Row ⇒ Row id' },
    { wms: 'options.sendPurchaseDeliveryEmail', to: 'Purchase delivery submit ⇒ Send delivery email' },
  ],
};
