import { z } from 'zod';
import { countryCode, currencyCode, key, money, nonNegative, text } from './fields.js';


/** An article (item master), keyed by goods owner + articleNumber. Names follow the WMS labels. */
export const articleSchema = z.strictObject({
  articleNumber: key(),
  articleName: text().optional(),
  productCode: text(100).optional(),
  articleDescription: text(4000).optional(),
  articleGroup: text(100).optional(),
  barCode: text(100).optional(),
  unitCode: text(20).optional(),
  price: money.optional(),
  customerPrice: money.optional(),
  purchasePrice: money.optional(),
  purchaseCurrencyCode: currencyCode.optional(),
  isActive: z.boolean().optional(),
  /** kg */
  weight: nonNegative.optional(),
  /** kg */
  netWeight: nonNegative.optional(),
  /** m³ */
  volume: nonNegative.optional(),
  vatCode: text(20).optional(),
  vatPercent: z.number().min(0).max(100).optional(),
  countryOfOriginCode: countryCode.optional(),
  statisticsNumber: text(50).optional(),
  mainSupplier: text(100).optional(),
  supplierArticleNumber: text(100).optional(),
  alternativeNames: z.array(z.strictObject({ language: key(10), name: key(500) })).optional(),
  articleFreeDecimal2: money.optional(),
});
export type Article = z.infer<typeof articleSchema>;
