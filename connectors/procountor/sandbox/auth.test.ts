import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { errorBodySchema, tokenResponseSchema } from '../api.js';
import { defaultClient, defaultUser, startProcountorSandbox } from './server.js';
import { apiKeyGrant, call, fixedNow, formPost, testSandbox } from './test-helpers.js';

const redirectUri = 'http://127.0.0.1:9/oauth/callback';
const state = 'st a/te+ä&x=1';
const authorizeQuery = new URLSearchParams({ response_type: 'code', client_id: defaultClient.clientId, redirect_uri: redirectUri, state }).toString();
const loginForm = (password: string) => ({
  response_type: 'code', client_id: defaultClient.clientId, redirect_uri: redirectUri, state, username: defaultUser.username, password, action: 'login',
});
const codeGrant = (code: string) => ({
  grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: defaultClient.clientId, client_secret: defaultClient.clientSecret,
});
const refreshGrant = (refreshToken: string) => ({
  grant_type: 'refresh_token', refresh_token: refreshToken, client_id: defaultClient.clientId, client_secret: defaultClient.clientSecret,
});

describe('Procountor sandbox: API-key flow and bearer check', () => {
  it('issues a token for client_id, client_secret and api_key in the form body', async () => {
    const sandbox = testSandbox();
    const response = await sandbox.app.request('/api/oauth/token', formPost({ ...apiKeyGrant, redirect_uri: redirectUri }));
    expect(response.status).toBe(200);
    const token = tokenResponseSchema.parse(await response.json());
    expect(token).toMatchObject({ token_type: 'bearer', expires_in: 3600 });
    expect(token.refresh_token).toBeUndefined();
    expect((await call(sandbox, token.access_token, 'GET', 'products?size=1')).status).toBe(200);
  });

  it('refuses a wrong secret or key with 401, and credentials in the query or as JSON with 400', async () => {
    const sandbox = testSandbox();
    const wrongSecret = await sandbox.app.request('/api/oauth/token', formPost({ ...apiKeyGrant, client_secret: 'nope' }));
    expect(wrongSecret.status).toBe(401);
    const refusal = await wrongSecret.json();
    expect(errorBodySchema.parse(refusal).errors?.[0]).toMatchObject({ status: 401, field: 'client_id' });
    expect(refusal).toMatchObject({ error: 'invalid_client', error_description: expect.any(String) });
    expect((await sandbox.app.request('/api/oauth/token', formPost({ ...apiKeyGrant, api_key: 'other' }))).status).toBe(401);
    const inQuery = await sandbox.app.request(`/api/oauth/token?${new URLSearchParams(apiKeyGrant).toString()}`, formPost({}));
    expect(inQuery.status).toBe(400);
    const json = await sandbox.app.request('/api/oauth/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(apiKeyGrant) });
    expect(json.status).toBe(400);
    const { api_key: _omitted, ...noKey } = apiKeyGrant;
    const missing = await sandbox.app.request('/api/oauth/token', formPost(noKey));
    expect(errorBodySchema.parse(await missing.json()).errors?.[0]).toMatchObject({ status: 400, field: 'api_key' });
  });

  it('answers 401 with the errors body for a missing, unknown, expired or revoked token', async () => {
    const sandbox = testSandbox();
    const missing = await sandbox.app.request('/api/invoices');
    expect(missing.status).toBe(401);
    expect(missing.headers.get('WWW-Authenticate')).toBe('Bearer');
    expect(errorBodySchema.parse(await missing.json()).errors?.[0]?.status).toBe(401);
    expect((await call(sandbox, 'made-up', 'GET', 'invoices')).status).toBe(401);
    const token = ((await (await sandbox.app.request('/api/oauth/token', formPost(apiKeyGrant))).json()) as { access_token: string }).access_token;
    expect(sandbox.expireTokens(token)).toBe(1);
    expect((await call(sandbox, token, 'GET', 'invoices')).status).toBe(401);
    const other = ((await (await sandbox.app.request('/api/oauth/token', formPost(apiKeyGrant))).json()) as { access_token: string }).access_token;
    expect(sandbox.revokeToken(other)).toBe(true);
    expect((await call(sandbox, other, 'GET', 'invoices')).status).toBe(401);
    sandbox.configure({ unauthorizedBody: 'empty' });
    const empty = await sandbox.app.request('/api/invoices');
    expect([empty.status, await empty.text()]).toEqual([401, '']);
  });

  it('expires tokens after tokenTtlSeconds, by the wall clock even with a frozen data clock', async () => {
    const sandbox = testSandbox({ tokenTtlSeconds: 0.05 });
    const body = (await (await sandbox.app.request('/api/oauth/token', formPost(apiKeyGrant))).json()) as { access_token: string; expires_in: number };
    expect(body.expires_in).toBe(1);
    expect((await call(sandbox, body.access_token, 'GET', 'products?size=1')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect((await call(sandbox, body.access_token, 'GET', 'products?size=1')).status).toBe(401);
  });

  it('serves the token endpoint and the API under the versioned roots', async () => {
    const sandbox = testSandbox();
    for (const root of ['/latest/api', '/supported/api', '/v2402/api']) {
      const response = await sandbox.app.request(`${root}/oauth/token`, formPost(apiKeyGrant));
      const { access_token } = (await response.json()) as { access_token: string };
      expect((await call(sandbox, access_token, 'GET', `${root}/invoices?size=1`)).status).toBe(200);
    }
    expect((await sandbox.app.request('/v24/api/oauth/token', formPost(apiKeyGrant))).status).toBe(404);
  });
});

describe('Procountor sandbox: authorization-code flow over HTTP', () => {
  it('logs in on the form, redirects with code and state, exchanges, refreshes and expires', async () => {
    const running = await startProcountorSandbox({ products: 10, invoices: 10, now: fixedNow });
    try {
      expect(running.authorizeUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/login$/);
      const page = await fetch(`${running.authorizeUrl}?${authorizeQuery}`);
      expect(page.status).toBe(200);
      const html = await page.text();
      for (const fragment of ['id="username" name="username"', 'id="password" name="password"', 'type="submit"', 'action="login"']) expect(html).toContain(fragment);

      const wrong = await fetch(running.authorizeUrl, { ...formPost(loginForm('wrong')), redirect: 'manual' });
      expect(wrong.status).toBe(200);
      const wrongHtml = await wrong.text();
      expect(wrongHtml).toContain('id="error"');
      expect(wrongHtml).toContain('id="password"');

      const ok = await fetch(running.authorizeUrl, { ...formPost(loginForm(defaultUser.password)), redirect: 'manual' });
      expect(ok.status).toBe(302);
      const location = new URL(ok.headers.get('Location') ?? '');
      expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
      expect(location.searchParams.get('state')).toBe(state);
      const code = location.searchParams.get('code') ?? '';
      expect(code).not.toBe('');

      const exchanged = await fetch(running.tokenUrl, formPost(codeGrant(code)));
      const tokens = tokenResponseSchema.parse(await exchanged.json());
      expect(tokens.refresh_token).toEqual(expect.any(String));
      expect(tokens.expires_in).toBe(3600);
      const again = await fetch(running.tokenUrl, formPost(codeGrant(code)));
      const reused = (await again.json()) as { errors: { field: string }[]; error: string };
      expect([again.status, reused.errors[0]?.field, reused.error]).toEqual([400, 'code', 'invalid_grant']);

      const auth = { headers: { Authorization: `Bearer ${tokens.access_token}` } };
      expect((await fetch(`${running.url}/invoices?size=1`, auth)).status).toBe(200);
      running.sandbox.expireTokens();
      expect((await fetch(`${running.url}/invoices?size=1`, auth)).status).toBe(401);

      const refreshed = tokenResponseSchema.parse(await (await fetch(running.tokenUrl, formPost(refreshGrant(tokens.refresh_token ?? '')))).json());
      expect(refreshed.access_token).not.toBe(tokens.access_token);
      expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
      expect((await fetch(`${running.url}/invoices?size=1`, { headers: { Authorization: `Bearer ${refreshed.access_token}` } })).status).toBe(200);
      expect((await fetch(running.tokenUrl, formPost(refreshGrant(tokens.refresh_token ?? '')))).status).toBe(400);
    } finally {
      await running.close();
    }
  });

  it('refuses an expired code and a redirect_uri that differs from the login request', async () => {
    const sandbox = testSandbox({ codeTtlSeconds: 0 });
    const login = async () => {
      const response = await sandbox.app.request('/login', formPost(loginForm(defaultUser.password)));
      return new URL(response.headers.get('Location') ?? '').searchParams.get('code') ?? '';
    };
    const expired = await sandbox.app.request('/api/oauth/token', formPost(codeGrant(await login())));
    expect(errorBodySchema.parse(await expired.json()).errors?.[0]?.message).toMatch(/expired/);
    sandbox.configure({ codeTtlSeconds: 60 });
    const response = await sandbox.app.request('/api/oauth/token', formPost({ ...codeGrant(await login()), redirect_uri: 'http://127.0.0.1:9/other' }));
    expect(errorBodySchema.parse(await response.json()).errors?.[0]).toMatchObject({ status: 400, field: 'redirect_uri' });
  });

  it('shows an error page for a bad request, and redirects access_denied on cancel', async () => {
    const sandbox = testSandbox();
    const query = (changes: Record<string, string>) => new URLSearchParams({ response_type: 'code', client_id: defaultClient.clientId, redirect_uri: redirectUri, ...changes }).toString();
    expect((await sandbox.app.request(`/login?${query({ redirect_uri: `${redirectUri}?x=1` })}`)).status).toBe(400);
    expect((await sandbox.app.request(`/login?${query({ client_id: 'stranger' })}`)).status).toBe(400);
    expect((await sandbox.app.request(`/login?${query({ response_type: 'token' })}`)).status).toBe(400);
    const cancelled = await sandbox.app.request('/login', formPost({ ...loginForm(''), action: 'cancel' }));
    const location = new URL(cancelled.headers.get('Location') ?? '');
    expect([cancelled.status, location.searchParams.get('error'), location.searchParams.get('state')]).toEqual([302, 'access_denied', state]);
  });

  it('works when the hub mounts it under a path prefix', async () => {
    const sandbox = testSandbox();
    const hub = new Hono();
    hub.all('/sandbox/procountor/*', (c) => {
      const url = new URL(c.req.url);
      url.pathname = url.pathname.slice('/sandbox/procountor'.length);
      return sandbox.fetch(new Request(url, c.req.raw));
    });
    const page = await hub.request(`http://hub.test/sandbox/procountor/login?${authorizeQuery}`);
    const action = /<form method="post" action="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    const target = new URL(action, `http://hub.test/sandbox/procountor/login?${authorizeQuery}`);
    expect(target.pathname).toBe('/sandbox/procountor/login');
    const posted = await hub.request(target.toString(), formPost(loginForm(defaultUser.password)));
    expect(posted.status).toBe(302);
    const code = new URL(posted.headers.get('Location') ?? '').searchParams.get('code') ?? '';
    const token = await hub.request('http://hub.test/sandbox/procountor/api/oauth/token', formPost(codeGrant(code)));
    expect(token.status).toBe(200);
  });
});
