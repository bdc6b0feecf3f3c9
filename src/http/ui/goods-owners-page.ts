import type { Context } from 'hono';
import { Hono } from 'hono';
import { html } from 'hono/html';
import type { FieldIssue } from '../../kernel/errors.js';
import { isWmsKind, wmsKinds } from '../../tenants/wms-kinds.js';
import type { WmsKind } from '../../tenants/wms-kinds.js';
import { requireAdmin } from '../access.js';
import { adminChange, adminPage, formText } from './admin-frame.js';
import { csrfField } from './csrf.js';
import type { UiDeps } from './deps.js';
import { notice, scrollTable, time } from './fragments.js';
import { readWms, testButton, testResult, wmsFields, wmsInputs, wmsKindList, wmsSubmit } from './wms-settings-form.js';
import type { Sent, Shown } from './wms-settings-form.js';

/**
 * The WMS choice of the new goods owner, then each WMS's settings. The script shows only the
 * chosen WMS's; without it all are shown, and only the chosen one's are read.
 */
function wmsChoice(chosen: WmsKind, sent: Sent | undefined, issues: FieldIssue[]) {
  return html`<fieldset>
      <legend>WMS (where its orders, articles and stock are kept)</legend>
      ${wmsKindList.map((k) => html`<label class="check"><input type="radio" name="wms" value="${k}"${k === chosen ? html` checked` : ''} /><span>${wmsKinds[k].displayName}</span></label>`)}
    </fieldset>
    ${wmsKindList
      .filter((k) => wmsFields(k).length > 0)
      .map(
        (k) => html`<fieldset data-wms-kind="${k}">
          <legend>${wmsKinds[k].displayName} settings</legend>
          <p class="muted">Only for a goods owner on ${wmsKinds[k].displayName}.</p>
          ${wmsInputs(k, { sent, issues: k === chosen ? issues : [] })}
        </fieldset>`,
      )}`;
}

const chosenKind = (form: Sent | undefined): WmsKind => {
  const wms = typeof form?.wms === 'string' ? form.wms : '';
  return isWmsKind(wms) ? wms : wmsKindList[0]!;
};

/** `/admin/goods-owners`: every goods owner with its WMS, its name editable in place, and a form to add one on the WMS chosen. */
export function goodsOwnersPage({ sync }: UiDeps) {
  const app = new Hono();

  const render = async (c: Context, shown: Shown = {}, status: 200 | 422 = 200) => {
    requireAdmin(c);
    const owners = await sync.tenants.list();
    const done = c.req.query('done');
    const text = (name: string) => (typeof shown.sent?.[name] === 'string' ? shown.sent[name] : '');
    return adminPage(
      c,
      '/admin/goods-owners',
      'Goods owners',
      html`${shown.top ?? (done ? notice('ok', done) : '')}
        ${scrollTable(
          'Goods owners',
          html`<tr><th>Code</th><th>Name</th><th>WMS</th><th>Created</th><th>Records</th></tr>`,
          owners.map(
            (o, i) => html`<tr><td><code>${o.code}</code></td>
              <td><form method="post" action="/admin/goods-owners/${encodeURIComponent(o.code)}">${csrfField(c)}
                <label class="visually-hidden" for="owner-name-${i}">Name of ${o.code}</label>
                <input id="owner-name-${i}" name="name" value="${o.name}" required maxlength="200" />
                <button type="submit" class="small" aria-label="Save the name of ${o.code}">Save</button></form></td>
              <td>${wmsKinds[o.wms].displayName}${wmsFields(o.wms).length > 0 ? html` · <a href="/admin/goods-owners/${encodeURIComponent(o.code)}/wms" aria-label="WMS settings of ${o.code}">Settings</a>` : ''}</td>
              <td>${time(o.createdAt)}</td><td><a href="/wms/${encodeURIComponent(o.code)}/orders">Orders</a></td></tr>`,
          ),
          'No goods owners yet.',
        )}
        <h2>Add a goods owner</h2>
        <form class="stack" method="post" action="/admin/goods-owners" data-wms-choice>${csrfField(c)}
          <div class="field"><label for="new-code">Code (letters, digits, "_", "." or "-"; it cannot change later)</label><input id="new-code" name="code" value="${text('code')}" required maxlength="50" /></div>
          <div class="field"><label for="new-name">Company name</label><input id="new-name" name="name" value="${text('name')}" required maxlength="200" /></div>
          ${wmsChoice(chosenKind(shown.sent), shown.sent, shown.issues ?? [])}
          ${testResult(shown.test)}
          <div class="actions"><button class="primary" type="submit" name="intent" value="save">Add goods owner</button>${testButton}</div>
        </form>`,
      status,
    );
  };

  app.get('/admin/goods-owners', (c) => render(c));
  app.post('/admin/goods-owners', async (c) => {
    const form = await c.req.parseBody();
    const code = formText(form, 'code');
    const kind = chosenKind(form);
    const input = { code, name: formText(form, 'name'), wms: kind, ...readWms(form, kind) };
    return wmsSubmit(c, form, {
      kind,
      test: () => sync.testWmsConnection(input),
      save: () => sync.tenants.add(input),
      done: `/admin/goods-owners?done=${encodeURIComponent(`Goods owner ${code} added.`)}`,
      again: (shown, status) => render(c, { ...shown, sent: form }, status),
    });
  });
  app.post('/admin/goods-owners/:code', async (c) => {
    const form = await c.req.parseBody();
    const code = c.req.param('code');
    return adminChange(c, () => sync.tenants.rename(code, formText(form, 'name')), `/admin/goods-owners?done=${encodeURIComponent(`Name of ${code} saved.`)}`, (top) => render(c, { top }, 422));
  });
  return app;
}
