import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { sampleArticle, sampleOrder } from '../support/fixtures.js';
import { testApp } from '../support/http.js';
import { openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';

/** NUL gave a 500 on PostgreSQL and was stored on SQLite; country XX was taken. Each must be a clear refusal on both. */
describe('control characters and unassigned country codes are refused on every surface', () => {
  let store: TestStore;
  let t: ReturnType<typeof testApp>;

  beforeAll(async () => {
    store = await openTestStore();
    t = testApp(store);
    expect((await t.call('POST', '/api/v1/goods-owners', { code: 'ACME', name: 'Acme Oy' })).status).toBe(201);
  });
  afterAll(() => store?.drop());

  const put = (articleNumber: string, body: unknown) => t.call('PUT', `/api/v1/goods-owners/ACME/articles/${encodeURIComponent(articleNumber)}`, body);

  it('answers 422 naming the field for a NUL in a JSON body, and stores nothing', async () => {
    const res = await put('A-1', { ...sampleArticle('A-1'), articleName: 'socks\u0000' });
    expect(res.status).toBe(422);
    expect(res.json.error.details[0]).toMatchObject({ field: 'articleName', reason: expect.stringContaining('control characters') });
    const order = await t.call('PUT', '/api/v1/goods-owners/ACME/orders/SO-1', { ...sampleOrder('SO-1'), customer: { name: 'A\u0007' } });
    expect(order.status).toBe(422);
    expect(order.json.error.details[0].field).toBe('customer.name');
    const owner = await t.call('POST', '/api/v1/goods-owners', { code: 'BETA', name: 'Beta\u0000 AB' });
    expect(owner.status).toBe(422);
    expect(owner.json.error.details[0].field).toBe('name');
    expect((await t.call('GET', '/api/v1/goods-owners/ACME/articles/A-1')).status).toBe(404);
    expect((await t.call('GET', '/api/v1/goods-owners/BETA')).status).toBe(404);
  });

  it('answers 404 for a NUL in the address and 400 for one in the query', async () => {
    expect((await t.call('GET', '/api/v1/goods-owners/ACME/articles/A%00')).status).toBe(404);
    expect((await t.call('DELETE', '/api/v1/goods-owners/ACME/orders/SO%00')).status).toBe(404);
    const query = await t.call('GET', '/api/v1/goods-owners/ACME/articles?cursor=%00');
    expect(query.status).toBe(400);
    expect(query.json.error.details[0].field).toBe('cursor');
  });

  it('refuses a NUL in a sign-in form without a 500', async () => {
    const res = await t.app.request('/login', { method: 'POST', body: new URLSearchParams({ email: 'a\u0000@b.example', password: 'x', next: '/' }) });
    expect(res.status).toBe(422);
  });

  it('keeps tabs and line breaks in texts, but not in keys', async () => {
    expect((await put('A-2', { ...sampleArticle('A-2'), articleDescription: 'Line one\nLine two\twith a tab' })).status).toBe(200);
    const shown = await t.call('GET', '/api/v1/goods-owners/ACME/articles/A-2');
    expect(shown.json.articleDescription).toBe('Line one\nLine two\twith a tab');
    expect((await put('A\t3', { ...sampleArticle('A\t3') })).status).toBe(404);
    const file = path.join(store.dataDir, 'tab.json');
    writeFileSync(file, JSON.stringify(sampleArticle('A\t3')));
    const cli = await runCli(store, 'wms', 'articles', 'put', '--goods-owner', 'ACME', '--file', file);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/articleNumber.*control characters/);
  });

  it('refuses a country code that no country holds, and takes an assigned one', async () => {
    const xx = await put('A-4', { ...sampleArticle('A-4'), countryOfOriginCode: 'XX' });
    expect(xx.status).toBe(422);
    expect(xx.json.error.details[0]).toMatchObject({ field: 'countryOfOriginCode', value: 'XX', reason: expect.stringContaining('assigned') });
    expect((await put('A-4', { ...sampleArticle('A-4'), countryOfOriginCode: 'SE' })).status).toBe(200);
    const order = await t.call('PUT', '/api/v1/goods-owners/ACME/orders/SO-2', { ...sampleOrder('SO-2'), customer: { ...sampleOrder().customer, countryCode: 'XX' } });
    expect(order.status).toBe(422);
    expect(order.json.error.details[0].field).toBe('customer.countryCode');
  });

  it('refuses a NUL in a record read from a file by the CLI, naming the record and the field', async () => {
    const file = path.join(store.dataDir, 'nul.json');
    writeFileSync(file, JSON.stringify({ ...sampleArticle('A-5'), articleName: 'nul\u0000name' }));
    const cli = await runCli(store, 'wms', 'articles', 'put', '--goods-owner', 'ACME', '--file', file);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('articleName');
    expect(cli.stderr).toContain('control characters');
    expect((await t.call('GET', '/api/v1/goods-owners/ACME/articles/A-5')).status).toBe(404);
  });
});
