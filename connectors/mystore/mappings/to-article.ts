import { defineMappingTable, expr as e } from '../../../src/connectors/sdk/index.js';

/**
 * The seed's article table. One article per variant, so the source is `{ product, variant }`
 * (flows/article-import.ts); a product without variants is one article with `variant` undefined.
 * `product.name` is already the name in the integration's language (names are per language [V S21]).
 */

/** "Product ⇒ X or Variant ⇒ X": the variant's own value when it has one, else the product's. */
const variantOrProduct = (field: string) => e.firstOf(e.path(`variant.${field}`), e.path(`product.${field}`));
/** The variant's attribute option values [G: `relationships.product-option-values`]. */
const options = e.path('variant.product-option-values');

export const toArticle = defineMappingTable({
  target: 'article',
  rows: [
    { wms: 'articleFreeDecimal2', from: e.toNumber(e.path('variant.id')) },
    { wms: 'articleNumber', from: e.toText(variantOrProduct('sku')) },
    { wms: 'barCode', from: e.toText(variantOrProduct('ean')) },
    { wms: 'customerPrice', from: e.toNumber(e.path('product.price')) },
    // "Combination of Product ⇒ Name and Product attribute option ⇒ Value": "Genser Rød L".
    { wms: 'articleName', from: e.join(' ', e.path('product.name'), e.pluck(options, 'value')) },
    { wms: 'price', from: e.toNumber(variantOrProduct('cost')) },
    // "Combination of Product ⇒ Id and Product attribute option ⇒ ids": "2576-11-14".
    { wms: 'productCode', from: e.join('-', e.path('product.id'), e.pluck(options, 'id')) },
    { wms: 'purchasePrice', from: e.toNumber(variantOrProduct('cost')) },
    // The shop's unit is the setting weightUnit (grams by default [G]); the WMS wants kg.
    { wms: 'weight', from: e.convertWeight(e.path('product.weight'), 'g', e.setting('weightUnit')) },
  ],
});
