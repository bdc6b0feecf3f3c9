import type { StockExportFlow } from '../../../src/connectors/sdk/index.js';
import type { SpecterApi } from '../api.js';

/** The seed: "the stock that will be updated in Specter is the physical stock", at the integration's stock site. */
export const stockExport: StockExportFlow<SpecterApi> = {
  kind: 'stock-export',
  id: 'stock-export',
  description: "Physical stock from the WMS to the Specter stock site (StockSiteId), where it differs",
  enabledByDefault: false,
  quantity: 'physical',
  async readRemote(api, articleNumbers, signal) {
    const stock = await api.stock(signal);
    return articleNumbers.flatMap((articleNumber) => {
      const quantity = stock.get(articleNumber);
      return quantity === undefined ? [] : [{ articleNumber, quantity }];
    });
  },
  write: (api, stock, signal) => api.setStock(stock.articleNumber, stock.quantity, signal),
  mapping: [{ wms: 'stock.physical', to: 'Stock site (StockSiteId) ⇒ Article ⇒ No items in stock' }],
};
