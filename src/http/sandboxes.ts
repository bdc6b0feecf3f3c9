import { Hono } from 'hono';
import type { ConnectorRegistry } from '../connectors/registry.js';

/**
 * Every connector's simulator under /sandbox/<system>, so that an integration in the sandbox
 * environment works with nothing but the hub running. Data lives in memory while the hub runs.
 */
export function sandboxRoutes(registry: ConnectorRegistry) {
  const app = new Hono();
  for (const connector of registry.list()) {
    if (!connector.sandbox) continue;
    const simulator = connector.sandbox.create({ seed: 1 });
    const prefix = `/sandbox/${connector.id}`;
    app.all(`${prefix}/*`, (c) => {
      const url = new URL(c.req.url);
      url.pathname = url.pathname.slice(prefix.length);
      return simulator.fetch(new Request(url, c.req.raw));
    });
  }
  return app;
}
