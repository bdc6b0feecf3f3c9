import { pagesByTimeAcross, rawText } from '../../../src/connectors/sdk/index.js';
import type { ImportFlow, ImportPage, SourceRecord, WireRecord } from '../../../src/connectors/sdk/index.js';
import type { MycashflowApi, WireOrder } from '../client.js';
import { toOrder } from '../mappings/to-order.js';

/** Everything the order table reads, and what the delivery report checks later. */
const expand = ['products', 'comments', 'tax_summary', 'shipments', 'payments'];

/** An order as a source record: cancelled in the shop means cancel in the WMS (casing unverified [G]). */
export function orderRecord(item: WireRecord<WireOrder>): SourceRecord {
  const externalId = item.ok ? String(item.value.id) : (rawText(item.raw, 'id') ?? '(no id)');
  const label = `order ${externalId}`;
  if (!item.ok) return { externalId, label, source: item.raw, issues: item.issues };
  const action = item.value.status.toLowerCase() === 'cancelled' ? 'cancel' : 'upsert';
  return { externalId, label, source: item.value, action };
}

export const orderImport: ImportFlow<MycashflowApi> = {
  kind: 'import',
  id: 'order-import',
  description: 'Orders in the chosen statuses (Open and Cancelled by default) changed since the last run; Cancelled ones cancel the WMS order',
  enabledByDefault: true,
  mapping: toOrder,
  fetch(api, { since, signal }): AsyncIterable<ImportPage> {
    // One stream per status: whether the real API takes a comma list in `status` is unverified.
    // Each is sorted by updated_at ascending; read side by side, a cursor is safe after every page.
    const lists = api.settings.orderStatuses.map((status) =>
      api.orders({ status, 'updated_at-from': since?.toISOString(), sort: 'updated_at-asc', expand }, signal),
    );
    return pagesByTimeAcross(lists, (item) => rawText(item.raw, 'updated_at'), (page) => page.map(orderRecord));
  },
  async fetchByIds(api, externalIds, signal) {
    const records: SourceRecord[] = [];
    // One GET each: the `id=` list filter is verified for products only.
    for (const id of externalIds) {
      const item = await api.order(id, expand, signal);
      if (item) records.push(orderRecord(item));
    }
    return records;
  },
};
