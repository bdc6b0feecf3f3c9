import { Hono } from 'hono';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { html } from 'hono/html';
import type { Users } from '../../access/users.js';
import { SESSION_COOKIE, remoteAddress } from '../access.js';
import { assetUrls } from '../ui/assets.js';
import { sameOriginPath } from './same-origin-path.js';

/** https as the user sees it: the public URL says so behind a proxy that ends TLS, the request otherwise. */
const https = (c: Context, publicUrl: string | undefined) => (publicUrl ?? c.req.url).startsWith('https:');

const nextOf = (c: Context, next: string | undefined) => sameOriginPath(next, new URL(c.req.url).origin);

/** Sign-in and sign-out. The session cookie is HttpOnly, SameSite=Lax, and Secure behind https. */
export function loginPages({ users, publicUrl }: { users: Users; publicUrl?: string }) {
  const app = new Hono();
  const page = (next: string, error?: string) => html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>Sign in · wmsync</title>
        <link rel="stylesheet" href="${assetUrls.css}" />
      </head>
      <body>
        <header class="site-header"><div class="bar"><span class="brand">wmsync</span></div></header>
        <main id="main" style="max-width:28rem">
          <h1>Sign in to wmsync</h1>
          ${error ? html`<p class="notice notice-error" role="alert">${error}</p>` : ''}
          <form class="card stack" method="post" action="/login">
            <input type="hidden" name="next" value="${next}" />
            <div class="field"><label for="email">E-mail</label><input id="email" name="email" type="email" autocomplete="username" required autofocus /></div>
            <div class="field"><label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required /></div>
            <div class="actions"><button class="primary" type="submit">Sign in</button></div>
          </form>
        </main>
      </body>
    </html>`;

  app.get('/login', (c) => c.html(page(nextOf(c, c.req.query('next')))));
  app.post('/login', async (c) => {
    const form = await c.req.parseBody();
    const next = nextOf(c, String(form.next ?? '/'));
    const signedIn = await users.signIn(String(form.email ?? ''), String(form.password ?? ''), remoteAddress(c));
    if (signedIn.outcome === 'throttled') {
      const seconds = signedIn.retryAfterSeconds;
      return c.html(page(next, `Too many attempts; try again in ${seconds} s.`), 429, { 'retry-after': String(seconds) });
    }
    if (signedIn.outcome === 'wrong') return c.html(page(next, 'Wrong e-mail or password.'), 401);
    setCookie(c, SESSION_COOKIE, signedIn.token, { httpOnly: true, sameSite: 'Lax', secure: https(c, publicUrl), path: '/', maxAge: 12 * 3600 });
    return c.redirect(next, 303);
  });
  app.post('/logout', async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await users.signOut(token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/login', 303);
  });
  return app;
}
