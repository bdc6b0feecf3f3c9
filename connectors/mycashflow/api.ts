import { z } from 'zod';

/**
 * Wire format of the MyCashflow REST API (https://{store}.mycashflow.fi/api/v1, orders also /api/v0).
 * Sources are the keys of ../shared/research/specter-mystore-mycashflow-api.md section 3:
 *   S30 https://support.mycashflow.com/api/            S33 github PrimePenguin/MyCashFlowSharp Entities/*.cs
 *   S34 github Fiksuruoka-fi/mycashflow-fivetran-connector   S35 github jukkakoskinen/mycashflow.js
 *   S31 https://support.mycashflow.com/en/notice/new-webhooks-api-will-replace-webhooks-extension
 * [G] marks a guess: unverified, to confirm against the OpenAPI file or a real store.
 * Objects are loose: unknown fields pass through, since the API adds fields over time.
 * Schemas parse responses; `z.input<>` types are what the server sends, `z.output<>` what a client gets.
 */

/** S33 types stock quantities as strings, so a number may arrive as "12.000" [I S33]. */
export const numberish = z
  .union([z.number(), z.string().trim().regex(/^-?\d+(\.\d+)?$/, 'must be a number')])
  .transform(Number);

/** ISO 8601 with an offset, e.g. "2024-05-04T12:34:56+00:00" [V S34 passes them back as filters]. */
const timestamp = z.string();

/** An expanded to-one relation that is absent arrives as [] instead of null [V S34 comment on brand]. */
const toOne = <S extends z.ZodType>(schema: S) =>
  z.union([schema, z.array(z.unknown()).length(0)]).transform((v) => (Array.isArray(v) ? null : v));

/** Stock item, keyed by its `code` (product or variation code) [V S33 StockItem.cs]. */
export const stockItemSchema = z.looseObject({
  id: z.number(),
  created_at: timestamp.nullish(),
  updated_at: timestamp.nullish(),
  sku: z.string().nullish(),
  barcode: z.string().nullish(),
  location: z.string().nullish(),
  enabled: z.boolean(),
  quantity: numberish,
  /** balance = quantity - reserved [I]. */
  balance: numberish,
  /** Read-only: reserved by open orders [V S33]. */
  reserved: numberish,
  code: z.string(),
  product_id: z.number(),
  variation_id: z.number().nullable(),
  balance_alert: z.boolean().nullish(),
  balance_limit: numberish.nullish(),
  backorder_enabled: z.boolean().nullish(),
  backorder_estimate: z.string().nullish(),
});

/** Translation item [G: shape not documented; language + the translatable texts]. */
export const translationSchema = z.looseObject({
  language: z.string(),
  name: z.string().nullish(),
  description: z.string().nullish(),
  information: z.string().nullish(),
});

/** [V S33] fields; `name` is the variation's own name, e.g. "Red / M". */
export const variationSchema = z.looseObject({
  id: z.number(),
  created_at: timestamp.nullish(),
  updated_at: timestamp.nullish(),
  product_id: z.number(),
  sort: z.number().nullish(),
  name: z.string().nullish(),
  product_code: z.string().nullish(),
  price: numberish.nullish(),
  purchase_price: numberish.nullish(),
  weight: numberish.nullish(),
  /** Only with expand=variations.stock_item. */
  stock_item: toOne(stockItemSchema).optional(),
});

/** Brand [G: shape; only its presence and the [] quirk are known, S33/S34]. */
export const brandSchema = z.looseObject({ id: z.number(), name: z.string() });

/** Product [V S33 Product.cs, S36]. Weight in kg [G]. Prices include VAT [G]. */
export const productSchema = z.looseObject({
  id: z.number(),
  created_at: timestamp,
  updated_at: timestamp,
  product_code: z.string().nullish(),
  supplier_code: z.string().nullish(),
  name: z.string(),
  description: z.string().nullish(),
  information: z.string().nullish(),
  price: numberish,
  purchase_price: numberish.nullish(),
  vat_rate: numberish,
  weight: numberish.nullish(),
  brand_id: z.number().nullish(),
  supplier_id: z.number().nullish(),
  barcode: z.string().nullish(),
  visibilities: z.array(z.looseObject({ version_id: z.number(), is_visible: z.boolean() })).optional(),
  /** Expands: translations, variations, variations.stock_item, stock_item, brand [V S33, S34]. */
  translations: z.array(translationSchema).optional(),
  variations: z.array(variationSchema).optional(),
  stock_item: toOne(stockItemSchema).optional(),
  brand: toOne(brandSchema).optional(),
});

/** A row of `/stock-changes` [V S34 for changed_at; the other fields are G]. */
export const stockChangeSchema = z.looseObject({
  id: z.number(),
  changed_at: timestamp,
  product_code: z.string(),
  product_id: z.number().nullish(),
  variation_id: z.number().nullish(),
  quantity_before: numberish.nullish(),
  quantity: numberish,
  change: numberish,
});

/** Address blocks [V S33]: customer_information adds vat_code. Country is ISO alpha-2 [G]. */
export const addressSchema = z.looseObject({
  company: z.string().nullish(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  street_address: z.string().nullish(),
  postal_code: z.string().nullish(),
  city: z.string().nullish(),
  country: z.string().nullish(),
  phone: z.string().nullish(),
  email: z.string().nullish(),
});
export const customerInformationSchema = addressSchema.extend({ vat_code: z.string().nullish() });

/** An order line: the order's `products[]` [V S33]. `variation_id` is null for a plain product. */
export const orderLineSchema = z.looseObject({
  id: z.number(),
  order_id: z.number(),
  product_id: z.number(),
  variation_id: z.number().nullable(),
  product_code: z.string(),
  product_name: z.string().nullish(),
  /** The variation's name [I]. */
  model_name: z.string().nullish(),
  vat_rate: numberish,
  unit_price: numberish,
  purchase_price: numberish.nullish(),
  quantity: numberish,
  shipment_id: z.number().nullish(),
  created_at: timestamp.nullish(),
  updated_at: timestamp.nullish(),
  delivered_at: timestamp.nullish(),
});

/** [V S33]; status OPEN | COMPLETED (upper case) [V]. `type` values [G]. */
export const shipmentSchema = z.looseObject({
  id: z.number(),
  order_id: z.number(),
  created_at: timestamp.nullish(),
  updated_at: timestamp.nullish(),
  completed_at: timestamp.nullish(),
  type: z.string().nullish(),
  status: z.string(),
  shipping_method_id: z.number().nullish(),
  weight: numberish.nullish(),
  parcel_count: z.number().nullish(),
  tracking_code: z.string().nullish(),
  shipping_label_url: z.string().nullish(),
});

/** [V S33]; status OPEN | PAID | PENDING_ACTIVATION [V], CANCELLED [G]. */
export const paymentSchema = z.looseObject({
  id: z.number(),
  order_id: z.number(),
  payment_method_id: z.number(),
  reference: z.string().nullish(),
  amount: numberish,
  currency: z.string(),
  is_confirmed: z.boolean().nullish(),
  is_paid: z.boolean().nullish(),
  status: z.string(),
  created_at: timestamp.nullish(),
  updated_at: timestamp.nullish(),
});

/** [V S33]; visibility values public | private [G]. */
export const commentSchema = z.looseObject({
  order_id: z.number(),
  created_at: timestamp.nullish(),
  user_id: z.number().nullish(),
  visibility: z.string(),
  text: z.string(),
});

/** [V S33]; the code values are [G]. */
export const eventSchema = z.looseObject({
  created_at: timestamp,
  code: z.string(),
  message: z.string().nullish(),
  data: z.unknown(),
});

/** One row per tax rate [V S33]. */
export const taxRowSchema = z.looseObject({
  tax_rate: numberish,
  total: numberish,
  total_tax: numberish,
  total_without_tax: numberish,
});
export const taxSummarySchema = z.looseObject({
  subtotal: z.array(taxRowSchema),
  discount: z.array(taxRowSchema),
  shipping_costs: z.array(taxRowSchema),
  payment_costs: z.array(taxRowSchema),
  total: z.array(taxRowSchema),
});

/** Order [V S33 Order.cs]. `status` casing in responses is [G]: compare case-insensitively. */
export const orderSchema = z.looseObject({
  id: z.number(),
  created_at: timestamp,
  updated_at: timestamp,
  archived_at: timestamp.nullish(),
  external_id: z.string().nullish(),
  version_id: z.number().nullish(),
  language: z.string().nullish(),
  customer_id: z.number().nullish(),
  shipping_method_id: z.number().nullish(),
  payment_method_id: z.number().nullish(),
  customer_information: customerInformationSchema,
  shipping_address: addressSchema.nullish(),
  different_shipping_address: z.boolean().nullish(),
  subtotal: numberish,
  shipping_costs: numberish,
  payment_costs: numberish,
  discount: numberish,
  total: numberish,
  status: z.string(),
  details: z.string().nullish(),
  /** Expands: products, shipments, payments, comments, events, tax_summary [V S33, S34]. */
  products: z.array(orderLineSchema).optional(),
  shipments: z.array(shipmentSchema).optional(),
  payments: z.array(paymentSchema).optional(),
  comments: z.array(commentSchema).optional(),
  events: z.array(eventSchema).optional(),
  tax_summary: toOne(taxSummarySchema).optional(),
});

/** Body of POST /orders/{id}/quick-process [V S33 field names; defaults G]. */
export const quickProcessRequestSchema = z.object({
  tracking_code: z.string().optional(),
  send_emails: z.boolean().optional(),
  allow_open_cash_on_delivery_payments: z.boolean().optional(),
  ignore_payment_activation_errors: z.boolean().optional(),
});

/** Body of PATCH /stock/{product_code} [V S33]; `reserved` is read-only. */
export const stockPatchSchema = z.strictObject({
  quantity: numberish.optional(),
  enabled: z.boolean().optional(),
  balance_alert: z.boolean().optional(),
  balance_limit: numberish.optional(),
  backorder_enabled: z.boolean().optional(),
  backorder_estimate: z.string().optional(),
  barcode: z.string().optional(),
  location: z.string().optional(),
});

/** Webhooks API [V S31 for the create body and reply; topics other than order.created G]. */
export const webhookRequestSchema = z.object({
  topic: z.string().min(1),
  url: z.url(),
  expands: z.array(z.string()).optional(),
});
export const webhookSchema = webhookRequestSchema.extend({ uuid: z.string(), user_id: z.number() }).loose();

/** Reference lists GET /payment-methods, /shipping-methods [V S33 paths; fields G]. */
export const methodSchema = z.looseObject({ id: z.number(), name: z.string(), type: z.string().nullish() });

/** List envelope [V S33 MetaData]; `next` is present only when another page exists [V S34]. */
export const metaSchema = z.looseObject({
  page: z.number(),
  page_size: z.number(),
  page_count: z.number(),
  item_count: z.number(),
  next: z.string().optional(),
});
export const listEnvelope = <S extends z.ZodType>(item: S) => z.looseObject({ data: z.array(item), meta: metaSchema });
export const singleEnvelope = <S extends z.ZodType>(item: S) => z.looseObject({ data: item });

/** Error body [I S33 deserializer]: `code` is the HTTP status [G]. */
export const errorBodySchema = z.looseObject({ code: z.number(), error: z.string(), message: z.string().optional() });

export type StockItem = z.input<typeof stockItemSchema>;
export type Translation = z.input<typeof translationSchema>;
export type Variation = z.input<typeof variationSchema>;
export type Brand = z.input<typeof brandSchema>;
export type Product = z.input<typeof productSchema>;
export type StockChange = z.input<typeof stockChangeSchema>;
export type Address = z.input<typeof addressSchema>;
export type OrderLine = z.input<typeof orderLineSchema>;
export type Shipment = z.input<typeof shipmentSchema>;
export type Payment = z.input<typeof paymentSchema>;
export type Comment = z.input<typeof commentSchema>;
export type Event = z.input<typeof eventSchema>;
export type TaxRow = z.input<typeof taxRowSchema>;
export type TaxSummary = z.input<typeof taxSummarySchema>;
export type Order = z.input<typeof orderSchema>;
export type QuickProcessRequest = z.input<typeof quickProcessRequestSchema>;
export type StockPatch = z.input<typeof stockPatchSchema>;
export type Webhook = z.input<typeof webhookSchema>;
export type Method = z.input<typeof methodSchema>;
export type Meta = z.input<typeof metaSchema>;
export type ErrorBody = z.input<typeof errorBodySchema>;
