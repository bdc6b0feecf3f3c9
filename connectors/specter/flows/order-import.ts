import type { ImportFlow, SourceRecord } from '../../../src/connectors/sdk/index.js';
import type { SpecterApi, WireOrder } from '../api.js';
import { toOrder } from '../mappings/to-order.js';
import { latestChange, sourceRecord } from './records.js';

/** Status 5 is a deleted (cancelled) order [V S4]: the WMS cancels it if its status allows. */
const actionOf = (order: WireOrder): SourceRecord['action'] => (String(order.statusId ?? '') === '5' ? 'cancel' : 'upsert');
const orderRecord = (item: Parameters<typeof sourceRecord<WireOrder>>[0]) => sourceRecord(item, 'orderNo', 'order', actionOf);

/**
 * Orders in the configured delivery statuses (the seed's N) whose last change is later than the
 * last run. An order the WMS has moved past Open is left as it is: the WMS's status gate says
 * "locked" and the run lists it.
 */
export const orderImport: ImportFlow<SpecterApi> = {
  kind: 'import',
  id: 'order-import',
  description: 'Orders in delivery status N (not delivered) changed in Specter since the last run',
  enabledByDefault: true,
  mapping: toOrder,
  async *fetch(api, { since, signal }) {
    for await (const page of api.orders(since, signal)) {
      const cursor = latestChange(page);
      yield { records: page.map(orderRecord), ...(cursor ? { cursor } : {}) };
    }
  },
  async fetchByIds(api, externalIds, signal) {
    const records: SourceRecord[] = [];
    for (const id of externalIds) {
      const item = await api.order(id, signal);
      if (item) records.push(orderRecord(item));
    }
    return records;
  },
};
