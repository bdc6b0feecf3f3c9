import { rawText } from '../../../src/connectors/sdk/index.js';
import type { ImportFlow, ImportPage, SourceRecord, WireRecord } from '../../../src/connectors/sdk/index.js';
import type { Product } from '../api.js';
import { productLabel } from '../client.js';
import type { ProcountorApi } from '../client.js';
import { toArticle } from '../mappings/to-article.js';
import { instantToDatetime, laterInstant, versionToInstant } from '../versions.js';

/**
 * A product as an article record. Only SALES products are articles: the search asks for them, and
 * a PURCHASE or TRAVEL product that comes back anyway is left out here, since a purchase product
 * shares its code with the sales one and would overwrite the article with purchase prices.
 */
export function articleRecord(item: WireRecord<Product>): SourceRecord[] {
  const label = productLabel(item.raw);
  if (!item.ok) return [{ externalId: rawText(item.raw, 'id') ?? '(no id)', label, source: item.raw, issues: item.issues }];
  if (item.value.type !== 'SALES') return [];
  return [{ externalId: String(item.value.id), label, source: item.value }];
}

export const articleImport: ImportFlow<ProcountorApi> = {
  kind: 'import',
  id: 'article-import',
  description: 'Products of type Sales changed in Procountor since the last run',
  enabledByDefault: true,
  mapping: toArticle,
  async *fetch(api, { since, signal }): AsyncIterable<ImportPage> {
    // The version dates are the change filter [V P-OAS]; the first run has none and reads every product.
    const query = { type: 'SALES', versionStartDate: since ? instantToDatetime(since) : undefined };
    let newest: string | undefined;
    for await (const page of api.products(query, signal)) {
      for (const item of page) newest = laterInstant(newest, versionToInstant(rawText(item.raw, 'version')));
      yield { records: page.flatMap(articleRecord) };
    }
    // Pages run in id order, not version order: only once all are written is the newest version safe to keep.
    if (newest !== undefined) yield { records: [], cursor: newest };
  },
  async fetchByIds(api, externalIds, signal) {
    const ids = externalIds.filter((id) => /^\d+$/.test(id)).map(Number);
    return ids.length === 0 ? [] : (await api.productsByIds(ids, signal)).flatMap(articleRecord);
  },
};
