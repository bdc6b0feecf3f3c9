import { defineMappingTable, expr as e } from '../../../src/connectors/sdk/index.js';

/**
 * The seed's article table. One article per variation, so the source is `{ product, variation }`;
 * a product without variations is one article with `variation` undefined.
 */

/**
 * The seed's "Variation*": the variation's field, or the product's for a product without
 * variations. A variation that leaves a field empty (MyCashflow lets a variation inherit its
 * product's price and purchase price) also gets the product's value.
 */
const variationOrProduct = (field: string) => e.firstOf(e.path(`variation.${field}`), e.path(`product.${field}`));

export const toArticle = defineMappingTable({
  target: 'article',
  rows: [
    { wms: 'articleNumber', from: e.toText(variationOrProduct('product_code')) },
    { wms: 'barCode', from: e.toText(variationOrProduct('stock_item.barcode')) },
    { wms: 'customerPrice', from: e.toNumber(variationOrProduct('price')) },
    // "[Product name] - [Variation name]"; the product name alone when there is no variation.
    { wms: 'articleName', from: e.join(' - ', e.path('product.name'), e.path('variation.name')) },
    { wms: 'price', from: e.toNumber(variationOrProduct('price')) },
    // The API's weights are kg [G, api.ts], the canonical unit.
    { wms: 'netWeight', from: e.convertWeight(e.path('product.weight'), 'kg') },
    // "[Product id]-[Variation id]"; the product id alone when there is no variation.
    { wms: 'productCode', from: e.join('-', e.path('product.id'), e.path('variation.id')) },
    { wms: 'purchasePrice', from: e.toNumber(variationOrProduct('purchase_price')) },
    { wms: 'supplierArticleNumber', from: e.toText(e.path('product.supplier_code')) },
    // The seed's WMS side reads "Vat code ⇒ Vat percent": the rate is the percentage itself.
    { wms: 'vatPercent', from: e.toNumber(e.path('product.vat_rate')) },
  ],
  /**
   * The seed's "Variation* ⇒ Translations". MyCashflow translates products, not variations
   * (`expand=translations` exists on products only [V S33]), so each translation of the product
   * becomes one alternative name, and a variation's reads like its article name:
   * "[translated product name] - [Variation name]".
   */
  lines: {
    wms: 'alternativeNames',
    from: e.path('product.translations'),
    label: 'Product translation',
    rows: [
      { wms: 'alternativeNames[].language', from: e.languageToCode(e.path('language')) },
      { wms: 'alternativeNames[].name', from: e.join(' - ', e.path('name'), e.recordPath('variation.name')) },
    ],
  },
});
