import { describe, expect, it } from 'vitest';
import type { StockBalance } from '../domain/index.js';
import { pageAfter } from '../kernel/pages.js';
import type { WmsPort } from './port.js';
import { allStockPages, stockPage } from './stock-pages.js';

const balances: StockBalance[] = ['A1', 'A2', 'A3', 'B1', 'B2'].map((articleNumber, i) => ({ articleNumber, physical: i, available: i }));

/** A WMS that reads its stock a page at a time; `listStock` must not be read. */
const paging = (): Pick<WmsPort, 'listStock' | 'stockPage'> => ({
  listStock: async () => {
    throw new Error('read the whole stock');
  },
  stockPage: async (_owner, options) => {
    const page = pageAfter(balances, (s) => s.articleNumber, options);
    return page.next === null ? { items: page.items } : { items: page.items, next: page.next };
  },
});

/** A WMS that reads its stock whole (as Ongoing, behind the routed port: stockPage answers undefined). */
const whole = () => {
  const reads = { count: 0 };
  const wms: Pick<WmsPort, 'listStock' | 'stockPage'> = {
    listStock: async () => {
      reads.count += 1;
      return balances;
    },
    stockPage: async () => undefined,
  };
  return { wms, reads };
};

describe('stock pages', () => {
  it('a page asked for, from a WMS that pages its stock or from one that reads it whole', async () => {
    for (const wms of [paging(), whole().wms]) {
      expect(await stockPage(wms, 'ACME', { limit: 2 })).toEqual({ items: balances.slice(0, 2), next: 'A2' });
      expect(await stockPage(wms, 'ACME', { limit: 2, after: 'A3' })).toEqual({ items: balances.slice(3), next: null });
    }
  });

  it('every page for a pass over the stock, reading a whole stock once', async () => {
    const pages: StockBalance[][] = [];
    for await (const page of allStockPages(paging(), 'ACME', 2)) pages.push(page);
    expect(pages.map((p) => p.map((s) => s.articleNumber))).toEqual([['A1', 'A2'], ['A3', 'B1'], ['B2']]);

    const { wms, reads } = whole();
    const once: StockBalance[][] = [];
    for await (const page of allStockPages(wms, 'ACME', 2)) once.push(page);
    expect(once).toEqual([balances]);
    expect(reads.count).toBe(1);
  });
});
