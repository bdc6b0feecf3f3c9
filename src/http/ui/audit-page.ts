import { Hono } from 'hono';
import { html } from 'hono/html';
import { auditKinds } from '../../audit/audit-log.js';
import { describeChanges } from '../../audit/describe.js';
import { principalOf } from '../access.js';
import { adminPage } from './admin-frame.js';
import type { UiDeps } from './deps.js';
import { scrollTable, time } from './fragments.js';

const PAGE = 50;

/** `/audit-log`: who changed what, newest first; a goods-owner user sees its own goods owner's changes only. */
export function auditPage({ sync }: UiDeps) {
  const app = new Hono();
  app.get('/audit-log', async (c) => {
    const principal = principalOf(c);
    const kind = auditKinds.find((k) => k === c.req.query('kind'));
    const before = Number(c.req.query('before'));
    const page = await sync.audit.list({
      limit: PAGE,
      ...(kind ? { kind } : {}),
      ...(Number.isInteger(before) && before > 0 ? { before } : {}),
      ...(principal.role === 'goods-owner' ? { goodsOwners: [principal.goodsOwner] } : {}),
    });
    return adminPage(
      c,
      '/audit-log',
      'Audit log',
      html`<form class="actions" method="get" action="/audit-log">
          <label for="audit-kind">Kind</label>
          <select id="audit-kind" name="kind"><option value="">every kind</option>${auditKinds.map((k) => html`<option value="${k}"${k === kind ? html` selected` : ''}>${k}</option>`)}</select>
          <button type="submit" class="small">Show</button>
        </form>
        ${scrollTable(
          'Changes',
          html`<tr><th>When</th><th>Who</th><th>Kind</th><th>Record</th><th>What</th><th>Changes</th></tr>`,
          page.items.map((e) => html`<tr><td>${time(e.at)}</td><td>${e.actor}</td><td>${e.kind}</td><td>${e.record}</td><td>${e.action}</td><td>${describeChanges(e)}</td></tr>`),
          'No changes recorded yet.',
        )}
        ${page.next ? html`<nav class="actions" aria-label="Pages" style="margin-top:1rem"><a class="button small" href="/audit-log?${new URLSearchParams({ ...(kind ? { kind } : {}), before: page.next })}">Older changes</a></nav>` : ''}`,
    );
  });
  return app;
}
