import { recordError } from '../../../src/connectors/sdk/index.js';
import type { StockExportFlow } from '../../../src/connectors/sdk/index.js';
import type { TwentyFourSevenApi } from '../client.js';

/**
 * Writes the WMS's physical stock into the product's Stock with SetStockQuantity, an absolute
 * quantity [V B5]. Product.Stock is what is on hand: 24SevenOffice lowers it when it invoices,
 * not when an order is confirmed [U B4], so the WMS figure that matches it is the physical one.
 * Products are found by their number (No), the article number.
 */
export const stockExport: StockExportFlow<TwentyFourSevenApi> = {
  kind: 'stock-export',
  id: 'stock-export',
  description: 'Physical stock from the WMS to the 24SevenOffice products, where it differs',
  enabledByDefault: true,
  quantity: 'physical',
  async readRemote(api, articleNumbers, signal) {
    const stock = await api.stockByNumber(signal);
    return articleNumbers.flatMap((articleNumber) => {
      const entry = stock.get(articleNumber);
      return entry ? [{ articleNumber, quantity: entry.stock ?? 0 }] : [];
    });
  },
  async write(api, { articleNumber, quantity }, signal) {
    const entry = (await api.stockByNumber(signal)).get(articleNumber);
    const label = `stock of article ${articleNumber}`;
    if (!entry) throw recordError(label, [{ record: label, field: 'articleNumber', value: articleNumber, reason: '24SevenOffice has no product with this number (No)' }]);
    if (!(await api.setStockQuantity(entry.productId, quantity, signal))) {
      throw recordError(label, [{ record: label, field: 'quantity', value: quantity, reason: `24SevenOffice did not set the stock of product ${entry.productId} (SetStockQuantity answered false)` }]);
    }
  },
  mapping: [{ wms: 'stock.physical', to: 'Product ⇒ Stock (SetStockQuantity)' }],
};
