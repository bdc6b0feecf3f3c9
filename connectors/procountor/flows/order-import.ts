import type { ImportFlow } from '../../../src/connectors/sdk/index.js';
import type { ProcountorApi } from '../client.js';
import { toOrder } from '../mappings/to-order.js';
import { cancelledStatuses, fetchInvoices, fetchInvoicesByIds } from './invoice-import.js';
import type { InvoiceKind } from './invoice-import.js';

/**
 * Sales orders in the chosen statuses (open ones by default: an order already sent or invoiced
 * in Procountor is history, not work for the warehouse), plus invalidated ones, which cancel the
 * WMS order. Offers are sales orders too, and are left out.
 */
export const salesOrders: InvoiceKind = {
  type: 'SALES_ORDER',
  noun: 'order',
  filters: (api) => ({ status: [...api.settings.orderStatuses, ...cancelledStatuses], isOffer: false }),
};

export const orderImport: ImportFlow<ProcountorApi> = {
  kind: 'import',
  id: 'order-import',
  description: 'Invoices of type Sales order changed in Procountor since the last run; invalidated ones cancel the WMS order',
  enabledByDefault: true,
  mapping: toOrder,
  fetch: (api, request) => fetchInvoices(api, salesOrders, request),
  fetchByIds: (api, externalIds, signal) => fetchInvoicesByIds(api, salesOrders, externalIds, signal),
};
