import { Hono } from 'hono';
import { html } from 'hono/html';
import { mayAccess } from '../../access/users.js';
import type { IntegrationStatus } from '../../sync/status.js';
import type { IntegrationView } from '../../sync/integrations.js';
import { principalOf } from '../access.js';
import type { UiDeps } from './deps.js';
import { duration, healthBadge, runBadge, scrollTable, time } from './fragments.js';
import { waitingErrors } from './integration-failures.js';
import { layout } from './layout.js';
import { visibleGoodsOwners } from './owners.js';

/** The newest run over all flows of an integration. */
const lastRunOf = (status: IntegrationStatus) =>
  status.flows.map((f) => f.lastRun).reduce<IntegrationStatus['flows'][number]['lastRun']>((a, b) => (b && (!a || b.runId > a.runId) ? b : a), undefined);

function row(integration: IntegrationView, status: IntegrationStatus, systemName: string) {
  const last = lastRunOf(status);
  const errors = waitingErrors(status);
  return html`<tr>
    <td><a href="/integrations/${integration.id}">${integration.name}</a></td>
    <td>${integration.goodsOwner}</td>
    <td>${systemName}<br /><span class="muted">${integration.environment}</span></td>
    <td>${healthBadge(status.health)}</td>
    <td>${last ? html`${time(last.startedAt)}<br />${runBadge(last.status)}` : html`<span class="muted">never</span>`}</td>
    <td class="num">${duration(status.lagSeconds)}</td>
    <td class="num">${errors > 0 ? html`<a href="/integrations/${integration.id}/errors">${errors}</a>` : '0'}</td>
  </tr>`;
}

/** `/`: every integration the user may see, with health, last run, lag and errors; filters; the goods owners. */
export function integrationsListPage({ wms, sync }: UiDeps) {
  const app = new Hono();
  app.get('/', async (c) => {
    const principal = principalOf(c);
    const goodsOwner = c.req.query('goodsOwner') || undefined;
    const system = c.req.query('system') || undefined;
    const owners = await visibleGoodsOwners(c, wms);
    const connectors = sync.registry.list();
    const integrations = (await sync.integrations.list({ ...(goodsOwner ? { goodsOwner } : {}), ...(system ? { system } : {}) })).filter((i) => mayAccess(principal, i.goodsOwner));
    const all = await sync.integrations.list();
    const statuses = await sync.statuses(integrations.map((i) => i.id));
    const rows = integrations.map((i, n) => row(i, statuses[n]!, sync.registry.get(i.system).displayName));
    const selected = (a: string | undefined, b: string) => (a === b ? html` selected` : '');

    return layout(
      c,
      { title: 'Integrations', section: 'integrations', liveSource: '/ui/events' },
      html`<div class="page-head">
          <div><h1>Integrations</h1><p class="meta">Each goods owner's links to its ERP or web shop.</p></div>
          <a class="button primary" href="/integrations/new">New integration</a>
        </div>
        <form class="card inline" method="get" action="/" aria-label="Filter integrations">
          <div class="field">
            <label for="filter-owner">Goods owner</label>
            <select id="filter-owner" name="goodsOwner">
              <option value="">All</option>
              ${owners.map((o) => html`<option value="${o.code}"${selected(goodsOwner, o.code)}>${o.code} · ${o.name}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="filter-system">System</label>
            <select id="filter-system" name="system">
              <option value="">All</option>
              ${connectors.map((x) => html`<option value="${x.id}"${selected(system, x.id)}>${x.displayName}</option>`)}
            </select>
          </div>
          <button type="submit">Filter</button>
          ${goodsOwner || system ? html`<a href="/">Clear filters</a>` : ''}
        </form>
        <section id="integrations" data-live>
          <h2 id="integrations-title" class="visually-hidden">Integrations</h2>
          ${scrollTable(
            'Integrations',
            html`<tr><th>Integration</th><th>Goods owner</th><th>System</th><th>Health</th><th>Last run</th><th class="num">Lag</th><th class="num">Errors</th></tr>`,
            rows,
            goodsOwner || system ? 'No integration matches these filters.' : 'No integrations yet. Start with "New integration".',
          )}
        </section>
        <section class="card" style="margin-top:1.5rem">
          <h2 id="owners-title">Goods owners</h2>
          ${scrollTable(
            'Goods owners',
            html`<tr><th>Code</th><th>Name</th><th class="num">Integrations</th><th>WMS</th></tr>`,
            owners.map(
              (o) => html`<tr>
                <td>${o.code}</td><td>${o.name}</td>
                <td class="num">${all.filter((i) => i.goodsOwner === o.code).length}</td>
                <td><a href="/wms/${encodeURIComponent(o.code)}/orders">Orders</a> · <a href="/wms/${encodeURIComponent(o.code)}/articles">Articles</a> · <a href="/wms/${encodeURIComponent(o.code)}/stock">Stock</a></td>
              </tr>`,
            ),
            'No goods owners yet. Add one: npx wmsync goods-owners add ACME --name "Acme Oy"',
          )}
        </section>`,
    );
  });
  return app;
}
