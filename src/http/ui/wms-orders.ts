import type { Context } from 'hono';
import { Hono } from 'hono';
import { html } from 'hono/html';
import { resolveStatus, statusLabel } from '../../domain/index.js';
import type { GoodsOwner, Order } from '../../domain/index.js';
import type { OrderSearch } from '../../wms/port.js';
import type { UiDeps } from './deps.js';
import { cell, numberedPages, pager, scrollTable, time } from './fragments.js';
import type { Html } from './fragments.js';
import { orderStatusBadge, ownGoodsOwner, ownerPath, PAGE_SIZE, wmsPage } from './wms-frame.js';

type Sort = OrderSearch['sort'];
type Direction = NonNullable<OrderSearch['direction']>;

/** The list's address with some of its query changed; empty values are left out. */
const linkTo = (base: string, query: Record<string, string | undefined>) => {
  const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));
  return params.size ? `${base}?${params}` : base;
};

/** A column head that sorts by it; pressed again, the other way. */
function sortHead(label: string, column: Sort, current: { sort: Sort; direction: Direction }, link: (sort: Sort, direction: Direction) => string) {
  const active = current.sort === column;
  const next: Direction = active ? (current.direction === 'asc' ? 'desc' : 'asc') : column === 'number' ? 'asc' : 'desc';
  const sorted = active ? (current.direction === 'asc' ? 'ascending' : 'descending') : undefined;
  return html`<th${sorted ? html` aria-sort="${sorted}"` : ''}><a class="sort" href="${link(column, next)}">${label}<span aria-hidden="true">${active ? (current.direction === 'asc' ? ' ▲' : ' ▼') : ''}</span><span class="visually-hidden">, sort ${next === 'asc' ? 'ascending' : 'descending'}</span></a></th>`;
}

const orderRow = (base: string, owner: GoodsOwner, o: Order, receivedAt?: string) =>
  html`<tr>
    <td data-label="Order"><a href="${base}/${encodeURIComponent(o.orderInfo.goodsOwnerOrderNumber)}">${o.orderInfo.goodsOwnerOrderNumber}</a></td>
    ${receivedAt === undefined ? '' : html`<td data-label="Received">${time(receivedAt)}</td>`}
    <td data-label="Status">${orderStatusBadge(owner.statusRules.order, o.status)}</td>
    <td data-label="Customer">${cell(o.customer?.name)}</td><td data-label="City">${cell([o.customer?.city, o.customer?.countryCode].filter(Boolean).join(', '))}</td>
    <td class="num" data-label="Lines">${o.orderLines.length}</td><td class="num" data-label="Items">${o.orderLines.reduce((n, l) => n + l.numberOfItems, 0)}</td>
    <td data-label="Tracking">${cell(o.shipments.at(-1)?.waybill)}</td>
  </tr>`;

/**
 * `/wms/:owner/orders`: customer orders with when they came in, status, customer and tracking;
 * search by number or customer, a status filter, sorting by date or number, numbered pages.
 */
export function wmsOrdersPage({ wms }: UiDeps) {
  const app = new Hono();
  app.get('/wms/:owner/orders', async (c) => {
    const owner = await ownGoodsOwner(c, wms);
    const rules = owner.statusRules.order;
    const statusQuery = c.req.query('status') || undefined;
    const status = statusQuery ? resolveStatus(rules, statusQuery) : undefined;
    const text = c.req.query('q')?.trim() || undefined;
    const base = ownerPath(owner.code, 'orders');
    const { table, paging } = wms.searchOrders ? await searched(c, owner, base, { text, status }) : await plainList(c, owner, base, status);
    return wmsPage(
      c,
      owner,
      'orders',
      'Orders',
      html`<form class="card inline" method="get" action="${base}" role="search" aria-label="Search orders">
          ${wms.searchOrders ? html`<div class="field"><label for="q">Order number or customer</label><input id="q" name="q" type="search" value="${text ?? ''}" /></div>` : ''}
          <div class="field"><label for="status">Status</label>
            <select id="status" name="status"><option value="">All</option>
              ${rules.statuses.map((s) => html`<option value="${s.code}"${status === s.code ? html` selected` : ''}>${statusLabel(rules, s.code)}</option>`)}
            </select></div>
          ${c.req.query('sort') ? html`<input type="hidden" name="sort" value="${c.req.query('sort')}" /><input type="hidden" name="dir" value="${c.req.query('dir') ?? ''}" />` : ''}
          <button type="submit">${wms.searchOrders ? 'Search' : 'Filter'}</button>
          ${text || status !== undefined ? html`<a href="${base}">Clear</a>` : ''}
        </form>
        ${table}
        ${paging}`,
    );
  });

  async function searched(c: Context, owner: GoodsOwner, base: string, filter: { text: string | undefined; status: number | undefined }): Promise<{ table: Html; paging: Html | string }> {
    const sort: Sort = c.req.query('sort') === 'number' ? 'number' : 'date';
    const dirQuery = c.req.query('dir');
    const direction: Direction = dirQuery === 'asc' || dirQuery === 'desc' ? dirQuery : sort === 'number' ? 'asc' : 'desc';
    const pageNo = Math.max(1, Math.floor(Number(c.req.query('page')) || 1));
    const found = await wms.searchOrders!(owner.code, { ...filter, sort, direction, offset: (pageNo - 1) * PAGE_SIZE, limit: PAGE_SIZE });
    const query = { q: filter.text, status: filter.status === undefined ? undefined : String(filter.status), sort: c.req.query('sort') ? sort : undefined, dir: dirQuery ? direction : undefined };
    const sortLink = (s: Sort, d: Direction) => linkTo(base, { ...query, sort: s, dir: d });
    const current = { sort, direction };
    const table = scrollTable(
      'Orders',
      html`<tr>${sortHead('Order', 'number', current, sortLink)}${sortHead('Received', 'date', current, sortLink)}<th>Status</th><th>Customer</th><th>City</th><th class="num">Lines</th><th class="num">Items</th><th>Tracking</th></tr>`,
      found.items.map((i) => orderRow(base, owner, i.order, i.receivedAt)),
      filter.text || filter.status !== undefined ? 'No order matches.' : 'No orders yet: an order import fills this list.',
    );
    const pages = Math.max(1, Math.ceil(found.total / PAGE_SIZE));
    return { table, paging: html`<p class="muted">${found.total} order${found.total === 1 ? '' : 's'}</p>${numberedPages((n) => linkTo(base, { ...query, page: n === 1 ? undefined : String(n) }), pageNo, pages)}` };
  }

  /** A WMS without search: its cursor pages by number, as the API lists them. */
  async function plainList(c: Context, owner: GoodsOwner, base: string, status: number | undefined): Promise<{ table: Html; paging: Html | string }> {
    const after = c.req.query('after') || undefined;
    const page = await wms.listOrders(owner.code, { limit: PAGE_SIZE, ...(after ? { after } : {}), ...(status !== undefined ? { status } : {}) });
    const table = scrollTable(
      'Orders',
      html`<tr><th>Order</th><th>Status</th><th>Customer</th><th>City</th><th class="num">Lines</th><th class="num">Items</th><th>Tracking</th></tr>`,
      page.items.map((o) => orderRow(base, owner, o)),
      status !== undefined ? 'No order has this status.' : 'No orders yet: an order import fills this list.',
    );
    return { table, paging: pager(base, { status: status === undefined ? undefined : String(status), after }, page.next) };
  }
  return app;
}
