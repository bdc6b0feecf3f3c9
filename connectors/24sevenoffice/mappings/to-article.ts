import { defineMappingTable, expr as e } from '../../../src/connectors/sdk/index.js';

const product = (field: string) => e.path(field, { label: `Product ⇒ ${field}` });

/**
 * The seed's article table: a product becomes an article. The product number (No) is the article
 * number, 24SevenOffice's id is the product code. The weight is taken as kilograms, the WMS's
 * unit (the notes give no unit).
 */
export const toArticle = defineMappingTable({
  target: 'article',
  label: 'Product',
  rows: [
    { wms: 'productCode', from: e.toText(product('Id')) },
    { wms: 'articleNumber', from: product('No') },
    { wms: 'articleName', from: product('Name') },
    { wms: 'articleDescription', from: product('Description') },
    { wms: 'barCode', from: product('EAN1') },
    { wms: 'weight', from: e.toNumber(product('Weight')) },
  ],
});

/** The Product members the table reads: GetProducts returns only the properties asked for [V B3]. */
export const productProperties = ['Id', 'No', 'Name', 'Description', 'EAN1', 'Weight', 'DateChanged'];
