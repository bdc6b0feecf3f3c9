import type { Context } from 'hono';
import { Hono } from 'hono';
import { html } from 'hono/html';
import { requireAdmin } from '../access.js';
import { adminChange, adminPage, formText } from './admin-frame.js';
import { csrfField } from './csrf.js';
import type { UiDeps } from './deps.js';
import { notice, scrollTable, time } from './fragments.js';
import type { Html } from './fragments.js';

/** `/admin/goods-owners`: every goods owner, its name editable in place, and a form to add one. */
export function goodsOwnersPage({ sync }: UiDeps) {
  const app = new Hono();

  const render = async (c: Context, top: Html | string = '', status: 200 | 422 = 200) => {
    requireAdmin(c);
    const owners = await sync.tenants.list();
    const done = c.req.query('done');
    return adminPage(
      c,
      '/admin/goods-owners',
      'Goods owners',
      html`${top || (done ? notice('ok', done) : '')}
        ${scrollTable(
          'Goods owners',
          html`<tr><th>Code</th><th>Name</th><th>Created</th><th>WMS</th></tr>`,
          owners.map(
            (o, i) => html`<tr><td><code>${o.code}</code></td>
              <td><form method="post" action="/admin/goods-owners/${encodeURIComponent(o.code)}">${csrfField(c)}
                <label class="visually-hidden" for="owner-name-${i}">Name of ${o.code}</label>
                <input id="owner-name-${i}" name="name" value="${o.name}" required maxlength="200" />
                <button type="submit" class="small" aria-label="Save the name of ${o.code}">Save</button></form></td>
              <td>${time(o.createdAt)}</td><td><a href="/wms/${encodeURIComponent(o.code)}/orders">Orders</a></td></tr>`,
          ),
          'No goods owners yet.',
        )}
        <h2>Add a goods owner</h2>
        <form class="stack" method="post" action="/admin/goods-owners">${csrfField(c)}
          <div class="field"><label for="new-code">Code (letters, digits, "_", "." or "-"; it cannot change later)</label><input id="new-code" name="code" required maxlength="50" /></div>
          <div class="field"><label for="new-name">Company name</label><input id="new-name" name="name" required maxlength="200" /></div>
          <div class="actions"><button class="primary" type="submit">Add goods owner</button></div>
        </form>`,
      status,
    );
  };

  app.get('/admin/goods-owners', (c) => render(c));
  app.post('/admin/goods-owners', async (c) => {
    const form = await c.req.parseBody();
    const code = formText(form, 'code');
    return adminChange(c, () => sync.tenants.add({ code, name: formText(form, 'name') }), `/admin/goods-owners?done=${encodeURIComponent(`Goods owner ${code} added.`)}`, (top) => render(c, top, 422));
  });
  app.post('/admin/goods-owners/:code', async (c) => {
    const form = await c.req.parseBody();
    const code = c.req.param('code');
    return adminChange(c, () => sync.tenants.rename(code, formText(form, 'name')), `/admin/goods-owners?done=${encodeURIComponent(`Name of ${code} saved.`)}`, (top) => render(c, top, 422));
  });
  return app;
}
