import { rawText } from '../../../src/connectors/sdk/index.js';
import type { SourceRecord, WireRecord } from '../../../src/connectors/sdk/index.js';
import { namesOf } from '../api.js';
import type { WireProduct } from '../api.js';

/** The product id in an article's external id, `<productId>-<variantId>` or `<productId>`. */
export const productIdOf = (externalId: string): string => externalId.split('-')[0] ?? externalId;

/** The latest of two update times as the shop wrote them; an unreadable one is ignored. */
export function later(a: string | undefined, b: unknown): string | undefined {
  if (typeof b !== 'string' || Number.isNaN(Date.parse(b))) return a;
  return a === undefined || Date.parse(b) > Date.parse(a) ? b : a;
}

/**
 * A product's articles: one per variant (a variant has its own SKU, EAN and stock), or the
 * product itself without variants. The product's name is taken in the integration's language.
 */
export function articleRecords(item: WireRecord<WireProduct>, language: string): SourceRecord[] {
  if (!item.ok) {
    const id = rawText(item.raw, 'id') ?? '(no id)';
    const label = `article ${rawText(item.raw, 'sku') ?? id}`;
    return [{ externalId: id, label, source: item.raw, issues: item.issues.map((issue) => ({ ...issue, record: label })) }];
  }
  const product = { ...item.value, name: namesOf(item.value.name, language)[0] };
  const variants = Array.isArray(item.value['product-variants']) ? (item.value['product-variants'] as Record<string, unknown>[]) : [];
  if (variants.length === 0) return [{ externalId: product.id, label: `article ${product.sku ?? product.id}`, source: { product, variant: undefined } }];
  return variants.map((variant) => {
    const externalId = `${product.id}-${String(variant.id)}`;
    const sku = typeof variant.sku === 'string' && variant.sku !== '' ? variant.sku : (product.sku ?? externalId);
    return { externalId, label: `article ${sku}`, source: { product, variant } };
  });
}
