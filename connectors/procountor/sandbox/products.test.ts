import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { productSchema, productSearchResponseSchema } from '../api.js';
import type { Product } from '../api.js';
import { connect } from './test-helpers.js';

describe('Procountor sandbox: products', () => {
  it('pages with previousId to the end: SALES and PURCHASE, never TRAVEL, ascending and without repeats', async () => {
    const { sandbox, call } = await connect({ products: 120 });
    const seen: Product[] = [];
    let previousId = 0;
    for (let calls = 0; calls < 20; calls++) {
      const { status, body } = await call('GET', `products?size=25&previousId=${previousId}`);
      expect(status).toBe(200);
      const page = z.array(productSchema).parse(body.results);
      expect(body.meta).toMatchObject({ pageSize: 25, resultCount: page.length });
      seen.push(...page);
      if (page.length < 25) break;
      previousId = page.at(-1)?.id ?? 0;
    }
    const expected = sandbox.store.products.values().filter((p) => p.type !== 'TRAVEL').map((p) => p.id);
    expect(seen.map((p) => p.id)).toEqual(expected);
    expect(new Set(seen.map((p) => p.type))).toEqual(new Set(['SALES', 'PURCHASE']));
    expect((await call('GET', 'products?size=25')).body.meta.totalCount).toBe(expected.length);
    expect((await call('GET', 'products?size=25&previousId=50')).body.meta.totalCount).toBe(expected.length);
  });

  it('filters by type; every PURCHASE product is the twin of the SALES product before it', async () => {
    const { call } = await connect({ products: 120 });
    const sales = (await call('GET', 'products?type=SALES&size=200')).body.results as Product[];
    const purchase = (await call('GET', 'products?type=PURCHASE&size=200')).body.results as Product[];
    const travel = (await call('GET', 'products?type=TRAVEL&size=200')).body.results as Product[];
    expect(sales.every((p) => p.type === 'SALES') && purchase.every((p) => p.type === 'PURCHASE')).toBe(true);
    expect([sales.length > 60, purchase.length > 20, travel.length > 0]).toEqual([true, true, true]);
    for (const p of purchase) {
      const twin = sales.find((s) => s.id === p.id - 1);
      expect(twin).toMatchObject({ code: p.code, name: p.name, unit: p.unit });
      expect(p.price).toBeLessThan(twin?.price ?? 0);
    }
    expect(sales.every((p) => /^[A-Z]{2}-\d{5}$/.test(p.code ?? '') && p.currency === 'EUR')).toBe(true);
    expect(sales.some((p) => p.active === false)).toBe(true);
    expect((await call('GET', 'products?type=GIFT')).status).toBe(400);
  });

  it('filters on the version (the change filter), active, code and name', async () => {
    const { sandbox, call } = await connect({ products: 120 });
    sandbox.updateProduct(7, { price: 99.5 });
    const changed = sandbox.store.product(7) as Product;
    const since = await call('GET', `products?versionStartDate=${changed.version}`);
    expect(since.body.results.map((p: Product) => [p.id, p.price])).toEqual([[7, 99.5]]);
    const later = sandbox.updateProduct(9, { active: false });
    expect(later.version > changed.version).toBe(true);
    const window = await call('GET', `products?versionStartDate=${changed.version}&versionEndDate=${changed.version}`);
    expect(window.body.results.map((p: Product) => p.id)).toEqual([7]);
    const inactive = (await call('GET', 'products?active=false&size=200')).body.results as Product[];
    expect(inactive.length > 0 && inactive.every((p) => p.active === false)).toBe(true);
    const code = changed.code?.slice(3) ?? '';
    expect((await call('GET', `products?code=${code}`)).body.results.map((p: Product) => p.code)).toContain(changed.code);
    const word = changed.name.split(' ')[0] ?? '';
    expect((await call('GET', `products?name=${encodeURIComponent(word.toLowerCase())}&size=200`)).body.results.every((p: Product) => p.name.includes(word))).toBe(true);
    expect((await call('GET', 'products?versionStartDate=yesterday')).body.errors[0]).toMatchObject({ status: 400, field: 'versionStartDate' });
  });

  it('sorts by id or version both ways and refuses a size over 200', async () => {
    const { call } = await connect({ products: 60 });
    const desc = (await call('GET', 'products?orderById=DESC&size=200')).body.results as Product[];
    expect(desc[0]?.id).toBeGreaterThan(desc.at(-1)?.id ?? Infinity);
    const byVersion = ((await call('GET', 'products?orderByVersion=ASC&size=200')).body.results as Product[]).map((p) => p.version);
    expect(byVersion).toEqual([...byVersion].sort());
    expect((await call('GET', 'products?size=201')).body.errors[0]).toMatchObject({ status: 400, field: 'size' });
    expect((await call('GET', 'products?orderById=UP')).status).toBe(400);
  });

  it('serves the older {products} shape when configured, and both parse to one form', async () => {
    const { sandbox, call } = await connect({ products: 30 });
    const current = productSearchResponseSchema.parse((await call('GET', 'products?size=5')).body);
    sandbox.configure({ productResultShape: 'products' });
    const legacyBody = (await call('GET', 'products?size=5')).body;
    expect(Object.keys(legacyBody)).toEqual(['products']);
    const legacy = productSearchResponseSchema.parse(legacyBody);
    expect(legacy.results).toEqual(current.results);
    expect([current.meta?.resultCount, legacy.meta]).toEqual([5, null]);
  });

  it('answers batch GETs by the batch rules', async () => {
    const { call } = await connect({ products: 30 });
    const one = await call('GET', 'products/3');
    expect(productSchema.parse(one.body).id).toBe(3);
    const several = await call('GET', 'products/9,2,9,5');
    expect(several.body.map((p: Product) => p.id)).toEqual([2, 5, 9]);
    expect((await call('GET', 'products/4,9999')).body.map((p: Product) => p.id)).toEqual([4]);
    expect((await call('GET', 'products/9998,9999')).status).toBe(404);
    expect((await call('GET', 'products/9999')).status).toBe(404);
    const tooMany = Array.from({ length: 201 }, (_, i) => i + 1).join(',');
    expect((await call('GET', `products/${tooMany}`)).status).toBe(400);
    expect((await call('GET', 'products/1?includeLocalizations=true')).body.productLocalizations).toEqual([]);
    expect((await call('GET', 'products/1')).body).not.toHaveProperty('productLocalizations');
  });
});
