import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mycashflow } from '../../connectors/mycashflow/connector.js';
import { startMycashflowSandbox } from '../../connectors/mycashflow/sandbox/server.js';
import type { RunningSandbox } from '../../connectors/mycashflow/sandbox/server.js';
import { createRegistry } from '../../src/connectors/registry.js';
import type { Connector } from '../../src/connectors/sdk/connector.js';
import type { Scheduler } from '../../src/sync/scheduler.js';
import { WmsyncError } from '../../src/kernel/errors.js';
import { testHub } from '../support/hub.js';
import { openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';
import { stockFor } from '../support/stock.js';

const waitFor = async (what: string, check: () => boolean | Promise<boolean>, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe('scheduler', () => {
  let store: TestStore;
  let sandbox: RunningSandbox;
  const schedulers: Scheduler[] = [];

  beforeEach(async () => {
    store = await openTestStore();
    sandbox = await startMycashflowSandbox({ port: 0, seed: 11, products: 10, orders: 12, rateLimit: { perSecond: 0, burst: 0 } });
  });
  afterEach(async () => {
    await Promise.all(schedulers.splice(0).map((s) => s.stop()));
    await sandbox?.close();
    await store?.drop();
  });

  /** A worker: its own engine and scheduler over the shared database, as a second process would have. */
  const worker = (connector: Connector<any> = mycashflow) => {
    const hub = testHub(store, { registry: createRegistry([connector]) });
    const scheduler = hub.sync.createScheduler({ tickMs: 30, concurrency: 2 });
    schedulers.push(scheduler);
    return { ...hub, scheduler };
  };
  const addIntegration = async (hub: ReturnType<typeof worker>) => {
    await hub.wms.addGoodsOwner({ code: 'ACME', name: 'Acme Oy' });
    return hub.sync.integrations.add({ goodsOwner: 'ACME', system: 'mycashflow', settings: { baseUrl: sandbox.url }, secrets: { username: 'api@sandbox.example', apiKey: 'sandbox-key' } });
  };
  const openOrders = () => sandbox.sandbox.store.orders.values().filter((o) => o.status === 'open');

  it('runs every enabled flow once per interval and reports a shipment within a tick or two', async () => {
    const a = worker();
    const integration = await addIntegration(a);
    a.scheduler.start();
    await waitFor('orders imported', async () => (await a.wms.listOrders('ACME', { limit: 1000 })).items.length === openOrders().length);
    const number = openOrders().find((o) => o.payments.length === 1 && o.payments[0]!.payment_method_id !== 3)!.id;

    const shippedAt = Date.now();
    await stockFor(a.wms, 'ACME', String(number));
    await a.wms.setOrderStatus('ACME', String(number), { status: 450, waybill: 'JJFI-SCHED-1' });
    await waitFor('the quick-process call', () => sandbox.sandbox.recorder.filter('POST', /quick-process$/).length === 1);
    const lagMs = Date.now() - shippedAt;
    expect(lagMs).toBeLessThan(5_000);

    // The call has reached the shop; the run records it a moment later.
    const reported = async () => (await a.sync.runs.list({ integrationId: integration.id, flow: 'delivery-report' })).some((r) => r.counts.sent === 1);
    await waitFor('the report run', reported);
    const runs = await a.sync.runs.list({ integrationId: integration.id, limit: 100 });
    const byFlow = (flow: string) => runs.filter((r) => r.flow === flow);
    expect(byFlow('article-import')).toHaveLength(1);
    expect(byFlow('order-import')).toHaveLength(1);
    expect(byFlow('stock-export')).toHaveLength(0);
  });

  it('never runs one flow twice at once across two workers, and each due run happens once', async () => {
    let active = 0;
    let most = 0;
    const article = mycashflow.flows.find((f) => f.id === 'article-import')!;
    if (article.kind !== 'import') throw new Error('article-import is an import flow');
    const slow: Connector<any> = {
      ...mycashflow,
      flows: mycashflow.flows.map((f) =>
        f.id !== 'article-import'
          ? f
          : {
              ...article,
              async *fetch(api: never, request: never) {
                active += 1;
                most = Math.max(most, active);
                await new Promise((r) => setTimeout(r, 150));
                try {
                  yield* article.fetch(api, request);
                } finally {
                  active -= 1;
                }
              },
            },
      ) as never,
    };
    const a = worker(slow);
    const b = worker(slow);
    const integration = await addIntegration(a);
    a.scheduler.start();
    b.scheduler.start();
    await waitFor('both imports', async () => (await a.sync.runs.list({ integrationId: integration.id })).filter((r) => r.status !== 'running').length >= 3);
    await new Promise((r) => setTimeout(r, 300));
    const runs = await a.sync.runs.list({ integrationId: integration.id, limit: 100 });
    expect(most).toBe(1);
    expect(runs.filter((r) => r.flow === 'article-import')).toHaveLength(1);
    expect(runs.filter((r) => r.flow === 'order-import')).toHaveLength(1);
  });

  it('takes over the flows of a worker that died mid-run: the run is closed as abandoned and redone without doubles', async () => {
    const a = worker();
    const integration = await addIntegration(a);
    // Worker A takes the lease and starts a run, then dies: no finish, no release.
    const leases = store.db;
    await leases
      .insertInto('schedules')
      .values({ integration_id: integration.id, flow: 'order-import', next_run_at: new Date(0).toISOString(), lease_owner: 'dead-worker', lease_expires_at: new Date(Date.now() - 1000).toISOString() })
      .execute();
    await leases
      .insertInto('runs')
      .values({ integration_id: integration.id, flow: 'order-import', trigger: 'schedule', status: 'running', counts: '{}', error: null, started_at: new Date().toISOString(), finished_at: null })
      .execute();

    const b = worker();
    b.scheduler.start();
    await waitFor('orders imported', async () => (await b.wms.listOrders('ACME', { limit: 1000 })).items.length === openOrders().length);
    await waitFor('the run to finish', async () => (await b.sync.runs.list({ integrationId: integration.id, flow: 'order-import' })).every((r) => r.status !== 'running'));
    const runs = await b.sync.runs.list({ integrationId: integration.id, flow: 'order-import' });
    expect(runs.map((r) => r.status).sort()).toEqual(['failed', 'succeeded']);
    expect(runs.find((r) => r.status === 'failed')!.error).toBe('abandoned: the worker running it stopped');
    const numbers = (await b.wms.listOrders('ACME', { limit: 1000 })).items.map((o) => o.orderInfo.goodsOwnerOrderNumber);
    expect(new Set(numbers).size).toBe(openOrders().length);
  });
});

describe('run history', () => {
  it('forgets finished runs older than the retention, with their record outcomes', async () => {
    const { pruneRuns } = await import('../../src/sync/runs.js');
    const store = await openTestStore();
    try {
      const hub = testHub(store);
      await hub.wms.addGoodsOwner({ code: 'ACME', name: 'Acme Oy' });
      const integration = await hub.sync.integrations.add({ goodsOwner: 'ACME', system: 'mycashflow', settings: { environment: 'sandbox' } });
      const insertRun = async (finishedAt: string) => {
        const run = await store.db
          .insertInto('runs')
          .values({ integration_id: integration.id, flow: 'order-import', trigger: 'manual', status: 'succeeded', counts: '{}', error: null, started_at: finishedAt, finished_at: finishedAt })
          .returning('id')
          .executeTakeFirstOrThrow();
        await store.db.insertInto('run_records').values({ run_id: run.id, seq: 1, record: 'order 1', external_id: '1', outcome: 'created', issues: null }).execute();
        return Number(run.id);
      };
      const old = await insertRun(new Date(Date.now() - 40 * 86_400_000).toISOString());
      const recent = await insertRun(new Date().toISOString());
      expect(await pruneRuns(store.db, { now: () => new Date() }, 30)).toBe(1);
      const left = await store.db.selectFrom('runs').select('id').execute();
      expect(left.map((r) => Number(r.id))).toEqual([recent]);
      expect(await store.db.selectFrom('run_records').select('run_id').where('run_id', '=', old).execute()).toEqual([]);
    } finally {
      await store.drop();
    }
  });
});

/** A lease holder of its own host: none of them is taken for another's dead predecessor. */
const holder = (owner: string) => ({ holder: { owner, host: `host-of-${owner}`, pid: process.pid }, leaseMs: 30_000 });

describe('lease', () => {
  it('tells a worker whose lapsed lease another took over that it no longer holds it (its run then stops)', async () => {
    const store = await openTestStore();
    try {
      const { createLeases } = await import('../../src/sync/leases.js');
      const clock = { now: () => new Date() };
      const mine = createLeases(store.db, clock, holder('me'));
      const theirs = createLeases(store.db, clock, holder('them'));
      const hub = testHub(store);
      await hub.wms.addGoodsOwner({ code: 'ACME', name: 'Acme Oy' });
      const integration = await hub.sync.integrations.add({ goodsOwner: 'ACME', system: 'mycashflow', settings: { environment: 'sandbox' } });
      expect(await mine.acquire(integration.id, 'order-import')).toBe(true);
      expect(await theirs.acquire(integration.id, 'order-import')).toBe(false);
      // My lease lapses (a long stall); the other worker takes the flow over.
      await store.db.updateTable('schedules').set({ lease_expires_at: new Date(0).toISOString() }).execute();
      expect(await theirs.acquire(integration.id, 'order-import')).toBe(true);
      expect(await mine.renew(integration.id, 'order-import')).toBe(false);
      expect(await theirs.renew(integration.id, 'order-import')).toBe(true);
    } finally {
      await store.drop();
    }
  });
});

describe('wake-ups', () => {
  let store: TestStore;
  let now: number;
  const clock = { now: () => new Date(now) };
  const nextRunOf = async (integrationId: number, flow: string) =>
    (await store.db.selectFrom('schedules').select('next_run_at').where('integration_id', '=', integrationId).where('flow', '=', flow).executeTakeFirstOrThrow()).next_run_at;

  beforeEach(async () => {
    store = await openTestStore();
    now = Date.parse('2024-05-02T20:29:00.000Z');
  });
  afterEach(async () => {
    await store?.drop();
  });

  it('keeps a wake-up that arrives during a run: the release takes the earlier of the wake and the interval', async () => {
    const { createLeases } = await import('../../src/sync/leases.js');
    const hub = testHub(store, { clock });
    await hub.wms.addGoodsOwner({ code: 'ACME', name: 'Acme Oy' });
    const integration = await hub.sync.integrations.add({ goodsOwner: 'ACME', system: 'mycashflow', settings: { environment: 'sandbox' } });
    const worker = createLeases(store.db, clock, holder('worker'));
    const relay = createLeases(store.db, clock, holder('relay'));
    expect(await worker.acquire(integration.id, 'delivery-report')).toBe(true);
    now += 12_000;
    // New shipments while the run sends what it found: the scheduler of any process wakes the flow.
    await relay.wake(integration.id, 'delivery-report');
    const wokenAt = clock.now().toISOString();
    now += 6_000;
    await worker.release(integration.id, 'delivery-report', new Date(now + 15 * 60_000));
    expect(await nextRunOf(integration.id, 'delivery-report')).toBe(wokenAt);

    // A wake before the run began is the run's own reason to start: it is not kept past the run.
    expect(await worker.acquire(integration.id, 'delivery-report')).toBe(true);
    const next = new Date(now + 15 * 60_000);
    await worker.release(integration.id, 'delivery-report', next);
    expect(await nextRunOf(integration.id, 'delivery-report')).toBe(next.toISOString());
  });

  it('makes a report flow due when a failed report comes up for retry, not a whole interval later', async () => {
    const sandbox = await startMycashflowSandbox({ port: 0, seed: 11, products: 10, orders: 12, rateLimit: { perSecond: 0, burst: 0 } });
    try {
      const report = mycashflow.flows.find((f) => f.id === 'delivery-report')!;
      // The shop answers "try again in 40 s" to the report.
      const busy: Connector<any> = {
        ...mycashflow,
        flows: mycashflow.flows.map((f) =>
          f.id !== 'delivery-report' ? f : { ...report, send: async () => Promise.reject(new WmsyncError('transient', 'MyCashflow: 503', [], { retryAfterMs: 40_000 })) },
        ) as never,
      };
      const hub = testHub(store, { clock, registry: createRegistry([busy]) });
      await hub.wms.addGoodsOwner({ code: 'ACME', name: 'Acme Oy' });
      const integration = await hub.sync.integrations.add({ goodsOwner: 'ACME', system: 'mycashflow', settings: { baseUrl: sandbox.url }, secrets: { username: 'api@sandbox.example', apiKey: 'sandbox-key' } });
      await hub.sync.engine.runFlow(integration.id, 'order-import', { trigger: 'manual' });
      const order = (await hub.wms.listOrders('ACME', { limit: 1 })).items[0]!;
      await stockFor(hub.wms, 'ACME', order.orderInfo.goodsOwnerOrderNumber);
      await hub.wms.setOrderStatus('ACME', order.orderInfo.goodsOwnerOrderNumber, { status: 450, waybill: 'JJFI-RETRY-1' });

      const run = await hub.sync.engine.runFlow(integration.id, 'delivery-report', { trigger: 'manual' });
      expect(run.counts.failed).toBe(1);
      expect(await nextRunOf(integration.id, 'delivery-report')).toBe(new Date(now + 40_000).toISOString());
    } finally {
      await sandbox.close();
    }
  });
});

describe('lease of a restarted worker', () => {
  let store: TestStore;
  const clock = { now: () => new Date() };
  beforeEach(async () => {
    store = await openTestStore();
  });
  afterEach(async () => {
    await store?.drop();
  });

  /** The pid of a process that has exited. */
  const deadPid = async () => {
    const child = spawn(process.execPath, ['-e', '']);
    await once(child, 'exit');
    return child.pid!;
  };
  const holdLease = async (integrationId: number, holder: { owner: string; host: string; pid: number }) =>
    store.db
      .insertInto('schedules')
      .values({ integration_id: integrationId, flow: 'order-import', next_run_at: new Date(0).toISOString(), lease_owner: holder.owner, lease_host: holder.host, lease_pid: holder.pid, lease_expires_at: new Date(Date.now() + 60_000).toISOString() })
      .onConflict((oc) => oc.columns(['integration_id', 'flow']).doUpdateSet({ lease_owner: holder.owner, lease_host: holder.host, lease_pid: holder.pid }))
      .execute();

  it("takes at once an unexpired lease of a dead process of its own host, never a live one's, its own pid's or another host's", async () => {
    const { createLeases } = await import('../../src/sync/leases.js');
    const hub = testHub(store);
    await hub.wms.addGoodsOwner({ code: 'ACME', name: 'Acme Oy' });
    const integration = await hub.sync.integrations.add({ goodsOwner: 'ACME', system: 'mycashflow', settings: { environment: 'sandbox' } });
    const me = createLeases(store.db, clock, { holder: { owner: 'restarted', host: 'node-1', pid: process.pid }, leaseMs: 30_000 });

    await holdLease(integration.id, { owner: 'live-sibling', host: 'node-1', pid: process.ppid });
    expect(await me.due(10)).toEqual([]);
    expect(await me.acquire(integration.id, 'order-import')).toBe(false);
    await holdLease(integration.id, { owner: 'other-host', host: 'node-2', pid: await deadPid() });
    expect(await me.acquire(integration.id, 'order-import')).toBe(false);

    await holdLease(integration.id, { owner: 'crashed', host: 'node-1', pid: await deadPid() });
    expect(await me.due(10)).toEqual([{ integrationId: integration.id, flow: 'order-import' }]);
    expect(await me.acquire(integration.id, 'order-import')).toBe(true);

    // Another engine in this very process (tests run two) is alive, whatever its owner says.
    await holdLease(integration.id, { owner: 'same-process', host: 'node-1', pid: process.pid });
    expect(await me.acquire(integration.id, 'order-import')).toBe(false);
  });
});

