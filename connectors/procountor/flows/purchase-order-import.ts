import type { ImportFlow } from '../../../src/connectors/sdk/index.js';
import type { ProcountorApi } from '../client.js';
import { toPurchaseOrder } from '../mappings/to-purchase-order.js';
import { fetchInvoices, fetchInvoicesByIds } from './invoice-import.js';
import type { InvoiceKind } from './invoice-import.js';

/** Purchase orders in every status, as the seed's filter says; invalidated ones cancel the WMS purchase order. */
export const purchaseOrders: InvoiceKind = { type: 'PURCHASE_ORDER', noun: 'purchase order', filters: () => ({}) };

export const purchaseOrderImport: ImportFlow<ProcountorApi> = {
  kind: 'import',
  id: 'purchase-order-import',
  description: 'Invoices of type Purchase order changed in Procountor since the last run, with the counter party as supplier',
  enabledByDefault: true,
  mapping: toPurchaseOrder,
  fetch: (api, request) => fetchInvoices(api, purchaseOrders, request),
  fetchByIds: (api, externalIds, signal) => fetchInvoicesByIds(api, purchaseOrders, externalIds, signal),
};
