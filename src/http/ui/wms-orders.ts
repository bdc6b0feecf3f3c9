import { Hono } from 'hono';
import { html } from 'hono/html';
import { resolveStatus, statusLabel } from '../../domain/index.js';
import type { UiDeps } from './deps.js';
import { cell, pager, scrollTable } from './fragments.js';
import { orderStatusBadge, ownGoodsOwner, ownerPath, PAGE_SIZE, wmsPage } from './wms-frame.js';

/** `/wms/:owner/orders`: customer orders with status, customer and tracking; a status filter; paging. */
export function wmsOrdersPage({ wms }: UiDeps) {
  const app = new Hono();
  app.get('/wms/:owner/orders', async (c) => {
    const owner = await ownGoodsOwner(c, wms);
    const rules = owner.statusRules.order;
    const after = c.req.query('after') || undefined;
    const statusQuery = c.req.query('status') || undefined;
    const status = statusQuery ? resolveStatus(rules, statusQuery) : undefined;
    const page = await wms.listOrders(owner.code, { limit: PAGE_SIZE, ...(after ? { after } : {}), ...(status ? { status } : {}) });
    const base = ownerPath(owner.code, 'orders');
    return wmsPage(
      c,
      owner,
      'orders',
      'Orders',
      html`<form class="card inline" method="get" action="${base}" aria-label="Filter orders">
          <div class="field"><label for="status">Status</label>
            <select id="status" name="status"><option value="">All</option>
              ${rules.statuses.map((s) => html`<option value="${s.code}"${status === s.code ? html` selected` : ''}>${statusLabel(rules, s.code)}</option>`)}
            </select></div>
          <button type="submit">Filter</button>
        </form>
        ${scrollTable(
          'Orders',
          html`<tr><th>Order</th><th>Status</th><th>Customer</th><th>City</th><th class="num">Lines</th><th class="num">Items</th><th>Tracking</th></tr>`,
          page.items.map(
            (o) => html`<tr>
              <td><a href="${base}/${encodeURIComponent(o.orderInfo.goodsOwnerOrderNumber)}">${o.orderInfo.goodsOwnerOrderNumber}</a></td>
              <td>${orderStatusBadge(rules, o.status)}</td>
              <td>${cell(o.customer?.name)}</td><td>${cell([o.customer?.city, o.customer?.countryCode].filter(Boolean).join(', '))}</td>
              <td class="num">${o.orderLines.length}</td><td class="num">${o.orderLines.reduce((n, l) => n + l.numberOfItems, 0)}</td>
              <td>${cell(o.shipments.at(-1)?.waybill)}</td>
            </tr>`,
          ),
          status ? 'No order has this status.' : 'No orders yet: an order import fills this list.',
        )}
        ${pager(base, { status: status === undefined ? undefined : String(status), after }, page.next)}`,
    );
  });
  return app;
}
