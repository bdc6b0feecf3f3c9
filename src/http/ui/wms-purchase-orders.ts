import type { Context } from 'hono';
import { Hono } from 'hono';
import { html } from 'hono/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isWmsyncError } from '../../kernel/errors.js';
import { csrfField } from './csrf.js';
import type { UiDeps } from './deps.js';
import { cell, notice, pager, scrollTable } from './fragments.js';
import type { Html } from './fragments.js';
import { ownGoodsOwner, ownerPath, PAGE_SIZE, purchaseOrderStatusBadge, wmsPage } from './wms-frame.js';

/**
 * `/wms/:owner/purchase-orders` and one purchase order with "receive": everything outstanding, or
 * the quantities given per line (a partial receipt). Either writes the receipt report's event.
 */
export function wmsPurchaseOrderPages(deps: UiDeps) {
  const app = new Hono();
  const { wms } = deps;

  app.get('/wms/:owner/purchase-orders', async (c) => {
    const owner = await ownGoodsOwner(c, wms);
    const rules = owner.statusRules.purchaseOrder;
    const after = c.req.query('after') || undefined;
    const page = await wms.listPurchaseOrders(owner.code, { limit: PAGE_SIZE, ...(after ? { after } : {}) });
    const base = ownerPath(owner.code, 'purchase-orders');
    return wmsPage(
      c,
      owner,
      'purchase-orders',
      'Purchase orders',
      html`${scrollTable(
        'Purchase orders',
        html`<tr><th>Purchase order</th><th>Status</th><th>Supplier</th><th>Expected</th><th class="num">Lines</th><th class="num">Received / ordered</th></tr>`,
        page.items.map(
          (p) => html`<tr>
            <td><a href="${base}/${encodeURIComponent(p.inOrderInfo.goodsOwnerOrderNumber)}">${p.inOrderInfo.goodsOwnerOrderNumber}</a></td>
            <td>${purchaseOrderStatusBadge(rules, p.status)}</td><td>${cell(p.supplier?.supplierName ?? p.supplier?.supplierNumber)}</td>
            <td>${cell(p.inOrderInfo.inDate)}</td><td class="num">${p.inOrderLines.length}</td>
            <td class="num">${p.inOrderLines.reduce((n, l) => n + (l.receivedNumberOfItems ?? 0), 0)} / ${p.inOrderLines.reduce((n, l) => n + l.numberOfItems, 0)}</td>
          </tr>`,
        ),
        'No purchase orders yet.',
      )}
      ${pager(base, { after }, page.next)}`,
    );
  });

  const render = async (c: Context, top?: Html, status: ContentfulStatusCode = 200) => {
    const owner = await ownGoodsOwner(c, wms);
    const rules = owner.statusRules.purchaseOrder;
    const po = await wms.getPurchaseOrder(owner.code, c.req.param('number') ?? '');
    const number = po.inOrderInfo.goodsOwnerOrderNumber;
    const open = po.status !== rules.received && po.status !== rules.cancelled;
    const outstanding = (l: (typeof po.inOrderLines)[number]) => Math.max(0, l.numberOfItems - (l.receivedNumberOfItems ?? 0));
    const action = `${ownerPath(owner.code, 'purchase-orders')}/${encodeURIComponent(number)}/receive`;
    return wmsPage(
      c,
      owner,
      'purchase-orders',
      `Purchase order ${number}`,
      html`${top ?? (c.req.query('received') ? notice('ok', 'Received. The receipt report goes back with the next run of the receipt-report flow.') : '')}
        <section class="card"><dl class="facts">
          <dt>Status</dt><dd>${purchaseOrderStatusBadge(rules, po.status)}</dd>
          <dt>Supplier</dt><dd>${cell(po.supplier?.supplierName ?? po.supplier?.supplierNumber)}</dd>
          <dt>Expected</dt><dd>${cell(po.inOrderInfo.inDate)}</dd>
          <dt>Remark</dt><dd>${cell(po.inOrderInfo.orderRemark)}</dd>
        </dl></section>
        <form class="card" method="post" action="${action}" aria-labelledby="lines-title">
          ${csrfField(c)}
          <h2 id="lines-title">Lines</h2>
          ${scrollTable(
            'Lines',
            html`<tr><th class="num">Row</th><th>Article</th><th>Name</th><th class="num">Ordered</th><th class="num">Received</th>${open ? html`<th>Receive now</th>` : ''}</tr>`,
            po.inOrderLines.map(
              (l, i) => html`<tr><td class="num">${i + 1}</td><td><code>${l.articleNumber}</code></td><td>${cell(l.articleName)}</td>
                <td class="num">${l.numberOfItems}</td><td class="num">${l.receivedNumberOfItems ?? 0}</td>
                ${open ? html`<td><label class="visually-hidden" for="receive-${i + 1}">Receive now, row ${i + 1}</label><input id="receive-${i + 1}" name="row.${i + 1}" type="number" min="0" step="any" value="${outstanding(l)}" /></td>` : ''}</tr>`,
            ),
          )}
          ${open
            ? html`<div class="actions" style="margin-top:1rem">
                <button type="submit" name="whole" value="1" class="primary">Receive everything outstanding</button>
                <button type="submit" name="whole" value="0">Receive these quantities</button>
              </div>`
            : ''}
        </form>`,
      status,
    );
  };

  app.get('/wms/:owner/purchase-orders/:number', (c) => render(c));

  app.post('/wms/:owner/purchase-orders/:number/receive', async (c) => {
    const owner = await ownGoodsOwner(c, wms);
    const number = c.req.param('number');
    const form = await c.req.parseBody();
    const lines = Object.keys(form)
      .filter((k) => k.startsWith('row.') && typeof form[k] === 'string' && form[k] !== '' && Number(form[k]) !== 0)
      .map((k) => ({ row: Number(k.slice(4)), quantity: Number(form[k]) }));
    // The port reads "no lines" as "everything": a partial receipt of nothing must not become that.
    if (form.whole !== '1' && lines.length === 0) return render(c, notice('error', 'Give a quantity for at least one line, or receive everything outstanding.'), 422);
    try {
      await wms.receivePurchaseOrder(owner.code, number, form.whole === '1' ? undefined : lines);
    } catch (e) {
      if (!isWmsyncError(e) || e.kind === 'system' || e.kind === 'not-found') throw e;
      return render(c, notice('error', e.message, e.details), e.kind === 'conflict' ? 409 : 422);
    }
    return c.redirect(`${ownerPath(owner.code, 'purchase-orders')}/${encodeURIComponent(number)}?received=1`, 303);
  });
  return app;
}
