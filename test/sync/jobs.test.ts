import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { hostname } from 'node:os';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRegistry } from '../../src/connectors/registry.js';
import { WmsyncError } from '../../src/kernel/errors.js';
import { createLeases, FlowBusyError } from '../../src/sync/leases.js';
import type { DueWork } from '../../src/sync/jobs.js';
import { testHub } from '../support/hub.js';
import { openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';
import { webhookShop } from './webhook-shop.js';

const MINUTE = 60_000;

describe('job port', () => {
  let store: TestStore;
  let shop: ReturnType<typeof webhookShop>;
  let now: number;
  const clock = { now: () => new Date(now) };
  let hub: ReturnType<typeof testHub>;
  let integrationId: number;

  beforeEach(async () => {
    store = await openTestStore();
    now = Date.parse('2024-06-03T08:00:00.000Z');
    shop = webhookShop();
    hub = testHub(store, { clock, registry: createRegistry([shop.connector]) });
    await hub.wms.addGoodsOwner({ code: 'ACME', name: 'Acme Oy' });
    integrationId = (await hub.sync.integrations.add({ goodsOwner: 'ACME', system: 'webhookshop', secrets: { webhookSecret: 'k' } })).id;
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await store?.drop();
  });

  const delivery = (sku: string, name: string) => ({ type: 'delivery' as const, integrationId, delivery: { flow: 'article-import' as const, records: [{ externalId: sku, label: `article ${sku}`, source: { sku, name } }] } });
  const byIds = (...skus: string[]) => ({ type: 'delivery' as const, integrationId, delivery: { flow: 'article-import' as const, externalIds: skus } });
  /** The deliveries waiting for the flow, as the scheduler finds them due. */
  const work = (): DueWork => ({ type: 'deliveries', integrationId, flow: 'article-import' });
  const jobRows = () => store.db.selectFrom('jobs').selectAll().orderBy('id').execute();
  const nextRunAt = async () =>
    (await store.db.selectFrom('schedules').select('next_run_at').where('integration_id', '=', integrationId).where('flow', '=', 'article-import').executeTakeFirstOrThrow()).next_run_at;
  const articleName = async (sku: string) => (await hub.wms.getArticle('ACME', sku)).articleName;

  it('keeps one job per key while it waits, by content or by the key given, and frees the key once the job has run', async () => {
    expect(await hub.sync.jobs.enqueue(delivery('SKU-1', 'Mug'))).toBe(true);
    expect(await hub.sync.jobs.enqueue(delivery('SKU-1', 'Mug'))).toBe(false);
    expect(await hub.sync.jobs.enqueue(delivery('SKU-1', 'Mug, blue'))).toBe(true);
    expect(await hub.sync.jobs.enqueue(delivery('SKU-2', 'Cup'), { key: 'delivery-77' })).toBe(true);
    expect(await hub.sync.jobs.enqueue(delivery('SKU-3', 'Jug'), { key: 'delivery-77' })).toBe(false);
    expect(await jobRows()).toHaveLength(3);

    const runs = await hub.sync.jobs.runDue(work());
    expect(runs.map((r) => [r.trigger, r.counts.created, r.counts.updated])).toEqual([['webhook', 1, 0], ['webhook', 0, 1], ['webhook', 1, 0]]);
    expect(await jobRows()).toEqual([]);
    expect(await articleName('SKU-1')).toBe('Mug, blue');
    expect(await hub.sync.jobs.enqueue(delivery('SKU-1', 'Mug'))).toBe(true);
  });

  it('runs a delivery once across two workers: the second finds its flow busy', async () => {
    const other = testHub(store, { clock, registry: createRegistry([shop.connector]) });
    shop.products.set('SKU-1', { sku: 'SKU-1', name: 'Mug' });
    shop.faults.slowMs = 200;
    await hub.sync.jobs.enqueue(byIds('SKU-1'));
    const first = hub.sync.jobs.runDue(work());
    await vi.waitFor(async () => expect((await hub.sync.runs.list({ integrationId })).length).toBe(1));
    await expect(other.sync.jobs.runDue(work())).rejects.toBeInstanceOf(FlowBusyError);
    // Its lease is held, so the other worker is not even offered it.
    expect((await other.sync.jobs.due(10)).filter((w) => w.type === 'deliveries')).toEqual([]);
    expect(await first).toHaveLength(1);
    expect(shop.fetchedByIds).toEqual([['SKU-1']]);
    expect(await other.sync.jobs.runDue(work())).toEqual([]);
  });

  it('keeps a delivery whose run stopped for a retry with backoff, with the later ones of its flow behind it, in order', async () => {
    await hub.sync.engine.runFlow(integrationId, 'article-import', { trigger: 'manual' });
    shop.products.set('SKU-1', { sku: 'SKU-1', name: 'Mug' });
    await hub.sync.jobs.enqueue(byIds('SKU-1'));
    await hub.sync.jobs.enqueue(delivery('SKU-1', 'Mug, renamed later'));
    shop.faults.fetchByIds = new WmsyncError('transient', 'the shop is down');
    // The backoff's jitter at its middle: the first retry comes 15 s later.
    vi.spyOn(Math, 'random').mockReturnValue(0.5);

    const [stopped, ...rest] = await hub.sync.jobs.runDue(work());
    expect(rest).toEqual([]);
    expect(stopped!.status).toBe('failed');
    const [first, second] = await jobRows();
    expect(first).toMatchObject({ attempts: 1, last_error: 'transient: the shop is down', run_at: new Date(now + 15_000).toISOString() });
    expect(second).toMatchObject({ attempts: 0, last_error: null });
    // The second is due, but waits behind the first: neither is offered before the retry time.
    now += 14_000;
    expect(await hub.sync.jobs.due(10)).toEqual([]);
    expect(await hub.sync.jobs.runDue(work())).toEqual([]);

    now += 1_000;
    delete shop.faults.fetchByIds;
    expect(await hub.sync.jobs.due(10)).toEqual([work()]);
    const runs = await hub.sync.jobs.runDue(work());
    expect(runs.map((r) => r.status)).toEqual(['succeeded', 'succeeded']);
    expect(await articleName('SKU-1')).toBe('Mug, renamed later');
    expect(await jobRows()).toEqual([]);
  });

  it('takes at once the deliveries of a worker of this host that died while it held their flow', async () => {
    await hub.sync.jobs.enqueue(delivery('SKU-1', 'Mug'));
    const child = spawn(process.execPath, ['-e', '']);
    await once(child, 'exit');
    await store.db
      .insertInto('schedules')
      .values({ integration_id: integrationId, flow: 'article-import', next_run_at: new Date(now + 15 * MINUTE).toISOString(), lease_owner: 'crashed', lease_host: hostname(), lease_pid: child.pid!, lease_expires_at: new Date(now + 20_000).toISOString(), woken_at: null })
      .execute();
    expect(await hub.sync.jobs.due(10)).toEqual([work()]);
    expect(await hub.sync.jobs.runDue(work())).toHaveLength(1);
    expect(await articleName('SKU-1')).toBe('Mug');

    // A live holder of this host (another engine of this very process) keeps them.
    await hub.sync.jobs.enqueue(delivery('SKU-2', 'Cup'));
    await store.db.updateTable('schedules').set({ lease_owner: 'alive', lease_host: hostname(), lease_pid: process.pid, lease_expires_at: new Date(now + 20_000).toISOString() }).execute();
    expect(await hub.sync.jobs.due(10)).toEqual([]);
  });

  it('leaves the poll its time: deliveries run between polls without moving the next one', async () => {
    await hub.sync.engine.runFlow(integrationId, 'article-import', { trigger: 'manual' });
    const next = await nextRunAt();
    expect(next).toBe(new Date(now + 15 * MINUTE).toISOString());
    now += MINUTE;
    await hub.sync.jobs.enqueue(delivery('SKU-1', 'Mug'));
    expect(await hub.sync.jobs.runDue(work())).toHaveLength(1);
    expect(await nextRunAt()).toBe(next);
  });

  it('brings a flow run forward to the time asked, keeps the earliest, and a run in between does not lose it', async () => {
    await hub.sync.engine.runFlow(integrationId, 'article-import', { trigger: 'manual' });
    const at = (minutes: number) => new Date(now + minutes * MINUTE);
    const inFive = at(5).toISOString();
    await hub.sync.jobs.enqueue({ type: 'flow-run', integrationId, flow: 'article-import' }, { runAt: at(5) });
    expect(await nextRunAt()).toBe(inFive);
    await hub.sync.jobs.enqueue({ type: 'flow-run', integrationId, flow: 'article-import' }, { runAt: at(10) });
    expect(await nextRunAt()).toBe(inFive);

    // "Sync now" a minute later: its release would set the next run an interval away, but the job for later stays.
    now += MINUTE;
    await hub.sync.jobs.run({ type: 'flow-run', integrationId, flow: 'article-import' }, { trigger: 'manual' });
    expect(await nextRunAt()).toBe(inFive);
  });
});

describe('scheduler', () => {
  let store: TestStore;
  afterEach(async () => {
    vi.restoreAllMocks();
    await store?.drop();
  });

  it('tells a flow busy elsewhere by its error class, not by the words of a message', async () => {
    store = await openTestStore();
    const shop = webhookShop();
    const hub = testHub(store, { registry: createRegistry([shop.connector]) });
    await hub.wms.addGoodsOwner({ code: 'ACME', name: 'Acme Oy' });
    const integrationId = (await hub.sync.integrations.add({ goodsOwner: 'ACME', system: 'webhookshop', secrets: { webhookSecret: 'k' } })).id;
    const errors = vi.spyOn(hub.logger, 'error');
    const tickOnce = async () => {
      const scheduler = hub.sync.createScheduler({ tickMs: 60_000, concurrency: 1 });
      await scheduler.tick();
      await scheduler.stop();
    };
    // Another worker takes the flow between `due` and the run.
    const elsewhere = createLeases(store.db, { now: () => new Date() }, { holder: { owner: 'other', host: 'other-host', pid: 1 }, leaseMs: 30_000 });
    vi.spyOn(hub.sync.jobs, 'due').mockResolvedValue([{ type: 'flow-run', integrationId, flow: 'article-import' }]);
    expect(await elsewhere.acquire(integrationId, 'article-import')).toBe(true);
    const attempts = vi.spyOn(hub.sync.jobs, 'runDue');
    await tickOnce();
    expect(attempts).toHaveBeenCalledTimes(1);
    await expect(attempts.mock.results[0]!.value).rejects.toBeInstanceOf(FlowBusyError);
    expect(errors).not.toHaveBeenCalled();

    // A conflict that merely reads like one is a failure to start, and is logged.
    attempts.mockRejectedValue(new WmsyncError('conflict', 'flow article-import of integration 1 is running elsewhere'));
    await tickOnce();
    expect(errors).toHaveBeenCalledWith(expect.objectContaining({ flow: 'article-import' }), 'run failed to start');
  });
});
