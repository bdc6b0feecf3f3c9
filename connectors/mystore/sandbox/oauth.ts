import type { Hono } from 'hono';
import { html } from 'hono/html';
import { ApiError } from '../../../src/connectors/sandbox/index.js';
import { sandboxClient, sandboxUser } from './tokens.js';
import type { Tokens } from './tokens.js';

/** What each scope lets the integration do, as the consent page lists it. */
const scopeText: Record<string, string> = {
  'read:products': 'Lese produkter og varianter',
  'write:products': 'Endre lagerbeholdning på produkter og varianter',
  'read:orders': 'Lese ordrer og ordrestatuser',
  'write:orders': 'Sette ordrestatus og sporingsnummer',
  'read:webhooks': 'Lese webhooks',
  'write:webhooks': 'Opprette webhooks for ordrer',
  '*': 'Full tilgang',
};

const page = (body: unknown) => html`<!doctype html>
<html lang="no"><head><meta charset="utf-8"><title>mystore.no sandbox: logg inn</title></head>
<body><main>${body}</main></body></html>`;

/**
 * The OAuth server [V S25]: `GET /oauth/authorize` shows a login and the permissions asked for;
 * allowing sends the browser back to `redirect_uri` with a code and the `state`, denying with
 * `error=access_denied`. `POST /oauth/token` takes authorization_code, refresh_token and password
 * grants, form-encoded or JSON.
 */
export function oauthRoutes(app: Hono, tokens: Tokens): void {
  const checkClient = (clientId: string | undefined) => {
    if (clientId !== sandboxClient.clientId) throw new ApiError(400, `Unknown client_id ${clientId ?? '(none)'}`);
  };

  app.get('/oauth/authorize', (c) => {
    const q = c.req.query();
    checkClient(q.client_id);
    if (q.response_type !== 'code') throw new ApiError(400, 'response_type must be code');
    if (!q.redirect_uri) throw new ApiError(400, 'redirect_uri is required');
    const scopes = (q.scope ?? '').split(' ').filter(Boolean);
    return c.html(
      page(html`<h1>Logg inn på mystore.no</h1>
        <form method="post" action="">
          ${Object.entries({ client_id: q.client_id, redirect_uri: q.redirect_uri, state: q.state ?? '', scope: scopes.join(' ') }).map(
            ([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`,
          )}
          <p><label>E-post <input name="email" type="email" autocomplete="username" required></label></p>
          <p><label>Passord <input name="password" type="password" autocomplete="current-password" required></label></p>
          <h2>wmsync ber om disse tillatelsene</h2>
          <ul id="permissions">${scopes.map((s) => html`<li data-scope="${s}"><code>${s}</code>: ${scopeText[s] ?? s}</li>`)}</ul>
          <button type="submit" name="decision" value="allow">Tillat</button>
          <button type="submit" name="decision" value="deny" formnovalidate>Avslå</button>
        </form>`),
    );
  });

  app.post('/oauth/authorize', async (c) => {
    const form = await c.req.parseBody();
    const value = (k: string) => (typeof form[k] === 'string' ? (form[k] as string) : '');
    checkClient(value('client_id'));
    const back = new URL(value('redirect_uri'));
    if (value('state')) back.searchParams.set('state', value('state'));
    if (value('decision') !== 'allow') {
      back.searchParams.set('error', 'access_denied');
      return c.redirect(back.href, 302);
    }
    if (value('email') !== sandboxUser.email || value('password') !== sandboxUser.password) {
      return c.html(page(html`<h1>Feil e-post eller passord</h1><p role="alert">Prøv igjen: <a href="javascript:history.back()">tilbake</a></p>`), 401);
    }
    back.searchParams.set('code', tokens.newCode(value('client_id'), value('redirect_uri'), value('scope')));
    return c.redirect(back.href, 302);
  });

  app.post('/oauth/token', async (c) => {
    const body = (c.req.header('content-type') ?? '').includes('json') ? ((await c.req.json()) as Record<string, string>) : ((await c.req.parseBody()) as Record<string, string>);
    const refuse = (error: string, description: string) => c.json({ error, error_description: description }, 400);
    if (body.client_id !== sandboxClient.clientId || body.client_secret !== sandboxClient.clientSecret) return c.json({ error: 'invalid_client', error_description: 'Unknown client or wrong secret' }, 401);
    if (body.grant_type === 'authorization_code') {
      const code = tokens.takeCode(body.code ?? '', body.client_id, body.redirect_uri ?? '');
      return code ? c.json(tokens.issue(body.client_id, code.scope)) : refuse('invalid_grant', 'The code is unknown, used, expired or for another redirect_uri');
    }
    if (body.grant_type === 'refresh_token') {
      const found = tokens.takeRefresh(body.refresh_token ?? '', body.client_id);
      return found ? c.json(tokens.issue(body.client_id, found.scope)) : refuse('invalid_grant', 'The refresh token is unknown or used');
    }
    if (body.grant_type === 'password') {
      if (body.username !== sandboxUser.email || body.password !== sandboxUser.password) return refuse('invalid_grant', 'Wrong username or password');
      return c.json(tokens.issue(body.client_id, body.scope ?? '*'));
    }
    return refuse('unsupported_grant_type', `grant_type ${body.grant_type ?? '(none)'} is not supported`);
  });
}
