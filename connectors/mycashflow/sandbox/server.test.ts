import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorBodySchema, listEnvelope, orderSchema, productSchema, stockItemSchema } from '../api.js';
import { createMycashflowSandbox, startMycashflowSandbox } from './server.js';
import { authHeader, call, fixedNow, testSandbox } from './test-helpers.js';

describe('MyCashflow sandbox: protocol', () => {
  it('refuses bad credentials with 401 and the error body', async () => {
    const sandbox = testSandbox();
    const response = await sandbox.app.request('/api/v1/products', { headers: { Authorization: `Basic ${btoa('api@sandbox.example:wrong')}` } });
    expect(response.status).toBe(401);
    expect(errorBodySchema.parse(await response.json())).toMatchObject({ code: 401, error: 'Unauthorized' });
    expect((await sandbox.app.request('/api/v1/products')).status).toBe(401);
  });

  it('refuses a trailing slash with 400, and serves v0 as well as v1', async () => {
    const sandbox = testSandbox();
    expect((await call(sandbox, 'GET', '/api/v1/orders/')).status).toBe(400);
    expect((await call(sandbox, 'GET', '/api/v0/orders')).status).toBe(200);
    expect((await call(sandbox, 'GET', '/api/v1/nothing')).status).toBe(404);
  });

  it('pages with meta.next only while more pages remain', async () => {
    const sandbox = testSandbox();
    const first = await call(sandbox, 'GET', 'orders?page_size=50');
    expect(first.body.meta).toMatchObject({ page: 1, page_size: 50, page_count: 3, item_count: 120 });
    expect(first.body.meta.next).toContain('page=2');
    const next = new URL(first.body.meta.next as string);
    const second = await call(sandbox, 'GET', `${next.pathname}${next.search}`);
    expect(second.body.data[0].id).toBe(51);
    const last = await call(sandbox, 'GET', 'orders?page_size=50&page=3');
    expect(last.body.data).toHaveLength(20);
    expect(last.body.meta).not.toHaveProperty('next');
    expect((await call(sandbox, 'GET', 'orders')).body.meta.page_size).toBe(50);
    expect((await call(sandbox, 'GET', 'orders?page_size=251')).status).toBe(400);
    expect(listEnvelope(orderSchema).safeParse(first.body).success).toBe(true);
  });

  it('sorts by id and by updated_at, both ways', async () => {
    const sandbox = testSandbox();
    const ids = async (sort: string) => ((await call(sandbox, 'GET', `orders?page_size=250&sort=${sort}`)).body.data as { id: number; updated_at: string }[]);
    expect((await ids('id-asc')).map((o) => o.id)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    expect((await ids('id-desc'))[0]?.id).toBe(120);
    const asc = (await ids('updated_at-asc')).map((o) => Date.parse(o.updated_at));
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    const desc = (await ids('updated_at-desc')).map((o) => Date.parse(o.updated_at));
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    expect((await call(sandbox, 'GET', 'orders?sort=name-asc')).status).toBe(400);
  });

  it('filters by updated_at-from, created_at range, id list and status in any case', async () => {
    const sandbox = testSandbox();
    const all = (await call(sandbox, 'GET', 'orders?page_size=250')).body.data as { id: number; updated_at: string; created_at: string; status: string }[];
    const from = all.map((o) => o.updated_at).sort()[100] as string;
    const recent = await call(sandbox, 'GET', `orders?page_size=250&sort=updated_at-asc&updated_at-from=${encodeURIComponent(from)}`);
    expect(recent.body.meta.item_count).toBe(all.filter((o) => o.updated_at >= from).length);
    expect(recent.body.data.every((o: { updated_at: string }) => o.updated_at >= from)).toBe(true);
    const created = await call(sandbox, 'GET', `orders?page_size=250&created_at-to=${encodeURIComponent(all[9]?.created_at ?? '')}`);
    expect(created.body.data.map((o: { id: number }) => o.id)).toEqual(all.slice(0, 10).map((o) => o.id));
    expect((await call(sandbox, 'GET', 'products?id=3,5,7')).body.data.map((p: { id: number }) => p.id)).toEqual([3, 5, 7]);
    const open = await call(sandbox, 'GET', 'orders?page_size=250&status=OPEN,cancelled');
    expect(open.body.meta.item_count).toBe(all.filter((o) => o.status === 'Open' || o.status === 'Cancelled').length);
    expect(open.body.data.every((o: { status: string }) => o.status !== 'Completed')).toBe(true);
    expect((await call(sandbox, 'GET', 'orders?status=shipped')).status).toBe(400);
    expect((await call(sandbox, 'GET', 'orders?updated_at-from=2025-01-01T00:00:00 00:00')).status).toBe(400);
  });

  it('expands product sub-resources, with [] for an absent brand or stock item', async () => {
    const sandbox = testSandbox();
    const { body } = await call(sandbox, 'GET', 'products?page_size=60&expand=translations,variations.stock_item,stock_item,brand');
    const products = z.array(productSchema).parse(body.data);
    expect(body.data.some((p: { brand: unknown }) => Array.isArray(p.brand) && p.brand.length === 0)).toBe(true);
    expect(products.some((p) => p.brand && typeof p.brand.name === 'string')).toBe(true);
    const withVariations = products.filter((p) => p.variations?.length);
    expect(withVariations.length / products.length).toBeGreaterThan(0.2);
    expect(withVariations.every((p) => p.stock_item === null && p.variations?.every((v) => v.stock_item))).toBe(true);
    const plain = body.data.find((p: { variations: unknown[] }) => p.variations.length === 0);
    expect(plain.stock_item.quantity).toMatch(/^\d+\.\d{3}$/);
    expect(plain.translations.map((t: { language: string }) => t.language)).toEqual(['fi', 'sv', 'en']);
    expect([25.5, 14, 10]).toContain(plain.vat_rate);
    const bare = (await call(sandbox, 'GET', 'products/1')).body.data;
    expect(bare).not.toHaveProperty('variations');
    expect(bare).not.toHaveProperty('stock_item');
  });

  it('expands order sub-resources', async () => {
    const sandbox = testSandbox();
    const { body } = await call(sandbox, 'GET', 'orders/1?expand=products,shipments,payments,comments,tax_summary,events');
    const order = orderSchema.parse(body.data);
    expect(order.products?.length).toBeGreaterThan(0);
    expect(order.shipments?.[0]?.status).toMatch(/^(OPEN|COMPLETED)$/);
    expect(order.events?.[0]?.code).toBe('order.created');
    const taxTotal = order.tax_summary?.total.reduce((sum, row) => sum + row.total, 0) ?? 0;
    expect(taxTotal).toBeCloseTo(order.total, 2);
    for (const line of order.products ?? []) {
      const product = (await call(sandbox, 'GET', `products/${line.product_id}?expand=variations`)).body.data;
      const codes = [product.product_code, ...product.variations.map((v: { product_code: string }) => v.product_code)];
      expect(codes).toContain(line.product_code);
    }
    expect((await call(sandbox, 'GET', 'orders/1')).body.data).not.toHaveProperty('products');
  });

  it('gives most orders exactly one payment and comments of both visibilities', async () => {
    const sandbox = createMycashflowSandbox({ products: 50, orders: 400, now: fixedNow, rateLimit: { perSecond: 0, burst: 1 } });
    const orders = sandbox.store.orders.values();
    const single = orders.filter((o) => o.payments.length === 1).length;
    expect(single / orders.length).toBeGreaterThan(0.9);
    expect(single).toBeLessThan(orders.length);
    const visibilities = new Set(orders.flatMap((o) => o.comments.map((c) => c.visibility)));
    expect([...visibilities].sort()).toEqual(['private', 'public']);
    expect(new Set(orders.map((o) => o.status))).toEqual(new Set(['open', 'completed', 'cancelled']));
  });

  it('serves stock items keyed by code, with numbers as strings', async () => {
    const sandbox = testSandbox();
    const list = await call(sandbox, 'GET', 'stock?page_size=5');
    const item = stockItemSchema.parse(list.body.data[0]);
    expect(item.balance).toBe(item.quantity - item.reserved);
    expect((await call(sandbox, 'GET', `stock/${item.code}`)).body.data.id).toBe(item.id);
    expect((await call(sandbox, 'GET', 'stock/NOPE-1')).status).toBe(404);
  });

  it('is deterministic per seed and differs across seeds', async () => {
    const body = async (seed: number) => JSON.stringify((await call(testSandbox({ seed }), 'GET', 'orders?page_size=20&expand=products,payments')).body);
    expect(await body(3)).toBe(await body(3));
    expect(await body(3)).not.toBe(await body(4));
    const small = testSandbox({ seed: 3, products: 60, orders: 5 }).store.product(7);
    const large = testSandbox({ seed: 3, products: 60, orders: 500 }).store.product(7);
    expect(small).toEqual(large);
  });

  // How fast it builds and pages is measured by `npm run bench` (bench/sandbox-scale.ts).
  it('builds 100,000 products and orders and pages deep into them', async () => {
    const sandbox = createMycashflowSandbox({ products: 100_000, orders: 100_000, now: fixedNow, rateLimit: { perSecond: 0, burst: 1 } });
    const { body } = await call(sandbox, 'GET', 'orders?sort=updated_at-desc&page=1000&page_size=50&expand=products');
    expect(body.meta.item_count).toBe(100_000);
    expect(body.data).toHaveLength(50);
  });

  it('serves over HTTP on a free port, and drops the connection on an injected timeout', async () => {
    const running = await startMycashflowSandbox({ products: 5, orders: 5, now: fixedNow });
    try {
      expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
      const response = await fetch(`${running.url}/orders?page_size=2`, { headers: { Authorization: authHeader } });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { meta: { next?: string } }).meta.next).toContain(running.url);
      running.sandbox.faults.set({ timeout: { next: 1, ms: 20, mode: 'close' } });
      await expect(fetch(`${running.url}/orders`, { headers: { Authorization: authHeader } })).rejects.toThrow();
    } finally {
      await running.close();
    }
  });
});
