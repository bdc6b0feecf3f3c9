import { describe, expect, it } from 'vitest';
import type { ImportFlow, ImportPage } from '../../src/connectors/sdk/flows.js';
import { WmsyncError } from '../../src/kernel/errors.js';
import type { MycashflowApi } from './client.js';
import { mycashflow } from './connector.js';
import { inProcessApi, sandboxWithApi, signal } from './fixtures/in-process-api.js';

const flow = (id: string) => mycashflow.flows.find((f): f is ImportFlow<MycashflowApi> => f.id === id && f.kind === 'import')!;

async function pagesOf(flowId: string, api: MycashflowApi, since?: Date): Promise<ImportPage[]> {
  const pages: ImportPage[] = [];
  for await (const page of flow(flowId).fetch(api, { since, signal })) pages.push(page);
  return pages;
}

describe('MyCashflow client against the sandbox: articles', () => {
  it('follows meta.next to the last page and gives one article per variation', async () => {
    const { sandbox, api } = sandboxWithApi();
    const pages = await pagesOf('article-import', api);
    const products = sandbox.store.products.values();
    // Walking by time re-reads the boundary record of each page once: at most one call more per page.
    const calls = sandbox.recorder.filter('GET', /\/products$/).length;
    expect(calls).toBeGreaterThanOrEqual(Math.ceil(products.length / 7));
    expect(calls).toBeLessThanOrEqual(Math.ceil(products.length / 6) + 1);
    const records = pages.flatMap((p) => p.records);
    const expected = products.flatMap((p) => (p.variations.length ? p.variations.map((v) => `${p.product.id}-${v.id}`) : [String(p.product.id)]));
    expect(records.map((r) => r.externalId).sort()).toEqual(expected.sort());
    expect(records.every((r) => r.issues === undefined)).toBe(true);

    const withVariations = products.find((p) => p.variations.length > 1)!;
    const own = records.filter((r) => r.externalId.startsWith(`${withVariations.product.id}-`));
    expect(own.map((r) => (r.source as { variation: { product_code: string } }).variation.product_code)).toEqual(withVariations.variations.map((v) => v.product_code));
    expect(own[0]?.label).toBe(`article ${withVariations.variations[0]?.product_code}`);

    const cursors = pages.map((p) => Date.parse(p.cursor!));
    expect(cursors).toEqual([...cursors].sort((a, b) => a - b));
    expect(Math.max(...cursors)).toBe(Math.max(...products.map((p) => Date.parse(p.product.updated_at))));
  });

  it('reads only products updated since the cursor', async () => {
    const { sandbox, api } = sandboxWithApi();
    const times = sandbox.store.products.values().map((p) => Date.parse(p.product.updated_at)).sort((a, b) => a - b);
    const since = new Date(times[40]!);
    const records = (await pagesOf('article-import', api, since)).flatMap((p) => p.records);
    const newer = sandbox.store.products.values().filter((p) => Date.parse(p.product.updated_at) >= since.getTime());
    expect(newer.length).toBeLessThan(times.length);
    expect(new Set(records.map((r) => r.externalId.split('-')[0]))).toEqual(new Set(newer.map((p) => String(p.product.id))));
    expect(sandbox.recorder.filter('GET', /\/products$/)[0]?.query['updated_at-from']).toBe(since.toISOString());
  });

  it('turns a malformed product into failed records naming field, value and reason; the rest of the page arrives', async () => {
    const { sandbox, api } = sandboxWithApi();
    sandbox.faults.set({ malformed: { products: [3] } });
    const records = (await pagesOf('article-import', api)).flatMap((p) => p.records);
    const bad = records.filter((r) => r.issues !== undefined);
    const product3 = sandbox.store.product(3)!;
    expect(bad.map((r) => r.externalId)).toEqual(product3.variations.length ? product3.variations.map((v) => `3-${v.id}`) : ['3']);
    expect(bad[0]?.issues).toEqual([{ record: bad[0]?.label, field: 'price', value: 'n/a', reason: 'must be a number' }]);
    expect(records.filter((r) => r.externalId.split('-')[0] === '2' || r.externalId.split('-')[0] === '4').every((r) => !r.issues)).toBe(true);
    expect(records.length).toBe(sandbox.store.products.values().reduce((n, p) => n + Math.max(1, p.variations.length), 0));
  });

  it('re-reads articles by external id', async () => {
    const { sandbox, api } = sandboxWithApi();
    const withVariations = sandbox.store.products.values().find((p) => p.variations.length > 1)!;
    const plain = sandbox.store.products.values().find((p) => p.variations.length === 0)!;
    const wanted = [`${withVariations.product.id}-${withVariations.variations[1]!.id}`, String(plain.product.id)];
    const records = await flow('article-import').fetchByIds!(api, wanted, signal);
    expect(records.map((r) => r.externalId).sort()).toEqual([...wanted].sort());
  });
});

describe('MyCashflow client against the sandbox: orders and errors', () => {
  it('reads one stream per status side by side, and commits after a page only a time every stream has been read up to', async () => {
    const { sandbox, api } = sandboxWithApi();
    const cancelled = sandbox.store.orders.values().find((o) => o.status === 'open')!;
    sandbox.updateOrder(cancelled.id, { status: 'cancelled' });
    const pages = await pagesOf('order-import', api);
    const statuses = sandbox.recorder.filter('GET', /\/orders$/).map((r) => r.query.status);
    expect(new Set(statuses)).toEqual(new Set(['open', 'cancelled']));
    const records = pages.flatMap((p) => p.records);
    const wanted = sandbox.store.orders.values().filter((o) => o.status !== 'completed');
    expect(records.map((r) => r.externalId).sort()).toEqual(wanted.map((o) => String(o.id)).sort());
    expect(records.find((r) => r.externalId === String(cancelled.id))?.action).toBe('cancel');

    // Each cursor is safe: every wanted order changed before it came on that page or an earlier one.
    const cursors = pages.flatMap((p, i) => (p.cursor === undefined ? [] : [{ i, at: Date.parse(p.cursor) }]));
    for (const { i, at } of cursors) {
      const seen = new Set(pages.slice(0, i + 1).flatMap((p) => p.records.map((r) => r.externalId)));
      expect(wanted.filter((o) => Date.parse(o.updated_at) < at && !seen.has(String(o.id)))).toEqual([]);
    }
    expect(cursors.map((c) => c.at)).toEqual([...cursors.map((c) => c.at)].sort((a, b) => a - b));
    // Committed along the way, not only once at the end, and the last is the newest change.
    expect(cursors.filter((c) => c.i < pages.length - 2).length).toBeGreaterThan(3);
    expect(pages.at(-1)?.cursor).toBe('2025-03-10T12:00:00+00:00');
  });

  it('turns malformed orders into failed records while the others on their pages arrive', async () => {
    const { sandbox, api } = sandboxWithApi();
    const open = sandbox.store.orders.values().filter((o) => o.status === 'open');
    const odd = open.find((o) => o.id % 2 === 1)!;
    const even = open.find((o) => o.id % 2 === 0)!;
    sandbox.faults.set({ malformed: { orders: [odd.id, even.id] } });
    const records = (await pagesOf('order-import', api)).flatMap((p) => p.records);
    expect(records.find((r) => r.externalId === String(odd.id))?.issues).toEqual([
      { record: `order ${odd.id}`, field: 'products[0].quantity', value: 'abc', reason: 'must be a number' },
    ]);
    expect(records.find((r) => r.externalId === String(even.id))?.issues).toEqual([
      { record: `order ${even.id}`, field: 'products[0].product_code', reason: 'is required' },
    ]);
    expect(records.filter((r) => r.issues)).toHaveLength(2);
    expect(records.length).toBe(sandbox.store.orders.values().filter((o) => o.status !== 'completed').length);
  });

  it('retries a failed list page and re-reads orders by id, skipping ones the shop no longer has', async () => {
    const { sandbox, api } = sandboxWithApi();
    sandbox.faults.set({ serverError: { next: 1, match: '^GET /api/v1/orders$' } });
    expect((await pagesOf('order-import', api)).flatMap((p) => p.records).length).toBeGreaterThan(0);
    expect(sandbox.faults.counters.serverError).toBe(1);
    const records = await flow('order-import').fetchByIds!(api, ['5', '99999'], signal);
    expect(records.map((r) => r.externalId)).toEqual(['5']);
    expect(records[0]?.source).toMatchObject({ id: 5, products: expect.any(Array), tax_summary: expect.any(Object) });
  });

  it('refuses a wrong API key as a config error', async () => {
    const { sandbox } = sandboxWithApi();
    const error = await inProcessApi(sandbox, { apiKey: 'wrong' }).ping(signal).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WmsyncError);
    expect((error as WmsyncError).kind).toBe('config');
  });
});

describe('MyCashflow client: walking a list by time', () => {
  it('skips no order when one changes while the pages are being read', async () => {
    const { sandbox, api } = sandboxWithApi({ orderStatuses: ['open'] });
    const open = sandbox.store.orders.values().filter((o) => o.status === 'open');
    const seen: string[] = [];
    let changed = false;
    for await (const page of flow('order-import').fetch(api, { since: undefined, signal })) {
      seen.push(...page.records.map((r) => r.externalId));
      if (!changed && page.records.length > 0) {
        // An order already read is edited in the shop: it jumps to the end of the list, and with
        // page numbers the first order of the next page would slide back onto the page just read.
        sandbox.updateOrder(Number(seen[0]), { comments: [{ visibility: 'public', text: 'changed mid-run' }] });
        changed = true;
      }
    }
    expect(changed).toBe(true);
    expect(new Set(seen)).toEqual(new Set(open.map((o) => String(o.id))));
  });
});
