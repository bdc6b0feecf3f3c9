import { Hono } from 'hono';
import { html } from 'hono/html';
import type { UiDeps } from './deps.js';
import { cell, pager, scrollTable } from './fragments.js';
import { ownGoodsOwner, ownerPath, PAGE_SIZE, wmsPage } from './wms-frame.js';

/** `/wms/:owner/articles` and `/wms/:owner/suppliers`: the registers the imports fill, page by page. */
export function wmsRegisterPages({ wms }: UiDeps) {
  const app = new Hono();

  app.get('/wms/:owner/articles', async (c) => {
    const owner = await ownGoodsOwner(c, wms);
    const after = c.req.query('after') || undefined;
    const page = await wms.listArticles(owner.code, { limit: PAGE_SIZE, ...(after ? { after } : {}) });
    return wmsPage(
      c,
      owner,
      'articles',
      'Articles',
      html`${scrollTable(
        'Articles',
        html`<tr><th>Article</th><th>Name</th><th>Barcode</th><th>Unit</th><th class="num">Price</th><th class="num">Weight (kg)</th><th>Active</th></tr>`,
        page.items.map(
          (a) => html`<tr><td><code>${a.articleNumber}</code></td><td>${cell(a.articleName)}</td><td>${cell(a.barCode)}</td><td>${cell(a.unitCode)}</td>
            <td class="num">${cell(a.price)}</td><td class="num">${cell(a.weight)}</td><td>${a.isActive === false ? 'no' : 'yes'}</td></tr>`,
        ),
        'No articles yet: an article import fills this list.',
      )}
      ${pager(ownerPath(owner.code, 'articles'), { after }, page.next)}`,
    );
  });

  app.get('/wms/:owner/suppliers', async (c) => {
    const owner = await ownGoodsOwner(c, wms);
    const after = c.req.query('after') || undefined;
    const page = await wms.listSuppliers(owner.code, { limit: PAGE_SIZE, ...(after ? { after } : {}) });
    return wmsPage(
      c,
      owner,
      'suppliers',
      'Suppliers',
      html`${scrollTable(
        'Suppliers',
        html`<tr><th>Supplier</th><th>Name</th><th>Address</th><th>City</th><th>Country</th><th>E-mail</th></tr>`,
        page.items.map(
          (s) => html`<tr><td><code>${s.supplierNumber}</code></td><td>${cell(s.supplierName)}</td><td>${cell(s.address)}</td>
            <td>${cell([s.postCode, s.city].filter(Boolean).join(' '))}</td><td>${cell(s.countryCode)}</td><td>${cell(s.email)}</td></tr>`,
        ),
        'No suppliers yet.',
      )}
      ${pager(ownerPath(owner.code, 'suppliers'), { after }, page.next)}`,
    );
  });
  return app;
}
