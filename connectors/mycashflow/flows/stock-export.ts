import type { StockExportFlow } from '../../../src/connectors/sdk/index.js';
import type { MycashflowApi } from '../client.js';

/**
 * Writes the WMS's physical stock into the stock item `quantity`. MyCashflow subtracts its own
 * reservations (open orders) from that quantity to get the sellable balance, so writing the WMS's
 * available figure would subtract the same open orders twice.
 * Stock items are keyed by product or variation code, which is the article number.
 */
export const stockExport: StockExportFlow<MycashflowApi> = {
  kind: 'stock-export',
  id: 'stock-export',
  description: 'Physical stock from the WMS to the MyCashflow stock items, where it differs',
  enabledByDefault: false,
  quantity: 'physical',
  async readRemote(api, articleNumbers, signal) {
    const quantities = await api.stockQuantities(signal);
    return articleNumbers.flatMap((articleNumber) => {
      const quantity = quantities.get(articleNumber);
      return quantity === undefined ? [] : [{ articleNumber, quantity }];
    });
  },
  write: (api, stock, signal) => api.setStockQuantity(stock.articleNumber, stock.quantity, signal),
  mapping: [{ wms: 'stock.physical', to: 'Stock item ⇒ Quantity' }],
};
