import type { Context } from 'hono';
import { html } from 'hono/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isWmsyncError } from '../../kernel/errors.js';
import { principalOf, requireAdmin } from '../access.js';
import { notice } from './fragments.js';
import type { Html } from './fragments.js';
import { layout } from './layout.js';

const tabs = [
  ['/admin/users', 'Users'],
  ['/admin/goods-owners', 'Goods owners'],
  ['/audit-log', 'Audit log'],
] as const;

/** An administration page: its tabs (an administrator's; a goods-owner user sees the audit log only), then the content. */
export function adminPage(c: Context, path: (typeof tabs)[number][0], title: string, content: Html, status: ContentfulStatusCode = 200) {
  const shown = principalOf(c).role === 'admin' ? tabs : tabs.filter(([p]) => p === '/audit-log');
  return layout(
    c,
    { title, section: 'admin' },
    html`<div class="page-head"><div><h1>${title}</h1></div></div>
      <nav class="tabs" aria-label="Administration">
        ${shown.map(([p, label]) => html`<a href="${p}"${p === path ? html` aria-current="page"` : ''}>${label}</a>`)}
      </nav>
      ${content}`,
    status,
  );
}

/**
 * Runs a form's change and redirects to `done`; a refusal (bad input, a conflict) renders the
 * page again with the reason, as 422. Only administrators get this far.
 */
export async function adminChange(c: Context, change: () => Promise<unknown>, done: string, again: (top: Html) => Promise<Response>): Promise<Response> {
  requireAdmin(c);
  try {
    await change();
  } catch (e) {
    if (!isWmsyncError(e) || e.kind === 'system' || e.kind === 'forbidden') throw e;
    return again(notice('error', e.message, e.details));
  }
  return c.redirect(done, 303);
}

/** A form field's text ('' when absent or a file). */
export const formText = (form: Record<string, unknown>, name: string): string => (typeof form[name] === 'string' ? (form[name] as string) : '');
