import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { sampleOrder } from '../support/fixtures.js';
import { testApp } from '../support/http.js';
import { openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';

describe('revoking sessions and tokens, and the audit log', () => {
  let store: TestStore;
  let t: ReturnType<typeof testApp>;
  let admin = '';

  const as = async (token: string, method: string, path: string, body?: unknown) => {
    const res = await t.app.request(path, { method, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    return { status: res.status, json: (await res.json()) as any };
  };
  const signInCookie = async (email: string, password: string) => {
    const res = await t.app.request('/login', { method: 'POST', body: new URLSearchParams({ email, password }), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(303);
    return /wmsync_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]!;
  };

  beforeAll(async () => {
    store = await openTestStore();
    t = testApp(store);
    for (const code of ['ACME', 'BETA']) await t.call('POST', '/api/v1/goods-owners', { code, name: `${code} Oy` });
    expect((await runCli(store, 'users', 'add', 'root@hub.example', '--role', 'admin', '--password', 'admin-password-1')).code).toBe(0);
    admin = (await runCli(store, '--json', 'users', 'token', 'root@hub.example')).json<{ token: string }>().token;
  });
  afterAll(() => store?.drop());

  it('lists a user’s sessions and tokens by id and refuses a revoked token at once (API)', async () => {
    expect((await as(admin, 'POST', '/api/v1/users', { email: 'anna@acme.example', password: 'acme-password-1', role: 'goods-owner', goodsOwner: 'ACME' })).status).toBe(201);
    const created = await as(admin, 'POST', '/api/v1/users/anna@acme.example/tokens', { days: 30 });
    expect(created.status).toBe(201);
    const cookie = await signInCookie('anna@acme.example', 'acme-password-1');
    expect((await as(created.json.token, 'GET', '/api/v1/goods-owners')).status).toBe(200);

    const list = await as(admin, 'GET', '/api/v1/users/anna@acme.example/sessions');
    expect(list.json.map((s: any) => s.kind).sort()).toEqual(['session', 'token']);
    expect(JSON.stringify(list.json)).not.toContain(created.json.token);
    const token = list.json.find((s: any) => s.kind === 'token');
    expect(token.id).toBe(created.json.id);

    expect((await as(admin, 'DELETE', `/api/v1/users/anna@acme.example/sessions/${token.id}`)).status).toBe(200);
    const refused = await as(created.json.token, 'GET', '/api/v1/goods-owners');
    expect(refused.status).toBe(401);
    // The browser session is another sign-in and still works until it is revoked too.
    expect((await t.app.request('/api/v1/goods-owners', { headers: { cookie: `wmsync_session=${cookie}` } })).status).toBe(200);
    expect((await as(admin, 'DELETE', '/api/v1/users/anna@acme.example/sessions')).json).toEqual({ revoked: 1 });
    expect((await t.app.request('/api/v1/goods-owners', { headers: { cookie: `wmsync_session=${cookie}` } })).status).toBe(401);
    expect((await as(admin, 'DELETE', `/api/v1/users/anna@acme.example/sessions/${token.id}`)).status).toBe(404);
    expect((await as(admin, 'DELETE', '/api/v1/users/anna@acme.example/sessions/..%2F..%2Fetc')).status).toBe(422);
  });

  it('lets only an administrator manage users', async () => {
    const anna = (await as(admin, 'POST', '/api/v1/users/anna@acme.example/tokens', {})).json.token;
    expect((await as(anna, 'GET', '/api/v1/users')).status).toBe(403);
    expect((await as(anna, 'DELETE', '/api/v1/users/root@hub.example/sessions')).status).toBe(403);
    expect((await as(admin, 'GET', '/api/v1/users/root@hub.example/sessions')).json).toHaveLength(1);
  });

  it('revokes through the CLI, and the revoked token is refused by the API', async () => {
    const { token, id } = (await runCli(store, '--json', 'users', 'token', 'anna@acme.example')).json<{ token: string; id: string }>();
    const listed = await runCli(store, 'users', 'sessions', 'anna@acme.example');
    expect(listed.stdout).toContain(id);
    expect(listed.stdout).not.toContain(token);
    expect((await as(token, 'GET', '/api/v1/goods-owners')).status).toBe(200);
    const revoked = await runCli(store, 'users', 'revoke', 'anna@acme.example', id);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect((await as(token, 'GET', '/api/v1/goods-owners')).status).toBe(401);
    const both = await runCli(store, 'users', 'revoke', 'anna@acme.example');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('give one session id, or --all');
    expect((await runCli(store, '--json', 'users', 'revoke', 'anna@acme.example', '--all')).json()).toEqual({ revoked: 1 });
  });

  it('ends the browser sessions of a user whose password is reset, and keeps the last administrator', async () => {
    const cookie = await signInCookie('anna@acme.example', 'acme-password-1');
    expect((await as(admin, 'PATCH', '/api/v1/users/anna@acme.example', { password: 'a-new-password-2' })).status).toBe(200);
    expect((await t.app.request('/api/v1/goods-owners', { headers: { cookie: `wmsync_session=${cookie}` } })).status).toBe(401);
    const last = await as(admin, 'PATCH', '/api/v1/users/root@hub.example', { role: 'goods-owner', goodsOwner: 'ACME' });
    expect(last.status).toBe(409);
    expect(last.json.error.message).toContain('last administrator');
  });

  it('records who changed what, never a secret value, and shows goods-owner users only their own', async () => {
    const secret = 'mcf-api-key-do-not-log-1';
    const added = await as(admin, 'POST', '/api/v1/integrations', { goodsOwner: 'ACME', system: 'mycashflow', settings: { environment: 'sandbox' }, secrets: { apiKey: secret } });
    expect(added.status, JSON.stringify(added.json)).toBe(201);
    const id = added.json.id;
    expect((await as(admin, 'PATCH', `/api/v1/integrations/${id}`, { settings: { pageSize: '50' }, secrets: { apiKey: `${secret}-2` } })).status).toBe(200);
    expect((await as(admin, 'PUT', '/api/v1/goods-owners/BETA/orders/SO-9', sampleOrder('SO-9'))).json).toMatchObject({ outcome: 'created' });
    expect((await as(admin, 'PATCH', '/api/v1/goods-owners/BETA', { name: 'Beta Group Oy' })).status).toBe(200);
    expect((await runCli(store, 'goods-owners', 'rename', 'ACME', '--name', 'Acme Group Oy')).code).toBe(0);

    const log = await as(admin, 'GET', '/api/v1/audit-log?limit=1000');
    expect(log.status).toBe(200);
    const text = JSON.stringify(log.json);
    expect(text).not.toContain(secret);
    const find = (record: string, action: string) => log.json.items.find((e: any) => e.record === record && e.action === action);
    expect(find(`integration ${id}`, 'created')).toMatchObject({ actor: 'user root@hub.example', kind: 'integration', goodsOwner: 'ACME', changes: { secrets: ['apiKey'] } });
    expect(find(`integration ${id}`, 'settings changed')).toMatchObject({ kind: 'setting', changes: { pageSize: { to: 50 }, secrets: ['apiKey'] } });
    expect(find('order SO-9', 'created')).toMatchObject({ kind: 'order', goodsOwner: 'BETA' });
    expect(find('goods owner BETA', 'renamed')).toMatchObject({ changes: { name: { from: 'BETA Oy', to: 'Beta Group Oy' } } });
    expect(find('goods owner ACME', 'renamed').actor).toMatch(/^cli /);
    expect(find('user anna@acme.example', 'session revoked')).toBeTruthy();
    expect(find('user anna@acme.example', 'changed').changes.password).toContain('reset');

    const anna = (await as(admin, 'POST', '/api/v1/users/anna@acme.example/tokens', {})).json.token;
    const own = await as(anna, 'GET', '/api/v1/audit-log?limit=1000');
    expect(own.json.items.length).toBeGreaterThan(0);
    expect(new Set(own.json.items.map((e: any) => e.goodsOwner))).toEqual(new Set(['ACME']));

    const cli = await runCli(store, 'audit-log', 'list', '--kind', 'goods owner');
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain('name: "BETA Oy" → "Beta Group Oy"');
    const page = await as(admin, 'GET', '/api/v1/audit-log?limit=2');
    expect(page.json.items).toHaveLength(2);
    const next = await as(admin, 'GET', `/api/v1/audit-log?limit=2&before=${page.json.next}`);
    expect(next.json.items[0].id).toBeLessThan(page.json.items[1].id + 0.5);
  });
});
