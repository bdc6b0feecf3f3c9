import { defineMappingTable, expr as e } from '../../../src/connectors/sdk/index.js';

/**
 * The seed's article table: a product of the register becomes an article. Labels name the fields
 * as the seed does. The unit stays Procountor's enum name (PIECE, KILOGRAM): the WMS unit code
 * is free text, and an integration can translate it with a lookup override.
 */
export const toArticle = defineMappingTable({
  target: 'article',
  label: 'Product',
  rows: [
    { wms: 'articleNumber', from: e.path('code', { label: 'Product ⇒ Code' }) },
    { wms: 'articleName', from: e.path('name', { label: 'Product ⇒ Name' }) },
    { wms: 'unitCode', from: e.path('unit', { label: 'Product ⇒ Unit' }) },
    { wms: 'price', from: e.toNumber(e.path('price', { label: 'Product ⇒ Price' })) },
    { wms: 'isActive', from: e.path('active', { label: 'Product ⇒ Active' }) },
    { wms: 'purchaseCurrencyCode', from: e.path('currency', { label: 'Product ⇒ Currency' }) },
  ],
});
