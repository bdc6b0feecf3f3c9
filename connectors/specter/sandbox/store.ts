import { createRandom } from '../../../src/connectors/sandbox/index.js';
import { generateArticles, generateOrder, generatePurchase, specterTime } from './data.js';
import type { StoredArticle, StoredOrder, StoredPurchase } from './data.js';

/** An unacknowledged batch of the article feed: what it handed out, at which version of each article. */
interface OpenBatch {
  batchNo: string;
  versions: Map<string, number>;
}

export interface StoreOptions {
  seed: number;
  now: () => Date;
  articles?: number;
  orders?: number;
  purchases?: number;
  stockSiteIds?: string[];
}

/**
 * The simulator's Specter account: articles with their NeedUpdate flags (a version per change;
 * acknowledging a batch clears only what has not changed since it was read), orders, purchases
 * and the stock of each stock site.
 */
export class SpecterStore {
  readonly articles = new Map<string, StoredArticle>();
  readonly orders = new Map<string, StoredOrder>();
  readonly purchases = new Map<string, StoredPurchase>();
  /** Stock site id → article no → physical stock. */
  readonly stock = new Map<string, Map<string, number>>();
  /** Article no → version still to be handed out by the feed. */
  readonly needUpdate = new Map<string, number>();
  openBatch: OpenBatch | undefined;
  private version = 0;
  private nextOrderNo: number;
  private nextPurchaseNo: number;
  private readonly random;

  constructor(private readonly options: StoreOptions) {
    this.random = createRandom(options.seed);
    const now = options.now();
    for (const article of generateArticles(this.random, options.articles ?? 40)) this.putArticle(article);
    const orderCount = options.orders ?? 30;
    for (let i = 0; i < orderCount; i++) {
      const order = generateOrder(this.random, [...this.articles.values()], 5001 + i, now, (orderCount - i) * 37);
      // Every fifth order has been delivered already: the order import must leave it out.
      if (i % 5 === 4) order.deliveryStatus = 'D';
      this.orders.set(order.orderNo, order);
    }
    this.nextOrderNo = 5001 + orderCount;
    // Purchases changed in the last ten minutes: inside the seed's 15-minute window of a first run.
    const purchaseCount = options.purchases ?? 10;
    for (let i = 0; i < purchaseCount; i++) {
      const purchase = generatePurchase(this.random, [...this.articles.values()], 7001 + i, now, purchaseCount - i);
      this.purchases.set(purchase.purchaseNo, purchase);
    }
    this.nextPurchaseNo = 7001 + purchaseCount;
    for (const site of options.stockSiteIds ?? ['1', '2']) {
      this.stock.set(site, new Map([...this.articles.keys()].map((no) => [no, this.random.int(0, 120)])));
    }
  }

  private stamp = () => specterTime(this.options.now());

  /** A new or changed article: flagged for the feed. */
  putArticle(article: StoredArticle): void {
    this.articles.set(article.articleNo, article);
    this.needUpdate.set(article.articleNo, ++this.version);
  }

  /** The feed's batch for `batchNo`: the open one again, or up to `limit` flagged articles; 'open' names another open batch. */
  takeBatch(batchNo: string, limit: number): StoredArticle[] | { open: string } {
    if (this.openBatch && this.openBatch.batchNo !== batchNo) return { open: this.openBatch.batchNo };
    if (!this.openBatch) {
      const taken = [...this.needUpdate].slice(0, limit);
      this.openBatch = { batchNo, versions: new Map(taken) };
    }
    return [...this.openBatch.versions.keys()].map((no) => this.articles.get(no)!);
  }

  acknowledge(batchNo: string): boolean {
    if (this.openBatch?.batchNo !== batchNo) return false;
    for (const [no, version] of this.openBatch.versions) if (this.needUpdate.get(no) === version) this.needUpdate.delete(no);
    this.openBatch = undefined;
    return true;
  }

  createOrder(changes: Partial<StoredOrder> = {}): StoredOrder {
    const order = { ...generateOrder(this.random, [...this.articles.values()], this.nextOrderNo++, this.options.now(), 0), ...changes };
    this.orders.set(order.orderNo, order);
    return order;
  }

  updateOrder(orderNo: string, changes: Partial<StoredOrder>): StoredOrder | undefined {
    const order = this.orders.get(orderNo);
    if (!order) return undefined;
    Object.assign(order, changes, { lastChange: this.stamp() });
    return order;
  }

  createPurchase(changes: Partial<StoredPurchase> = {}): StoredPurchase {
    const purchase = { ...generatePurchase(this.random, [...this.articles.values()], this.nextPurchaseNo++, this.options.now(), 0), ...changes };
    this.purchases.set(purchase.purchaseNo, purchase);
    return purchase;
  }

  updatePurchase(purchaseNo: string, changes: Partial<StoredPurchase>): StoredPurchase | undefined {
    const purchase = this.purchases.get(purchaseNo);
    if (!purchase) return undefined;
    Object.assign(purchase, changes, { lastChange: this.stamp() });
    return purchase;
  }

  /** A delivery submit: the rows' delivered counts grow; the order is D once every row is delivered in full, else P. */
  deliver(order: StoredOrder, delivery: StoredOrder['deliveries'][number]): void {
    for (const { rowNo, noItems } of delivery.rows) order.rows.find((row) => row.rowNo === rowNo)!.noItemsDelivered += noItems;
    order.deliveries.push(delivery);
    const full = order.rows.every((row) => row.noItemsDelivered >= row.noItems * row.noItems2);
    const some = order.rows.some((row) => row.noItemsDelivered > 0);
    order.deliveryStatus = full ? 'D' : some ? 'P' : order.deliveryStatus;
    order.lastChange = this.stamp();
  }

  receive(purchase: StoredPurchase, delivery: StoredPurchase['deliveries'][number]): void {
    for (const { rowId, noItems } of delivery.rows) purchase.rows.find((row) => row.id === rowId)!.noItemsDelivered += noItems;
    purchase.deliveries.push(delivery);
    purchase.lastChange = this.stamp();
  }
}
