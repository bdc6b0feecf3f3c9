import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { testApp } from '../support/http.js';
import { openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';

/**
 * The audit's SSRF: a goods-owner user pointed an integration (or a connection test) at the hub's
 * own database, Redis and API and read back whether the port was open. Here nothing the hub does not
 * allow is ever connected to: a listener on loopback counts the connections it gets.
 */
describe('where integrations may connect, through the API', () => {
  let store: TestStore;
  let t: ReturnType<typeof testApp>;
  let listener: Server;
  let target: string;
  let connections = 0;
  const sockets: Socket[] = [];
  let anna: (method: string, path: string, body?: unknown) => Promise<{ status: number; json: any }>;
  let own: number;

  beforeAll(async () => {
    listener = createServer((socket) => {
      connections++;
      sockets.push(socket);
      socket.end('HTTP/1.1 401 Unauthorized\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    });
    await new Promise<void>((done) => listener.listen(0, '127.0.0.1', done));
    target = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/api/v1`;
    store = await openTestStore();
    t = testApp(store, { allowPrivateTargets: [] });
    for (const code of ['ACME', 'BETA']) await t.call('POST', '/api/v1/goods-owners', { code, name: code });
    own = (await t.call('POST', '/api/v1/integrations', { goodsOwner: 'ACME', system: 'mycashflow', settings: { storeName: 'acme' }, secrets: { username: 'api@acme.example', apiKey: 'k' } })).json.id;
    expect((await runCli(store, 'users', 'add', 'anna@acme.example', '--role', 'goods-owner', '--goods-owner', 'ACME', '--password', 'acme-password-1')).code).toBe(0);
    expect((await runCli(store, 'users', 'add', 'root@hub.example', '--role', 'admin', '--password', 'admin-password-1')).code).toBe(0);
    const bearer = async (email: string) => (await runCli(store, '--json', 'users', 'token', email)).json<{ token: string }>().token;
    adminToken = await bearer('root@hub.example');
    const as = (token: string) => async (method: string, path: string, body?: unknown) => {
      const res = await (app ?? t.app).request(path, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
      return { status: res.status, json: await res.json() };
    };
    anna = as(await bearer('anna@acme.example'));
    admin = as(adminToken);
  });
  let admin: typeof anna;
  let adminToken: string;
  /** The app the calls go to: the hub under test, or one with other outbound rules. */
  let app: ReturnType<typeof testApp>['app'] | undefined;
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((done) => listener.close(() => done()));
    await store?.drop();
  });

  it('keeps a custom API root to administrators', async () => {
    const patch = await anna('PATCH', `/api/v1/integrations/${own}`, { settings: { baseUrl: 'https://elsewhere.example/api/v1' } });
    expect(patch.status).toBe(403);
    expect(patch.json.error.message).toMatch(/only an administrator may set baseUrl/);
    const add = await anna('POST', '/api/v1/integrations', { goodsOwner: 'ACME', system: 'mycashflow', settings: { baseUrl: 'https://elsewhere.example/api/v1' }, secrets: { username: 'a@b.example', apiKey: 'k' } });
    expect(add.status).toBe(403);
    expect((await anna('POST', '/api/v1/integrations/test-connection', { goodsOwner: 'ACME', system: 'mycashflow', settings: { baseUrl: target } })).status).toBe(403);
    expect((await anna('GET', `/api/v1/integrations/${own}`)).json.settings.baseUrl).toBeUndefined();
  });

  it('puts the connection test under the ownership check', async () => {
    const noOwner = await anna('POST', '/api/v1/integrations/test-connection', { system: 'mycashflow', settings: { storeName: 'acme' } });
    expect(noOwner.status).toBe(422);
    expect(noOwner.json.error.details[0]).toMatchObject({ field: 'goodsOwner' });
    expect((await anna('POST', '/api/v1/integrations/test-connection', { goodsOwner: 'BETA', system: 'mycashflow', settings: { storeName: 'beta' } })).status).toBe(404);
  });

  it("refuses a private address even from an administrator, naming the setting, and never connects", async () => {
    connections = 0;
    const saved = await admin('PATCH', `/api/v1/integrations/${own}`, { settings: { baseUrl: target } });
    expect(saved.status).toBe(422);
    expect(saved.json.error.details[0]).toMatchObject({ field: 'baseUrl', value: target });
    expect(saved.json.error.details[0].reason).toMatch(/private, loopback or link-local address .*WMSYNC_ALLOW_PRIVATE_TARGETS/);
    for (const host of ['127.0.0.1:5432', '127.0.0.1:6379', 'localhost:8080', '[::1]:8080', '169.254.169.254']) {
      const tested = await admin('POST', '/api/v1/integrations/test-connection', { system: 'mycashflow', settings: { baseUrl: `http://${host}/api/v1` }, secrets: { username: 'a@b.example', apiKey: 'k' } });
      expect(tested.status, host).toBe(422);
      expect(tested.json.error.details[0].reason, host).toMatch(/private/);
    }
    const tested = await admin('POST', '/api/v1/integrations/test-connection', { system: 'mycashflow', settings: { baseUrl: target }, secrets: { username: 'a@b.example', apiKey: 'k' } });
    expect(tested.status).toBe(422);
    expect(connections).toBe(0);
  });

  it('allows what the administrator allows for the hub', async () => {
    app = testApp(store, { allowPrivateTargets: ['127.0.0.1'] }).app;
    connections = 0;
    const tested = await admin('POST', '/api/v1/integrations/test-connection', { system: 'mycashflow', settings: { baseUrl: target }, secrets: { username: 'a@b.example', apiKey: 'k' } });
    expect(tested.status).not.toBe(422);
    expect(connections).toBeGreaterThan(0);
  });
});
