import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { testApp } from '../support/http.js';
import { openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';

/** Every way the audit found to write an id so that JavaScript still reads it as the same number. */
const spellings = (id: number) => [String(id), `${id}.0`, `%2B${id}`, `0x${id.toString(16)}`, `${id}e0`, `%20${id}`, `0b${id.toString(2)}`, `0${id}`, `${id}%00`, `${id}%20`];

describe("another goods owner's records, under every spelling of their id, on every route", () => {
  let store: TestStore;
  let t: ReturnType<typeof testApp>;
  let token: string;
  let theirs: { integration: number; run: number };
  let mine: number;

  beforeAll(async () => {
    store = await openTestStore();
    t = testApp(store);
    for (const code of ['ACME', 'BETA']) expect((await t.call('POST', '/api/v1/goods-owners', { code, name: `${code} Oy` })).status).toBe(201);
    const add = async (goodsOwner: string) => (await t.call('POST', '/api/v1/integrations', { goodsOwner, system: 'mycashflow', settings: { environment: 'sandbox' } })).json.id as number;
    mine = await add('ACME');
    const integration = await add('BETA');
    const run = await t.sync.engine.runFlow(integration, 'article-import', { trigger: 'manual' });
    theirs = { integration, run: run.runId };
    expect((await runCli(store, 'users', 'add', 'anna@acme.example', '--role', 'goods-owner', '--goods-owner', 'ACME', '--password', 'acme-password-1')).code).toBe(0);
    token = (await runCli(store, '--json', 'users', 'token', 'anna@acme.example')).json<{ token: string }>().token;
  });
  afterAll(() => store?.drop());

  const send = (method: string, path: string, form = false) =>
    t.app.request(path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(method === 'GET' ? {} : { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' }) },
      ...(method === 'GET' ? {} : { body: form ? '' : '{}' }),
    });
  const errorOf = async (res: Response): Promise<{ message: string }> => ((await res.json()) as { error: { message: string } }).error;

  /** The API's routes from its OpenAPI document, and the pages' routes from the app itself. */
  async function routes(): Promise<{ method: string; path: string; form: boolean }[]> {
    const doc = (await t.call('GET', '/api/v1/openapi.json')).json as { paths: Record<string, Record<string, unknown>> };
    const api = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path: `/api/v1${path.replace(/\{(\w+)\}/g, ':$1')}`, form: false })));
    const pages = t.app.routes.filter((r) => r.method !== 'ALL' && !r.path.startsWith('/api/')).map((r) => ({ method: r.method, path: r.path.replace(/\{[^}]*\}/g, ''), form: true }));
    return [...api, ...pages].filter((r) => /:(id|owner)\b/.test(r.path));
  }

  const fill = (path: string, id: string) =>
    path
      .replace(':id', id)
      .replace(':owner', 'BETA')
      .replace(':flow', 'article-import')
      .replace(/:(number|article|system)/, 'X-1');

  it('answers 404, naming no goods owner, for each route and spelling', async () => {
    const all = await routes();
    // The walk must see the routes the audit used, or it proves nothing.
    for (const needed of ['GET /api/v1/integrations/:id', 'PATCH /api/v1/integrations/:id', 'POST /api/v1/integrations/:id/flows/:flow/run', 'GET /api/v1/runs/:id', 'GET /oauth/start/:id', 'GET /integrations/:id', 'GET /runs/:id', 'GET /api/v1/goods-owners/:owner/articles', 'POST /wms/:owner/stock/:article']) {
      expect(all.map((r) => `${r.method} ${r.path}`)).toContain(needed);
    }
    const leaks: string[] = [];
    for (const route of all) {
      const id = route.path.includes('/runs/') ? theirs.run : theirs.integration;
      for (const spelling of route.path.includes(':id') ? spellings(id) : ['BETA', '%42ETA']) {
        const path = fill(route.path, spelling);
        const res = await send(route.method, path, route.form);
        const text = await res.text();
        if (res.status !== 404 || (route.path.includes(':id') && text.includes('BETA'))) leaks.push(`${route.method} ${path} → ${res.status} ${text.slice(0, 80)}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it("refuses even the user's own integration under any spelling but the canonical one", async () => {
    expect((await send('GET', `/api/v1/integrations/${mine}`)).status).toBe(200);
    for (const spelling of spellings(mine).slice(1)) {
      const res = await send('GET', `/api/v1/integrations/${spelling}`);
      expect(res.status, spelling).toBe(404);
      expect((await errorOf(res)).message).toMatch(/^integration .* not found$/);
    }
  });

  it('says "integration N not found" for theirs as for one that does not exist', async () => {
    expect((await errorOf(await send('GET', '/api/v1/integrations/999'))).message).toBe('integration 999 not found');
    expect((await errorOf(await send('GET', `/api/v1/integrations/${theirs.integration}`))).message).toBe(`integration ${theirs.integration} not found`);
    expect((await errorOf(await send('GET', `/api/v1/runs/${theirs.run}`))).message).toBe(`run ${theirs.run} not found`);
  });
});
