import { Hono } from 'hono';
import { html } from 'hono/html';
import type { SyncServices } from '../../sync/services.js';

/** An integration's page: where an OAuth authorization lands, with what is set and what ran. */
export function integrationPage({ sync }: { sync: SyncServices }) {
  const app = new Hono();
  app.get('/integrations/:id{[0-9]+}', async (c) => {
    const integration = await sync.integrations.get(Number(c.req.param('id')));
    const runs = await sync.runs.list({ integrationId: integration.id, limit: 10 });
    const authorised = integration.secretsSet.includes('accessToken');
    return c.html(html`<!doctype html>
      <html lang="en">
        <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>${integration.name} · wmsync</title></head>
        <body>
          <h1>${integration.name}</h1>
          ${c.req.query('authorised') ? html`<p role="status">Authorised: ${integration.system} accepted the login, and the tokens are stored encrypted.</p>` : ''}
          <p>Goods owner ${integration.goodsOwner} · ${integration.system} · ${integration.environment}${integration.paused ? ' · paused' : ''}</p>
          ${sync.registry.get(integration.system).oauth
            ? html`<p>${authorised ? 'Authorised.' : 'Not authorised yet.'} <a href="/oauth/start/${integration.id}">${authorised ? 'Authorise again' : 'Authorise'}</a></p>`
            : ''}
          <h2>Flows</h2>
          <ul>${integration.flows.map((f) => html`<li>${f.flow}: ${f.enabled ? 'on' : 'off'}</li>`)}</ul>
          <h2>Recent runs</h2>
          <ul>${runs.map((r) => html`<li>${r.startedAt} ${r.flow} ${r.status}</li>`)}</ul>
        </body>
      </html>`);
  });
  return app;
}
