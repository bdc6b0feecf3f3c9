import type { StockExportFlow } from '../../../src/connectors/sdk/index.js';
import type { MystoreApi } from '../client.js';

/**
 * Writes the WMS's available stock into `quantity` of the product, or of the variant for a
 * product with variants (stock lives on the variants then [V S21]). `quantity` is the shop's
 * sellable figure, which it lowers itself at checkout [I: osCommerce]; the WMS's available figure
 * already holds back the open orders, so it is the one that matches. Rows are found by SKU, which
 * is the article number the article import gives. Off by default, as the seed says.
 */
export const stockExport: StockExportFlow<MystoreApi> = {
  kind: 'stock-export',
  id: 'stock-export',
  description: 'Available stock from the WMS to the mystore.no products and variants, where it differs',
  enabledByDefault: false,
  quantity: 'available',
  async readRemote(api, articleNumbers, signal) {
    const rows = await api.stock(signal);
    return articleNumbers.flatMap((articleNumber) => {
      const row = rows.get(articleNumber);
      return row ? [{ articleNumber, quantity: row.quantity }] : [];
    });
  },
  async write(api, stock, signal) {
    const row = (await api.stock(signal)).get(stock.articleNumber);
    // readRemote gave only rows it found, so a missing one means the shop changed between the two.
    if (row) await api.setQuantity(row, stock.quantity, signal);
  },
  mapping: [
    { wms: 'stock.available', to: 'Product ⇒ Quantity (products without variants)' },
    { wms: 'stock.available', to: 'Variant ⇒ Quantity' },
  ],
};
