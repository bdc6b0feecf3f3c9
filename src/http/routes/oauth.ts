import { Hono } from 'hono';
import { html } from 'hono/html';
import { mayAccess } from '../../access/users.js';
import { isWmsyncError } from '../../kernel/errors.js';
import type { Logger } from '../../kernel/logger.js';
import type { SyncServices } from '../../sync/services.js';
import { principalOf } from '../access.js';

/**
 * The browser side of OAuth 2: /oauth/start/:id sends the user to the system's login page, and
 * /oauth/callback brings them back to the integration's page with the tokens stored, for the same
 * user only, and only while they may still see the integration's goods owner.
 */
export function oauthRoutes({ sync, logger }: { sync: SyncServices; logger: Logger }) {
  const app = new Hono();
  const failure = (message: string) => html`<!doctype html>
    <html lang="en"><head><meta charset="utf-8" /><title>Authorization failed · wmsync</title></head>
    <body><h1>Authorization failed</h1><p role="alert">${message}</p><p><a href="/">Back to wmsync</a></p></body></html>`;

  app.get('/oauth/start/:id{[0-9]+}', async (c) => {
    try {
      return c.redirect(await sync.authorization.start(Number(c.req.param('id')), principalOf(c).userId), 302);
    } catch (e) {
      if (!isWmsyncError(e)) throw e;
      return c.html(failure(e.message), 400);
    }
  });

  app.get('/oauth/callback', async (c) => {
    const url = new URL(c.req.url);
    try {
      const principal = principalOf(c);
      const id = await sync.authorization.complete(url, { userId: principal.userId, mayAccess: (goodsOwner) => mayAccess(principal, goodsOwner) });
      return c.redirect(`/integrations/${id}?authorised=1`, 302);
    } catch (e) {
      if (!isWmsyncError(e)) throw e;
      logger.warn({ err: e.message }, 'OAuth callback refused');
      return c.html(failure(e.message), 400);
    }
  });
  return app;
}
