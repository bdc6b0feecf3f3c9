import type { Context } from 'hono';
import { Hono } from 'hono';
import { html } from 'hono/html';
import { roles } from '../../access/users.js';
import { notFound } from '../../kernel/errors.js';
import { requireAdmin } from '../access.js';
import { adminChange, adminPage, formText } from './admin-frame.js';
import { csrfField } from './csrf.js';
import type { UiDeps } from './deps.js';
import { notice, scrollTable, time } from './fragments.js';
import type { Html } from './fragments.js';

const userPath = (email: string) => `/admin/users/${encodeURIComponent(email)}`;
const roleLabel = (role: string) => (role === 'admin' ? 'Administrator' : 'Goods owner user');

/** The role and goods-owner fields, shared by "Add user" and "Change access". */
function accessFields(prefix: string, owners: { code: string; name: string }[], role: string, goodsOwner: string | null) {
  return html`<div class="field"><label for="${prefix}-role">Role</label>
      <select id="${prefix}-role" name="role">${roles.map((r) => html`<option value="${r}"${r === role ? html` selected` : ''}>${roleLabel(r)}</option>`)}</select></div>
    <div class="field"><label for="${prefix}-owner">Goods owner (for a goods owner user)</label>
      <select id="${prefix}-owner" name="goodsOwner"><option value="">none (administrator)</option>
        ${owners.map((o) => html`<option value="${o.code}"${o.code === goodsOwner ? html` selected` : ''}>${o.code} · ${o.name}</option>`)}</select></div>`;
}

/** `/admin/users`: everyone who signs in, and a form to add one; each user's page changes access, password and sign-ins. */
export function usersPages({ users, wms }: UiDeps) {
  const app = new Hono();

  const list = async (c: Context, top: Html | string = '', status: 200 | 422 = 200) => {
    requireAdmin(c);
    const [all, owners] = await Promise.all([users.list(), wms.listGoodsOwners()]);
    const added = c.req.query('added');
    return adminPage(
      c,
      '/admin/users',
      'Users',
      html`${top || (added ? notice('ok', `User ${added} added. Give them the password by a safe way; they sign in at /login.`) : '')}
        ${scrollTable(
          'Users',
          html`<tr><th>E-mail</th><th>Role</th><th>Goods owner</th><th>Created</th></tr>`,
          all.map((u) => html`<tr><td><a href="${userPath(u.email)}">${u.email}</a></td><td>${roleLabel(u.role)}</td><td>${u.goodsOwner ?? '–'}</td><td>${time(u.createdAt)}</td></tr>`),
        )}
        <h2>Add a user</h2>
        <form class="stack" method="post" action="/admin/users">${csrfField(c)}
          <div class="field"><label for="new-email">E-mail</label><input id="new-email" name="email" type="email" required autocomplete="off" /></div>
          <div class="field"><label for="new-password">First password (at least 10 characters)</label><input id="new-password" name="password" type="password" minlength="10" required autocomplete="new-password" /></div>
          ${accessFields('new', owners, 'goods-owner', null)}
          <div class="actions"><button class="primary" type="submit">Add user</button></div>
        </form>`,
      status,
    );
  };

  const detail = async (c: Context, top: Html | string = '', status: 200 | 422 = 200) => {
    requireAdmin(c);
    const email = c.req.param('email') ?? '';
    const user = (await users.list()).find((u) => u.email === email.toLowerCase());
    if (!user) throw notFound(`user ${email}`);
    const [owners, signIns] = await Promise.all([wms.listGoodsOwners(), users.signIns.list(email)]);
    const done = c.req.query('done');
    const base = userPath(email);
    return adminPage(
      c,
      '/admin/users',
      `User ${email}`,
      html`${top || (done ? notice('ok', done) : '')}
        <p class="meta">${roleLabel(user.role)}${user.goodsOwner ? ` of ${user.goodsOwner}` : ''} · created ${time(user.createdAt)}</p>
        <h2>Access</h2>
        <form class="stack" method="post" action="${base}/access">${csrfField(c)}
          ${accessFields('edit', owners, user.role, user.goodsOwner)}
          <div class="actions"><button type="submit">Save access</button></div>
        </form>
        <h2>Reset password</h2>
        <form class="stack" method="post" action="${base}/password">${csrfField(c)}
          <div class="field"><label for="reset-password">New password (at least 10 characters)</label><input id="reset-password" name="password" type="password" minlength="10" required autocomplete="new-password" /></div>
          <p class="muted">The user's browser sessions end; API tokens stay until revoked below.</p>
          <div class="actions"><button type="submit">Reset password</button></div>
        </form>
        <h2>Sessions and API tokens</h2>
        ${scrollTable(
          'Sessions and API tokens',
          html`<tr><th>Id</th><th>Kind</th><th>Created</th><th>Expires</th><th>Revoke</th></tr>`,
          signIns.map(
            (s) => html`<tr><td><code>${s.id}</code></td><td>${s.kind === 'token' ? 'API token' : 'Browser session'}</td><td>${time(s.createdAt)}</td><td>${time(s.expiresAt)}</td>
              <td><form method="post" action="${base}/sessions/${s.id}/revoke">${csrfField(c)}<button type="submit" class="small" aria-label="Revoke ${s.kind} ${s.id}">Revoke</button></form></td></tr>`,
          ),
          'No sessions or tokens.',
        )}
        ${signIns.length
          ? html`<form method="post" action="${base}/sessions/revoke-all" style="margin-top:1rem">${csrfField(c)}<button type="submit">Revoke all sessions and tokens</button></form>`
          : ''}`,
      status,
    );
  };

  app.get('/admin/users', (c) => list(c));
  app.post('/admin/users', async (c) => {
    const form = await c.req.parseBody();
    const email = formText(form, 'email');
    const goodsOwner = formText(form, 'goodsOwner');
    return adminChange(c, () => users.add({ email, password: formText(form, 'password'), role: formText(form, 'role'), ...(goodsOwner ? { goodsOwner } : {}) }), `/admin/users?added=${encodeURIComponent(email)}`, (top) => list(c, top, 422));
  });

  app.get('/admin/users/:email', (c) => detail(c));
  const back = (c: Context, message: string) => `${userPath(c.req.param('email') ?? '')}?done=${encodeURIComponent(message)}`;
  app.post('/admin/users/:email/access', async (c) => {
    const form = await c.req.parseBody();
    const role = formText(form, 'role') as (typeof roles)[number];
    const goodsOwner = role === 'admin' ? null : formText(form, 'goodsOwner') || undefined;
    return adminChange(c, () => users.update(c.req.param('email'), { role, ...(goodsOwner !== undefined ? { goodsOwner } : {}) }), back(c, 'Access saved.'), (top) => detail(c, top, 422));
  });
  app.post('/admin/users/:email/password', async (c) => {
    const form = await c.req.parseBody();
    return adminChange(c, () => users.update(c.req.param('email'), { password: formText(form, 'password') }), back(c, 'Password reset; the browser sessions were ended.'), (top) => detail(c, top, 422));
  });
  app.post('/admin/users/:email/sessions/:session/revoke', (c) =>
    adminChange(c, () => users.signIns.revoke(c.req.param('email'), c.req.param('session')), back(c, `Revoked ${c.req.param('session')}.`), (top) => detail(c, top, 422)),
  );
  app.post('/admin/users/:email/sessions/revoke-all', (c) =>
    adminChange(c, () => users.signIns.revokeAll(c.req.param('email')), back(c, 'Every session and token revoked.'), (top) => detail(c, top, 422)),
  );
  return app;
}
