import { createMycashflowSandbox } from '../../connectors/mycashflow/sandbox/server.js';
import type { MycashflowSandbox } from '../../connectors/mycashflow/sandbox/server.js';
import { serveSandbox } from '../../src/connectors/sandbox/index.js';
import type { FaultCounters, FaultPatch } from '../../src/connectors/sandbox/faults.js';

/** The faults the issue names: 10% 5xx, some 429 with Retry-After, some dropped connections, malformed records. */
export const campaignFaults: FaultPatch = {
  serverError: { rate: 0.1, status: 503 },
  tooManyRequests: { rate: 0.03, retryAfterSeconds: 1 },
  // Shorter than the client's timeout: the connection is dropped, as a proxy in between would.
  timeout: { rate: 0.02, ms: 600, mode: 'close' },
  malformed: { orders: 2, products: 1 },
};

const quickProcess = /\/orders\/(\d+)\/quick-process$/;

/** One goods owner's MyCashflow shop, served over HTTP, with its own API user (its own credential). */
export interface FaultyShop {
  index: number;
  goodsOwner: string;
  email: string;
  url: string;
  sandbox: MycashflowSandbox;
  /** Counted before the faults are switched off for the drain. */
  faultsSeen?: FaultCounters;
  close(): Promise<void>;
}

/**
 * Serves a shop whose quick-process answers (the delivery report) are announced to `onReportAnswered`
 * once the shop has applied them, as the answer leaves: a kill then lands between the system's
 * answer and the hub's outbox update, the window ADR 4 is about.
 */
export async function startFaultyShop(index: number, options: { products: number; orders: number; onReportAnswered(shop: FaultyShop, orderId: number): void }): Promise<FaultyShop> {
  const email = `api${index}@sandbox.example`;
  const sandbox = createMycashflowSandbox({ seed: 100 + index, products: options.products, orders: options.orders, email, rateLimit: { perSecond: 0, burst: 0 } });
  sandbox.faults.set(campaignFaults);
  let shop: FaultyShop | undefined;
  // The second argument carries the socket, which a 'close' timeout fault destroys.
  const served = await serveSandbox(async (request: Request, env?: unknown) => {
    const response = await sandbox.app.fetch(request, env);
    const reported = request.method === 'POST' && response.status === 200 ? quickProcess.exec(new URL(request.url).pathname) : null;
    if (reported && shop) options.onReportAnswered(shop, Number(reported[1]));
    return response;
  });
  shop = { index, goodsOwner: `OWNER${index}`, email, url: `${served.origin}/api/v1`, sandbox, close: served.close };
  return shop;
}

/** The shop's journal: how many times it applied a delivery report (quick-processed) per order. */
export function reportsApplied(shop: FaultyShop): Map<number, number> {
  const applied = new Map<number, number>();
  for (const order of shop.sandbox.store.orders.values()) {
    const times = order.events.filter((e) => e.code === 'order.quick_processed').length;
    if (times > 0) applied.set(order.id, times);
  }
  return applied;
}

/** Quick-process calls that reached the shop's handler (not refused by an injected fault), per order. */
export function reportCallsHandled(shop: FaultyShop): Map<number, number> {
  const injected = new Set([429, 503, 504]);
  const calls = new Map<number, number>();
  for (const r of shop.sandbox.recorder.filter('POST', quickProcess)) {
    if (injected.has(r.status)) continue;
    const id = Number(quickProcess.exec(r.path)![1]);
    calls.set(id, (calls.get(id) ?? 0) + 1);
  }
  return calls;
}

/** The orders the hub must hold: those open in the shop, and those it completed by a report. */
export function ordersExpected(shop: FaultyShop): string[] {
  return shop.sandbox.store.orders
    .values()
    .filter((o) => String(o.status).toLowerCase() === 'open' || o.events.some((e) => e.code === 'order.quick_processed'))
    .map((o) => String(o.id));
}

/** Articles the hub must hold: one per variation, or one per product without variations. */
export const articlesExpected = (shop: FaultyShop): number => shop.sandbox.store.products.values().reduce((n, p) => n + Math.max(1, p.variations?.length ?? 0), 0);
