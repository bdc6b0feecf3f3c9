import type { ReportFlow } from '../../../src/connectors/sdk/index.js';
import type { TwentyFourSevenApi } from '../client.js';

/**
 * Sets the order's status to the configured "sent" status (OrderState_Sent by default) when the
 * WMS order is shipped: Sent, or straight to Collected, which the WMS reports once. 24SevenOffice
 * refuses a change of an invoiced order with an APIException on the item [V B4]; that refusal is
 * the report's failure, with its reason, and waits for a person while the others go on.
 */
export const deliveryReport: ReportFlow<TwentyFourSevenApi, 'delivery-report'> = {
  kind: 'report',
  id: 'delivery-report',
  description: 'Sets the 24SevenOffice order to the configured status (Sent) when the WMS order is Sent',
  enabledByDefault: true,
  async send(api, { externalId }, signal) {
    if (!api.settings.notifyFulfilledOrders) return;
    const [refused] = await api.setOrderStatus([Number(externalId)], api.settings.sentStatus, signal);
    if (refused) throw refused.error;
  },
  async isDone(api, { externalId }, signal) {
    if (!api.settings.notifyFulfilledOrders) return true;
    const [order] = await api.invoices({ orderIds: [Number(externalId)], invoiceProperties: ['OrderId', 'OrderStatus'], rowProperties: [] }, signal);
    return order?.ok === true && order.value.OrderStatus === api.settings.sentStatus;
  },
  mapping: [{ wms: 'status', to: 'InvoiceOrder ⇒ OrderStatus, set to the setting sentStatus (Sent) by SaveInvoices, per the settings notifyFulfilledOrders and reportOn' }],
};
