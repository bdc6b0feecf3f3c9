/**
 * Take-over time: a `wmsync worker` is SIGKILLed in the middle of a long import, and another
 * worker, already running, starts the flow again. Measured from the kill to the start of the new
 * run, for a peer on the same host (which sees the dead process and takes its lease at once) and
 * for a peer on another host (which waits for the lease to expire), at the default lease and a short one.
 */
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { startMycashflowSandbox } from '../connectors/mycashflow/sandbox/server.js';
import { loadConfig } from '../src/config/schema.js';
import { benchHub, canNameHosts, waitFor } from './hub-processes.js';

export interface TakeoverRow {
  peer: string;
  leaseMs: number;
  tickMs: number;
  seconds: number;
}

interface RunLine {
  runId: number;
  status: string;
  startedAt: string;
  error: string | null;
}

/** Resolves once a worker has logged that it started. */
const started = (child: ChildProcess) =>
  new Promise<void>((resolve, reject) => {
    let log = '';
    child.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()).includes('wmsync worker started') && resolve());
    child.once('exit', (code) => reject(new Error(`the worker exited with ${code}`)));
  });

async function measure(peer: string, hosts: [string | undefined, string | undefined], leaseMs: number): Promise<TakeoverRow> {
  const tickMs = loadConfig({}).worker.tickMs;
  const hub = benchHub({ WMSYNC_LEASE_MS: String(leaseMs) });
  // A shop slow enough that its first import outlasts the measurement.
  const sandbox = await startMycashflowSandbox({ port: 0, seed: 5, products: 5000, orders: 10, latencyMs: 100, rateLimit: { perSecond: 0, burst: 0 } });
  try {
    await hub.cli('goods-owners', 'add', 'ACME', '--name', 'Acme Oy');
    const { id } = JSON.parse(await hub.cli('--json', 'integrations', 'add', '--goods-owner', 'ACME', '--system', 'mycashflow', '--set', `baseUrl=${sandbox.url}`, '--set', 'pageSize=5', '--set', 'rateLimitPerSecond=0', '--secret', 'username=api@sandbox.example', '--secret', 'apiKey=sandbox-key')) as { id: number };
    for (const flow of ['order-import', 'delivery-report']) await hub.cli('integrations', 'disable', String(id), flow);
    const runs = async () => JSON.parse(await hub.cli('--json', 'runs', 'list', '--integration', String(id))) as RunLine[];
    const env = { WMSYNC_LOG_LEVEL: 'info' };

    const first = hub.spawn(['worker'], { hostname: hosts[0], env });
    await started(first);
    await waitFor('the first run', async () => (await runs()).some((r) => r.status === 'running'));
    const second = hub.spawn(['worker'], { hostname: hosts[1], env });
    await started(second);
    const killedRun = Math.max(...(await runs()).map((r) => r.runId));

    const killedAt = Date.now();
    first.kill('SIGKILL');
    await once(first, 'exit');
    await waitFor('the run taken over', async () => (await runs()).some((r) => r.runId > killedRun), 10 * leaseMs);
    const resumed = (await runs()).find((r) => r.runId > killedRun)!;
    const abandoned = (await runs()).find((r) => r.runId === killedRun)!;
    if (!abandoned.error?.startsWith('abandoned')) throw new Error(`the killed run was not closed as abandoned: ${JSON.stringify(abandoned)}`);
    const seconds = (Date.parse(resumed.startedAt) - killedAt) / 1000;
    console.log(`take-over, ${peer}, lease ${leaseMs} ms: ${seconds.toFixed(1)} s`);
    return { peer, leaseMs, tickMs, seconds };
  } finally {
    hub.close();
    await sandbox.close();
  }
}

export async function takeoverScenario(): Promise<TakeoverRow[]> {
  const defaultLeaseMs = loadConfig({}).worker.leaseMs;
  const rows = [await measure('a worker on the same host', canNameHosts() ? ['machine-a', 'machine-a'] : [undefined, undefined], defaultLeaseMs)];
  if (!canNameHosts()) {
    console.log('take-over from another host not measured: this machine does not allow `unshare --uts`');
    return rows;
  }
  rows.push(await measure('a worker on another host', ['machine-a', 'machine-b'], defaultLeaseMs));
  rows.push(await measure('a worker on another host, short lease', ['machine-a', 'machine-b'], 5000));
  return rows;
}

export function takeoverSection(rows: TakeoverRow[]): string {
  return `## Take-over after a worker is killed

A \`wmsync worker\` is SIGKILLed in the middle of a first import (5,000 products, 100 ms a call);
another worker, already running, starts the flow again and closes the killed run as abandoned.
Seconds from the kill to the new run's start. Two hosts are two processes of this machine, each
with a host name of its own (\`unshare --uts\`), on one SQLite file.

| taken over by | WMSYNC_LEASE_MS | scheduler tick ms | seconds |
|---|---|---|---|
${rows.map((r) => `| ${r.peer} | ${r.leaseMs} | ${r.tickMs} | ${r.seconds.toFixed(1)} |`).join('\n')}

A peer on the same host sees that the lease's holder is a dead process and takes the lease at its
next tick. A peer on another host cannot tell a dead worker from a slow one, so it waits until the
lease expires: at most WMSYNC_LEASE_MS (renewed every third of it) plus a tick. Lower
WMSYNC_LEASE_MS for a faster take-over across machines; the cost is one renewal per running flow
every third of it.
`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await takeoverScenario()) console.log(JSON.stringify(row));
}
