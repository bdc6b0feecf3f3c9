import type { Context } from 'hono';
import { Hono } from 'hono';
import { html } from 'hono/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { resolveStatus, statusLabel } from '../../domain/index.js';
import type { GoodsOwner, Order } from '../../domain/index.js';
import { csrfField } from './csrf.js';
import type { UiDeps } from './deps.js';
import { cell, notice, scrollTable, time } from './fragments.js';
import type { Html } from './fragments.js';
import { orderStatusBadge, ownGoodsOwner, ownerPath, wmsPage } from './wms-frame.js';

const done: Record<string, string> = {
  released: 'Order released to the warehouse.',
  shipped: 'Order shipped. The delivery report goes back to the system with the next run of its delivery-report flow.',
  cancelled: 'Order cancelled.',
};

/** Release, ship (Sent or Collected, with tracking and the picked quantity per line), cancel: as the rules allow. */
function actions(c: Context, owner: GoodsOwner, order: Order) {
  const rules = owner.statusRules.order;
  if (order.status === rules.cancelled) return html`<p class="muted">This order is cancelled.</p>`;
  if (rules.shipped.includes(order.status)) return html`<p class="muted">Shipped. A delivery report has been queued for every integration that brought this order in.</p>`;
  const action = `${ownerPath(owner.code, 'orders')}/${encodeURIComponent(order.orderInfo.goodsOwnerOrderNumber)}/status`;
  const released = resolveStatus(rules, 'released');
  return html`<div class="grid-2">
    <form class="stack" method="post" action="${action}" aria-labelledby="ship-title">
      ${csrfField(c)}<input type="hidden" name="action" value="ship" />
      <h3 id="ship-title" style="margin:0">Ship</h3>
      <div class="inline">
        <div class="field"><label for="ship-status">New status</label>
          <select id="ship-status" name="status">${rules.shipped.map((s) => html`<option value="${s}">${statusLabel(rules, s)}</option>`)}</select></div>
        <div class="field"><label for="tracking">Tracking number</label><input id="tracking" name="tracking" autocomplete="off" /></div>
        <div class="field"><label for="tracking-url">Tracking link <span class="muted">(optional)</span></label><input id="tracking-url" name="trackingUrl" type="url" /></div>
      </div>
      <fieldset><legend>Picked quantity per line</legend>
        <div class="inline">
          ${order.orderLines.map(
            (l, i) => html`<div class="field"><label for="picked-${i + 1}">Row ${i + 1}: ${l.articleNumber}</label>
              <input id="picked-${i + 1}" name="picked.${i + 1}" type="number" min="0" step="any" value="${l.pickedNumberOfItems ?? l.numberOfItems}" /></div>`,
          )}
        </div>
      </fieldset>
      <div class="actions"><button type="submit" class="primary">Ship order</button></div>
    </form>
    <div>
      <h3 style="margin-top:0">Other actions</h3>
      <div class="actions">
        ${released !== undefined && order.status === rules.initial
          ? html`<form method="post" action="${action}">${csrfField(c)}<input type="hidden" name="action" value="release" /><button type="submit">Release</button></form>`
          : ''}
        <form method="post" action="${action}" data-confirm="Cancel this order?">${csrfField(c)}<input type="hidden" name="action" value="cancel" /><button type="submit" class="danger">Cancel order</button></form>
      </div>
    </div>
  </div>`;
}

type Sources = Awaited<ReturnType<UiDeps['sync']['orderSources']>>;

const reportState: Record<string, string> = {
  pending: 'waiting to be sent',
  sending: 'being sent (checked with the system before another try)',
  sent: 'sent',
  failed: 'refused by the system',
};

/** Where the order came from and what went back: each integration's id for it and its reports. */
function sourcesSection(sources: Sources) {
  const rows = sources.flatMap(({ integration, externalId, reports }) => {
    const source = html`<td data-label="Integration"><a href="/integrations/${integration.id}">${integration.name}</a></td><td data-label="In the system">${externalId}</td>`;
    if (reports.length === 0) return [html`<tr>${source}<td data-label="Report" colspan="4"><span class="muted">No report yet: one is queued when the order ships.</span></td></tr>`];
    return reports.map(
      (r) => html`<tr>${source}
        <td data-label="Report">${r.flow}</td>
        <td data-label="State"><span class="badge ${r.status === 'sent' ? 'badge-succeeded' : r.status === 'failed' ? 'badge-failed' : r.lastError ? 'badge-failing' : 'badge-status'}">${reportState[r.status] ?? r.status}</span>${r.sentAt ? html`<br />${time(r.sentAt)}` : ''}</td>
        <td class="num" data-label="Attempts">${r.attempts}</td>
        <td data-label="The system's answer">${r.status === 'sent' ? 'accepted' : r.lastError ? r.lastError : html`<span class="muted">not asked yet</span>`}</td>
      </tr>`,
    );
  });
  return html`<section class="card" aria-labelledby="source-title"><h2 id="source-title">Source and reports</h2>
    ${scrollTable(
      'Source and reports',
      html`<tr><th>Integration</th><th>In the system</th><th>Report</th><th>State</th><th class="num">Attempts</th><th>The system's answer</th></tr>`,
      rows,
      'Not brought in by an integration: entered in the WMS.',
    )}
  </section>`;
}

/** The way of delivery by its name where the source gave one, with the code it came as. */
function wayOfDelivery(info: Order['orderInfo']) {
  const name = info.wayOfDeliveryType?.name;
  const code = info.wayOfDeliveryType?.code ?? info.wayOfDelivery;
  if (!name) return cell(info.wayOfDelivery);
  return code && code !== name ? html`${name} <span class="muted">(${code})</span>` : name;
}

/** The order page: header facts, where it came from and its reports, numbered lines, shipments, and the warehouse actions. */
export async function renderOrder(c: Context, deps: UiDeps, top?: Html, status: ContentfulStatusCode = 200) {
  const owner = await ownGoodsOwner(c, deps.wms);
  const order = await deps.wms.getOrder(owner.code, c.req.param('number') ?? '');
  const sources = await deps.sync.orderSources(owner.code, order.orderInfo.goodsOwnerOrderNumber);
  const rules = owner.statusRules.order;
  const info = order.orderInfo;
  const customer = order.customer;
  const flash = done[c.req.query('done') ?? ''];
  return wmsPage(
    c,
    owner,
    'orders',
    `Order ${info.goodsOwnerOrderNumber}`,
    html`${top ?? (flash ? notice('ok', flash) : '')}
      <div class="grid-2">
        <section class="card" aria-labelledby="order-title"><h2 id="order-title">Order</h2>
          <dl class="facts">
            <dt>Status</dt><dd>${orderStatusBadge(rules, order.status)}</dd>
            <dt>Way of delivery</dt><dd>${wayOfDelivery(info)}</dd>
            <dt>Reference</dt><dd>${cell(info.referenceNumber)}</dd>
            <dt>Remark</dt><dd>${cell(info.orderRemark)}</dd>
          </dl></section>
        <section class="card" aria-labelledby="customer-title"><h2 id="customer-title">Customer</h2>
          <dl class="facts">
            <dt>Name</dt><dd>${cell(customer?.name)}</dd>
            <dt>Address</dt><dd>${cell([customer?.address, [customer?.postCode, customer?.city].filter(Boolean).join(' '), customer?.countryCode].filter(Boolean).join(', '))}</dd>
            <dt>E-mail</dt><dd>${cell(customer?.email)}</dd>
            <dt>Phone</dt><dd>${cell(customer?.mobilePhone ?? customer?.telephone)}</dd>
          </dl></section>
      </div>
      ${sourcesSection(sources)}
      <section class="card"><h2 id="lines-title">Lines</h2>
        ${scrollTable(
          'Lines',
          html`<tr><th class="num">Row</th><th>Article</th><th>Name</th><th class="num">Ordered</th><th class="num">Picked</th><th>Waybill</th></tr>`,
          order.orderLines.map(
            (l, i) => html`<tr><td class="num">${i + 1}</td><td><code>${l.articleNumber}</code></td><td>${cell(l.articleName)}</td>
              <td class="num">${l.numberOfItems}</td><td class="num">${cell(l.pickedNumberOfItems)}</td><td>${cell(l.waybill)}</td></tr>`,
          ),
        )}
      </section>
      <section class="card" aria-labelledby="actions-title"><h2 id="actions-title">Warehouse actions</h2>${actions(c, owner, order)}</section>
      <section class="card"><h2 id="shipments-title">Shipments</h2>
        ${scrollTable(
          'Shipments',
          html`<tr><th>Tracking number</th><th>Tracking link</th><th>Sent</th></tr>`,
          order.shipments.map((s) => html`<tr><td>${cell(s.waybill)}</td><td>${s.trackingUrl && /^https?:\/\//i.test(s.trackingUrl) ? html`<a href="${s.trackingUrl}" rel="noreferrer">${s.trackingUrl}</a>` : cell(s.trackingUrl)}</td><td>${time(s.sentAt)}</td></tr>`),
          'Not shipped yet.',
        )}
      </section>`,
    status,
  );
}

export function wmsOrderPage(deps: UiDeps) {
  const app = new Hono();
  app.get('/wms/:owner/orders/:number', (c) => renderOrder(c, deps));
  return app;
}
