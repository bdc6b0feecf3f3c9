import type { Context } from 'hono';
import { Hono } from 'hono';
import { html } from 'hono/html';
import { isWmsyncError } from '../../kernel/errors.js';
import { csrfField } from './csrf.js';
import type { UiDeps } from './deps.js';
import { notice, pager, scrollTable } from './fragments.js';
import type { Html } from './fragments.js';
import { ownGoodsOwner, ownerPath, PAGE_SIZE, wmsPage } from './wms-frame.js';
import { stockPage } from '../../wms/stock-pages.js';

/** `/wms/:owner/stock`: physical and available per article, with "set physical" per row (a count or a correction). */
export function wmsStockPage({ wms }: UiDeps) {
  const app = new Hono();

  const render = async (c: Context, top: Html | string = '', status: 200 | 422 = 200) => {
    const owner = await ownGoodsOwner(c, wms);
    const after = c.req.query('after') || undefined;
    const page = await stockPage(wms, owner.code, { limit: PAGE_SIZE, after });
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
          page.items.map(
            (s, i) => html`<tr><td><code>${s.articleNumber}</code></td><td class="num">${s.physical}</td><td class="num">${s.available}</td>
              <td><form method="post" action="${base}/${encodeURIComponent(s.articleNumber)}">${csrfField(c)}
                <label class="visually-hidden" for="stock-${i}">New physical quantity of ${s.articleNumber}</label>
                <input id="stock-${i}" name="physical" type="number" min="0" step="any" value="${s.physical}" required />
                <button type="submit" class="small" aria-label="Set stock of ${s.articleNumber}">Set</button>
              </form></td></tr>`,
          ),
          'No stock yet.',
        )}
        ${pager(base, { after }, page.next ?? undefined)}`,
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
