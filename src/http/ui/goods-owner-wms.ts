import type { Context } from 'hono';
import { Hono } from 'hono';
import { html } from 'hono/html';
import { wmsKinds } from '../../tenants/wms-kinds.js';
import { requireAdmin } from '../access.js';
import { adminPage } from './admin-frame.js';
import { csrfField } from './csrf.js';
import type { UiDeps } from './deps.js';
import { readWms, testButton, testResult, wmsFields, wmsInputs, wmsSubmit } from './wms-settings-form.js';
import type { Shown } from './wms-settings-form.js';

/**
 * `/admin/goods-owners/CODE/wms`: the settings of a goods owner's WMS, stored values shown, secrets
 * only as "set" (an empty input keeps them); "Test connection" tries the form's values with the
 * stored secrets where none is typed. Which WMS stays: the goods owner's records are in it.
 */
export function goodsOwnerWmsPage({ sync }: UiDeps) {
  const app = new Hono();
  const path = (code: string) => `/admin/goods-owners/${encodeURIComponent(code)}/wms`;

  const render = async (c: Context, shown: Shown = {}, status: 200 | 422 = 200) => {
    requireAdmin(c);
    const owner = await sync.tenants.get(c.req.param('code')!);
    const kind = wmsKinds[owner.wms].displayName;
    const form = html`<form class="stack" method="post" action="${path(owner.code)}">${csrfField(c)}
      <fieldset><legend>${kind} settings</legend>${wmsInputs(owner.wms, { sent: shown.sent, stored: owner, issues: shown.issues ?? [] })}</fieldset>
      ${testResult(shown.test)}
      <div class="actions"><button class="primary" type="submit" name="intent" value="save">Save settings</button>${testButton}<a href="/admin/goods-owners">Cancel</a></div>
    </form>`;
    return adminPage(
      c,
      '/admin/goods-owners',
      `WMS of ${owner.code}`,
      html`${shown.top ?? ''}
        <p>${owner.name} is on ${kind}.</p>
        ${wmsFields(owner.wms).length > 0 ? form : html`<p class="muted">The ${kind} has no settings.</p>`}`,
      status,
    );
  };

  app.get('/admin/goods-owners/:code/wms', (c) => render(c));
  app.post('/admin/goods-owners/:code/wms', async (c) => {
    requireAdmin(c);
    const form = await c.req.parseBody();
    const code = c.req.param('code');
    const owner = await sync.tenants.get(code);
    const change = readWms(form, owner.wms);
    return wmsSubmit(c, form, {
      kind: owner.wms,
      test: () => sync.testWmsConnection(code, change),
      save: () => sync.tenants.changeWms(code, change),
      done: `/admin/goods-owners?done=${encodeURIComponent(`WMS settings of ${code} saved.`)}`,
      again: (shown, status) => render(c, { ...shown, sent: form }, status),
    });
  });
  return app;
}
