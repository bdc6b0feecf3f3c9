import type { ReportFlow } from '../../../src/connectors/sdk/index.js';
import type { MystoreApi } from '../client.js';

/**
 * On Sent or Collected the order gets the shop's "levert" status (looked up by name) with its
 * tracking number, by the call the setting deliveryCall names; why `status-history` is the
 * default is in docs/adr/0018. A refusal (4xx) passes through as the shop's HttpError, kind
 * `record`, so the report fails with the shop's reason and waits for a person.
 */
export const deliveryReport: ReportFlow<MystoreApi, 'delivery-report'> = {
  kind: 'report',
  id: 'delivery-report',
  description: 'Marks the mystore.no order delivered ("Levert") with its tracking number when the WMS sends it',
  enabledByDefault: true,
  async send(api, { externalId, payload }, signal) {
    await api.markDelivered(externalId, payload.shipment.waybill || undefined, signal);
  },
  async isDone(api, { externalId, payload }, signal) {
    const [state, delivered] = await Promise.all([api.orderState(externalId, signal), api.statusId(api.settings.deliveredStatus, signal)]);
    const waybill = payload.shipment.waybill;
    return state.statusId === delivered || (Boolean(waybill) && state.trackingNumber === waybill);
  },
  mapping: [
    { wms: 'status', to: 'Order ⇒ Order status "Levert" (setting deliveredStatus)' },
    { wms: 'shipment.waybill', to: 'Order status history ⇒ Comments and Tracking number (setting deliveryCall)' },
    { wms: 'options.notifyCustomer', to: 'Order status history ⇒ Customer notified' },
  ],
};
