/**
 * Load: requests per second and p99 latency of GET and PUT of orders through the API (autocannon),
 * first with the hub idle, then while a large first import runs in the same `wmsync serve` process
 * (the default set-up: API and scheduler in one process, one SQLite file); and the import's
 * throughput alone and under that load. BENCH_LOAD_RECORDS and BENCH_LOAD_SECONDS narrow a run.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import path from 'node:path';
import autocannon from 'autocannon';
import { benchHub, waitFor } from './hub-processes.js';
import type { BenchHub } from './hub-processes.js';

const ORDERS = 200;
const CONNECTIONS = 10;

export interface ApiRow {
  phase: 'idle' | 'during the import';
  method: 'GET' | 'PUT';
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  failed: number;
}

export interface LoadFigures {
  records: number;
  seconds: number;
  api: ApiRow[];
  importAlone: { records: number; seconds: number };
  importUnderLoad: { records: number; seconds: number; loadedSeconds: number };
}

const order = (n: number, remark: string) => ({
  orderInfo: { goodsOwnerOrderNumber: `LOAD-${n}`, orderRemark: remark },
  customer: { name: 'Aino Virtanen', address: 'Mannerheimintie 12', postCode: '00100', city: 'Helsinki', countryCode: 'FI' },
  orderLines: [{ articleNumber: 'ART-1', numberOfItems: 1 + (n % 5) }],
});

/** A MyCashflow shop in a process of its own (bench/sandbox-process.ts), so that it does not share this one's CPU. */
async function shopProcess(size: number): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, 'sandbox-process.ts'), String(size), '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
  return { url: (JSON.parse(line) as { url: string }).url, child };
}

const serveUrl = (child: ChildProcess) =>
  new Promise<string>((resolve, reject) => {
    let log = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      const m = /"url":"(http:\/\/[^"]+)"/.exec((log += chunk.toString()));
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${log}`)));
  });

interface RunLine {
  flow: string;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  counts: Record<string, number>;
}

async function importRun(hub: BenchHub, id: number): Promise<RunLine | undefined> {
  return (JSON.parse(await hub.cli('--json', 'runs', 'list', '--integration', String(id))) as RunLine[]).find((r) => r.flow === 'article-import');
}

export async function loadScenario(records = Number(process.env.BENCH_LOAD_RECORDS ?? 20_000), seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 10)): Promise<LoadFigures> {
  const hub = benchHub();
  const shops = [await shopProcess(records), await shopProcess(records)];
  try {
    await hub.cli('users', 'add', 'load@example.com', '--role', 'admin', '--password', 'load-bench-passphrase');
    const { token } = JSON.parse(await hub.cli('--json', 'users', 'token', 'load@example.com')) as { token: string };
    const ids: number[] = [];
    for (const [i, shop] of shops.entries()) {
      const owner = `BULK${i + 1}`;
      await hub.cli('goods-owners', 'add', owner, '--name', owner);
      const { id } = JSON.parse(await hub.cli('--json', 'integrations', 'add', '--goods-owner', owner, '--system', 'mycashflow', '--set', `baseUrl=${shop.url}`, '--set', 'rateLimitPerSecond=0', '--secret', 'username=api@sandbox.example', '--secret', 'apiKey=sandbox-key')) as { id: number };
      // Only the article import: `records` articles, the big first import of a new goods owner.
      await hub.cli('integrations', 'pause', String(id));
      for (const flow of ['order-import', 'delivery-report']) await hub.cli('integrations', 'disable', String(id), flow);
      ids.push(id);
    }
    await hub.cli('goods-owners', 'add', 'API', '--name', 'API load');

    const serve = hub.spawn(['serve', '--port', '0'], { env: { WMSYNC_LOG_LEVEL: 'info' } });
    const url = await serveUrl(serve);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    for (let n = 0; n < ORDERS; n++) {
      const res = await fetch(`${url}/api/v1/goods-owners/API/orders/LOAD-${n}`, { method: 'PUT', headers, body: JSON.stringify(order(n, 'first')) });
      if (!res.ok) throw new Error(`PUT of order LOAD-${n}: ${res.status} ${await res.text()}`);
    }
    let writes = 0;
    const measure = async (phase: ApiRow['phase'], method: ApiRow['method']): Promise<ApiRow> => {
      const result = await autocannon({
        url,
        connections: CONNECTIONS,
        duration: seconds,
        headers,
        requests: [
          {
            method,
            // Each request another order; each PUT another remark, so that every PUT writes.
            setupRequest: (request) => {
              const n = writes++;
              return { ...request, path: `/api/v1/goods-owners/API/orders/LOAD-${n % ORDERS}`, ...(method === 'PUT' ? { body: JSON.stringify(order(n % ORDERS, `write ${n}`)) } : {}) };
            },
          },
        ],
      });
      const row = { phase, method, requestsPerSecond: Math.round(result.requests.average), p50Ms: result.latency.p50, p99Ms: result.latency.p99, failed: result.non2xx + result.errors + result.timeouts };
      console.log(`load ${phase} ${method}: ${row.requestsPerSecond} req/s, p99 ${row.p99Ms} ms, ${row.failed} failed`);
      return row;
    };
    const finished = async (id: number) => {
      await waitFor('the import', async () => (await importRun(hub, id))?.finishedAt != null, 30 * 60_000);
      const run = (await importRun(hub, id))!;
      if (run.status !== 'succeeded') throw new Error(`the import ${run.status}`);
      return { records: Object.values(run.counts).reduce((a, b) => a + b, 0), seconds: (Date.parse(run.finishedAt!) - Date.parse(run.startedAt)) / 1000 };
    };

    const api: ApiRow[] = [await measure('idle', 'GET'), await measure('idle', 'PUT')];
    await hub.cli('integrations', 'resume', String(ids[0]));
    const importAlone = await finished(ids[0]!);
    await hub.cli('integrations', 'resume', String(ids[1]));
    await waitFor('the second import to start', async () => (await importRun(hub, ids[1]!)) !== undefined);
    const loadedFrom = Date.now();
    api.push(await measure('during the import', 'GET'), await measure('during the import', 'PUT'));
    const loadedSeconds = (Date.now() - loadedFrom) / 1000;
    const underLoad = await finished(ids[1]!);
    serve.kill('SIGTERM');
    return { records, seconds, api, importAlone, importUnderLoad: { ...underLoad, loadedSeconds } };
  } finally {
    for (const shop of shops) shop.child.kill('SIGTERM');
    hub.close();
  }
}

export function loadSection(f: LoadFigures): string {
  const rate = (i: { records: number; seconds: number }) => Math.round(i.records / i.seconds).toLocaleString('en');
  return `## API under load, beside a large import

One \`wmsync serve\` process (API and scheduler together, the default set-up) on one SQLite file.
autocannon, ${CONNECTIONS} connections, ${f.seconds} s a run, over ${ORDERS} orders of one goods owner;
each PUT changes the order's remark, so every PUT is a write. "During the import" runs while
another goods owner's first article import of ${f.records.toLocaleString('en')} records (page size 250,
no rate limit) goes on in the same process.

| phase | method | requests/s | p50 ms | p99 ms | failed |
|---|---|---|---|---|---|
${f.api.map((r) => `| ${r.phase} | ${r.method} | ${r.requestsPerSecond} | ${r.p50Ms} | ${r.p99Ms} | ${r.failed} |`).join('\n')}

| import | records | seconds | records/s |
|---|---|---|---|
| alone | ${f.importAlone.records.toLocaleString('en')} | ${f.importAlone.seconds.toFixed(1)} | ${rate(f.importAlone)} |
| under the API load (for its first ${f.importUnderLoad.loadedSeconds.toFixed(0)} s) | ${f.importUnderLoad.records.toLocaleString('en')} | ${f.importUnderLoad.seconds.toFixed(1)} | ${rate(f.importUnderLoad)} |
`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(loadSection(await loadScenario()));
}
