import type { ReportFlow } from '../../../src/connectors/sdk/index.js';
import type { QuickProcessRequest } from '../api.js';
import type { MycashflowApi } from '../client.js';
import type { MycashflowSettings } from '../settings.js';

/** Without a waybill the tracking code is left out, so the shop's shipments keep whatever they hold. */
function quickProcessBody(waybill: string | undefined, settings: MycashflowSettings): QuickProcessRequest {
  return {
    ...(waybill ? { tracking_code: waybill } : {}),
    send_emails: settings.sendDeliveryEmails,
    allow_open_cash_on_delivery_payments: settings.allowOpenCashOnDeliveryPayments,
    // A payment that cannot be activated (e.g. Klarna) must stop the processing, not be skipped silently.
    ignore_payment_activation_errors: false,
  };
}

/**
 * Quick processing completes the order's payment and shipments with the tracking code in one call.
 * The shop refuses it with a 4xx for orders it cannot process that way (more than one payment, an
 * open cash-on-delivery payment): that HttpError (kind `record`) passes through unchanged, so the
 * report fails with the shop's own reason and waits for a person.
 */
export const deliveryReport: ReportFlow<MycashflowApi, 'delivery-report'> = {
  kind: 'report',
  id: 'delivery-report',
  description: 'Quick-processes the MyCashflow order, with its tracking code, when the WMS sends it',
  enabledByDefault: true,
  async send(api, { externalId, payload }, signal) {
    await api.quickProcess(externalId, quickProcessBody(payload.shipment.waybill, api.settings), signal);
  },
  async isDone(api, { externalId, payload }, signal) {
    const state = await api.orderState(externalId, signal);
    const waybill = payload.shipment.waybill;
    return state.status.toLowerCase() === 'completed' || (waybill !== undefined && waybill !== '' && state.trackingCodes.includes(waybill));
  },
  mapping: [
    { wms: 'shipment.waybill', to: 'Quick process ⇒ Tracking code' },
    { wms: 'options.sendDeliveryEmails', to: 'Quick process ⇒ Send emails' },
    { wms: 'options.allowOpenCashOnDeliveryPayments', to: 'Quick process ⇒ Allow open cash on delivery payments' },
  ],
};
