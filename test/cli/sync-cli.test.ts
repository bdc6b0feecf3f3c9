import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMycashflowSandbox } from '../../connectors/mycashflow/sandbox/server.js';
import type { RunningSandbox } from '../../connectors/mycashflow/sandbox/server.js';
import { once } from 'node:events';
import { runCli, spawnCli } from '../support/cli.js';
import { openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';

describe('wmsync CLI: connectors, integrations, sync and runs', () => {
  let store: TestStore;
  let sandbox: RunningSandbox;
  const cli = (...args: string[]) => runCli(store, ...args);

  beforeEach(async () => {
    store = await openTestStore();
    sandbox = await startMycashflowSandbox({ port: 0, seed: 3, products: 12, orders: 15, rateLimit: { perSecond: 0, burst: 0 } });
    expect((await cli('goods-owners', 'add', 'ACME', '--name', 'Acme Oy')).code).toBe(0);
  });
  afterEach(async () => {
    await sandbox?.close();
    await store?.drop();
  });

  const addIntegration = async () => {
    const added = await cli('--json', 'integrations', 'add', '--goods-owner', 'ACME', '--system', 'mycashflow', '--set', 'storeName=acme', '--set', `baseUrl=${sandbox.url}`, '--secret', 'username=api@sandbox.example', '--secret', 'apiKey=sandbox-key');
    expect(added.code).toBe(0);
    return added.json<{ id: number }>().id;
  };

  it('lists connectors and describes MyCashflow with every seed row', async () => {
    expect((await cli('connectors', 'list')).stdout).toMatch(/mycashflow\s+MyCashflow\s+basic/);
    const d = (await cli('--json', 'connectors', 'describe', 'mycashflow')).json();
    expect(d.system).toBe('mycashflow');
    expect(d.flows.map((f: { flow: string; enabledByDefault: boolean }) => [f.flow, f.enabledByDefault])).toEqual([
      ['article-import', true],
      ['order-import', true],
      ['stock-export', false],
      ['delivery-report', true],
    ]);
    const article = d.flows[0].mapping.map((r: { wms: string }) => r.wms);
    for (const wms of ['articleNumber', 'barCode', 'customerPrice', 'articleName', 'price', 'netWeight', 'productCode', 'purchasePrice', 'supplierArticleNumber', 'vatPercent']) expect(article).toContain(wms);
    expect(article.some((w: string) => w.startsWith('alternativeNames'))).toBe(true);
    const order = d.flows[1].mapping.map((r: { wms: string }) => r.wms);
    for (const wms of ['orderInfo.customerPrice', 'orderInfo.customsCurrencyCode', 'orderInfo.goodsOwnerOrderNumber', 'orderInfo.orderRemark', 'orderInfo.goodsOwnerOrderId', 'orderInfo.wayOfDelivery', 'customer.address', 'customer.city', 'customer.countryCode', 'customer.email', 'customer.mobilePhone', 'customer.name', 'customer.postCode', 'orderLines[].externalOrderLineCode', 'orderLines[].linePrice', 'orderLines[].numberOfItems', 'orderLines[].productCode', 'orderLines[].totalCustomsValue']) {
      expect(order).toContain(wms);
    }
    expect(d.settings).toContainEqual(expect.objectContaining({ key: 'apiKey', secret: true }));
    expect(d.settings).toContainEqual(expect.objectContaining({ key: 'intervalMinutes', default: 15 }));
    expect((await cli('connectors', 'describe', 'mycashflow')).stdout).toContain('Product code');
  });

  it('adds an integration with secrets that are never printed back, and names a missing or unknown setting', async () => {
    const id = await addIntegration();
    const shown = await cli('--json', 'integrations', 'show', String(id));
    expect(shown.stdout).not.toContain('sandbox-key');
    expect(shown.json()).toMatchObject({ system: 'mycashflow', goodsOwner: 'ACME', secretsSet: ['apiKey', 'username'] });
    expect((await cli('integrations', 'show', String(id))).stdout).toContain('apiKey = (secret, set)');
    const missing = await cli('integrations', 'add', '--goods-owner', 'ACME', '--system', 'mycashflow', '--set', 'storeName=acme');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('apiKey');
    const unknown = await cli('integrations', 'set', String(id), 'colour=blue');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('colour');
    const set = await cli('--json', 'integrations', 'set', String(id), 'intervalMinutes=5', '--secret', 'apiKey=sandbox-key');
    expect(set.json().settings.intervalMinutes).toBe(5);
    const reset = await cli('--json', 'integrations', 'set', String(id), 'intervalMinutes=');
    expect(reset.json().settings.intervalMinutes).toBeUndefined();
    expect(reset.json().settings.storeName).toBe('acme');
    expect((await cli('--json', 'integrations', 'list')).json().items).toHaveLength(1);
  });

  it('takes a secret given with --set, and a public value given with --secret, where they belong, with a note', async () => {
    const added = await cli('--json', 'integrations', 'add', '--goods-owner', 'ACME', '--system', 'procountor', '--secret', 'clientId=wmsync-app', '--set', 'clientSecret=s3cret-value', '--set', 'apiKey=k3y-value');
    expect(added.code).toBe(0);
    expect(added.stderr).toContain('note: clientSecret is a secret: it is stored encrypted; give it with --secret next time');
    expect(added.stderr).toContain('note: clientId is not a secret: it is stored as a setting');
    const integration = added.json<{ id: number; settings: Record<string, unknown>; secretsSet: string[] }>();
    expect(integration.settings.clientId).toBe('wmsync-app');
    expect(integration.secretsSet).toEqual(['apiKey', 'clientSecret']);
    expect(added.stdout).not.toMatch(/s3cret-value|k3y-value/);
    const changed = await cli('--json', 'integrations', 'set', String(integration.id), 'apiKey=');
    expect(changed.code).toBe(0);
    expect(changed.json<{ secretsSet: string[] }>().secretsSet).toEqual(['clientSecret']);
  });

  it('syncs, reports counts as JSON, and shows runs; enable and disable switch flows', async () => {
    const id = await addIntegration();
    const first = await cli('--json', 'sync', String(id));
    expect(first.code).toBe(0);
    const runs = first.json<{ runId: number; flow: string; status: string; counts: Record<string, number> }[]>();
    expect(runs.map((r) => r.flow)).toEqual(['article-import', 'order-import', 'delivery-report']);
    expect(runs[0]!.counts.created).toBeGreaterThan(0);
    expect(runs[1]!.counts.created).toBeGreaterThan(0);
    const again = (await cli('--json', 'sync', String(id), '--flow', 'order-import')).json<{ counts: Record<string, number> }[]>();
    expect(again[0]!.counts).toMatchObject({ created: 0, updated: 0 });

    const list = (await cli('--json', 'runs', 'list', '--integration', String(id))).json<{ items: { runId: number }[] }>().items;
    expect(list).toHaveLength(4);
    const shown = (await cli('--json', 'runs', 'show', String(runs[0]!.runId))).json();
    expect(shown).toMatchObject({ runId: runs[0]!.runId, flow: 'article-import', status: 'succeeded' });

    const off = await cli('sync', String(id), '--flow', 'stock-export');
    expect(off.code).toBe(2);
    expect(off.stderr).toContain(`wmsync integrations enable ${id} stock-export`);
    expect((await cli('integrations', 'enable', String(id), 'stock-export')).stdout).toMatch(/on\s+stock-export/);
    expect((await cli('--json', 'sync', String(id), '--flow', 'stock-export')).code).toBe(0);
    expect((await cli('integrations', 'disable', String(id), 'nonsense')).stderr).toContain('no such flow');
  });

  it('shows status and retries a failed record by hand', async () => {
    const id = await addIntegration();
    const open = sandbox.sandbox.store.orders.values().filter((o) => o.status === 'open');
    sandbox.sandbox.faults.set({ malformed: { orders: [open[0]!.id] } });
    const run = (await cli('--json', 'sync', String(id), '--flow', 'order-import')).json<{ counts: { failed: number } }[]>();
    expect(run[0]!.counts.failed).toBe(1);
    const status = (await cli('--json', 'integrations', 'status', String(id))).json();
    expect(status.health).toBe('failing');
    expect((await cli('integrations', 'status', String(id))).stdout).toMatch(/order-import\s+on\s+\S+\s+partial\s+\S+\s+1/);
    const failures = (await cli('--json', 'failures', 'list', '--integration', String(id))).json();
    expect(failures).toEqual({ items: [expect.objectContaining({ flow: 'order-import', externalId: String(open[0]!.id), attempts: 1 })], next: null });
    expect((await cli('failures', 'list', '--integration', String(id))).stdout).toMatch(new RegExp(`order-import\\s+order ${open[0]!.id}\\s+1\\s`));
    sandbox.sandbox.faults.set({ malformed: {} });
    const retried = (await cli('--json', 'runs', 'retry', String(id), '--flow', 'order-import', '--record', String(open[0]!.id))).json();
    expect(retried).toMatchObject({ status: 'succeeded', counts: { created: 1 } });
    expect((await cli('--json', 'integrations', 'status', String(id))).json().health).not.toBe('failing');
    expect((await cli('--json', 'failures', 'list', '--integration', String(id))).json()).toEqual({ items: [], next: null });
  });

  it('takes over at once the lease of its own previous process on this host, killed mid-run', async () => {
    const id = await addIntegration();
    // The shop answers slowly, so that the first `sync` is still running when it is killed.
    sandbox.sandbox.configure({ latencyMs: 30_000 });
    const child = spawnCli(store, ['sync', String(id), '--flow', 'order-import']);
    try {
      // Killed once it holds the lease and its run is recorded: the run it leaves is what must be closed.
      const leased = () => store.db.selectFrom('schedules').select('lease_owner').where('integration_id', '=', id).where('flow', '=', 'order-import').executeTakeFirst();
      const running = () => store.db.selectFrom('runs').select('id').where('integration_id', '=', id).where('flow', '=', 'order-import').where('status', '=', 'running').executeTakeFirst();
      for (let tries = 0; !(await leased())?.lease_owner || !(await running()); tries++) {
        if (tries > 400) throw new Error('the first sync never took its lease and started its run');
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    sandbox.sandbox.configure({ latencyMs: 0 });

    // Its lease has not expired, but its holder is a dead process of this host: no wait.
    const again = await cli('--json', 'sync', String(id), '--flow', 'order-import');
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(again.json<{ status: string }[]>()[0]!.status).toBe('succeeded');
    const runs = (await cli('--json', 'runs', 'list', '--integration', String(id))).json<{ items: { status: string; error: string | null }[] }>().items;
    expect(runs.map((r) => [r.status, r.error])).toContainEqual(['failed', 'abandoned: the worker running it stopped']);
  });
});
