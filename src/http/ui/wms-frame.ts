import type { Context } from 'hono';
import { Hono } from 'hono';
import { html } from 'hono/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { statusLabel } from '../../domain/index.js';
import type { GoodsOwner, OrderStatusRules, PurchaseOrderStatusRules } from '../../domain/index.js';
import type { EmbeddedWms } from '../../wms/port.js';
import { principalOf, requireOwner } from '../access.js';
import type { UiDeps } from './deps.js';
import { scrollTable, statusBadge } from './fragments.js';
import type { Html } from './fragments.js';
import { layout, wmsHome } from './layout.js';
import { visibleGoodsOwners } from './owners.js';

const tabs = [
  ['orders', 'Orders'],
  ['articles', 'Articles'],
  ['purchase-orders', 'Purchase orders'],
  ['suppliers', 'Suppliers'],
  ['stock', 'Stock'],
] as const;
export type WmsTab = (typeof tabs)[number][0];

/** Rows per page of the WMS lists. */
export const PAGE_SIZE = 50;

export const ownerPath = (owner: string, rest: string) => `/wms/${encodeURIComponent(owner)}/${rest}`;

/** The goods owner an `:owner` names; another goods owner's is "not found" for a goods-owner user. */
export async function ownGoodsOwner(c: Context, wms: EmbeddedWms): Promise<GoodsOwner> {
  const code = c.req.param('owner') ?? '';
  requireOwner(c, code);
  return wms.getGoodsOwner(code);
}

/** A WMS page: the goods owner's name, its tabs, then the content. */
export function wmsPage(c: Context, owner: GoodsOwner, tab: WmsTab, title: string, content: Html, status: ContentfulStatusCode = 200) {
  return layout(
    c,
    { title: `${title} · ${owner.code}`, section: 'wms' },
    html`<div class="page-head"><div><h1>${title}</h1><p class="meta">Goods owner ${owner.code} · ${owner.name}</p></div></div>
      <nav class="tabs" aria-label="WMS">
        ${tabs.map(([id, label]) => html`<a href="${ownerPath(owner.code, id)}"${id === tab ? html` aria-current="page"` : ''}>${label}</a>`)}
      </nav>
      ${content}`,
    status,
  );
}

/** `/wms`: the goods owners whose warehouse data the user may see. */
export function wmsIndexPage({ wms }: UiDeps) {
  const app = new Hono();
  app.get('/wms', async (c) => {
    const principal = principalOf(c);
    if (principal.role === 'goods-owner') return c.redirect(wmsHome(principal), 302);
    const owners = await visibleGoodsOwners(c, wms);
    return layout(
      c,
      { title: 'WMS', section: 'wms' },
      html`<h1>WMS</h1><p class="meta muted">The embedded warehouse, per goods owner.</p>
        ${scrollTable(
          'Goods owners',
          html`<tr><th>Code</th><th>Name</th><th>Data</th></tr>`,
          owners.map(
            (o) => html`<tr><td>${o.code}</td><td>${o.name}</td>
              <td>${tabs.map(([id, label], i) => html`${i ? ' · ' : ''}<a href="${ownerPath(o.code, id)}">${label}</a>`)}</td></tr>`,
          ),
          'No goods owners yet.',
        )}`,
    );
  });
  return app;
}

/** An order's status, green once shipped, red when cancelled. */
export const orderStatusBadge = (rules: OrderStatusRules, code: number) =>
  statusBadge(statusLabel(rules, code), rules.shipped.includes(code) ? 'done' : code === rules.cancelled ? 'stopped' : 'open');

/** A purchase order's status, green once received in full, red when cancelled. */
export const purchaseOrderStatusBadge = (rules: PurchaseOrderStatusRules, code: number) =>
  statusBadge(statusLabel(rules, code), code === rules.received ? 'done' : code === rules.cancelled ? 'stopped' : 'open');
