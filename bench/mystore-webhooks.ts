/**
 * mystore.no webhooks with the hub running normally (`wmsync serve`, default 1 s scheduler tick):
 * orders placed in the sandbox at a steady rate, each announced by a signed orders/create webhook,
 * and the time from placing each until the WMS has it. Run by `npm run bench` (bench/run.ts;
 * BENCH_SECTIONS=webhooks for this one alone). BENCH_WEBHOOK_ORDERS and BENCH_WEBHOOK_RATE change the load.
 */
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { sandboxCredentials, startMystoreSandbox } from '../connectors/mystore/sandbox/server.js';
import { runCli, startHub } from '../test/support/cli.js';
import { openTestStore } from '../test/support/stores.js';

export interface WebhookLatency {
  orders: number;
  perSecond: number;
  p50: number;
  p95: number;
  max: number;
  webhookRuns: number;
  refused: number;
  /** The machine's 1-minute load average when the orders were placed: the latencies follow it. */
  load: number;
}

/** A port nobody listens on now, so that the webhook address is known before the hub starts. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export async function mystoreWebhookLatency(orders = Number(process.env.BENCH_WEBHOOK_ORDERS ?? 200), perSecond = Number(process.env.BENCH_WEBHOOK_RATE ?? 10)): Promise<WebhookLatency> {
  const store = await openTestStore('sqlite');
  const sandbox = await startMystoreSandbox({ seed: 9, products: 30, orders: 0, rateLimit: { perSecond: 0, burst: 0 }, send: (request) => fetch(request) });
  const must = async (what: string, result: Promise<{ code: number; stderr: string; stdout: string }>) => {
    const r = await result;
    if (r.code !== 0) throw new Error(`${what}: ${r.stderr}`);
    return r;
  };
  let hub: Awaited<ReturnType<typeof startHub>> | undefined;
  try {
    await must('goods owner', runCli(store, 'goods-owners', 'add', 'BENCH', '--name', 'Bench AS'));
    const secrets = Object.entries(sandboxCredentials).flatMap(([k, v]) => ['--secret', `${k}=${v}`]);
    // The client's own limit (mystore.no's 120 calls a minute) is off to measure the hub; see the section's text.
    const port = await freePort();
    // The first integration of a fresh store has id 1.
    const settings = [`baseUrl=${sandbox.url}`, 'rateLimitPerSecond=0', `webhookUrl=http://127.0.0.1:${port}/webhooks/mystore/1`].flatMap((s) => ['--set', s]);
    await must('integration', runCli(store, 'integrations', 'add', '--goods-owner', 'BENCH', '--system', 'mystore', ...settings, ...secrets));
    hub = await startHub(store, ['--port', String(port)]);
    // The first scheduled order import subscribes the address.
    for (const end = Date.now() + 20_000; sandbox.sandbox.store.webhooks.size < 2; ) {
      if (Date.now() > end) throw new Error('the hub did not subscribe its webhooks');
      await new Promise((r) => setTimeout(r, 50));
    }

    const placedAt = new Map<string, number>();
    const arrivedAt = new Map<string, number>();
    let placing = true;
    const watcher = (async () => {
      while (placing || arrivedAt.size < placedAt.size) {
        const now = performance.now();
        // Only the numbers: the watcher must not take the CPU the hub is measured on.
        for (const { order_number: number } of await store.db.selectFrom('orders').select('order_number').execute()) {
          if (!arrivedAt.has(number)) arrivedAt.set(number, now);
        }
        if (performance.now() - now < 20) await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const started = performance.now();
    for (let i = 0; i < orders; i++) {
      // A steady rate: order i is placed at i / perSecond seconds, whatever the last one took.
      const wait = started + (i * 1000) / perSecond - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const before = performance.now();
      const order = await sandbox.sandbox.placeOrder();
      placedAt.set(String(order.id), before);
    }
    placing = false;
    const load = loadavg()[0]!;
    await Promise.race([watcher, new Promise((_, fail) => setTimeout(() => fail(new Error('orders still missing after 30 s')), 30_000))]);

    const latencies = [...placedAt].map(([number, at]) => (arrivedAt.get(number)! - at) / 1000).sort((a, b) => a - b);
    const runs = await store.db.selectFrom('runs').select((eb) => eb.fn.countAll<number>().as('n')).where('trigger', '=', 'webhook').executeTakeFirstOrThrow();
    return {
      orders,
      perSecond,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      max: latencies.at(-1)!,
      webhookRuns: Number(runs.n),
      refused: sandbox.sandbox.deliveries.log.filter((d) => d.status !== 202).length,
      load,
    };
  } finally {
    await hub?.stop();
    await sandbox.close();
    await store.drop();
  }
}

export const webhookSectionTitle = '## mystore.no webhooks: an order placed, until the WMS has it';

export function webhookSection(r: WebhookLatency): string {
  return `${webhookSectionTitle}

bench/mystore-webhooks.ts: \`wmsync serve\` as its own process (SQLite, the scheduler's default 1 s
tick), the mystore.no sandbox in the bench's process sending signed \`orders/create\` webhooks to
it. ${r.orders} orders placed at a steady ${r.perSecond} a second; each latency runs from placing the
order (the webhook leaves at once) until the embedded WMS has it (its order numbers read every 20 ms). A delivery is
stored as a job before its 202 and written on the next tick, with one GET of the order (its
current version), so it waits half a tick on average; beyond that, a delivery waits for the runs
before it (one run each, under the flow's lease). Load average while placing: ${r.load.toFixed(1)}.

| orders | rate /s | p50 s | p95 s | max s | webhook runs | deliveries not taken |
|---|---|---|---|---|---|---|
| ${r.orders} | ${r.perSecond} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} | ${r.max.toFixed(2)} | ${r.webhookRuns} | ${r.refused} |

The client's limit is off here to measure the hub. With mystore.no's 120 calls a minute per token
[V], each delivery costs one call, so one shop can take about 2 orders a second by webhook before
its deliveries queue (the poll's calls share the same budget).
`;
}
