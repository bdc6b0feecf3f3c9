import { describe, expect, it } from 'vitest';
import type { ImportFlow } from '../../src/connectors/sdk/flows.js';
import type { ProcountorApi } from './client.js';
import { procountor } from './connector.js';
import { drain, inProcessApi, signal } from './fixtures/in-process-api.js';
import { testSandbox } from './sandbox/test-helpers.js';

/** The import flows against the in-process sandbox: paging, change filter, type filters, batch GET. */
const importFlow = (id: string) => procountor.flows.find((f): f is ImportFlow<ProcountorApi> => f.id === id && f.kind === 'import')!;
const idsOf = (ids: string | undefined) => (ids ?? '').split(',').filter(Boolean);

describe('article import against the sandbox', () => {
  it('pages by previousId to the end and imports every SALES product, no PURCHASE or TRAVEL one', async () => {
    const sandbox = testSandbox();
    const { api } = inProcessApi(sandbox);
    const pages = await drain(importFlow('article-import').fetch(api, { since: undefined, signal }));
    const sales = sandbox.store.products.values().filter((p) => p.type === 'SALES');
    expect(sandbox.store.products.values().some((p) => p.type === 'PURCHASE')).toBe(true);
    expect(pages.flatMap((p) => p.records.map((r) => r.externalId)).sort()).toEqual(sales.map((p) => String(p.id)).sort());
    const searches = sandbox.recorder.filter('GET', /\/api\/products$/);
    expect(searches.length).toBe(Math.ceil(sales.length / 25) + (sales.length % 25 === 0 ? 1 : 0));
    expect(searches.every((r) => r.query.type === 'SALES' && r.query.orderById === 'ASC')).toBe(true);
    expect(searches.map((r) => Number(r.query.previousId))).toEqual([...searches.map((r) => Number(r.query.previousId))].sort((a, b) => a - b));
    const newest = Math.max(...sales.map((p) => Date.parse(`${p.version}Z`)));
    expect(pages.at(-1)).toEqual({ records: [], cursor: new Date(newest).toISOString() });
  });

  it('reads the older {products} shape to the end as well', async () => {
    const sandbox = testSandbox({ productResultShape: 'products' });
    const { api } = inProcessApi(sandbox);
    const records = (await drain(importFlow('article-import').fetch(api, { since: undefined, signal }))).flatMap((p) => p.records);
    expect(records.length).toBe(sandbox.store.products.values().filter((p) => p.type === 'SALES').length);
  });

  it('asks only for what changed since the cursor', async () => {
    const sandbox = testSandbox();
    const { api } = inProcessApi(sandbox);
    const cursor = (await drain(importFlow('article-import').fetch(api, { since: undefined, signal }))).at(-1)!.cursor!;
    const changed = sandbox.store.products.values().find((p) => p.type === 'SALES')!;
    sandbox.updateProduct(changed.id, { price: 12.34 });
    const since = new Date(Date.parse(cursor) + 1000);
    const pages = await drain(importFlow('article-import').fetch(api, { since, signal }));
    expect(pages.flatMap((p) => p.records.map((r) => r.externalId))).toEqual([String(changed.id)]);
    expect(sandbox.recorder.filter('GET', /\/api\/products$/).at(-1)?.query.versionStartDate).toBe(since.toISOString().slice(0, 19));
  });
});

describe('order and purchase-order import against the sandbox', () => {
  it('imports sales orders in the chosen statuses only: no sales invoice, no offer, no other type', async () => {
    const sandbox = testSandbox();
    const { api } = inProcessApi(sandbox);
    const records = (await drain(importFlow('order-import').fetch(api, { since: undefined, signal }))).flatMap((p) => p.records);
    const wanted = sandbox.store.invoices.values().filter((h) => h.type === 'SALES_ORDER' && !h.isOffer && ['UNFINISHED', 'NOT_SENT', 'APPROVED', 'STARTED'].includes(h.status));
    expect(sandbox.store.invoices.values().some((h) => h.type === 'SALES_INVOICE')).toBe(true);
    expect(records.map((r) => r.externalId).sort()).toEqual(wanted.map((h) => String(h.id)).sort());
    expect(records.every((r) => r.issues === undefined && r.action === undefined)).toBe(true);
  });

  it('gives a position after every page, and a walk resumed from one goes on after its last id with the cursor from before the cut', async () => {
    const sandbox = testSandbox();
    const { api } = inProcessApi(sandbox);
    const since = new Date('2020-01-01T00:00:00Z');
    const whole = await drain(importFlow('order-import').fetch(api, { since, signal }));
    const walked = whole.filter((p) => p.position !== undefined);
    expect(walked.length).toBeGreaterThan(2);
    // Cut off after the second page: the next run continues from its position.
    const position = JSON.parse(walked[1]!.position!) as { since: string; afterId: number; newest: string };
    expect(position.since).toBe(since.toISOString());
    sandbox.recorder.clear();
    const resumed = await drain(importFlow('order-import').fetch(api, { since: new Date(), signal, resumeFrom: walked[1]!.position! }));
    const ids = (pages: typeof whole) => pages.flatMap((p) => p.records.map((r) => r.externalId));
    expect(ids(resumed)).toEqual(ids(walked.slice(2)));
    const searches = sandbox.recorder.filter('GET', /\/api\/invoices$/);
    expect(Number(searches[0]!.query.previousId)).toBe(position.afterId);
    expect(searches.every((r) => r.query.versionStartDate === '2020-01-01T00:00:00')).toBe(true);
    expect(resumed.at(-1)).toEqual({ records: [], cursor: position.newest });
  });

  it('turns an invalidated sales order into a cancel, and a sales order without a number into a clear failure', async () => {
    const sandbox = testSandbox({ invoices: 5 });
    const { api } = inProcessApi(sandbox);
    const invalidated = sandbox.createInvoice({ type: 'SALES_ORDER', status: 'INVALIDATED' });
    const unnumbered = sandbox.createInvoice({ type: 'SALES_ORDER' });
    (sandbox.store.invoice(unnumbered.id) as { invoiceNumber: number | null }).invoiceNumber = null;
    const records = await importFlow('order-import').fetchByIds!(api, [String(invalidated.id), String(unnumbered.id)], signal);
    expect(records.map((r) => [r.externalId, r.action, r.issues?.[0]?.field])).toEqual([
      [String(invalidated.id), 'cancel', undefined],
      [String(unnumbered.id), undefined, 'invoiceNumber'],
    ]);
    expect(records[1]!.label).toBe(`order (invoice id ${unnumbered.id})`);
  });

  it('reads full invoices through the batch GET, at most 200 ids a call', async () => {
    const sandbox = testSandbox({ invoices: 5 });
    for (let i = 0; i < 250; i++) sandbox.createInvoice({ type: 'SALES_ORDER', isOffer: false });
    const { api } = inProcessApi(sandbox, { pageSize: 200 });
    const records = (await drain(importFlow('order-import').fetch(api, { since: undefined, signal }))).flatMap((p) => p.records);
    expect(records.length).toBeGreaterThanOrEqual(250);
    const batches = sandbox.recorder.filter('GET', /\/api\/invoices\/[\d,]+$/).map((r) => idsOf(r.path.split('/').pop()).length);
    expect(batches[0]).toBe(200);
    expect(batches.every((n) => n <= 200)).toBe(true);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(records.length);

    sandbox.recorder.clear();
    const ids = sandbox.store.invoices.values().map((h) => h.id);
    expect((await api.invoicesByIds(ids, signal)).length).toBe(ids.length);
    expect(sandbox.recorder.filter('GET', /\/api\/invoices\//).map((r) => idsOf(r.path.split('/').pop()).length)).toEqual([200, ids.length - 200]);
  });

  it('imports purchase orders with the supplier from the counter party, and nothing else', async () => {
    const sandbox = testSandbox();
    const { api } = inProcessApi(sandbox);
    const records = (await drain(importFlow('purchase-order-import').fetch(api, { since: undefined, signal }))).flatMap((p) => p.records);
    const purchaseOrders = sandbox.store.invoices.values().filter((h) => h.type === 'PURCHASE_ORDER');
    expect(records.map((r) => r.externalId).sort()).toEqual(purchaseOrders.map((h) => String(h.id)).sort());
    const first = records[0]!.source as { counterParty: { customerNumber: string } };
    expect(first.counterParty.customerNumber).toMatch(/^T10\d\d$/);
  });
});
