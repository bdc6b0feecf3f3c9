import { rawText } from '../../../src/connectors/sdk/index.js';
import type { ImportFlow, ImportPage, SourceRecord, WireRecord } from '../../../src/connectors/sdk/index.js';
import { orderTopics } from '../api.js';
import type { WireOrder } from '../api.js';
import type { MystoreApi } from '../client.js';
import { toOrder } from '../mappings/to-order.js';
import { later } from './records.js';

/** What an order's status means to the import, from the shop's status names (shop-defined [I §2.6]). */
export interface StatusRules {
  cancels(statusId: string | undefined): boolean;
  handled(statusId: string | undefined): boolean;
}

export async function statusRules(api: MystoreApi, signal: AbortSignal): Promise<StatusRules> {
  const names = await api.statusNames(signal);
  const matching = (wanted: string[]) => {
    const lower = new Set(wanted.map((n) => n.toLowerCase()));
    return new Set([...names].filter(([, all]) => all.some((n) => lower.has(n.trim().toLowerCase()))).map(([id]) => id));
  };
  const cancelled = matching(api.settings.cancelledStatus);
  const handled = matching(api.settings.handledStatuses);
  return { cancels: (id) => id !== undefined && cancelled.has(id), handled: (id) => id !== undefined && handled.has(id) };
}

/**
 * An order as a source record: a cancelled status cancels the WMS order (if its status allows);
 * an order already handled (delivered) is not imported: undefined.
 */
export function orderRecord(item: WireRecord<WireOrder>, rules: StatusRules): SourceRecord | undefined {
  const externalId = item.ok ? item.value.id : (rawText(item.raw, 'id') ?? '(no id)');
  const label = `order ${externalId}`;
  if (!item.ok) return { externalId, label, source: item.raw, issues: item.issues };
  const statusId = item.value['order-status']?.id;
  if (rules.cancels(statusId)) return { externalId, label, source: item.value, action: 'cancel' };
  if (rules.handled(statusId)) return undefined;
  return { externalId, label, source: item.value, action: 'upsert' };
}

const recordsOf = (page: WireRecord<WireOrder>[], rules: StatusRules) => page.flatMap((item) => orderRecord(item, rules) ?? []);

export const orderImport: ImportFlow<MystoreApi> = {
  kind: 'import',
  id: 'order-import',
  description: 'New and updated mystore.no orders not yet handled; a cancelled status cancels the WMS order. With webhooks on, orders come at once and this poll is the backstop',
  enabledByDefault: true,
  mapping: toOrder,
  // Page numbers over a changing list: the cursor is committed once the walk has ended (see article-import).
  cursor: { format: 'timestamp', commit: 'after-run' },
  async *fetch(api, { since, signal }): AsyncIterable<ImportPage> {
    const { webhooks, webhookUrl, webhookSecret } = api.settings;
    // Each poll makes sure the subscription is there, so one lost at the shop comes back within an interval.
    if (webhooks && webhookUrl) await api.subscribeOrderWebhooks(webhookUrl, webhookSecret, orderTopics, signal);
    const rules = await statusRules(api, signal);
    let cursor: string | undefined;
    for await (const page of api.orders(since?.toISOString(), signal)) {
      for (const item of page) cursor = later(cursor, item.ok ? item.value.updated_at : undefined);
      yield { records: recordsOf(page, rules), ...(cursor ? { cursor } : {}) };
    }
  },
  async fetchByIds(api, externalIds, signal) {
    const rules = await statusRules(api, signal);
    const records: SourceRecord[] = [];
    // One GET each: an id filter on the list is not verified.
    for (const id of externalIds) {
      const item = await api.order(id, signal);
      const record = item && orderRecord(item, rules);
      if (record) records.push(record);
    }
    return records;
  },
};
