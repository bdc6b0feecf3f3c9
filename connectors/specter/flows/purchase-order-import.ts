import type { ImportFlow, SourceRecord } from '../../../src/connectors/sdk/index.js';
import type { SpecterApi } from '../api.js';
import { toPurchaseOrder } from '../mappings/to-purchase-order.js';
import { latestChange, sourceRecord } from './records.js';

/**
 * Purchases changed in Specter. The seed's default reads those changed in the last 15 minutes;
 * a fixed window misses every change of a run that did not happen, so the window reaches back to
 * the last run's cursor minus the overlap (at least one sync interval plus the overlap), and never
 * less than `purchaseWindowMinutes`.
 */
export const purchaseOrderImport: ImportFlow<SpecterApi> = {
  kind: 'import',
  id: 'purchase-order-import',
  description: 'Purchases changed in Specter since the last run (at least the last 15 minutes), with their supplier',
  enabledByDefault: true,
  mapping: toPurchaseOrder,
  async *fetch(api, { since, signal }) {
    const window = new Date(api.now().getTime() - api.settings.purchaseWindowMinutes * 60_000);
    const from = since && since < window ? since : window;
    for await (const page of api.purchases(from, signal)) {
      const cursor = latestChange(page);
      yield { records: page.map((item) => sourceRecord(item, 'purchaseNo', 'purchase')), ...(cursor ? { cursor } : {}) };
    }
  },
  async fetchByIds(api, externalIds, signal) {
    const records: SourceRecord[] = [];
    for (const id of externalIds) {
      const item = await api.purchase(id, signal);
      if (item) records.push(sourceRecord(item, 'purchaseNo', 'purchase'));
    }
    return records;
  },
};
