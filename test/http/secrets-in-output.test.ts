import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mycashflow } from '../../connectors/mycashflow/connector.js';
import { startMycashflowSandbox } from '../../connectors/mycashflow/sandbox/server.js';
import { procountor } from '../../connectors/procountor/connector.js';
import { startProcountorSandbox } from '../../connectors/procountor/sandbox/server.js';
import { fixedNow } from '../../connectors/procountor/sandbox/test-helpers.js';
import { createUsers } from '../../src/access/users.js';
import { loadConfig } from '../../src/config/schema.js';
import { createRegistry } from '../../src/connectors/registry.js';
import { createHttpApp } from '../../src/http/app.js';
import { createMetrics } from '../../src/http/metrics.js';
import { systemClock } from '../../src/kernel/clock.js';
import { createLogger } from '../../src/kernel/logger.js';
import { createSecretBox } from '../../src/kernel/secrets.js';
import { createSyncServices } from '../../src/sync/services.js';
import { createEmbeddedWms } from '../../src/wms/embedded/embedded-wms.js';
import { runCli } from '../support/cli.js';
import { openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';

/**
 * Every secret the hub is given or obtains (passwords, API tokens, API keys, client secrets, OAuth
 * tokens) must stay out of the log, at the most talkative level, and out of every answer of the
 * API, the admin UI and the CLI, through a full sync against the sandboxes and a failing one.
 */
const secrets = {
  adminPassword: 'Adm1n-Passw0rd-zq81',
  ownerPassword: 'Own3r-Passw0rd-kx27',
  mycashflowKey: 'mcf-key-5f1e9c77a2b4',
  wrongMycashflowKey: 'mcf-wrong-key-88d0c1e3',
  procountorSecret: 'pc-client-secret-3b9d24aa',
  procountorApiKey: 'pc-api-key-7c61e0f2',
};

describe('no secret value in the log output or in any answer', () => {
  let store: TestStore;
  const logLines: string[] = [];
  const answers: { what: string; text: string }[] = [];
  const closers: (() => Promise<unknown>)[] = [];
  const found: string[] = [];

  beforeAll(async () => {
    store = await openTestStore();
    const logger = createLogger({ level: 'trace', pretty: 'false', destination: new Writable({ write: (chunk, _enc, done) => (logLines.push(String(chunk)), done()) }) });
    const shop = await startMycashflowSandbox({ port: 0, seed: 3, products: 8, orders: 10, apiKey: secrets.mycashflowKey, rateLimit: { perSecond: 0, burst: 0 } });
    const erp = await startProcountorSandbox({ port: 0, seed: 4, products: 8, invoices: 10, now: fixedNow, clients: [{ clientId: 'wmsync-sandbox', clientSecret: secrets.procountorSecret, apiKeys: [secrets.procountorApiKey] }] });
    closers.push(() => shop.close(), () => erp.close());
    const wms = createEmbeddedWms(store, systemClock);
    const sync = createSyncServices({
      store, wms, registry: createRegistry([mycashflow, procountor]), secrets: createSecretBox(Buffer.alloc(32, 7)), clock: systemClock, logger,
      hubUrl: () => 'http://127.0.0.1:9', allowPrivateTargets: ['127.0.0.0/8'], leaseMs: loadConfig({}).worker.leaseMs,
    });
    const users = createUsers(store.db, systemClock);
    const app = createHttpApp({ wms, sync, users, logger, metrics: createMetrics(), version: 'test' });

    await wms.addGoodsOwner({ code: 'ACME', name: 'Acme Oy' });
    await users.add({ email: 'root@hub.example', password: secrets.adminPassword, role: 'admin' });
    const token = (await users.createToken('root@hub.example', 1)).token;
    const record = async (what: string, res: Response) => {
      const headers = [...res.headers].filter(([name]) => name !== 'set-cookie').map(([k, v]) => `${k}: ${v}`).join('\n');
      const text = await res.text();
      answers.push({ what, text: `${res.status}\n${headers}\n${text}` });
      return { headers: res.headers, text };
    };
    const api = async (method: string, path: string, body?: unknown) =>
      record(`${method} ${path}`, await app.request(path, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) }));

    // Set up as a user would, through the API: users, integrations with their secrets.
    await api('POST', '/api/v1/users', { email: 'anna@acme.example', password: secrets.ownerPassword, role: 'goods-owner', goodsOwner: 'ACME' });
    const created = await Promise.all([
      api('POST', '/api/v1/integrations', { goodsOwner: 'ACME', system: 'mycashflow', settings: { baseUrl: shop.url, storeName: 'acme' }, secrets: { username: 'api@sandbox.example', apiKey: secrets.mycashflowKey } }),
      api('POST', '/api/v1/integrations', { goodsOwner: 'ACME', system: 'procountor', settings: { baseUrl: erp.url, clientId: 'wmsync-sandbox' }, secrets: { clientSecret: secrets.procountorSecret, apiKey: secrets.procountorApiKey } }),
      api('POST', '/api/v1/integrations', { goodsOwner: 'ACME', system: 'mycashflow', name: 'wrong key', settings: { baseUrl: shop.url, storeName: 'acme' }, secrets: { username: 'api@sandbox.example', apiKey: secrets.wrongMycashflowKey } }),
    ]);
    const ids = created.map((r) => JSON.parse(r.text).id as number);
    // A full sync: every enabled flow of every integration, the failing one too.
    for (const id of ids) {
      for (const { flow, enabled } of (await sync.integrations.get(id)).flows) {
        if (enabled) found.push(`${id} ${flow}: ${(await sync.engine.runFlow(id, flow, { trigger: 'manual' })).status}`);
      }
    }
    // What the hub obtained on its own: Procountor's OAuth tokens.
    const obtained = (await sync.integrations.resolve(ids[1]!)).resolved;
    for (const [key, value] of Object.entries(obtained)) if (/token/i.test(key) && typeof value === 'string' && value.length > 8) Object.assign(secrets, { [key]: value });
    Object.assign(secrets, { apiToken: token });

    // Sign in through the form and walk the UI and every GET route of the API.
    const login = await record('POST /login', await app.request('/login', { method: 'POST', body: new URLSearchParams({ email: 'root@hub.example', password: secrets.adminPassword }), headers: { 'content-type': 'application/x-www-form-urlencoded' } }));
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    await record('POST /login (wrong password)', await app.request('/login', { method: 'POST', body: new URLSearchParams({ email: 'anna@acme.example', password: `${secrets.ownerPassword}x` }), headers: { 'content-type': 'application/x-www-form-urlencoded' } }));
    const doc = JSON.parse((await api('GET', '/api/v1/openapi.json')).text) as { paths: Record<string, Record<string, unknown>> };
    const runId = (await sync.runs.list({ integrationId: ids[0]! }))[0]!.runId;
    const fill = (path: string, id: number) =>
      path.replace('{owner}', 'ACME').replace('{id}', String(id)).replace('{flow}', 'order-import').replace('{email}', 'anna@acme.example').replace('{system}', 'mycashflow').replace('{runId}', String(runId)).replace(/\{[^}]+\}/g, '1');
    for (const [path, methods] of Object.entries(doc.paths)) {
      if (!('get' in methods)) continue;
      for (const id of path.includes('{id}') ? ids : [0]) await api('GET', `/api/v1${fill(path, id)}`);
    }
    for (const page of ['/', '/wms/ACME/orders', ...ids.flatMap((id) => [`/integrations/${id}`, `/integrations/${id}/mapping/order-import`]), `/runs/${runId}`]) {
      await record(`GET ${page}`, await app.request(page, { headers: { cookie } }));
    }
    for (const args of [['--json', 'integrations', 'list'], ...ids.map((id) => ['integrations', 'show', String(id)]), ['audit-log', 'list', '--limit', '500'], ['users', 'sessions', 'root@hub.example']]) {
      const cli = await runCli(store, ...args);
      answers.push({ what: `wmsync ${args.join(' ')}`, text: `${cli.stdout}\n${cli.stderr}` });
    }
  }, 60_000);
  afterAll(async () => {
    for (const close of closers) await close();
    await store?.drop();
  });

  it('ran a full sync that used the secrets, and failed where the key was wrong', () => {
    expect(found.filter((f) => f.endsWith('succeeded')).length).toBeGreaterThanOrEqual(4);
    expect(found.some((f) => /failed/.test(f)), found.join('\n')).toBe(true);
    expect(Object.keys(secrets).some((k) => /token/i.test(k) && k !== 'apiToken'), 'the OAuth tokens Procountor gave').toBe(true);
    // The hub logs little when all goes well; the failing runs are where a key would leak.
    expect(logLines.filter((l) => l.includes('refused the credentials')).length).toBeGreaterThanOrEqual(2);
    expect(answers.length).toBeGreaterThan(30);
  });

  it('finds no secret in a log line or an answer', () => {
    const leaks: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(secrets)) {
      const where = [
        ...logLines.filter((l) => l.includes(value)).map((l) => `log: ${l.slice(0, 200)}`),
        ...answers.filter((a) => a.text.includes(value) || a.text.includes(encodeURIComponent(value))).map((a) => a.what),
      ];
      if (where.length) leaks[name] = where;
    }
    expect(Object.keys(secrets).length).toBeGreaterThanOrEqual(9);
    expect(leaks).toEqual({});
  });
});
