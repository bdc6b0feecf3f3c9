import { Hono } from 'hono';
import type { MiddlewareHandler } from 'hono';
import { createShops } from '../connectors/sandbox/shops.js';
import type { ConnectorRegistry } from '../connectors/registry.js';

export interface SandboxMountOptions {
  /** Run before any shop's control API (/_sandbox/…): state, faults and the request log are for administrators. */
  control: MiddlewareHandler;
  /** Whether integration `id` is a sandbox integration of `system`: only those get a shop. */
  shopExists(system: string, id: number): Promise<boolean>;
}

/**
 * Every connector's simulator under /sandbox/<system>, so that an integration in the sandbox
 * environment works with nothing but the hub running. Each sandbox integration has its own shop
 * under /sandbox/<system>/<integrationId> (ADR 0013), so goods owners never see each other's data;
 * /sandbox/<system> itself is a default shop (for "test connection" before an integration is saved).
 * Data lives in memory while the hub runs.
 */
export function sandboxRoutes(registry: ConnectorRegistry, options: SandboxMountOptions) {
  const app = new Hono();
  for (const connector of registry.list()) {
    const sandbox = connector.sandbox;
    if (!sandbox) continue;
    const shops = createShops((seed) => sandbox.create({ seed }), { seed: 1, accepts: (id) => options.shopExists(connector.id, id) });
    const prefix = `/sandbox/${connector.id}`;
    app.all(`${prefix}/*`, async (c) => {
      // The hub's own middleware may have read the body already (through c.req, which keeps it), so it is taken from there.
      const body = c.req.method === 'GET' || c.req.method === 'HEAD' ? undefined : await c.req.arrayBuffer();
      const request = new Request(c.req.url, { method: c.req.method, headers: c.req.raw.headers, body, signal: c.req.raw.signal });
      const route = await shops.route(request, prefix);
      if (!route) return c.notFound();
      if (!route.control) return route.simulator.fetch(route.request);
      let answer: Response | undefined;
      const refused = await options.control(c, async () => {
        answer = await route.simulator.fetch(route.request);
      });
      return refused ?? answer ?? c.notFound();
    });
  }
  return app;
}
