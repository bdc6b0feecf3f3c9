import { rawText } from '../../../src/connectors/sdk/index.js';
import type { SourceRecord, WireRecord } from '../../../src/connectors/sdk/index.js';

/**
 * A parsed wire record as the engine takes it, keyed by its number (`orderNo`, `purchaseNo`,
 * `articleNo`): a record that did not parse fails under the same key and name, so its retry finds it.
 */
export function sourceRecord<T extends object>(item: WireRecord<T>, key: string, noun: string, action?: (value: T) => SourceRecord['action']): SourceRecord {
  const externalId = item.ok ? String((item.value as Record<string, unknown>)[key]) : (rawText(item.raw, key) ?? '(none)');
  const label = `${noun} ${externalId}`;
  if (!item.ok) return { externalId, label, source: item.raw, issues: item.issues };
  return { externalId, label, source: item.value, ...(action ? { action: action(item.value) } : {}) };
}

/** The latest change time of a page, from the source's clock: the cursor after it. */
export function latestChange(items: WireRecord<object>[]): string | undefined {
  const times = items.map((item) => rawText(item.raw, 'lastChange')).filter((t): t is string => t !== undefined && !Number.isNaN(Date.parse(t)));
  return times.sort((a, b) => Date.parse(a) - Date.parse(b)).at(-1);
}
