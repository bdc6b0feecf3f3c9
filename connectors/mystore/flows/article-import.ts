import type { ImportFlow, ImportPage, SourceRecord } from '../../../src/connectors/sdk/index.js';
import type { MystoreApi } from '../client.js';
import { toArticle } from '../mappings/to-article.js';
import { articleRecords, later, productIdOf } from './records.js';

/**
 * Products and variants changed since the last run. Page numbers over a list that changes while
 * it is walked may skip a record, so the cursor (the latest `updated_at` seen) is committed only
 * once the whole walk has ended, and the overlap window re-reads the boundary.
 */
export const articleImport: ImportFlow<MystoreApi> = {
  kind: 'import',
  id: 'article-import',
  description: 'Products and variants changed in mystore.no since the last run; each variant is an article of its own',
  enabledByDefault: true,
  mapping: toArticle,
  cursor: { format: 'timestamp', commit: 'after-run' },
  async *fetch(api, { since, signal }): AsyncIterable<ImportPage> {
    const from = since?.toISOString();
    const language = api.settings.language;
    const seen = new Set<string>();
    let cursor: string | undefined;
    for await (const page of api.products(from, signal)) {
      for (const item of page) {
        if (item.ok) seen.add(item.value.id);
        cursor = later(cursor, item.ok ? item.value.updated_at : undefined);
      }
      yield { records: page.flatMap((item) => articleRecords(item, language)), ...(cursor ? { cursor } : {}) };
    }
    // A variant can change (its SKU, EAN, cost) without its product's update time moving: its
    // product is read again whole, so that the article gets the product's fields too. The first
    // run has read every product already.
    if (from === undefined) return;
    const changed = new Set<string>();
    for await (const page of api.variants(from, signal)) {
      for (const item of page) {
        if (!item.ok) continue;
        cursor = later(cursor, item.value.updated_at);
        const product = item.value.product as { id?: unknown } | undefined;
        if (product?.id !== undefined && !seen.has(String(product.id))) changed.add(String(product.id));
      }
    }
    const records = await articlesOf(api, [...changed], signal);
    yield { records, ...(cursor ? { cursor } : {}) };
  },
  async fetchByIds(api, externalIds, signal) {
    const wanted = new Set(externalIds);
    const asked = (r: SourceRecord) => wanted.has(r.externalId) || wanted.has(productIdOf(r.externalId));
    return (await articlesOf(api, [...new Set(externalIds.map(productIdOf))], signal)).filter(asked);
  },
};

async function articlesOf(api: MystoreApi, productIds: string[], signal: AbortSignal): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  for (const id of productIds) {
    const item = await api.product(id, signal);
    if (item) records.push(...articleRecords(item, api.settings.language));
  }
  return records;
}
