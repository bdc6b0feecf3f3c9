import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { html } from 'hono/html';
import type { Principal } from '../../access/users.js';
import { assetUrls } from './assets.js';
import { csrfField } from './csrf.js';
import type { Html } from './fragments.js';

export interface Frame {
  title: string;
  /** Which main navigation entry is current. */
  section?: 'integrations' | 'wms' | 'admin';
  /** The event stream that tells this page its run information changed (see live.ts). */
  liveSource?: string;
}

/** Where "WMS" leads: a goods-owner user straight to its own goods owner. */
export const wmsHome = (principal: Principal) => (principal.role === 'goods-owner' ? `/wms/${encodeURIComponent(principal.goodsOwner)}/orders` : '/wms');

function userBox(c: Context, principal: Principal | undefined) {
  if (!principal) return '';
  if (principal.role === 'admin' && principal.setup) {
    return html`<div class="user"><span>Set-up mode: create the first administrator with <code>wmsync users add</code></span></div>`;
  }
  const role = principal.role === 'admin' ? 'Administrator' : `Goods owner ${principal.goodsOwner}`;
  return html`<div class="user">
    <span><span class="visually-hidden">Signed in as </span>${principal.email} · ${role}</span>
    <form method="post" action="/logout">${csrfField(c)}<button type="submit" class="small">Sign out</button></form>
  </div>`;
}

/** The page frame: skip link, header with navigation and the signed-in user, then the content. */
export function layout(c: Context, frame: Frame, content: Html, status: ContentfulStatusCode = 200) {
  const principal = c.get('principal' as never) as Principal | undefined;
  const current = (section: Frame['section']) => (frame.section === section ? html` aria-current="page"` : '');
  return c.html(html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${frame.title} · wmsync</title>
        <link rel="stylesheet" href="${assetUrls.css}" />
        <script src="${assetUrls.js}" defer></script>
      </head>
      <body${frame.liveSource ? html` data-live-source="${frame.liveSource}"` : ''}>
        <a class="skip-link" href="#main">Skip to content</a>
        <header class="site-header">
          <div class="bar">
            <a class="brand" href="/">wmsync</a>
            ${principal
              ? html`<nav class="site-nav" aria-label="Main">
                  <a href="/"${current('integrations')}>Integrations</a>
                  <a href="${wmsHome(principal)}"${current('wms')}>WMS</a>
                  <a href="${principal.role === 'admin' ? '/admin/users' : '/audit-log'}"${current('admin')}>${principal.role === 'admin' ? 'Administration' : 'Audit log'}</a>
                </nav>`
              : ''}
            ${userBox(c, principal)}
          </div>
        </header>
        <main id="main" tabindex="-1">
          ${content}
          <p id="live-status" class="live-status" role="status" aria-live="polite"></p>
        </main>
      </body>
    </html>`, status);
}
