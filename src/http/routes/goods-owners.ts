import { createRoute, z } from '@hono/zod-openapi';
import { goodsOwnerInputSchema } from '../../domain/index.js';
import { mayAccess } from '../../access/users.js';
import { pageAfter } from '../../kernel/pages.js';
import type { SyncServices } from '../../sync/services.js';
import { principalOf, requireAdmin } from '../access.js';
import { errorResponses, json, listQuery, listShape, ownerParam, routeGroup } from './shared.js';

const goodsOwner = z
  .object({
    code: z.string(),
    name: z.string(),
    statusRules: z.record(z.string(), z.unknown()),
    allowNegativeStock: z.boolean(),
    createdAt: z.string(),
    wms: z.string(),
    wmsSettings: z.record(z.string(), z.unknown()),
    wmsSecretsSet: z.array(z.string()),
  })
  .openapi('GoodsOwner');

/** A goods owner, and which WMS holds its records: without `wms` the embedded one; Ongoing with its settings and credentials. */
const newGoodsOwner = goodsOwnerInputSchema
  .extend({
    wms: z.string().optional(),
    settings: z.record(z.string(), z.coerce.string()).optional(),
    secrets: z.record(z.string(), z.string()).optional(),
  })
  .openapi('NewGoodsOwner');

/** What an administrator may change: the company name (the code stays) and the warehouse rules. */
const goodsOwnerChange = z
  .strictObject({
    name: z.string().max(200).optional(),
    allowNegativeStock: z.boolean().optional().openapi({ description: 'true: shipping may take physical stock below zero; false (the default): a shipment of what is not in stock is refused' }),
  })
  .openapi('GoodsOwnerChange');

export function goodsOwnerRoutes({ sync }: { sync: SyncServices }) {
  const app = routeGroup();
  app.openapi(
    createRoute({ method: 'get', path: '/goods-owners', tags: ['goods owners'], request: { query: listQuery }, responses: { 200: json(listShape(goodsOwner), 'The goods owners you may see, in code order') } }),
    async (c) => {
      const { limit, after } = c.req.valid('query');
      const visible = (await sync.tenants.list()).filter((o) => mayAccess(principalOf(c), o.code));
      return c.json(pageAfter(visible, (o) => o.code, { limit: limit ?? 100, after }), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/goods-owners',
      tags: ['goods owners'],
      request: { body: json(newGoodsOwner, 'The new goods owner; WMS credentials are stored encrypted and never returned') },
      responses: { 201: json(goodsOwner, 'Created'), 409: errorResponses[409], 422: errorResponses[422] },
    }),
    async (c) => c.json(await sync.tenants.add(c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/goods-owners/test-connection',
      tags: ['goods owners'],
      summary: "Try a goods owner's WMS settings before saving them",
      request: { body: json(newGoodsOwner, 'The goods owner as it would be added') },
      responses: { 200: json(z.object({ ok: z.literal(true) }), 'The WMS accepted them'), 422: errorResponses[422] },
    }),
    async (c) => {
      requireAdmin(c);
      await sync.testWmsConnection(c.req.valid('json'));
      return c.json({ ok: true as const }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/goods-owners/{owner}',
      tags: ['goods owners'],
      summary: "Change a goods owner's name or warehouse rules (administrators only)",
      request: { params: ownerParam, body: json(goodsOwnerChange, 'What to change; what is left out stays') },
      responses: { 200: json(goodsOwner, 'The goods owner after the change'), ...errorResponses },
    }),
    async (c) => {
      requireAdmin(c);
      const code = c.req.valid('param').owner;
      const { name, ...rules } = c.req.valid('json');
      if (name !== undefined) await sync.tenants.rename(code, name);
      return c.json(await sync.tenants.setRules(code, rules), 200);
    },
  );
  return app;
}
