import { defineMappingTable, expr as e } from '../../../src/connectors/sdk/index.js';

const field = (path: string, name: string) => e.path(path, { label: `Article ⇒ ${name}` });

/**
 * The seed's article table: an article of the NeedUpdate feed becomes a WMS article. The source
 * is the article in the connector's field names (api.ts); decimals arrive with a comma and are
 * read by `toNumber`. Weight is kg and volume m³, the units newArticleSubmit takes [V S2].
 */
export const toArticle = defineMappingTable({
  target: 'article',
  label: 'Article',
  rows: [
    { wms: 'articleName', from: field('name', 'Name') },
    { wms: 'articleDescription', from: field('comment', 'Article comment') },
    { wms: 'articleNumber', from: field('articleNo', 'Article no.') },
    { wms: 'productCode', from: field('articleId', 'Article id') },
    { wms: 'articleGroup', from: field('articleGroup', 'Article group') },
    { wms: 'barCode', from: field('barCode', 'Barcode') },
    // The first supplier listed is the article's main one [G].
    { wms: 'mainSupplier', from: field('supplierName', 'Suppliers ⇒ Supplier name') },
    { wms: 'countryOfOriginCode', from: e.countryToIso(field('manufacturingCountryCode', 'Manufacturing country code')) },
    { wms: 'statisticsNumber', from: field('commodityCode', 'Commodity code') },
    { wms: 'purchasePrice', from: e.toNumber(field('buyPrice', 'Buy price')) },
    { wms: 'customerPrice', from: e.toNumber(field('priceExclVat', 'Price excluding VAT')) },
    { wms: 'price', from: e.toNumber(field('stockPrice', 'Stock price')) },
    // The seed maps the VAT percent into the VAT code: the code is the rate as text ("25").
    { wms: 'vatCode', from: e.toText(field('vatPercent', 'VAT percent')) },
    { wms: 'volume', from: e.toNumber(field('volume', 'Article volume')) },
    { wms: 'weight', from: e.convertWeight(field('weight', 'Article weight'), 'kg') },
  ],
});
