import type { Context } from 'hono';
import { Hono } from 'hono';
import { html } from 'hono/html';
import { isWmsyncError } from '../../kernel/errors.js';
import { csrfField } from './csrf.js';
import type { UiDeps } from './deps.js';
import { notice, scrollTable } from './fragments.js';
import type { Html } from './fragments.js';
import { ownGoodsOwner, ownerPath, PAGE_SIZE, wmsPage } from './wms-frame.js';

/** `/wms/:owner/stock`: physical and available per article, with "set physical" per row (a count or a correction). */
export function wmsStockPage({ wms }: UiDeps) {
  const app = new Hono();

  const render = async (c: Context, top: Html | string = '', status: 200 | 422 = 200) => {
    const owner = await ownGoodsOwner(c, wms);
    const from = Math.max(0, Number(c.req.query('from')) || 0);
    const all = await wms.listStock(owner.code);
    const shown = all.slice(from, from + PAGE_SIZE);
    const base = ownerPath(owner.code, 'stock');
    const adjusted = c.req.query('adjusted');
    return wmsPage(
      c,
      owner,
      'stock',
      'Stock',
      html`${top || (adjusted ? notice('ok', `Stock of ${adjusted} set. A stock export sends the difference on its next run.`) : '')}
        ${scrollTable(
          'Stock',
          html`<tr><th>Article</th><th class="num">Physical</th><th class="num">Available</th><th>Adjust physical</th></tr>`,
          shown.map(
            (s, i) => html`<tr><td><code>${s.articleNumber}</code></td><td class="num">${s.physical}</td><td class="num">${s.available}</td>
              <td><form method="post" action="${base}/${encodeURIComponent(s.articleNumber)}">${csrfField(c)}
                <label class="visually-hidden" for="stock-${from + i}">New physical quantity of ${s.articleNumber}</label>
                <input id="stock-${from + i}" name="physical" type="number" min="0" step="any" value="${s.physical}" required />
                <button type="submit" class="small" aria-label="Set stock of ${s.articleNumber}">Set</button>
              </form></td></tr>`,
          ),
          'No stock yet.',
        )}
        <nav class="actions" aria-label="Pages" style="margin-top:1rem">
          ${from > 0 ? html`<a class="button small" href="${base}?from=${Math.max(0, from - PAGE_SIZE)}">Previous page</a>` : ''}
          ${from + PAGE_SIZE < all.length ? html`<a class="button small" href="${base}?from=${from + PAGE_SIZE}">Next page</a>` : ''}
          <span class="muted">${all.length === 0 ? '' : `${from + 1}–${Math.min(all.length, from + PAGE_SIZE)} of ${all.length}`}</span>
        </nav>`,
      status,
    );
  };

  app.get('/wms/:owner/stock', (c) => render(c));

  app.post('/wms/:owner/stock/:article', async (c) => {
    const owner = await ownGoodsOwner(c, wms);
    const article = c.req.param('article');
    const form = await c.req.parseBody();
    try {
      await wms.setStock(owner.code, article, Number(form.physical));
    } catch (e) {
      if (!isWmsyncError(e) || e.kind === 'system') throw e;
      return render(c, notice('error', e.message, e.details), 422);
    }
    return c.redirect(`${ownerPath(owner.code, 'stock')}?adjusted=${encodeURIComponent(article)}`, 303);
  });
  return app;
}
