/**
 * The yardstick for the hub's import cost (issue 16): a plain loop over the same MyCashflow
 * sandbox pages as the connector reads, with a hand-written mapping of the same fields and an
 * upsert into SQLite keyed by a hash column, one transaction per page. No validation beyond what
 * the mapping needs, no links, no outcome rows, no cursor: what any script doing the job would do.
 * `npm run bench` runs it beside wmsync's import against the same sandbox and prints the ratio.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

type Json = Record<string, any>;

const num = (v: unknown): number | undefined => (v === null || v === undefined || v === '' ? undefined : Number(v));
const text = (v: unknown): string | undefined => (v === null || v === undefined ? undefined : String(v));
const joined = (sep: string, ...parts: unknown[]) => parts.filter((p) => p !== null && p !== undefined && p !== '').join(sep) || undefined;
const hashOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);

/** The article table of connectors/mycashflow/mappings/to-article.ts, written out by hand. */
export function mapArticle(product: Json, variation: Json | undefined): Json {
  const pick = (field: string) => variation?.[field] ?? product[field];
  return {
    articleNumber: text(pick('product_code')),
    barCode: text(variation ? (variation.stock_item?.barcode ?? product.stock_item?.barcode) : product.stock_item?.barcode),
    customerPrice: num(pick('price')),
    articleName: joined(' - ', product.name, variation?.name),
    price: num(pick('price')),
    netWeight: num(product.weight),
    productCode: joined('-', product.id, variation?.id),
    purchasePrice: num(pick('purchase_price')),
    supplierArticleNumber: text(product.supplier_code),
    vatPercent: num(product.vat_rate),
    alternativeNames: (product.translations ?? []).map((t: Json) => ({ language: String(t.language).slice(0, 2).toUpperCase(), name: joined(' - ', t.name, variation?.name) })),
  };
}

/** The order table of connectors/mycashflow/mappings/to-order.ts, written out by hand. */
export function mapOrder(o: Json): Json {
  const a = o.shipping_address ?? {};
  return {
    orderInfo: {
      customerPrice: num(o.total),
      customsCurrencyCode: text(o.tax_summary?.total?.[0]?.tax_rate),
      goodsOwnerOrderNumber: String(o.id),
      orderRemark: joined('\n', ...(o.comments ?? []).filter((c: Json) => String(c.visibility).toLowerCase() === 'public').map((c: Json) => c.text)),
      goodsOwnerOrderId: String(o.id),
      wayOfDelivery: text(o.shipping_method_id),
    },
    customer: {
      address: a.street_address,
      city: a.city,
      countryCode: a.country ? String(a.country).toUpperCase() : undefined,
      email: a.email,
      mobilePhone: a.phone,
      name: joined(' ', a.first_name, a.last_name) ?? a.company,
      postCode: a.postal_code,
    },
    orderLines: (o.products ?? []).map((l: Json) => ({
      externalOrderLineCode: String(l.id),
      linePrice: Number(l.unit_price) * Number(l.quantity),
      numberOfItems: Number(l.quantity),
      productCode: joined('-', l.product_id, l.variation_id),
      totalCustomsValue: Number(l.unit_price) * Number(l.quantity),
      articleNumber: String(l.product_code),
      articleName: joined(' - ', l.product_name, l.model_name),
    })),
  };
}

export interface BaselineOptions {
  /** The API root, e.g. http://127.0.0.1:1234/api/v1. */
  apiUrl: string;
  authorization: string;
  pageSize: number;
  dataDir: string;
}

/** Opens the baseline's own SQLite file (WAL, synchronous NORMAL: as the hub's store). */
export function openBaseline(options: BaselineOptions) {
  const db = new BetterSqlite3(path.join(options.dataDir, 'baseline.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`
    create table if not exists articles (article_number text primary key, data text not null, hash text not null);
    create table if not exists orders (order_number text primary key, status text not null, data text not null, hash text not null);
    create table if not exists order_lines (order_number text not null, line_no integer not null, article_number text not null, quantity real not null, primary key (order_number, line_no));`);
  const findArticle = db.prepare('select hash from articles where article_number = ?');
  const upsertArticle = db.prepare('insert into articles values (?, ?, ?) on conflict (article_number) do update set data = excluded.data, hash = excluded.hash');
  const findOrder = db.prepare('select hash from orders where order_number = ?');
  const upsertOrder = db.prepare("insert into orders values (?, 'open', ?, ?) on conflict (order_number) do update set data = excluded.data, hash = excluded.hash");
  const cancelOrder = db.prepare("update orders set status = 'cancelled' where order_number = ? and status <> 'cancelled'");
  const dropLines = db.prepare('delete from order_lines where order_number = ?');
  const addLine = db.prepare('insert into order_lines values (?, ?, ?, ?)');

  /** Writes a record when its hash differs; returns whether it wrote. */
  const writeArticle = (article: Json): boolean => {
    const data = JSON.stringify(article);
    const hash = hashOf(article);
    if ((findArticle.get(article.articleNumber) as { hash: string } | undefined)?.hash === hash) return false;
    upsertArticle.run(article.articleNumber, data, hash);
    return true;
  };
  const writeOrder = (order: Json): boolean => {
    const key = order.orderInfo.goodsOwnerOrderNumber as string;
    const hash = hashOf(order);
    if ((findOrder.get(key) as { hash: string } | undefined)?.hash === hash) return false;
    upsertOrder.run(key, JSON.stringify(order), hash);
    dropLines.run(key);
    order.orderLines.forEach((l: Json, i: number) => addLine.run(key, i + 1, l.articleNumber, l.numberOfItems));
    return true;
  };
  const articlePage = db.transaction((products: Json[]) => {
    let written = 0;
    for (const p of products) {
      const variations: Json[] = p.variations ?? [];
      for (const article of variations.length ? variations.map((v) => mapArticle(p, v)) : [mapArticle(p, undefined)]) if (writeArticle(article)) written++;
    }
    return written;
  });
  const orderPage = db.transaction((orders: Json[]) => {
    let written = 0;
    for (const o of orders) {
      if (String(o.status).toLowerCase() === 'cancelled') written += cancelOrder.run(String(o.id)).changes;
      else if (writeOrder(mapOrder(o))) written++;
    }
    return written;
  });

  /** Every page of one list, page by page: fetch, parse, map, write. Returns the records seen and written. */
  async function walk(listPath: string, query: Record<string, string>, writePage: (items: Json[]) => number, count: (items: Json[]) => number) {
    let records = 0;
    let written = 0;
    for (let page = 1; ; page++) {
      const url = new URL(`${options.apiUrl}${listPath}`);
      for (const [k, v] of Object.entries({ ...query, page_size: String(options.pageSize), page: String(page) })) url.searchParams.set(k, v);
      const res = await fetch(url, { headers: { authorization: options.authorization, accept: 'application/json' } });
      if (!res.ok) throw new Error(`baseline: GET ${url} answered ${res.status}`);
      const body = (await res.json()) as { data: Json[]; meta: { next?: string } };
      written += writePage(body.data);
      records += count(body.data);
      if (!body.meta.next) return { records, written };
    }
  }

  return {
    importArticles: () =>
      walk('/products', { sort: 'updated_at-asc', expand: 'variations,variations.stock_item,stock_item,translations' }, articlePage, (ps) =>
        ps.reduce((n, p) => n + Math.max(1, p.variations?.length ?? 0), 0),
      ),
    async importOrders(statuses: string[]) {
      const total = { records: 0, written: 0 };
      for (const status of statuses) {
        const one = await walk('/orders', { status, sort: 'updated_at-asc', expand: 'products,comments,tax_summary,shipments,payments' }, orderPage, (os) => os.length);
        total.records += one.records;
        total.written += one.written;
      }
      return total;
    },
    close: () => db.close(),
  };
}
