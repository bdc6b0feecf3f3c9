import type { Article, Order, PurchaseOrder, Supplier } from '../../domain/index.js';
import { systemClock } from '../../kernel/clock.js';
import { configError } from '../../kernel/errors.js';
import type { Clock } from '../../kernel/clock.js';
import type { Store } from '../../store/database.js';
import type { EmbeddedWms, ListOptions, Page } from '../port.js';
import { createTenants } from '../../tenants/goods-owners.js';
import { writeInBatch } from './context.js';
import type { WmsContext } from './context.js';
import { articleKind, getDocument, listDocuments, supplierKind, upsertDocument, upsertDocuments } from './documents.js';
import { readEvents } from './events.js';
import { cancelLinedOrder, getLinedOrder, listLinedOrders, orderKind, purchaseOrderKind, upsertLinedOrder } from './lined-orders.js';
import { upsertLinedOrders } from './lined-orders-at-once.js';
import { searchOrders } from './order-search.js';
import { receivePurchaseOrder } from './receiving.js';
import { setOrderStatus } from './shipping.js';
import { listStock, setStock, stockPage } from './stock.js';

/**
 * The WMS that ships with wmsync: our own tables, the goods owner's status rules, events written in
 * the same transaction as their change. Its feed is the numbered event log, so the cursor is the
 * last event id and `ack` has nothing to do: the hub's outbox already holds each report once.
 */
export function createEmbeddedWms(store: Store, clock: Clock = systemClock): EmbeddedWms {
  const ctx: WmsContext = { db: store.db, dialect: store.dialect, clock };
  const tenants = createTenants({ db: store.db, clock });
  return {
    addGoodsOwner: (input) => tenants.add(input),
    listGoodsOwners: () => tenants.list(),
    getGoodsOwner: (code) => tenants.get(code),
    renameGoodsOwner: (code, name) => tenants.rename(code, name),
    setGoodsOwnerRules: (code, rules) => tenants.setRules(code, rules),

    upsertArticle: (owner, article) => upsertDocument(ctx, articleKind, owner, article),
    upsertArticles: (owner, articles) => upsertDocuments(ctx, articleKind, owner, articles),
    getArticle: (owner, n): Promise<Article> => getDocument(ctx, articleKind, owner, n),
    listArticles: (owner, o?: ListOptions): Promise<Page<Article>> => listDocuments(ctx, articleKind, owner, o),

    upsertSupplier: (owner, supplier) => upsertDocument(ctx, supplierKind, owner, supplier),
    upsertSuppliers: (owner, suppliers) => upsertDocuments(ctx, supplierKind, owner, suppliers),
    listSuppliers: (owner, o?: ListOptions): Promise<Page<Supplier>> => listDocuments(ctx, supplierKind, owner, o),

    upsertOrder: (owner, order) => upsertLinedOrder(ctx, orderKind, owner, order),
    upsertOrders: (owner, orders) => upsertLinedOrders(ctx, orderKind, owner, orders),
    cancelOrder: (owner, n) => cancelLinedOrder(ctx, orderKind, owner, n),
    getOrder: async (owner, n) => (await getLinedOrder(ctx, orderKind, owner, n)) as unknown as Order,
    listOrders: async (owner, o) => (await listLinedOrders(ctx, orderKind, owner, o)) as unknown as Page<Order>,
    searchOrders: (owner, search) => searchOrders(ctx, owner, search),
    setOrderStatus: (owner, n, change) => setOrderStatus(ctx, owner, n, change),

    upsertPurchaseOrder: (owner, po) => upsertLinedOrder(ctx, purchaseOrderKind, owner, po),
    upsertPurchaseOrders: (owner, pos) => upsertLinedOrders(ctx, purchaseOrderKind, owner, pos),
    cancelPurchaseOrder: (owner, n) => cancelLinedOrder(ctx, purchaseOrderKind, owner, n),
    getPurchaseOrder: async (owner, n) => (await getLinedOrder(ctx, purchaseOrderKind, owner, n)) as unknown as PurchaseOrder,
    listPurchaseOrders: async (owner, o) => (await listLinedOrders(ctx, purchaseOrderKind, owner, o)) as unknown as Page<PurchaseOrder>,
    receivePurchaseOrder: (owner, n, lines) => receivePurchaseOrder(ctx, owner, n, lines),

    listStock: (owner, articleNumbers) => listStock(ctx, owner, articleNumbers),
    stockPage: (owner, options) => stockPage(ctx, owner, options),
    setStock: (owner, article, physical) => setStock(ctx, owner, article, physical),

    readEvents: (afterId, limit, types) => readEvents(ctx, afterId, limit, types),
    async poll(cursor, limit, types) {
      if (!/^\d*$/.test(cursor)) throw configError(`the embedded WMS's event cursor is an event id; got "${cursor}"`);
      const events = await readEvents(ctx, cursor === '' ? 0 : Number(cursor), limit, types);
      return { events, cursor: events.length ? String(events[events.length - 1]!.id) : cursor };
    },
    ack: async () => undefined,
    // On the hub's own database: an import's page commits once (SQLite; see Store.writeBatch).
    ...(store.writeBatch ? { writeBatch: <T>(_owner: string, work: () => Promise<T>) => writeInBatch(ctx, store.writeBatch!, work) } : {}),
  };
}
