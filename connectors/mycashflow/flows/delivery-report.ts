import { z } from 'zod';
import type { SettingDefinition } from '../../../src/connectors/sdk/connector.js';
import type { ReportFlow } from '../../../src/connectors/sdk/flows.js';
import { configError } from '../../../src/kernel/errors.js';
import type { QuickProcessRequest } from '../api.js';
import type { MycashflowApi } from '../client.js';

const flagWords = new Map([['true', true], ['1', true], ['yes', true], ['false', false], ['0', false], ['no', false]]);

/** A switch as the CLI gives it (`--set sendDeliveryEmails=no`) or as stored (a boolean). */
export const flag = z.preprocess(
  (value) => (typeof value === 'string' ? (flagWords.get(value.trim().toLowerCase()) ?? value) : value),
  z.boolean({ error: 'must be true or false (also 1/0, yes/no)' }),
);

const defaults = { sendDeliveryEmails: true, allowOpenCashOnDeliveryPayments: false };

/** The report's own settings: they become fields of the quick-process call. */
export const deliverySettings: SettingDefinition[] = [
  {
    key: 'sendDeliveryEmails',
    label: 'Send delivery e-mails',
    doc: 'whether MyCashflow mails the customer its shipping confirmation when the order is quick-processed',
    schema: flag,
    default: defaults.sendDeliveryEmails,
  },
  {
    key: 'allowOpenCashOnDeliveryPayments',
    label: 'Allow open cash-on-delivery payments',
    doc: 'whether quick processing may complete an order whose cash-on-delivery payment is still open',
    schema: flag,
    default: defaults.allowOpenCashOnDeliveryPayments,
  },
];

const optionsSchema = z.object({
  sendDeliveryEmails: flag.prefault(defaults.sendDeliveryEmails),
  allowOpenCashOnDeliveryPayments: flag.prefault(defaults.allowOpenCashOnDeliveryPayments),
});

/** Without a waybill the tracking code is left out, so the shop's shipments keep whatever they hold. */
function quickProcessBody(waybill: string | undefined, settings: Record<string, unknown>): QuickProcessRequest {
  const options = optionsSchema.safeParse(settings);
  if (!options.success) {
    const problems = options.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw configError(`the MyCashflow delivery settings are not valid: ${problems}`);
  }
  return {
    ...(waybill ? { tracking_code: waybill } : {}),
    send_emails: options.data.sendDeliveryEmails,
    allow_open_cash_on_delivery_payments: options.data.allowOpenCashOnDeliveryPayments,
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
  async send(api, { externalId, payload, settings }, signal) {
    await api.quickProcess(externalId, quickProcessBody(payload.shipment.waybill, settings), signal);
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
