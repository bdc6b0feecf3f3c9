import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mycashflow } from '../../connectors/mycashflow/connector.js';
import { createRegistry } from '../../src/connectors/registry.js';
import type { Scheduler } from '../../src/sync/scheduler.js';
import { testApp } from '../support/http.js';
import { testHub } from '../support/hub.js';
import { openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';
import { SIGNATURE_HEADER, sign, until, webhookShop } from '../sync/webhook-shop.js';

const SECRET = 'shop-webhook-secret';

describe('POST /webhooks/:system/:integrationId', () => {
  let store: TestStore;
  let shop: ReturnType<typeof webhookShop>;
  let t: ReturnType<typeof testApp>;
  let integrationId: number;
  const schedulers: Scheduler[] = [];

  beforeEach(async () => {
    store = await openTestStore();
    shop = webhookShop();
    t = testApp(store, { registry: createRegistry([shop.connector, mycashflow]) });
    await t.wms.addGoodsOwner({ code: 'ACME', name: 'Acme Oy' });
    integrationId = (await t.sync.integrations.add({ goodsOwner: 'ACME', system: 'webhookshop', secrets: { webhookSecret: SECRET } })).id;
  });
  afterEach(async () => {
    await Promise.all(schedulers.splice(0).map((s) => s.stop()));
    await store?.drop();
  });

  /** A call as the shop makes it: the body as given, signed unless told otherwise. */
  const deliver = (body: string, options: { signature?: string; path?: string; headers?: Record<string, string> } = {}) =>
    t.app.request(options.path ?? `/webhooks/webhookshop/${integrationId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: options.signature ?? sign(body, SECRET), ...options.headers },
      body,
    });
  // Indented on purpose: the signature covers these very bytes, not a re-serialisation of the JSON.
  const updated = (sku: string, name: string) => JSON.stringify({ topic: 'product.updated', product: { sku, name } }, null, 2);
  const storedJobs = () => store.db.selectFrom('jobs').selectAll().execute();
  const webhookRuns = async () => (await t.sync.runs.list({ integrationId })).filter((r) => r.trigger === 'webhook');
  const articles = async () => (await t.wms.listArticles('ACME', { limit: 100 })).items;
  const startScheduler = (hub: { sync: typeof t.sync } = t) => {
    const scheduler = hub.sync.createScheduler({ tickMs: 20, concurrency: 2 });
    schedulers.push(scheduler);
    scheduler.start();
    return scheduler;
  };

  it('stores a signed delivery (202), runs it as a job, and writes the record once even when delivered twice', async () => {
    const body = updated('SKU-1', 'Blue mug');
    const first = await deliver(body);
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ accepted: 1, duplicates: 0, ignored: 0 });
    const again = await deliver(body);
    expect(again.status).toBe(202);
    expect(await again.json()).toEqual({ accepted: 0, duplicates: 1, ignored: 0 });
    expect(await storedJobs()).toHaveLength(1);
    expect(await articles()).toEqual([]);

    startScheduler();
    await until('the delivery written', async () => (await storedJobs()).length === 0 && (await webhookRuns()).length === 1);
    expect((await articles()).map((a) => [a.articleNumber, a.articleName])).toEqual([['SKU-1', 'Blue mug']]);
    const [run] = await webhookRuns();
    expect(run!.status).toBe('succeeded');
    expect(run!.counts.created).toBe(1);

    // Sent once more after it was written: a new job, whose run finds the record unchanged.
    expect(await (await deliver(body)).json()).toEqual({ accepted: 1, duplicates: 0, ignored: 0 });
    await until('the second delivery run', async () => (await webhookRuns()).length === 2 && (await storedJobs()).length === 0);
    const latest = (await webhookRuns())[0]!;
    expect(latest.counts).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect(await articles()).toHaveLength(1);
  });

  it('answers 401 to a bad or missing signature (400 to a signed body that is not JSON) and stores nothing', async () => {
    const body = updated('SKU-2', 'Red mug');
    for (const signature of [sign(body, 'another-secret'), sign(`${body} `, SECRET), '']) {
      const res = await deliver(body, { signature });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    }
    expect(await storedJobs()).toEqual([]);
    // Signed but not JSON: refused after the signature check, nothing stored either.
    const notJson = 'topic=product.updated';
    expect((await deliver(notJson, { headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(400);
    expect(await storedJobs()).toEqual([]);
    const scheduler = startScheduler();
    await until('the scheduled poll', async () => (await t.sync.runs.list({ integrationId })).some((r) => r.status !== 'running'));
    await scheduler.stop();
    expect(await articles()).toEqual([]);
    expect(await webhookRuns()).toEqual([]);
  });

  it('answers 404 for an unknown integration, another system, a connector without webhooks, and an id in another spelling', async () => {
    const mycashflowId = (await t.sync.integrations.add({ goodsOwner: 'ACME', system: 'mycashflow', settings: { environment: 'sandbox' } })).id;
    const body = updated('SKU-3', 'Green mug');
    for (const path of ['/webhooks/webhookshop/999', `/webhooks/mycashflow/${integrationId}`, `/webhooks/mycashflow/${mycashflowId}`, `/webhooks/webhookshop/${mycashflowId}`, `/webhooks/webhookshop/0${integrationId}`, `/webhooks/nosuch/${integrationId}`]) {
      const res = await deliver(body, { path });
      expect(res.status, path).toBe(404);
    }
    expect(await storedJobs()).toEqual([]);
  });

  it('keeps the guards of every route: the body limit (413), cross-site writes, control characters', async () => {
    const small = testApp(store, { registry: createRegistry([shop.connector]) }, { maxBodyBytes: 200 });
    const big = updated('SKU-4', 'x'.repeat(300));
    const res = await small.app.request(`/webhooks/webhookshop/${integrationId}`, { method: 'POST', headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: sign(big, SECRET) }, body: big });
    expect(res.status).toBe(413);
    expect((await deliver(updated('SKU-5', 'Mug'), { headers: { origin: 'https://elsewhere.example' } })).status).toBe(403);
    expect((await deliver(updated('SKU-6', 'Mug\u0000'))).status).toBe(422);
    expect(await storedJobs()).toEqual([]);
  });

  it('reads the current version of records a delivery only names, and isolates a bad one as a failure', async () => {
    shop.products.set('SKU-7', { sku: 'SKU-7', name: 'Teapot' });
    shop.products.set('SKU-8', { sku: 'SKU-8', name: 'x'.repeat(501) });
    const body = JSON.stringify({ topic: 'products.changed', skus: ['SKU-7', 'SKU-8'] });
    expect((await deliver(body)).status).toBe(202);
    // A topic the connector does not use is taken and ignored.
    expect(await (await deliver(JSON.stringify({ topic: 'customer.created' }))).json()).toEqual({ accepted: 0, duplicates: 0, ignored: 0 });
    startScheduler();
    await until('the delivery written', async () => (await storedJobs()).length === 0 && (await webhookRuns()).length === 1);
    expect(shop.fetchedByIds).toEqual([['SKU-7', 'SKU-8']]);
    expect((await articles()).map((a) => a.articleNumber)).toEqual(['SKU-7']);
    const run = await t.sync.runs.get((await webhookRuns())[0]!.runId);
    expect(run.status).toBe('partial');
    expect(run.errors.map((e) => [e.externalId, e.field])).toEqual([['SKU-8', 'articleName']]);
    // The failure waits for the poll's retry by id, like any failed record.
    expect((await t.sync.failures.list({ integrationId })).map((f) => f.externalId)).toEqual(['SKU-8']);
  });

  it('ignores deliveries for a flow that is off', async () => {
    await t.sync.integrations.setFlowEnabled(integrationId, 'article-import', false);
    expect(await (await deliver(updated('SKU-9', 'Jug'))).json()).toEqual({ accepted: 0, duplicates: 0, ignored: 1 });
    expect(await storedJobs()).toEqual([]);
  });

  it('loses no delivery when the process that took it stops before running it: another worker writes it', async () => {
    expect((await deliver(updated('SKU-10', 'Kettle'))).status).toBe(202);
    // The hub that answered 202 never runs anything; a worker started later over the same database does.
    const worker = testHub(store, { registry: createRegistry([shop.connector]) });
    startScheduler(worker);
    await until('the delivery written', async () => (await storedJobs()).length === 0);
    expect((await worker.wms.listArticles('ACME', { limit: 10 })).items.map((a) => a.articleName)).toEqual(['Kettle']);
  });
});
