import { Hono } from 'hono';
import { html } from 'hono/html';
import type { WmsPort } from '../../wms/port.js';

/** The first admin page: the goods owners, with links to their WMS data in the API. */
export function adminHome({ wms, version }: { wms: WmsPort; version: string }) {
  const app = new Hono();
  app.get('/', async (c) => {
    const owners = await wms.listGoodsOwners();
    return c.html(html`<!doctype html>
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>wmsync</title>
          <style>
            body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1d2733; }
            table { border-collapse: collapse; width: 100%; }
            th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #d6dde5; }
            code { background: #eef2f6; padding: .1rem .3rem; border-radius: 3px; }
          </style>
        </head>
        <body>
          <h1>wmsync <small>${version}</small></h1>
          <h2>Goods owners</h2>
          ${owners.length === 0
            ? html`<p>No goods owners yet. Add one: <code>npx wmsync goods-owners add ACME --name "Acme Oy"</code></p>`
            : html`<table>
                <thead><tr><th>Code</th><th>Name</th><th>Data</th></tr></thead>
                <tbody>
                  ${owners.map(
                    (o) => html`<tr>
                      <td>${o.code}</td><td>${o.name}</td>
                      <td>
                        <a href="/api/v1/goods-owners/${encodeURIComponent(o.code)}/articles">articles</a> ·
                        <a href="/api/v1/goods-owners/${encodeURIComponent(o.code)}/orders">orders</a> ·
                        <a href="/api/v1/goods-owners/${encodeURIComponent(o.code)}/purchase-orders">purchase orders</a> ·
                        <a href="/api/v1/goods-owners/${encodeURIComponent(o.code)}/stock">stock</a>
                      </td>
                    </tr>`,
                  )}
                </tbody>
              </table>`}
          <h2>API</h2>
          <ul>
            <li><a href="/api/v1/openapi.json">OpenAPI document</a></li>
            <li><a href="/healthz">Health</a> · <a href="/metrics">Metrics</a></li>
          </ul>
        </body>
      </html>`);
  });
  return app;
}
