/**
 * The MyCashflow sandbox in a process of its own, so that the benchmark measures the hub's memory
 * and CPU, not the simulator's. Prints one JSON line: its URL and facts about its data.
 * Usage: tsx bench/sandbox-process.ts SIZE LATENCY_MS
 */
import { startMycashflowSandbox } from '../connectors/mycashflow/sandbox/server.js';

const [size = 1000, latencyMs = 0] = process.argv.slice(2).map(Number);
const running = await startMycashflowSandbox({ port: 0, seed: 42, products: size, orders: size, latencyMs, rateLimit: { perSecond: 0, burst: 0 } });
const orders = running.sandbox.store.orders.values();
const open = orders.filter((o) => o.status === 'open');
const processable = open.find((o) => o.payments.length === 1 && o.payments[0]!.payment_method_id !== 3);
console.log(
  JSON.stringify({
    url: running.url,
    products: size,
    openOrders: open.length,
    cancelledOrders: orders.filter((o) => o.status === 'cancelled').length,
    someOpenOrder: open[0]?.id,
    processableOrder: processable?.id,
  }),
);
process.on('SIGTERM', () => void running.close().then(() => process.exit(0)));
