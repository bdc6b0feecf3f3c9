import { rawText } from '../../../src/connectors/sdk/index.js';
import type { FieldIssue, ImportFlow, ImportPage, SourceRecord, WireRecord } from '../../../src/connectors/sdk/index.js';
import type { MycashflowApi, WireProduct } from '../client.js';
import { toArticle } from '../mappings/to-article.js';

/** Everything the article table reads: variations with their stock items, the product's own stock item, translations. */
const expand = ['variations', 'variations.stock_item', 'stock_item', 'translations'];

/** The product id in an article's external id, `<productId>-<variationId>` or `<productId>`. */
const productIdOf = (externalId: string): string => externalId.split('-')[0] ?? externalId;

/**
 * A product's articles: one per variation (a variation is its own article, with its own code and
 * stock item), or the product itself when it has none.
 */
export function articleRecords(item: WireRecord<WireProduct>): SourceRecord[] {
  if (!item.ok) return malformedArticleRecords(item.raw, item.issues);
  const product = item.value;
  const variations = product.variations ?? [];
  if (variations.length === 0) {
    const label = `article ${product.product_code ?? product.id}`;
    return [{ externalId: String(product.id), label, source: { product, variation: undefined } }];
  }
  return variations.map((variation) => ({
    externalId: `${product.id}-${variation.id}`,
    label: `article ${variation.product_code ?? product.product_code ?? `${product.id}-${variation.id}`}`,
    source: { product, variation },
  }));
}

/**
 * A product that did not parse fails every article it would have given, each under its own id and
 * name, so that the retry by id finds them again once the shop's data is fixed.
 */
function malformedArticleRecords(raw: unknown, issues: FieldIssue[]): SourceRecord[] {
  const productId = rawText(raw, 'id') ?? '(no id)';
  const rawVariations: unknown = typeof raw === 'object' && raw !== null ? (raw as { variations?: unknown }).variations : undefined;
  const articles =
    Array.isArray(rawVariations) && rawVariations.length > 0
      ? rawVariations.map((v: unknown) => ({ externalId: `${productId}-${rawText(v, 'id') ?? '(no id)'}`, code: rawText(v, 'product_code') }))
      : [{ externalId: productId, code: rawText(raw, 'product_code') }];
  return articles.map(({ externalId, code }) => {
    const label = `article ${code ?? externalId}`;
    return { externalId, label, source: raw, issues: issues.map((issue) => ({ ...issue, record: label })) };
  });
}

/** The page's last product's updated_at: the list is sorted by it, ascending, so it only grows. */
function pageCursor(page: WireRecord<WireProduct>[]): string | undefined {
  const updatedAt = rawText(page.at(-1)?.raw, 'updated_at');
  return updatedAt !== undefined && !Number.isNaN(Date.parse(updatedAt)) ? updatedAt : undefined;
}

export const articleImport: ImportFlow<MycashflowApi> = {
  kind: 'import',
  id: 'article-import',
  description: 'Products changed in MyCashflow since the last run; each variation is an article of its own',
  enabledByDefault: true,
  mapping: toArticle,
  async *fetch(api, { since, signal }): AsyncIterable<ImportPage> {
    // The first run has no `since` and reads the whole catalogue.
    const query = { 'updated_at-from': since?.toISOString(), sort: 'updated_at-asc', expand };
    for await (const page of api.products(query, signal)) {
      const cursor = pageCursor(page);
      yield { records: page.flatMap(articleRecords), ...(cursor === undefined ? {} : { cursor }) };
    }
  },
  async fetchByIds(api, externalIds, signal) {
    const wanted = new Set(externalIds);
    // A record that failed without a readable id cannot be asked for; the list filter takes numbers only.
    const productIds = [...new Set(externalIds.map(productIdOf))].filter((id) => /^\d+$/.test(id));
    const records: SourceRecord[] = [];
    if (productIds.length === 0) return records;
    for await (const page of api.products({ id: productIds, expand }, signal)) {
      // A product that failed whole (by its bare id) and has variations now comes back as its variations.
      const asked = (r: SourceRecord) => wanted.has(r.externalId) || wanted.has(productIdOf(r.externalId));
      records.push(...page.flatMap(articleRecords).filter(asked));
    }
    return records;
  },
};
