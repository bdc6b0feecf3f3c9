import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp } from '../support/http.js';
import { runCli } from '../support/cli.js';
import { sampleArticle } from '../support/fixtures.js';
import { openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';

describe('sign-in and access', () => {
  let store: TestStore;
  let t: ReturnType<typeof testApp>;

  /** Signs in through the form and returns the session cookie. */
  const signIn = async (email: string, password: string) => {
    const res = await t.app.request('/login', { method: 'POST', body: new URLSearchParams({ email, password, next: '/' }) });
    return { status: res.status, cookie: res.headers.get('set-cookie')?.split(';')[0], location: res.headers.get('location') };
  };
  const as = (cookie: string | undefined) => async (method: string, path: string, body?: unknown) => {
    const res = await t.app.request(path, { method, headers: { cookie: cookie ?? '', ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
    const json: any = res.headers.get('content-type')?.includes("json") ? await res.json() : undefined;
    return { status: res.status, json, location: res.headers.get('location') };
  };

  beforeEach(async () => {
    store = await openTestStore();
    t = testApp(store);
    // Set-up mode: no users yet, calls from this machine act as an administrator.
    for (const code of ['ACME', 'OTHER']) expect((await t.call('POST', '/api/v1/goods-owners', { code, name: `${code} Oy` })).status).toBe(201);
    expect((await t.call('PUT', '/api/v1/goods-owners/OTHER/articles/SECRET-1', sampleArticle('SECRET-1'))).status).toBe(200);
    expect((await runCli(store, 'users', 'add', 'admin@hub.example', '--role', 'admin', '--password', 'correct horse battery')).code).toBe(0);
    expect((await runCli(store, 'users', 'add', 'anna@acme.example', '--role', 'goods-owner', '--goods-owner', 'ACME', '--password', 'acme-password-1')).code).toBe(0);
  });
  afterEach(() => store?.drop());

  it('ends set-up mode with the first user: the API wants a session, pages send to the sign-in form', async () => {
    const anonymous = as(undefined);
    const api = await anonymous('GET', '/api/v1/goods-owners');
    expect(api.status).toBe(401);
    expect(api.json.error.code).toBe('unauthorized');
    const page = await anonymous('GET', '/');
    expect(page.status).toBe(302);
    expect(page.location).toBe('/login?next=%2F');
    const callback = await anonymous('GET', '/oauth/callback?code=abc&state=xyz');
    expect(callback.status).toBe(302);
    expect(callback.location).toBe(`/login?next=${encodeURIComponent('/oauth/callback?code=abc&state=xyz')}`);
    expect((await anonymous('GET', '/api/v1/openapi.json')).status).toBe(200);
    expect((await anonymous('GET', '/healthz')).status).toBe(200);
  });

  it('signs in with the right password only, and out again', async () => {
    expect((await signIn('admin@hub.example', 'wrong password!')).status).toBe(401);
    const ok = await signIn('Admin@Hub.example', 'correct horse battery');
    expect(ok.status).toBe(303);
    expect(ok.cookie).toMatch(/^wmsync_session=/);
    const admin = as(ok.cookie);
    expect((await admin('GET', '/api/v1/goods-owners')).json.items.map((o: { code: string }) => o.code)).toEqual(['ACME', 'OTHER']);
    const out = await t.app.request('/logout', { method: 'POST', headers: { cookie: ok.cookie! } });
    expect(out.status).toBe(303);
    expect((await admin('GET', '/api/v1/goods-owners')).status).toBe(401);
  });

  it("keeps a goods-owner user to its own goods owner's data, enforced by the API", async () => {
    const anna = as((await signIn('anna@acme.example', 'acme-password-1')).cookie);
    expect((await anna('GET', '/api/v1/goods-owners')).json.items.map((o: { code: string }) => o.code)).toEqual(['ACME']);
    expect((await anna('GET', '/api/v1/goods-owners/ACME/articles')).status).toBe(200);
    const other = await anna('GET', '/api/v1/goods-owners/OTHER/articles/SECRET-1');
    expect(other.status).toBe(404);
    expect(other.json.error.message).toBe('goods owner OTHER not found');
    expect((await anna('PUT', '/api/v1/goods-owners/OTHER/articles/X-1', sampleArticle('X-1'))).status).toBe(404);
    expect((await anna('POST', '/api/v1/goods-owners', { code: 'MINE', name: 'Mine' })).status).toBe(403);
    // Whether stock may go negative is the warehouse's rule, not the goods owner's own.
    const rule = await anna('PATCH', '/api/v1/goods-owners/ACME', { allowNegativeStock: true });
    expect([rule.status, rule.json.error.message]).toEqual([403, 'only an administrator may do this']);
    expect((await anna('POST', '/api/v1/integrations', { goodsOwner: 'OTHER', system: 'mycashflow', settings: { environment: 'sandbox' } })).status).toBe(404);
    const own = await anna('POST', '/api/v1/integrations', { goodsOwner: 'ACME', system: 'mycashflow', settings: { environment: 'sandbox' } });
    expect(own.status).toBe(201);

    const admin = as((await signIn('admin@hub.example', 'correct horse battery')).cookie);
    const theirs = await admin('POST', '/api/v1/integrations', { goodsOwner: 'OTHER', system: 'mycashflow', settings: { environment: 'sandbox' } });
    expect((await anna('GET', '/api/v1/integrations')).json.items.map((i: { goodsOwner: string }) => i.goodsOwner)).toEqual(['ACME']);
    expect((await anna('GET', `/api/v1/integrations/${theirs.json.id}`)).status).toBe(404);
    expect((await admin('GET', '/api/v1/integrations')).json.items).toHaveLength(2);
  });

  // Each spelling a browser resolves to another host: backslash, tab or newline after the slash,
  // a scheme-relative or absolute URL, and dot segments that normalise to `//`.
  it.each(['/\\evil.example', '/\t/evil.example', '/\n/evil.example', '//evil.example', '/\\/evil.example', 'https://evil.example/', '/.//evil.example', 'javascript:alert(1)'])(
    'sends a sign-in with next=%j to this hub only',
    async (next) => {
      const res = await t.app.request('/login', { method: 'POST', body: new URLSearchParams({ email: 'admin@hub.example', password: 'correct horse battery', next }) });
      expect(res.status).toBe(303);
      const location = res.headers.get('location')!;
      expect(new URL(location, 'http://localhost').origin).toBe('http://localhost');
      expect(location).toBe('/');
    },
  );

  it('keeps a same-origin next path with its query after sign-in', async () => {
    const res = await t.app.request('/login', { method: 'POST', body: new URLSearchParams({ email: 'admin@hub.example', password: 'correct horse battery', next: '/integrations/1?tab=runs' }) });
    expect(res.headers.get('location')).toBe('/integrations/1?tab=runs');
  });

  it('lets a script call the API with a bearer token, as its user', async () => {
    const issued = await runCli(store, '--json', 'users', 'token', 'anna@acme.example', '--days', '30');
    const { token } = issued.json<{ token: string }>();
    expect(token).toMatch(/^wms_/);
    const call = (path: string, auth: string) => t.app.request(path, { headers: { authorization: auth } });
    const own = await call('/api/v1/goods-owners', `Bearer ${token}`);
    expect(own.status).toBe(200);
    expect(((await own.json()) as { items: { code: string }[] }).items.map((o) => o.code)).toEqual(['ACME']);
    expect((await call('/api/v1/goods-owners/OTHER/articles', `Bearer ${token}`)).status).toBe(404);
    expect((await call('/api/v1/goods-owners', 'Bearer wms_forged')).status).toBe(401);
  });

  it('refuses a write sent from another site', async () => {
    const cookie = (await signIn('admin@hub.example', 'correct horse battery')).cookie!;
    const res = await t.app.request('/api/v1/goods-owners', {
      method: 'POST',
      headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'code=EVIL&name=Evil',
    });
    expect(res.status).toBe(403);
  });

  it('lists users and refuses a short password or a goods-owner user without a goods owner', async () => {
    expect((await runCli(store, 'users', 'list')).stdout).toMatch(/anna@acme\.example\s+goods-owner\s+ACME/);
    const short = await runCli(store, 'users', 'add', 'x@y.example', '--role', 'admin', '--password', 'short');
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('at least 10 characters');
    expect((await runCli(store, 'users', 'add', 'x@y.example', '--role', 'goods-owner', '--password', 'long enough pw')).stderr).toContain('--goods-owner');
  });
});
