import { configError } from '../kernel/errors.js';
import type { Logger } from '../kernel/logger.js';
import type { EventBatch, WmsEvent, WmsEventType, WmsPort } from '../wms/port.js';
import type { ResolvedTenant, Tenants } from './goods-owners.js';
import type { WmsKind } from './wms-kinds.js';

/** Builds the adapter of one goods owner whose records live in a remote WMS. */
export type RemoteWmsFactory = (tenant: ResolvedTenant) => WmsPort;

/**
 * Which WMS holds a goods owner's records: the embedded one, or an adapter built once per goods
 * owner from its settings (an adapter keeps per-goods-owner state: Ongoing's write queue).
 */
export function createWmsResolver(deps: { tenants: Tenants; embedded: WmsPort; remote: Partial<Record<Exclude<WmsKind, 'embedded'>, RemoteWmsFactory>>; logger?: Logger }) {
  const adapters = new Map<string, Promise<WmsPort>>();

  async function build(code: string): Promise<WmsPort> {
    const tenant = await deps.tenants.resolve(code);
    if (tenant.wms === 'embedded') return deps.embedded;
    const factory = deps.remote[tenant.wms];
    if (!factory) throw configError(`goods owner ${code} uses the ${tenant.wms} WMS, which this process was not wired with`);
    return factory(tenant);
  }

  function wmsFor(code: string): Promise<WmsPort> {
    let adapter = adapters.get(code);
    if (!adapter) {
      adapter = build(code);
      adapters.set(code, adapter);
      // A failed lookup (a goods owner added a moment later by another process) is tried again next time.
      adapter.catch(() => adapters.delete(code));
    }
    return adapter;
  }

  return {
    wmsFor,
    /** After a change of a goods owner's WMS settings: its next call builds the adapter again, with them. */
    forget: (code: string) => void adapters.delete(code),
    routed: () => routedWms(deps.tenants, deps.embedded, wmsFor, deps.logger),
  };
}

export type WmsResolver = ReturnType<typeof createWmsResolver>;

/**
 * One WmsPort over every goods owner's WMS: a write goes to the goods owner's WMS; the feed reads
 * the embedded log and each remote goods owner's feed, with one cursor per feed kept together in
 * one JSON cursor. A plain number (the relay position saved before the split) is the embedded cursor.
 */
function routedWms(tenants: Tenants, embedded: WmsPort, wmsFor: (code: string) => Promise<WmsPort>, logger?: Logger): WmsPort {
  const to =
    <A extends unknown[], R>(call: (wms: WmsPort, owner: string, ...args: A) => Promise<R>) =>
    async (owner: string, ...args: A): Promise<R> =>
      call(await wmsFor(owner), owner, ...args);
  return {
    upsertArticle: to((w, o, a: unknown) => w.upsertArticle(o, a)),
    upsertSupplier: to((w, o, s: unknown) => w.upsertSupplier(o, s)),
    upsertArticles: to(async (w, o, articles: unknown[]) => w.upsertArticles?.(o, articles)),
    upsertSuppliers: to(async (w, o, suppliers: unknown[]) => w.upsertSuppliers?.(o, suppliers)),
    upsertOrders: to(async (w, o, orders: unknown[]) => w.upsertOrders?.(o, orders)),
    upsertPurchaseOrders: to(async (w, o, purchaseOrders: unknown[]) => w.upsertPurchaseOrders?.(o, purchaseOrders)),
    upsertOrder: to((w, o, order: unknown) => w.upsertOrder(o, order)),
    cancelOrder: to((w, o, n: string) => w.cancelOrder(o, n)),
    upsertPurchaseOrder: to((w, o, po: unknown) => w.upsertPurchaseOrder(o, po)),
    cancelPurchaseOrder: to((w, o, n: string) => w.cancelPurchaseOrder(o, n)),
    listStock: to((w, o, articleNumbers?: string[], changedSince?: Date) => w.listStock(o, articleNumbers, changedSince)),
    stockPage: to(async (w, o, options: { limit: number; after?: string }) => w.stockPage?.(o, options)),
    // Only a goods owner on the embedded WMS shares the hub's transaction; elsewhere each write stands alone.
    writeBatch: async <T>(owner: string, work: () => Promise<T>): Promise<T> => {
      const wms = await wmsFor(owner);
      return wms.writeBatch ? wms.writeBatch(owner, work) : work();
    },
    async poll(cursor: string, limit: number, types?: WmsEventType[]): Promise<EventBatch> {
      const cursors = parseCursors(cursor);
      const events: WmsEvent[] = [];
      const embeddedBatch = await embedded.poll(cursors.embedded ?? '', limit, types);
      events.push(...embeddedBatch.events);
      cursors.embedded = embeddedBatch.cursor;
      for (const tenant of await tenants.list()) {
        if (tenant.wms === 'embedded') continue;
        const key = `${tenant.wms}:${tenant.code}`;
        // One goods owner's WMS being down (or paused) must not hold back everyone else's reports:
        // its cursor stays, and it is read again at the next poll.
        try {
          const batch = await (await wmsFor(tenant.code)).poll(cursors[key] ?? '', limit, types);
          events.push(...batch.events);
          cursors[key] = batch.cursor;
        } catch (e) {
          logger?.warn({ err: e, goodsOwner: tenant.code, wms: tenant.wms }, 'the WMS feed of a goods owner could not be read; it is read again at the next poll');
        }
      }
      return { events, cursor: JSON.stringify(cursors) };
    },
    ack: async (event) => (await wmsFor(event.goodsOwner)).ack(event),
  };
}

function parseCursors(cursor: string): Record<string, string> {
  if (cursor === '') return {};
  if (/^\d+$/.test(cursor)) return { embedded: cursor };
  try {
    const parsed = JSON.parse(cursor) as unknown;
    if (parsed && typeof parsed === 'object' && Object.values(parsed).every((v) => typeof v === 'string')) return parsed as Record<string, string>;
  } catch {
    // fall through to the refusal below
  }
  throw configError(`the WMS event cursor "${cursor}" is neither an event id nor a JSON map of cursors`);
}
