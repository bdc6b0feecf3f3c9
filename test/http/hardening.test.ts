import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { sampleArticle } from '../support/fixtures.js';
import { testApp } from '../support/http.js';
import { openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';

/** A body that never ends: a server that reads it before deciding hangs, one that checks the length first does not. */
const endless = () =>
  new ReadableStream<Uint8Array>({
    pull: (controller) => controller.enqueue(new Uint8Array(64 * 1024).fill(120)),
  });

describe('hardening of the HTTP surface: body limits, short echoes, closed control endpoints, headers', () => {
  let store: TestStore;
  let t: ReturnType<typeof testApp>;
  const tokens: Record<'admin' | 'anna', string> = { admin: '', anna: '' };

  beforeAll(async () => {
    store = await openTestStore();
    t = testApp(store);
    await t.call('POST', '/api/v1/goods-owners', { code: 'ACME', name: 'Acme Oy' });
    expect((await runCli(store, 'users', 'add', 'root@hub.example', '--role', 'admin', '--password', 'admin-password-1')).code).toBe(0);
    expect((await runCli(store, 'users', 'add', 'anna@acme.example', '--role', 'goods-owner', '--goods-owner', 'ACME', '--password', 'acme-password-1')).code).toBe(0);
    for (const [who, email] of [['admin', 'root@hub.example'], ['anna', 'anna@acme.example']] as const) {
      tokens[who] = (await runCli(store, '--json', 'users', 'token', email)).json<{ token: string }>().token;
    }
  });
  afterAll(() => store?.drop());

  const as = (who: keyof typeof tokens | undefined, init: RequestInit = {}) => ({ ...init, headers: { ...(init.headers as Record<string, string>), ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}) } });

  it('answers 413 to a body declared too large without reading it, signed in or not', async () => {
    for (const [url, who] of [['/api/v1/goods-owners/ACME/articles/A-1', 'admin'], ['/login', undefined]] as const) {
      const res = await t.app.request(url, { ...as(who, { method: url === '/login' ? 'POST' : 'PUT', headers: { 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) } }), body: endless(), duplex: 'half' } as RequestInit);
      expect(res.status, url).toBe(413);
      expect(((await res.json()) as any).error.code).toBe('payload_too_large');
    }
  });

  it('stops reading a body sent without a length once it passes the limit', async () => {
    const res = await t.app.request('/api/v1/goods-owners/ACME/articles/A-1', { ...as('admin', { method: 'PUT', headers: { 'content-type': 'application/json' } }), body: endless(), duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('repeats only a short prefix of a refused value, in the API and the CLI', async () => {
    const huge = 'x'.repeat(600_000);
    const res = await t.app.request('/api/v1/goods-owners/ACME/articles/A-1', { ...as('admin', { method: 'PUT', headers: { 'content-type': 'application/json' } }), body: JSON.stringify({ ...sampleArticle('A-1'), weight: huge }) });
    const text = await res.text();
    expect(res.status).toBe(422);
    expect(text.length).toBeLessThan(2000);
    const issue = JSON.parse(text).error.details[0];
    expect(issue).toMatchObject({ record: 'article A-1', field: 'weight' });
    expect(issue.value).toBe(`${'x'.repeat(120)}… (600000 characters)`);

    const file = path.join(store.dataDir, 'huge.json');
    writeFileSync(file, JSON.stringify({ ...sampleArticle('A-2'), weight: huge }));
    const cli = await runCli(store, 'wms', 'articles', 'put', '--goods-owner', 'ACME', '--file', file);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('weight');
    expect(cli.stderr.length).toBeLessThan(2000);
  });

  it('serves /metrics to an administrator or the Prometheus token, to nobody else', async () => {
    expect((await t.app.request('/metrics')).status).toBe(401);
    expect((await t.app.request('/metrics', as('anna'))).status).toBe(403);
    const admin = await t.app.request('/metrics', as('admin'));
    expect(admin.status).toBe(200);
    expect(await admin.text()).toContain('wmsync_http_requests_total');
    const scraped = testApp(store, {}, { metricsToken: 'prometheus-scrape-token-1' });
    expect((await scraped.app.request('/metrics', { headers: { authorization: 'Bearer prometheus-scrape-token-1' } })).status).toBe(200);
    expect((await scraped.app.request('/metrics', { headers: { authorization: 'Bearer prometheus-scrape-token-2' } })).status).toBe(401);
  });

  it("closes the hub-served sandboxes' control API to all but administrators, and keeps their system API as the real one", async () => {
    for (const path of ['/state', '/requests']) {
      expect((await t.app.request(`/sandbox/mycashflow/_sandbox${path}`)).status, path).toBe(401);
      expect((await t.app.request(`/sandbox/mycashflow/_sandbox${path}`, as('anna'))).status, path).toBe(403);
    }
    expect((await t.app.request('/sandbox/mycashflow/_sandbox/faults', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
    expect((await t.app.request('/sandbox/mycashflow/_sandbox/state', as('admin'))).status).toBe(200);
    const { username, apiKey } = t.sync.registry.get('mycashflow').sandbox!.credentials;
    const products = await t.app.request('/sandbox/mycashflow/api/v1/products', { headers: { authorization: `Basic ${Buffer.from(`${username}:${apiKey}`).toString('base64')}` } });
    expect(products.status).toBe(200);
  });

  it('sends security headers on pages and API answers; HSTS only behind https', async () => {
    for (const url of ['/login', '/api/v1/openapi.json', '/healthz']) {
      const res = await t.app.request(url);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toContain("script-src 'self'");
      expect(res.headers.get('x-frame-options'), url).toBe('DENY');
      expect(res.headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), url).toBe('same-origin');
      expect(res.headers.get('strict-transport-security'), url).toBeNull();
    }
    const https = testApp(store, {}, { publicUrl: 'https://hub.example' });
    expect((await https.app.request('/login')).headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });

  it('marks the session cookie Secure when the public URL is https, though TLS ends at a proxy', async () => {
    const signIn = (app: ReturnType<typeof testApp>['app']) => app.request('http://hub.internal/login', { method: 'POST', body: new URLSearchParams({ email: 'root@hub.example', password: 'admin-password-1', next: '/' }) });
    const behindProxy = await signIn(testApp(store, {}, { publicUrl: 'https://hub.example' }).app);
    expect(behindProxy.status).toBe(303);
    expect(behindProxy.headers.get('set-cookie')).toMatch(/; Secure/);
    const plain = await signIn(t.app);
    expect(plain.status).toBe(303);
    expect(plain.headers.get('set-cookie')).not.toMatch(/Secure/);
  });
});
