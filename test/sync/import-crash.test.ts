import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { startMycashflowSandbox } from '../../connectors/mycashflow/sandbox/server.js';
import { startProcountorSandbox } from '../../connectors/procountor/sandbox/server.js';
import { drain, inProcessApi, signal } from '../../connectors/procountor/fixtures/in-process-api.js';
import { orderImport } from '../../connectors/procountor/flows/order-import.js';
import { fixedNow } from '../../connectors/procountor/sandbox/test-helpers.js';
import { runCli, spawnCli } from '../support/cli.js';
import { openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';

/**
 * An order import killed mid-way (SIGKILL of a real `wmsync sync` process) and run again: the
 * second run re-reads at most one page per list it walks, not everything the first one had read
 * (ADR 5). Re-reads are counted from the runs' own record logs: the external ids the second run
 * handled that the killed run had already written and logged.
 */
describe('an order import killed mid-way', () => {
  let store: TestStore;
  let closeSandbox: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await closeSandbox?.();
    await store?.drop();
  });

  const recordsOf = async (runId: number) =>
    (await store.db.selectFrom('run_records').select('external_id').where('run_id', '=', runId).execute()).map((r) => r.external_id);
  const orderImportRuns = () => store.db.selectFrom('runs').select(['id', 'status']).where('flow', '=', 'order-import').orderBy('id').execute();

  /** Starts the import in a child process, kills it once it has logged `atLeast` records, and runs it again here. */
  async function killAndRerun(integrationId: number, atLeast: number) {
    const child = spawnCli(store, ['sync', String(integrationId), '--flow', 'order-import']);
    try {
      for (let tries = 0; ; tries++) {
        const [run] = await orderImportRuns();
        if (run && (await recordsOf(Number(run.id))).length >= atLeast) break;
        if (tries > 600 || child.exitCode !== null) throw new Error('the first import never got far enough to be killed mid-way');
        await new Promise((r) => setTimeout(r, 25));
      }
    } finally {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    const again = await runCli(store, '--json', 'sync', String(integrationId), '--flow', 'order-import');
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    const [killed, rerun] = await orderImportRuns();
    const before = new Set(await recordsOf(Number(killed!.id)));
    const after = await recordsOf(Number(rerun!.id));
    const reread = after.filter((id) => before.has(id));
    return { killedRead: before.size, reread: reread.length, read: new Set([...before, ...after]) };
  }

  it('MyCashflow: re-reads at most one page of each status stream', async () => {
    store = await openTestStore();
    const sandbox = await startMycashflowSandbox({ port: 0, seed: 21, products: 5, orders: 1200, latencyMs: 15, rateLimit: { perSecond: 0, burst: 0 } });
    closeSandbox = () => sandbox.close();
    await runCli(store, 'goods-owners', 'add', 'ACME', '--name', 'Acme Oy');
    const added = await runCli(store, '--json', 'integrations', 'add', '--goods-owner', 'ACME', '--system', 'mycashflow', '--set', `baseUrl=${sandbox.url}`, '--set', 'pageSize=50', '--set', 'overlapMinutes=0', '--secret', 'username=api@sandbox.example', '--secret', 'apiKey=sandbox-key');
    const { killedRead, reread } = await killAndRerun(added.json<{ id: number }>().id, 150);
    expect(killedRead).toBeGreaterThanOrEqual(150);
    // Two status streams (open, cancelled): one page of 50 each at most.
    expect(reread).toBeLessThanOrEqual(2 * 50);
    const open = sandbox.sandbox.store.orders.values().filter((o) => o.status === 'open').length;
    expect((await runCli(store, '--json', 'wms', 'orders', 'list', '--goods-owner', 'ACME', '--limit', '5000')).json().items).toHaveLength(open);
  });

  it('Procountor: re-reads at most one page of invoice heads', async () => {
    store = await openTestStore();
    const sandbox = await startProcountorSandbox({ port: 0, seed: 21, products: 5, invoices: 1500, latencyMs: 15, now: fixedNow });
    closeSandbox = () => sandbox.close();
    await runCli(store, 'goods-owners', 'add', 'ACME', '--name', 'Acme Oy');
    const added = await runCli(store, '--json', 'integrations', 'add', '--goods-owner', 'ACME', '--system', 'procountor', '--set', `baseUrl=${sandbox.url}`, '--set', 'clientId=wmsync-sandbox', '--set', 'pageSize=50', '--set', 'overlapMinutes=0', '--secret', 'clientSecret=sandbox-secret', '--secret', 'apiKey=sandbox-api-key');
    const { killedRead, reread, read } = await killAndRerun(added.json<{ id: number }>().id, 150);
    expect(killedRead).toBeGreaterThanOrEqual(150);
    expect(reread).toBeLessThanOrEqual(50);
    // Nothing was skipped: the two runs together read every order a whole walk reads.
    const pages = await drain(orderImport.fetch(inProcessApi(sandbox.sandbox, { pageSize: 50 }).api, { since: undefined, signal }));
    const everyOrder = pages.flatMap((p) => p.records.map((r) => r.externalId));
    expect(everyOrder.length).toBeGreaterThan(killedRead);
    expect(everyOrder.filter((id) => !read.has(id))).toEqual([]);
  });
});
