import type { ReportFlow } from '../../../src/connectors/sdk/index.js';
import type { InvoiceStatus } from '../api.js';
import type { ProcountorApi } from '../client.js';

/** "Sent" and what only comes after it: invoiced (the order changed to an invoice) and the payment states [V P-OAS statuses]. */
const sentOrBeyond = new Set<InvoiceStatus>(['SENT', 'INVOICED', 'PAID', 'PARTLY_PAID', 'MARKED_PAID', 'PAYMENT_QUEUED', 'PAYMENT_SENT_TO_BANK']);

/**
 * Sets the sales order to "sent" when the warehouse has sent it, as the seed describes. Procountor
 * refuses the action with a 403 for a status or type it does not allow; the client turns that into
 * an HttpError (kind `record`), so the report fails with Procountor's own reason and waits for a
 * person, while the other reports go on.
 */
export const deliveryReport: ReportFlow<ProcountorApi, 'delivery-report'> = {
  kind: 'report',
  id: 'delivery-report',
  description: 'Sets the Procountor sales order to "sent" when the WMS order is Sent or Collected',
  enabledByDefault: true,
  async send(api, { externalId }, signal) {
    if (api.settings.deliveryReportAction === 'none') return;
    await api.sendInvoice(externalId, signal);
  },
  async isDone(api, { externalId }, signal) {
    if (api.settings.deliveryReportAction === 'none') return true;
    return sentOrBeyond.has(await api.invoiceStatus(externalId, signal));
  },
  mapping: [{ wms: 'status', to: 'Invoice ⇒ Status "sent" (PUT /invoices/{id}/send), per the setting deliveryReportAction' }],
};
