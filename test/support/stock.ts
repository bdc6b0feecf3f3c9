import type { EmbeddedWms } from '../../src/wms/port.js';

/**
 * Puts in the stock an order needs to ship: the embedded WMS refuses by default to ship what is not
 * in stock, and the sandboxes' imported articles arrive with none (as a shop's would). A test that
 * imported only orders gets the order's articles registered first, as the warehouse would.
 */
export async function stockFor(wms: EmbeddedWms, owner: string, orderNumber: string): Promise<void> {
  const order = await wms.getOrder(owner, orderNumber);
  const needed = new Map<string, number>();
  for (const line of order.orderLines) needed.set(line.articleNumber, (needed.get(line.articleNumber) ?? 0) + line.numberOfItems);
  const balances = new Map((await wms.listStock(owner, [...needed.keys()])).map((b) => [b.articleNumber, b.physical]));
  for (const [article, quantity] of needed) {
    if (!balances.has(article)) await wms.upsertArticle(owner, { articleNumber: article, articleName: article });
    await wms.setStock(owner, article, Math.max(0, balances.get(article) ?? 0) + quantity);
  }
}
