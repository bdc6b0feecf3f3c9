import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { specterParams } from '../../../src/connectors/sdk/index.js';
import type { Faults } from '../../../src/connectors/sandbox/index.js';
import { guessedNames } from '../operations.js';
import { articleFeed, verifiedArticleNames, verifiedOrderNames } from '../wire.js';
import type { StoredOrder, StoredPurchase } from './data.js';
import type { SpecterStore } from './store.js';
import { textAnswer, toXml, treeOf, xmlAnswer } from './xml.js';

export interface Account {
  sbmId: string;
  apiUserId: string;
  innerKey: string;
  outerKey: string;
  stockSiteIds: string[];
}

export interface RouteContext {
  store: SpecterStore;
  faults: Faults;
  account: Account;
  settings: { responseMaxLimit: number; charset: 'latin1' | 'utf8' };
}

type Params = ReadonlyMap<string, string>;
const n = guessedNames;
const a = n.action;
/** The article attributes S2 shows on `<article>` [V]; everything else is an element. */
const articleAttributes = new Set(['buyPrice', 'priceExclVat', 'barCode', 'productWeight']);
const orderAttributes = new Set(['orderNo', 'orderstatus.deliveryStatus', 'orderstatus.statusId']);

/** The seed of each action's key: the verified ones [V S2–S8], the batch number of the feeds, and the guesses of operations.ts. */
const seedParam: Record<string, string> = {
  newordersubmit: 'customerId',
  newarticlesubmit: 'articleNo_1',
  [articleFeed.read.toLowerCase()]: 'batchNo',
  [articleFeed.acknowledge.toLowerCase()]: 'batchNo',
  ...Object.fromEntries(Object.entries(n.seed).map(([op, param]) => [a[op as keyof typeof a].toLowerCase(), param])),
};

const md5 = (text: string, charset: 'latin1' | 'utf8') => createHash('md5').update(text, charset).digest('hex');
/** Parameter names are read without case, as the ASP endpoints do (`Action`/`action`, `useXML`/`useXml`) [V]. */
const param = (params: Params, name: string) => [...params].find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
const number = (value: string | undefined) => Number(String(value ?? '').replace(',', '.'));

/** Specter's API: both entry points, any method, errors as envelopes with HTTP 200. */
export function specterHandler(ctx: RouteContext) {
  const { store, account, settings } = ctx;

  return async (c: Context): Promise<Response> => {
    const body = c.req.method === 'POST' ? await c.req.text() : undefined;
    const params = specterParams({ method: c.req.method, url: new URL(c.req.url), body }, settings.charset);
    const action = (param(params, 'action') ?? '').toLowerCase();
    const xml = param(params, 'useXML') === '2';
    const answer = (result: '0' | '1', code: string, message: string, payload = '', id = '0') =>
      xml ? c.body(xmlAnswer(payload, { result, code, message }), 200, { 'content-type': 'text/xml; charset=utf-8' }) : c.text(textAnswer(result, result === '1' ? id : code, message));
    const refuse = (code: string, message: string) => answer('0', code, message);

    if (param(params, 'sbmId') !== account.sbmId) return refuse(n.errorCode.wrongKey, 'Unknown sbmId');
    const seed = seedParam[action] === undefined ? undefined : params.get(seedParam[action]);
    if (seed === undefined) return refuse('1', `Unknown action or missing parameter for ${action || '(none)'}`);
    const expected = md5(account.outerKey + md5(account.innerKey + account.sbmId + seed, settings.charset), settings.charset);
    if (params.get('key') !== expected) return refuse(n.errorCode.wrongKey, 'Wrong key');
    if (params.has('apiUserId') && params.get('apiUserId') !== account.apiUserId) return refuse(n.errorCode.wrongKey, 'Unknown API user');

    switch (action) {
      case articleFeed.read.toLowerCase(): {
        const batch = store.takeBatch(params.get('batchNo')!, settings.responseMaxLimit);
        if (!Array.isArray(batch)) return refuse('99', `There is an unconfirmed batch '${batch.open}', confirm it with ${articleFeed.acknowledge}`);
        const articles = batch.map((article, i) => {
          const corrupted = ctx.faults.corrupts('articles', batch.length, i + 1) ? { ...article, weight: 'tung' } : article;
          return toXml('article', treeOf(corrupted, { ...verifiedArticleNames, ...n.article }, articleAttributes));
        });
        return answer('1', '0', 'OK', `<articles>${articles.join('')}</articles><responseMaxLimit>${settings.responseMaxLimit}</responseMaxLimit>`);
      }
      case articleFeed.acknowledge.toLowerCase():
        return store.acknowledge(params.get('batchNo')!) ? answer('1', '0', 'OK') : refuse('3', `No open batch '${params.get('batchNo')}'`);
      case a.listOrders.toLowerCase():
        return answer('1', '0', 'OK', listPage(params, [...store.orders.values()], orderXml, n.param.orderNo, 'orderNo', 'orders', filterStatus(params)));
      case a.listPurchases.toLowerCase():
        return answer('1', '0', 'OK', listPage(params, [...store.purchases.values()], purchaseXml, n.param.purchaseNo, 'purchaseNo', 'purchases'));
      case a.readStock.toLowerCase(): {
        const site = params.get(n.param.stockSiteId) ?? '';
        const stock = store.stock.get(site);
        if (!stock) return refuse('4', `Unknown stock site ${site}`);
        const articles = [...stock].map(([articleNo, physical]) => toXml('article', treeOf({ articleNo, physical }, n.stock.fields)));
        return answer('1', '0', 'OK', `<stock stockSiteId="${site}"><articles>${articles.join('')}</articles></stock>`);
      }
      case a.stockUpdate.toLowerCase(): {
        const stock = store.stock.get(params.get(n.param.stockSiteId) ?? '');
        if (!stock) return refuse('4', `Unknown stock site ${params.get(n.param.stockSiteId)}`);
        for (const row of numberedRows(params, [n.param.articleNo, n.param.noItemsInStock])) {
          if (!store.articles.has(row[0]!)) return refuse('5', `Unknown article ${row[0]}`);
          stock.set(row[0]!, number(row[1]));
        }
        return answer('1', '0', 'OK');
      }
      case a.deliverySubmit.toLowerCase(): {
        const order = store.orders.get(params.get(n.param.orderNo) ?? '');
        if (!order) return refuse('6', `Order ${params.get(n.param.orderNo)} not found`);
        const rows = numberedRows(params, [n.param.rowNo, n.param.noItems]).map(([rowNo, noItems]) => ({ rowNo: rowNo!, noItems: number(noItems) }));
        const unknown = rows.find((row) => !order.rows.some((r) => r.rowNo === row.rowNo));
        if (unknown) return refuse('7', `Row no ${unknown.rowNo} is not on order ${order.orderNo}`);
        const packetNo = params.get(n.param.packetNo);
        store.deliver(order, { ...(packetNo ? { packetNo } : {}), deliveryDate: params.get(n.param.deliveryDate) ?? '', rows, sendDeliveryMail: params.get(n.param.sendDeliveryMail) ?? '0', createInvoice: params.get(n.param.createInvoice) ?? '0' });
        return answer('1', '0', 'OK', '', String(order.deliveries.length));
      }
      case a.purchaseDeliverySubmit.toLowerCase(): {
        const purchase = store.purchases.get(params.get(n.param.purchaseNo) ?? '');
        if (!purchase) return refuse('6', `Purchase ${params.get(n.param.purchaseNo)} not found`);
        const rows = numberedRows(params, [n.param.rowId, n.param.noItems]).map(([rowId, noItems]) => ({ rowId: rowId!, noItems: number(noItems) }));
        const unknown = rows.find((row) => !purchase.rows.some((r) => r.id === row.rowId));
        if (unknown) return refuse('7', `Row id ${unknown.rowId} is not on purchase ${purchase.purchaseNo}`);
        store.receive(purchase, { deliveryDate: params.get(n.param.deliveryDate) ?? '', sendDeliveryMail: params.get(n.param.sendDeliveryMail) ?? '0', rows });
        return answer('1', '0', 'OK', '', String(purchase.deliveries.length));
      }
      default:
        return refuse('1', `Unknown action ${action}`);
    }
  };

  function filterStatus(params: Params) {
    const statuses = params.get(n.param.deliveryStatus)?.split(',');
    return (order: StoredOrder) => statuses === undefined || statuses.includes(order.deliveryStatus);
  }

  function orderXml(order: StoredOrder, i: number, size: number) {
    const corrupt = ctx.faults.corrupts('orders', size, i + 1);
    const rows = corrupt ? order.rows.map((row, r) => (r === 0 ? { ...row, noItems: 'många' } : row)) : order.rows;
    return toXml('order', treeOf({ ...order, rows }, { ...verifiedOrderNames, ...n.order }, orderAttributes));
  }

  function purchaseXml(purchase: StoredPurchase, i: number, size: number) {
    const corrupt = ctx.faults.corrupts('purchases', size, i + 1);
    const rows = corrupt ? purchase.rows.map((row, r) => (r === 0 ? { ...row, quantity: 'x' } : row)) : purchase.rows;
    return toXml('purchase', treeOf({ ...purchase, rows }, n.purchase));
  }

  /** The guessed list: by number, or changed at or after `changedAfter` [G: inclusive], oldest first, `responseMaxLimit` a page. */
  function listPage<T extends { lastChange: string }>(
    params: Params,
    all: T[],
    write: (record: T, index: number, size: number) => string,
    numberParam: string,
    numberField: keyof T,
    element: string,
    wanted: (record: T) => boolean = () => true,
  ): string {
    const no = params.get(numberParam);
    const from = Date.parse(params.get(n.param.changedAfter) ?? '');
    const page = Math.max(1, Number(params.get(n.param.page) ?? '1') || 1);
    const matching = (no !== undefined ? all.filter((r) => String(r[numberField]) === no) : all.filter((r) => wanted(r) && !(Date.parse(r.lastChange) < from)))
      .sort((x, y) => Date.parse(x.lastChange) - Date.parse(y.lastChange) || String(x[numberField]).localeCompare(String(y[numberField])));
    const limit = settings.responseMaxLimit;
    const items = matching.slice((page - 1) * limit, page * limit).map((record) => write(record, all.indexOf(record), all.length));
    return `<${element}>${items.join('')}</${element}><responseMaxLimit>${limit}</responseMaxLimit>`;
  }
}

/** Row parameters `name_1`, `name_2`, … as long as the first name goes on [V S3]. */
function numberedRows(params: Params, names: string[]): (string | undefined)[][] {
  const rows: (string | undefined)[][] = [];
  for (let i = 1; params.has(`${names[0]}_${i}`); i++) rows.push(names.map((name) => params.get(`${name}_${i}`)));
  return rows;
}
