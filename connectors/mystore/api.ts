import { z } from 'zod';

/**
 * mystore.no's wire format: JSON:API (`data`, `included`, `links.next`) [V §2.1, §2.4]. Source
 * tags are those of ../shared/research/specter-mystore-mycashflow-api.md §2. Product and variant
 * attribute names are verified against a live shop [V S21]; order attribute names are not public
 * and follow osCommerce, which Mystore descends from [G §2.6]: every guessed name is read in one
 * mapping row, so an integration can override it.
 */

export const mediaType = 'application/vnd.api+json';

export const resourceIdentifierSchema = z.looseObject({ type: z.string(), id: z.coerce.string() });
export type ResourceIdentifier = z.output<typeof resourceIdentifierSchema>;

export const resourceSchema = z.looseObject({
  type: z.string(),
  id: z.coerce.string(),
  attributes: z.record(z.string(), z.unknown()).optional(),
  relationships: z.record(z.string(), z.looseObject({ data: z.union([resourceIdentifierSchema, z.array(resourceIdentifierSchema), z.null()]).optional() })).optional(),
});
export type Resource = z.output<typeof resourceSchema>;

/** A list answer; items are checked one by one afterwards, so that one bad item does not fail the page. */
export const listDocumentSchema = z.looseObject({
  data: z.array(z.unknown()),
  included: z.array(z.unknown()).optional(),
  // Clients stop when `next` is missing [V S24, S27, S28]; some servers send it as null.
  links: z.looseObject({ next: z.string().nullish() }).optional(),
});
export type ListDocument = z.output<typeof listDocumentSchema>;

export const singleDocumentSchema = z.looseObject({ data: z.unknown(), included: z.array(z.unknown()).optional() });

/** Numbers may come as JSON numbers or as decimal text. */
const numberish = z.union([z.number(), z.string().trim().regex(/^-?\d+(\.\d+)?$/).transform(Number)]);
/** A name per language, `{"no": "Sykkel"}` [V S21]; a plain text is accepted too. */
const localized = z.union([z.string(), z.record(z.string(), z.string().nullable())]);

/** A product with its variants and their option values resolved from `included` (see jsonapi.ts). */
export const productSchema = z.looseObject({
  id: z.string(),
  name: localized,
  sku: z.string().nullish(),
  ean: z.string().nullish(),
  price: numberish.nullish(),
  cost: numberish.nullish(),
  weight: numberish.nullish(),
  quantity: numberish.nullish(),
  updated_at: z.string().nullish(),
});
export type WireProduct = z.output<typeof productSchema>;

export const variantSchema = z.looseObject({
  id: z.string(),
  sku: z.string().nullish(),
  ean: z.string().nullish(),
  cost: numberish.nullish(),
  quantity: numberish.nullish(),
  disabled: z.union([z.boolean(), z.number()]).nullish(),
  'product-option-values': z.array(z.looseObject({ id: z.string(), value: z.string().nullish() })).optional(),
});
export type WireVariant = z.output<typeof variantSchema>;

/** An order as the mapping reads it: the guessed osCommerce names [G §2.6], its lines, totals and status resolved. */
export const orderSchema = z.looseObject({
  id: z.string(),
  updated_at: z.string().nullish(),
  created_at: z.string().nullish(),
  'order-status': z.looseObject({ id: z.string() }).nullish(),
  'order-products': z
    .array(
      z.looseObject({
        id: z.string(),
        sku: z.string().nullish(),
        quantity: numberish,
        price: numberish.nullish(),
        final_price: numberish.nullish(),
      }),
    )
    .optional(),
});
export type WireOrder = z.output<typeof orderSchema>;

export const orderStatusSchema = z.looseObject({ id: z.string(), name: localized });
export type WireOrderStatus = z.output<typeof orderStatusSchema>;

/** The order attribute a delivery with `patch-order` writes the waybill to [G §2.6, option 3]. */
export const trackingNumberAttribute = 'tracking_number';

/** Webhook topics for orders [V S23]. */
export const orderTopics = ['orders/create', 'orders/update'] as const;

/** Delivery headers [V S23]. */
export const webhookHeaders = { topic: 'x-no-mystore-topic', signature: 'x-no-mystore-hmac-sha256', host: 'x-no-mystore-host' } as const;

/** The names of a localized value, the wanted language first; a plain text is its own name. */
export function namesOf(value: unknown, language?: string): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  const entries = Object.entries(value as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '');
  return [...entries.filter(([k]) => k === language), ...entries.filter(([k]) => k !== language)].map(([, v]) => v);
}
