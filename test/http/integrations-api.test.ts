import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMycashflowSandbox } from '../../connectors/mycashflow/sandbox/server.js';
import type { RunningSandbox } from '../../connectors/mycashflow/sandbox/server.js';
import { testApp } from '../support/http.js';
import { openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';
import { stockFor } from '../support/stock.js';

describe('HTTP API: integrations, runs, failures, retry, mapping', () => {
  let store: TestStore;
  let sandbox: RunningSandbox;
  let t: ReturnType<typeof testApp>;
  let id: number;

  beforeEach(async () => {
    store = await openTestStore();
    sandbox = await startMycashflowSandbox({ port: 0, seed: 5, products: 10, orders: 20, rateLimit: { perSecond: 0, burst: 0 } });
    t = testApp(store);
    await t.call('POST', '/api/v1/goods-owners', { code: 'ACME', name: 'Acme Oy' });
    const created = await t.call('POST', '/api/v1/integrations', {
      goodsOwner: 'ACME',
      system: 'mycashflow',
      settings: { baseUrl: sandbox.url, storeName: 'acme' },
      secrets: { username: 'api@sandbox.example', apiKey: 'sandbox-key' },
    });
    expect(created.status).toBe(201);
    expect(created.text).not.toContain('sandbox-key');
    id = created.json.id;
  });
  afterEach(async () => {
    await sandbox?.close();
    await store?.drop();
  });

  it('runs a flow, lists the failed record with its reason, and retries it once the source is fixed', async () => {
    const open = sandbox.sandbox.store.orders.values().filter((o) => o.status === 'open');
    sandbox.sandbox.faults.set({ malformed: { orders: [open[0]!.id] } });
    const run = await t.call('POST', `/api/v1/integrations/${id}/flows/order-import/run`);
    expect(run.status).toBe(200);
    expect(run.json).toMatchObject({ flow: 'order-import', status: 'partial', counts: { created: open.length - 1, failed: 1 } });

    const status = await t.call('GET', `/api/v1/integrations/${id}/status`);
    expect(status.json.health).toBe('failing');
    expect(status.json.flows.find((f: { flow: string }) => f.flow === 'order-import')).toMatchObject({ failures: 1, lastRun: { status: 'partial' } });
    const failures = await t.call('GET', `/api/v1/integrations/${id}/failures`);
    expect(failures.json.next).toBeNull();
    expect(failures.json.items).toEqual([expect.objectContaining({ flow: 'order-import', externalId: String(open[0]!.id), record: `order ${open[0]!.id}`, attempts: 1 })]);
    expect(failures.json.items[0].issues[0].reason).toEqual(expect.any(String));

    sandbox.sandbox.faults.set({ malformed: {} });
    const retry = await t.call('POST', `/api/v1/integrations/${id}/flows/order-import/retry`, { externalIds: [String(open[0]!.id)] });
    expect(retry.json).toMatchObject({ status: 'succeeded', counts: { created: 1, failed: 0 } });
    expect((await t.call('GET', `/api/v1/integrations/${id}/failures`)).json).toEqual({ items: [], next: null });
    expect((await t.call('GET', `/api/v1/runs?integration=${id}`)).json.items.map((r: { trigger: string }) => r.trigger)).toEqual(['retry', 'manual']);
    expect((await t.call('GET', `/api/v1/runs/${run.json.runId}`)).json.errors).toHaveLength(1);
  });

  it('previews a mapping override on recent records, refuses a bad one naming the field, and saves a good one', async () => {
    await t.call('POST', `/api/v1/integrations/${id}/flows/order-import/run`);
    const override = [{ op: 'replace', wms: 'orderInfo.orderRemark', from: { kind: 'const', value: 'Handle with care' } }];
    const preview = await t.call('POST', `/api/v1/integrations/${id}/flows/order-import/mapping-preview`, override);
    expect(preview.status).toBe(200);
    expect(preview.json.length).toBeGreaterThan(0);
    expect(preview.json[0].proposed.orderInfo.orderRemark).toBe('Handle with care');
    expect(preview.json[0].current.orderInfo.orderRemark).not.toBe('Handle with care');
    expect(preview.json[0].issues).toEqual([]);

    const bad = await t.call('PUT', `/api/v1/integrations/${id}/flows/order-import/mapping-overrides`, [{ op: 'replace', wms: 'orderInfo.colour', from: { kind: 'const', value: 'red' } }]);
    expect(bad.status).toBe(422);
    expect(bad.json.error.details[0]).toMatchObject({ field: expect.stringContaining('wms') });

    expect((await t.call('PUT', `/api/v1/integrations/${id}/flows/order-import/mapping-overrides`, override)).status).toBe(200);
    const mapping = await t.call('GET', `/api/v1/integrations/${id}/mapping`);
    const row = mapping.json.flows.find((f: { flow: string }) => f.flow === 'order-import').mapping.find((r: { wms: string }) => r.wms === 'orderInfo.orderRemark');
    expect(row).toMatchObject({ overridden: true, from: expect.stringContaining('Handle with care') });
    sandbox.sandbox.updateOrder(sandbox.sandbox.store.orders.values().find((o) => o.status === 'open')!.id, { comments: [{ visibility: 'public', text: 'x' }] });
    await t.call('POST', `/api/v1/integrations/${id}/flows/order-import/run`);
    const orders = (await t.call('GET', '/api/v1/goods-owners/ACME/orders?limit=1000')).json.items;
    expect(orders.some((o: { orderInfo: { orderRemark?: string } }) => o.orderInfo.orderRemark === 'Handle with care')).toBe(true);
  });

  it("lists a refused report with the shop's answer, and queues it again on retry", async () => {
    // An order with two payments: MyCashflow refuses to quick-process it.
    const order = sandbox.sandbox.createOrder({ payment_count: 2 });
    await t.call('POST', `/api/v1/integrations/${id}/flows/order-import/run`);
    await stockFor(t.wms, 'ACME', String(order.id));
    await t.wms.setOrderStatus('ACME', String(order.id), { status: 450, waybill: 'JJFI-TWO-PAYMENTS' });
    const report = await t.call('POST', `/api/v1/integrations/${id}/flows/delivery-report/run`);
    expect(report.json.counts).toMatchObject({ sent: 0, failed: 1 });
    const refused = await t.call('GET', `/api/v1/integrations/${id}/reports?status=failed`);
    expect(refused.json.items).toEqual([expect.objectContaining({ flow: 'delivery-report', subject: String(order.id), externalId: String(order.id), status: 'failed', attempts: 1 })]);
    expect(refused.json.items[0].lastError).toMatch(/422/);
    const page = await t.call('GET', `/integrations/${id}/errors`);
    expect(page.text).toContain('1 delivery report failed');
    expect(page.text).toContain(refused.json.items[0].lastError.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').slice(0, 40));
    expect((await t.call('POST', `/api/v1/integrations/${id}/flows/delivery-report/retry`)).json).toEqual({ requeued: 1 });
    expect((await t.call('GET', `/api/v1/integrations/${id}/reports?status=pending`)).json.items).toHaveLength(1);
  });

  it('tests a connection before saving: good credentials pass, a wrong key is refused with the reason', async () => {
    const base = { system: 'mycashflow', settings: { baseUrl: sandbox.url } };
    expect((await t.call('POST', '/api/v1/integrations/test-connection', { ...base, secrets: { username: 'api@sandbox.example', apiKey: 'sandbox-key' } })).json).toEqual({ ok: true });
    const wrong = await t.call('POST', '/api/v1/integrations/test-connection', { ...base, secrets: { username: 'api@sandbox.example', apiKey: 'wrong' } });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.message).toContain('refused the credentials (401)');
    expect(wrong.text).not.toContain('wrong"');
  });

  it('switches flows, pauses and resumes, and describes connectors', async () => {
    expect((await t.call('POST', `/api/v1/integrations/${id}/flows/stock-export/enable`)).json.flows).toContainEqual({ flow: 'stock-export', enabled: true });
    expect((await t.call('POST', `/api/v1/integrations/${id}/pause`)).json.paused).toBe(true);
    expect((await t.call('GET', `/api/v1/integrations/${id}/status`)).json.health).toBe('paused');
    expect((await t.call('POST', `/api/v1/integrations/${id}/resume`)).json.paused).toBe(false);
    const patched = await t.call('PATCH', `/api/v1/integrations/${id}`, { settings: { intervalMinutes: '5' } });
    expect(patched.json.settings.intervalMinutes).toBe(5);
    expect((await t.call('GET', '/api/v1/connectors')).json.items.map((c: { system: string }) => c.system)).toContain('mycashflow');
    expect((await t.call('GET', '/api/v1/connectors/mycashflow')).json.flows).toHaveLength(4);
  });
});
