import { describe, expect, it } from 'vitest';
import { errorBodySchema, invoiceSchema, productSchema, statusResponseSchema } from '../api.js';
import { createProcountorSandbox, defaultClient, startProcountorSandbox } from './server.js';
import { apiKeyGrant, call, connect, fixedNow, formPost, testSandbox } from './test-helpers.js';

describe('Procountor sandbox: protocol', () => {
  it('answers unknown routes and bad input with the errors body', async () => {
    const { sandbox, call: get } = await connect();
    const notFound = await get('GET', 'nothing');
    expect(notFound.status).toBe(404);
    expect(errorBodySchema.parse(notFound.body).errors).toEqual([{ status: 404, message: expect.any(String) }]);
    const bad = await get('GET', 'invoices?page=-1');
    expect(bad.body).toEqual({ errors: [{ status: 400, field: 'page', message: expect.any(String) }] });
    expect(statusResponseSchema.parse(await (await sandbox.app.request('/api/status')).json()).status).toBe('OK');
  });

  it('limits calls per client with 429 and Retry-After when a rate is set', async () => {
    const other = { clientId: 'other-app', clientSecret: 'other-secret', apiKeys: ['other-key'] };
    const sandbox = testSandbox({ rateLimit: { perSecond: 1, burst: 2 }, clients: [defaultClient, other] });
    const token = ((await (await sandbox.app.request('/api/oauth/token', formPost(apiKeyGrant))).json()) as { access_token: string }).access_token;
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call(sandbox, token, 'GET', 'products?size=1')).status);
    expect(statuses).toEqual([200, 200, 429]);
    const limited = await call(sandbox, token, 'GET', 'products?size=1');
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
    expect(errorBodySchema.parse(limited.body).errors?.[0]?.status).toBe(429);
    const grant = { grant_type: 'client_credentials', client_id: other.clientId, client_secret: other.clientSecret, api_key: 'other-key' };
    const otherToken = ((await (await sandbox.app.request('/api/oauth/token', formPost(grant))).json()) as { access_token: string }).access_token;
    expect((await call(sandbox, otherToken, 'GET', 'products?size=1')).status).toBe(200);
    sandbox.configure({ rateLimit: { perSecond: 0, burst: 1 } });
    expect((await call(sandbox, token, 'GET', 'products?size=1')).status).toBe(200);
  });

  it('injects server errors, 429s and malformed records on demand, and counts them', async () => {
    const { sandbox, call: get } = await connect({ products: 40, invoices: 40 });
    sandbox.faults.set({ serverError: { next: 1, status: 503, match: '/invoices' } });
    const failed = await get('GET', 'invoices');
    expect([failed.status, failed.body.errors[0].status]).toEqual([503, 503]);
    expect((await get('GET', 'invoices')).status).toBe(200);
    sandbox.faults.set({ tooManyRequests: { next: 1, retryAfterSeconds: 7 } });
    const limited = await get('GET', 'products');
    expect([limited.status, limited.headers.get('Retry-After')]).toEqual([429, '7']);
    sandbox.faults.set({ malformed: { products: [3], invoices: [4, 5] } });
    const products = (await get('GET', 'products?type=SALES&size=10')).body.results as unknown[];
    expect(products.filter((p) => !productSchema.safeParse(p).success)).toEqual([expect.objectContaining({ id: 3, price: 'n/a' })]);
    const invoices = (await get('GET', 'invoices/3,4,5')).body as unknown[];
    expect(invoices.map((i) => invoiceSchema.safeParse(i).success)).toEqual([true, false, false]);
    expect(sandbox.faults.counters).toMatchObject({ serverError: 1, tooManyRequests: 1, malformed: 3 });
  });

  it('records API requests, and the control API drives the data over HTTP', async () => {
    const { sandbox, token } = await connect({ products: 20, invoices: 20 });
    const control = (method: string, path: string, body?: unknown) =>
      sandbox.app.request(`/_sandbox/${path}`, { method, headers: { 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const created = invoiceSchema.parse(await (await control('POST', 'invoices', { type: 'SALES_ORDER', rows: [{ productId: 1, quantity: 3 }] })).json());
    expect(created).toMatchObject({ id: 21, type: 'SALES_ORDER', status: 'UNFINISHED', invoiceRows: [{ productId: 1, quantity: 3 }] });
    const found = await call(sandbox, token, 'GET', `invoices?versionStartDate=${created.version}`);
    expect(found.body.results.map((i: { id: number }) => i.id)).toEqual([21]);
    const patched = invoiceSchema.parse(await (await control('PATCH', 'invoices/21', { status: 'INVALIDATED', counterParty: { counterPartyAddress: { country: 'SWEDEN' } } })).json());
    expect([patched.status, patched.counterParty.counterPartyAddress.country, patched.version > created.version]).toEqual(['INVALIDATED', 'SWEDEN', true]);
    expect((await control('PATCH', 'products/2', { price: 5.5 })).status).toBe(200);
    expect(sandbox.store.product(2)?.price).toBe(5.5);
    expect((await control('PATCH', 'products/2', { price: 'free' })).status).toBe(400);
    const requests = (await (await control('GET', 'requests')).json()) as { data: { method: string; path: string }[] };
    expect(requests.data.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/oauth/token', 'GET /api/invoices']);
    expect((await control('POST', 'tokens/expire', {})).status).toBe(200);
    expect((await call(sandbox, token, 'GET', 'invoices')).status).toBe(401);
    const state = (await (await control('GET', 'state')).json()) as { counts: { invoices: number } };
    expect(state.counts.invoices).toBe(21);
    expect((await control('POST', 'faults', { serverError: { rate: 2 } })).status).toBe(400);
  });

  it('is deterministic per seed, and record N does not depend on the size', () => {
    const snapshot = (seed: number, invoices = 50) => {
      const sandbox = testSandbox({ seed, invoices });
      return JSON.stringify([sandbox.store.invoice(7), sandbox.store.product(7), sandbox.store.invoices.get(30)]);
    };
    expect(snapshot(3)).toBe(snapshot(3));
    expect(snapshot(3)).not.toBe(snapshot(4));
    expect(JSON.parse(snapshot(3, 50))[1]).toEqual(JSON.parse(snapshot(3, 5000))[1]);
  });

  // How fast it starts and searches is measured by `npm run bench` (bench/sandbox-scale.ts).
  it('starts with 10,000 invoices and searches deep into them', async () => {
    const sandbox = createProcountorSandbox({ invoices: 10_000, products: 2000, now: fixedNow });
    const token = ((await (await sandbox.app.request('/api/oauth/token', formPost(apiKeyGrant))).json()) as { access_token: string }).access_token;
    const { body } = await call(sandbox, token, 'GET', 'invoices?types=SALES_ORDER&orderById=ASC&page=20&size=200');
    expect(body.results).toHaveLength(200);
  });

  it('serves over HTTP on a free port and drops the connection on an injected timeout', async () => {
    const running = await startProcountorSandbox({ products: 5, invoices: 5, now: fixedNow });
    try {
      expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/);
      expect(running.tokenUrl).toBe(`${running.url}/oauth/token`);
      const { access_token } = (await (await fetch(running.tokenUrl, formPost(apiKeyGrant))).json()) as { access_token: string };
      const headers = { Authorization: `Bearer ${access_token}` };
      expect((await fetch(`${running.url}/invoices`, { headers })).status).toBe(200);
      running.sandbox.faults.set({ timeout: { next: 1, ms: 20, mode: 'close' } });
      await expect(fetch(`${running.url}/invoices`, { headers })).rejects.toThrow();
    } finally {
      await running.close();
    }
  });
});
