/**
 * One engine's imports in a process of its own, so that CPU time and peak memory are that
 * engine's alone: articles, articles again with nothing changed, orders, orders again.
 * Prints one JSON line per pass. Usage: tsx bench/import-process.ts wmsync|baseline SANDBOX_URL
 * (wmsync writes to PostgreSQL when BENCH_DATABASE_URL is set, else to an SQLite file). With
 * BENCH_REPLAY=1, each pass's calls are then sent again exactly as the sandbox recorded them, one
 * after the other and doing nothing with the answers but parse them: the time the calls alone take.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { authHeader } from '../connectors/mycashflow/sandbox/test-helpers.js';
import { openBaseline } from './baseline.js';
import { hub, PAGE_SIZE, withPeakMemory } from './hub.js';

export interface PassRow {
  engine: 'wmsync' | 'baseline';
  flow: 'article-import' | 'order-import';
  pass: 'first' | 'no-change';
  records: number;
  /** Records the pass wrote (created, updated, cancelled): 0 is expected on a no-change pass. */
  written: number;
  seconds: number;
  cpuMs: number;
  calls: number;
  peakMb: number;
  /** The heap still in use after the pass and a full collection: what the pass left behind. */
  liveHeapMb: number;
  /** BENCH_REPLAY: seconds that the pass's calls take alone, one after the other. */
  callsAloneSeconds?: number;
}

interface RecordedCall {
  method: string;
  path: string;
  query: Record<string, string>;
}

const [engine, sandboxUrl] = process.argv.slice(2) as ['wmsync' | 'baseline', string];
const controlUrl = `${new URL(sandboxUrl).origin}/_sandbox/requests`;
const flows = ['article-import', 'article-import', 'order-import', 'order-import'] as const;

async function measure(flow: PassRow['flow'], pass: PassRow['pass'], work: () => Promise<{ records: number; written: number }>): Promise<PassRow> {
  await fetch(controlUrl, { method: 'DELETE' });
  const cpu = process.cpuUsage();
  const started = performance.now();
  const { result, peakMb } = await withPeakMemory(work);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  // Started with --expose-gc by bench/import-cost.ts; outside the timed part.
  (globalThis as { gc?: () => void }).gc?.();
  const liveHeapMb = Math.round(process.memoryUsage().heapUsed / 1048576);
  const recorded = ((await (await fetch(controlUrl)).json()) as { data: RecordedCall[] }).data;
  const row: PassRow = { engine, flow, pass, ...result, seconds, cpuMs: (used.user + used.system) / 1000, calls: recorded.length, peakMb, liveHeapMb };
  return process.env.BENCH_REPLAY ? { ...row, callsAloneSeconds: await replay(recorded) } : row;
}

/** Sends `calls` again, one after the other, each answer read and parsed; returns the seconds. */
async function replay(calls: RecordedCall[]): Promise<number> {
  const started = performance.now();
  for (const call of calls) {
    const url = new URL(call.path, sandboxUrl);
    for (const [k, v] of Object.entries(call.query)) url.searchParams.set(k, v);
    const res = await fetch(url, { method: call.method, headers: { authorization: authHeader, accept: 'application/json' } });
    JSON.parse(await res.text());
  }
  return (performance.now() - started) / 1000;
}

const passOf = (i: number): PassRow['pass'] => (i % 2 === 0 ? 'first' : 'no-change');

if (engine === 'wmsync') {
  const h = await hub(sandboxUrl, {}, process.env.BENCH_DATABASE_URL);
  try {
    for (const [i, flow] of flows.entries()) {
      // The no-change pass reads the whole shop again (no cursor), as a nightly reconciliation would.
      await h.store.db.deleteFrom('cursors').execute();
      const row = await measure(flow, passOf(i), async () => {
        const run = await h.sync.engine.runFlow(h.integration.id, flow, { trigger: 'manual' });
        if (run.status !== 'succeeded') throw new Error(`${flow} ${run.status}: ${run.error}`);
        const c = run.counts;
        return { records: Object.values(c).reduce((a, b) => a + b, 0), written: c.created + c.updated + c.cancelled };
      });
      console.log(JSON.stringify(row));
    }
  } finally {
    await h.close();
  }
} else {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'wmsync-baseline-'));
  const baseline = openBaseline({ apiUrl: sandboxUrl, authorization: authHeader, pageSize: PAGE_SIZE, dataDir });
  try {
    for (const [i, flow] of flows.entries()) {
      const row = await measure(flow, passOf(i), () => (flow === 'article-import' ? baseline.importArticles() : baseline.importOrders(['open', 'cancelled'])));
      console.log(JSON.stringify(row));
    }
  } finally {
    baseline.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
