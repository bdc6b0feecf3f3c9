import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { defineSandbox, serveSandbox } from '../../../src/connectors/sandbox/index.js';
import type { BaseSandboxOptions } from '../../../src/connectors/sandbox/index.js';
import { specterHandler } from './routes.js';
import type { Account } from './routes.js';
import { SpecterStore } from './store.js';
import type { StoredOrder, StoredPurchase } from './data.js';

export interface SpecterSandboxOptions extends BaseSandboxOptions {
  articles?: number;
  orders?: number;
  purchases?: number;
  /** The account's credentials; the defaults are `sandboxCredentials`. */
  account?: Partial<Account>;
  /** Records per feed batch and list page (`responseMaxLimit`); default 25. */
  responseMaxLimit?: number;
}

/** What a sandbox integration signs with: a v2 account (ApiUserKey inner, md5key2 = IntegrationKey outer). */
export const sandboxCredentials = {
  sbmId: '4711',
  apiUserId: 'wmsync',
  apiUserKey: 'sandbox-api-user-key',
  md5key2: 'sandbox-integration-key',
  stockSiteId: '1',
};

/** Plain text with the status, as an IIS/ASP host answers what it fails before the script runs [G]. */
const errorResponse = (c: Context, status: number, message: string) => c.text(message, status as 400);

const orderChanges = z.strictObject({
  deliveryStatus: z.enum(['N', 'P', 'D']).optional(),
  statusId: z.string().optional(),
  customerReference: z.string().optional(),
  internalComment: z.string().optional(),
  customer: z.record(z.string(), z.string().optional()).optional(),
  deliveryAddress: z.record(z.string(), z.string().optional()).optional(),
  invoiceAddress: z.record(z.string(), z.string().optional()).optional(),
});
const purchaseChanges = z.strictObject({ deliveryOutDate: z.string().optional(), orderDate: z.string().optional() });
const articleChanges = z.record(z.string(), z.union([z.string(), z.number()]));

/** A Specter API simulator (getInfo.asp / putInfo.asp): the verified protocol and the guessed operations of operations.ts. */
export const createSpecterSandbox = defineSandbox({
  // Specter publishes no limit [G]; generous, so that the limit is the connector's own setting.
  rateLimit: { perSecond: 20, burst: 40 },
  settings: {
    initial: (options: SpecterSandboxOptions) => ({ responseMaxLimit: options.responseMaxLimit ?? 25, charset: 'latin1' as 'latin1' | 'utf8' }),
    schema: { responseMaxLimit: z.number().int().min(1), charset: z.enum(['latin1', 'utf8']) },
  },
  error: errorResponse,
  build(kit, options: SpecterSandboxOptions) {
    const account: Account = {
      sbmId: sandboxCredentials.sbmId,
      apiUserId: sandboxCredentials.apiUserId,
      innerKey: sandboxCredentials.apiUserKey,
      outerKey: sandboxCredentials.md5key2,
      stockSiteIds: ['1', '2'],
      ...options.account,
    };
    const store = new SpecterStore({ seed: kit.seed, now: kit.now, articles: options.articles, orders: options.orders, purchases: options.purchases, stockSiteIds: account.stockSiteIds });
    const handler = specterHandler({ store, faults: kit.faults, account, settings: kit.values });
    for (const path of ['/getInfo.asp', '/putInfo.asp']) {
      kit.app.use(path, kit.record, kit.limit(() => account.sbmId), kit.latency, kit.injectFaults);
      kit.app.all(path, handler);
    }
    return {
      store,
      state: () => ({
        account: { sbmId: account.sbmId, apiUserId: account.apiUserId, stockSiteIds: account.stockSiteIds },
        counts: { articles: store.articles.size, articlesToUpdate: store.needUpdate.size, orders: store.orders.size, purchases: store.purchases.size },
        openBatch: store.openBatch?.batchNo ?? null,
      }),
      control: (control: Hono) => {
        const found = <T>(c: Context, record: T | undefined) => (record === undefined ? c.json({ error: 'not found' }, 404) : c.json(record));
        control.post('/orders', async (c) => c.json(store.createOrder((await kit.readBody(c, orderChanges)) as Partial<StoredOrder>), 201));
        control.get('/orders/:no', (c) => found(c, store.orders.get(c.req.param('no'))));
        control.patch('/orders/:no', async (c) => found(c, store.updateOrder(c.req.param('no'), (await kit.readBody(c, orderChanges)) as Partial<StoredOrder>)));
        control.post('/purchases', async (c) => c.json(store.createPurchase((await kit.readBody(c, purchaseChanges)) as Partial<StoredPurchase>), 201));
        control.get('/purchases/:no', (c) => found(c, store.purchases.get(c.req.param('no'))));
        control.patch('/purchases/:no', async (c) => found(c, store.updatePurchase(c.req.param('no'), (await kit.readBody(c, purchaseChanges)) as Partial<StoredPurchase>)));
        control.patch('/articles/:no', async (c) => {
          const article = store.articles.get(c.req.param('no'));
          if (!article) return c.json({ error: 'not found' }, 404);
          store.putArticle({ ...article, ...(await kit.readBody(c, articleChanges)) });
          return c.json(store.articles.get(article.articleNo));
        });
        control.get('/stock/:site', (c) => found(c, store.stock.has(c.req.param('site')) ? Object.fromEntries(store.stock.get(c.req.param('site'))!) : undefined));
      },
    };
  },
});

export type SpecterSandbox = ReturnType<typeof createSpecterSandbox>;

/** Serves a sandbox over HTTP on 127.0.0.1 and a free port unless told otherwise; `url` is the API root. */
export async function startSpecterSandbox(options: SpecterSandboxOptions & { port?: number; host?: string } = {}) {
  const sandbox = createSpecterSandbox(options);
  const served = await serveSandbox(sandbox.app.fetch, options);
  return { url: `${served.origin}/`, sandbox, close: served.close };
}
