import type { StockBalance } from '../domain/index.js';
import { listPage, pageAfter } from '../kernel/pages.js';
import type { ListPage } from '../kernel/pages.js';
import type { WmsPort } from './port.js';

type StockReader = Pick<WmsPort, 'listStock' | 'stockPage'>;

/**
 * A goods owner's stock, in article order, a page at a time where the WMS reads it so (the
 * embedded WMS: a page of article numbers, then their stock), else read whole and cut (Ongoing,
 * whose stock comes in one answer). For the pages a person or a script asks for: the API, the CLI
 * and the admin UI, in the list shape they answer with.
 */
export async function stockPage(wms: StockReader, owner: string, options: { limit: number; after?: string | undefined }): Promise<ListPage<StockBalance>> {
  const { limit, after } = options;
  const page = await wms.stockPage?.(owner, { limit, ...(after === undefined ? {} : { after }) });
  return page ? listPage(page) : pageAfter(await wms.listStock(owner), (s) => s.articleNumber, { limit, after });
}

/**
 * Every page of a goods owner's stock, for a pass over all of it (the stock export): where the
 * WMS reads its stock whole, it is read once, as one page.
 */
export async function* allStockPages(wms: StockReader, owner: string, limit: number): AsyncGenerator<StockBalance[]> {
  let after: string | undefined;
  do {
    const page = await wms.stockPage?.(owner, { limit, ...(after === undefined ? {} : { after }) });
    if (!page) {
      yield await wms.listStock(owner);
      return;
    }
    yield page.items;
    after = page.next;
  } while (after !== undefined);
}
