import { once } from 'node:events';
import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { startMycashflowSandbox } from '../../connectors/mycashflow/sandbox/server.js';
import type { RunningSandbox } from '../../connectors/mycashflow/sandbox/server.js';
import { runCli, spawnCli } from '../support/cli.js';
import { defaultDialect, openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';

const perSecond = 4;
const windowMs = 3000;
const WORKERS = 3;
const dialect = defaultDialect();

/**
 * The acceptance test: three real `wmsync worker` processes on one database (PostgreSQL,
 * or one SQLite file), all running flows on one MyCashflow credential, send no more calls a second
 * than that credential's limit together. The sandbox does not limit (so nothing is refused and
 * retried); it only counts what arrives. With a bucket per process the three would send three times the limit.
 */
describe(`${WORKERS} worker processes on one ${dialect} database`, () => {
  let store: TestStore;
  let sandbox: RunningSandbox;
  const workers: ChildProcess[] = [];

  afterEach(async () => {
    await Promise.all(
      workers.splice(0).map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        // Killed, not stopped: a stop would finish runs that the limit makes long.
        child.kill('SIGKILL');
        await once(child, 'exit');
      }),
    );
    await sandbox?.close();
    await store?.drop();
  });

  /** Holders of flow leases right now, by process id. */
  const leaseHolders = async () =>
    new Set((await store.db.selectFrom('schedules').select('lease_pid').where('lease_owner', 'is not', null).execute()).map((r) => Number(r.lease_pid)));

  it('share one rate limit for one credential: the sandbox sees the limit, not three times it', async () => {
    store = await openTestStore(dialect);
    sandbox = await startMycashflowSandbox({ port: 0, seed: 9, products: 600, orders: 600, rateLimit: { perSecond: 0, burst: 0 } });
    // Three goods owners of one shop, on the same API user: one credential, six long imports.
    for (const owner of ['ACME', 'BETA', 'GAMMA']) {
      expect((await runCli(store, 'goods-owners', 'add', owner, '--name', owner)).code).toBe(0);
      const added = await runCli(store, 'integrations', 'add', '--goods-owner', owner, '--system', 'mycashflow', '--set', `baseUrl=${sandbox.url}`, '--set', 'pageSize=5', '--set', `rateLimitPerSecond=${perSecond}`, '--set', 'rateLimitBurst=1', '--secret', 'username=api@sandbox.example', '--secret', 'apiKey=sandbox-key');
      expect(added.stderr).toBe('');
    }
    for (let i = 0; i < WORKERS; i++) workers.push(spawnCli(store, ['worker']));
    const pids = workers.map((w) => w.pid!);
    const stderr = workers.map(() => '');
    workers.forEach((w, i) => {
      // Their logs are read away, or a full pipe would stall them.
      w.stdout!.resume();
      w.stderr!.on('data', (chunk: Buffer) => (stderr[i] += chunk.toString()));
    });

    // The window opens once every process holds flows and closes while each still does. Starting
    // processes from the sources takes a few seconds, many more on a busy machine.
    const startedBy = Date.now() + 40_000;
    for (;;) {
      const holders = await leaseHolders();
      if (pids.every((pid) => holders.has(pid))) break;
      const exited = workers.findIndex((w) => w.exitCode !== null);
      if (exited >= 0) throw new Error(`a worker exited with ${workers[exited]!.exitCode}: ${stderr[exited]}`);
      if (Date.now() > startedBy) throw new Error(`the workers never all ran flows at once (lease holders: ${[...holders].join(', ')} of ${pids.join(', ')})`);
      await new Promise((r) => setTimeout(r, 25));
    }
    const opened = Date.now();
    await new Promise((r) => setTimeout(r, windowMs));
    const holders = await leaseHolders();
    expect(pids.every((pid) => holders.has(pid))).toBe(true);

    const arrivals = sandbox.sandbox.recorder.requests.map((r) => Date.parse(r.at)).filter((at) => at >= opened && at < opened + windowMs);
    // At most the burst and the rate over the window, a call more for the arrivals' jitter ...
    expect(arrivals.length).toBeLessThanOrEqual(1 + perSecond * (windowMs / 1000) + 1);
    const busiestSecond = Math.max(...arrivals.map((start) => arrivals.filter((at) => at >= start && at < start + 1000).length));
    console.log(`cluster-wide rate limit figures ${JSON.stringify({ dialect, workers: WORKERS, limitPerSecond: perSecond, windowMs, calls: arrivals.length, callsPerSecond: arrivals.length / (windowMs / 1000), busiestSecond })}`);
    expect(busiestSecond).toBeLessThanOrEqual(1 + perSecond + 1);
    // ... and the limit is used, not starved (a busy machine slows the flows between calls, hence only half).
    expect(arrivals.length).toBeGreaterThanOrEqual((perSecond * windowMs) / 1000 / 2);
  }, 60_000);
});
