/**
 * Writes into the Ongoing sandbox through the Ongoing WMS adapter, over real HTTP, with 50 ms
 * added to every call: articles and orders per second against the bound that serial writes allow
 * (Ongoing runs a goods owner's writes one at a time, so the adapter queues them: at 50 ms a call
 * no more than 20 writes a second can go through, whatever the hub does). Each order is a status
 * read (not queued) and a PUT (queued). `tsx bench/ongoing-writes.ts` prints the rows alone.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { defaultStatusRules } from '../src/domain/index.js';
import { systemClock } from '../src/kernel/clock.js';
import { createOngoingWms } from '../src/wms/ongoing/ongoing-wms.js';
import { ongoingSandboxCredentials, startOngoingSandbox } from '../src/wms/ongoing/sandbox/server.js';

const LATENCY_MS = 50;
const COUNT = Number(process.env.BENCH_ONGOING_WRITES ?? 200);

export interface OngoingWriteRow {
  kind: 'articles' | 'orders';
  records: number;
  seconds: number;
  writeCalls: number;
  overlapping: number;
}

export async function ongoingWrites(count = COUNT): Promise<OngoingWriteRow[]> {
  const running = await startOngoingSandbox({ latencyMs: LATENCY_MS });
  try {
    const wms = createOngoingWms(
      { code: 'BENCH', statusRules: defaultStatusRules, wmsSettings: { baseUrl: running.url, goodsOwnerId: running.sandbox.goodsOwnerId }, wmsSecrets: ongoingSandboxCredentials },
      { clock: systemClock },
    );
    const writes = () => running.sandbox.recorder.requests.filter((r) => r.method !== 'GET').length;
    const numbers = Array.from({ length: count }, (_, i) => `B-${String(i).padStart(6, '0')}`);
    const measure = async (kind: OngoingWriteRow['kind'], write: (n: string, i: number) => Promise<unknown>): Promise<OngoingWriteRow> => {
      const before = writes();
      const started = performance.now();
      // Everything at once, as several import pages would: the adapter's queue keeps Ongoing's writes serial.
      await Promise.all(numbers.map(write));
      return { kind, records: count, seconds: (performance.now() - started) / 1000, writeCalls: writes() - before, overlapping: running.sandbox.overlappingWrites() };
    };
    const articles = await measure('articles', (n) => wms.upsertArticle('BENCH', { articleNumber: n, articleName: `Bench article ${n}`, price: 9.9 }));
    const orders = await measure('orders', (n, i) =>
      wms.upsertOrder('BENCH', {
        orderInfo: { goodsOwnerOrderNumber: `SO-${n}` },
        customer: { name: 'Bench Customer', address: 'Street 1', postCode: '00100', city: 'Helsinki', countryCode: 'FI' },
        orderLines: [{ articleNumber: n, numberOfItems: 1 + (i % 3) }],
      }),
    );
    return [articles, orders];
  } finally {
    await running.close();
  }
}

/** The section of docs/benchmarks.md. */
export function ongoingWritesSection(rows: OngoingWriteRow[]): string {
  const bound = 1000 / LATENCY_MS;
  return `## Writes into Ongoing WMS (sandbox)

The Ongoing WMS adapter writing into its sandbox over HTTP, ${LATENCY_MS} ms added to every call, all
records handed over at once. Ongoing runs a goods owner's writes one at a time (and times out the
rest), so the adapter queues them: serial writes at ${LATENCY_MS} ms a call allow at most ${bound} a second.
An order is one status read (not queued) and one PUT. "overlapping" counts writes the sandbox saw
begin while another was running (must be 0).

| records | count | seconds | records/s | write calls | bound records/s | share of bound | overlapping |
|---|---|---|---|---|---|---|---|
${rows
  .map((r) => {
    const perSecond = r.records / r.seconds;
    return `| ${r.kind} | ${r.records} | ${r.seconds.toFixed(1)} | ${perSecond.toFixed(1)} | ${r.writeCalls} | ${bound} | ${Math.round((perSecond / bound) * 100)} % | ${r.overlapping} |`;
  })
  .join('\n')}
`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(ongoingWritesSection(await ongoingWrites()));
