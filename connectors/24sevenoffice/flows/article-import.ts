import { rawText } from '../../../src/connectors/sdk/index.js';
import type { ImportFlow, SourceRecord, WireRecord } from '../../../src/connectors/sdk/index.js';
import type { Product } from '../api.js';
import { newestChange } from '../change-dates.js';
import { productLabel } from '../client.js';
import type { TwentyFourSevenApi } from '../client.js';
import { productProperties, toArticle } from '../mappings/to-article.js';

export function articleRecord(item: WireRecord<Product>): SourceRecord {
  const label = productLabel(item.raw);
  if (!item.ok) return { externalId: rawText(item.raw, 'Id') ?? '(no id)', label, source: item.raw, issues: item.issues };
  return { externalId: String(item.value.Id), label, source: item.value };
}

const properties = (api: TwentyFourSevenApi) => [...new Set([...productProperties, ...api.settings.extraProductFields])];

export const articleImport: ImportFlow<TwentyFourSevenApi> = {
  kind: 'import',
  id: 'article-import',
  description: 'Products changed in 24SevenOffice since the last run (GetProducts by DateChanged)',
  enabledByDefault: true,
  mapping: toArticle,
  async *fetch(api, { since, signal }) {
    // GetProducts has no paging: one answer holds every product changed after the date [V B5].
    const items = await api.products({ ...(since ? { changedAfter: since } : {}), properties: properties(api) }, signal);
    const cursor = newestChange(items.map((item) => item.raw));
    yield { records: items.map(articleRecord), ...(cursor ? { cursor } : {}) };
  },
  async fetchByIds(api, externalIds, signal) {
    const ids = externalIds.filter((id) => /^\d+$/.test(id)).map(Number);
    return ids.length === 0 ? [] : (await api.products({ ids, properties: properties(api) }, signal)).map(articleRecord);
  },
};
