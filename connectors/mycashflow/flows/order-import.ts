import type { ImportFlow, ImportPage, SourceRecord } from '../../../src/connectors/sdk/flows.js';
import { rawText } from '../../../src/connectors/sdk/wire-records.js';
import type { MycashflowApi, WireOrder } from '../client.js';
import type { WireRecord } from '../../../src/connectors/sdk/wire-records.js';
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

/** The later of two updated_at texts; unreadable ones are ignored. */
function later(current: string | undefined, candidate: string | undefined): string | undefined {
  if (candidate === undefined || Number.isNaN(Date.parse(candidate))) return current;
  return current === undefined || Date.parse(candidate) > Date.parse(current) ? candidate : current;
}

export const orderImport: ImportFlow<MycashflowApi> = {
  kind: 'import',
  id: 'order-import',
  description: 'Orders in the chosen statuses (Open and Cancelled by default) changed since the last run; Cancelled ones cancel the WMS order',
  enabledByDefault: true,
  mapping: toOrder,
  async *fetch(api, { since, signal }): AsyncIterable<ImportPage> {
    let newest: string | undefined;
    // One stream per status: whether the real API takes a comma list in `status` is unverified.
    for (const status of api.settings.orderStatuses) {
      const query = { status, 'updated_at-from': since?.toISOString(), sort: 'updated_at-asc', expand };
      for await (const page of api.orders(query, signal)) {
        for (const item of page) newest = later(newest, rawText(item.raw, 'updated_at'));
        yield { records: page.map(orderRecord) };
      }
    }
    // The streams interleave in time, so no page's cursor is safe to commit before all are read.
    if (newest !== undefined) yield { records: [], cursor: newest };
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
