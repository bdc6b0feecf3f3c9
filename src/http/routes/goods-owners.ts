import { createRoute, z } from '@hono/zod-openapi';
import { goodsOwnerInputSchema } from '../../domain/index.js';
import { mayAccess } from '../../access/users.js';
import { pageAfter } from '../../kernel/pages.js';
import { principalOf, requireAdmin } from '../access.js';
import { errorResponses, json, listQuery, listShape, ownerParam, routeGroup } from './shared.js';
import type { RouteDeps } from './shared.js';

const goodsOwner = z
  .object({ code: z.string(), name: z.string(), statusRules: z.record(z.string(), z.unknown()), allowNegativeStock: z.boolean(), createdAt: z.string() })
  .openapi('GoodsOwner');

const rulesBody = z
  .strictObject({ allowNegativeStock: z.boolean().optional().openapi({ description: 'true: shipping may take physical stock below zero; false (the default): a shipment of what is not in stock is refused' }) })
  .openapi('GoodsOwnerRules');

export function goodsOwnerRoutes({ wms }: RouteDeps) {
  const app = routeGroup();
  app.openapi(
    createRoute({ method: 'get', path: '/goods-owners', tags: ['goods owners'], request: { query: listQuery }, responses: { 200: json(listShape(goodsOwner), 'The goods owners you may see, in code order') } }),
    async (c) => {
      const { limit, after } = c.req.valid('query');
      const visible = (await wms.listGoodsOwners()).filter((o) => mayAccess(principalOf(c), o.code));
      return c.json(pageAfter(visible, (o) => o.code, { limit: limit ?? 100, after }), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/goods-owners',
      tags: ['goods owners'],
      request: { body: json(goodsOwnerInputSchema, 'The new goods owner') },
      responses: { 201: json(goodsOwner, 'Created'), 409: errorResponses[409], 422: errorResponses[422] },
    }),
    async (c) => c.json(await wms.addGoodsOwner(c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/goods-owners/{owner}',
      tags: ['goods owners'],
      summary: "Change a goods owner's warehouse rules (administrators only)",
      request: { params: ownerParam, body: json(rulesBody, 'The rules to change; those left out stay') },
      responses: { 200: json(goodsOwner, 'The goods owner after the change'), ...errorResponses },
    }),
    async (c) => {
      requireAdmin(c);
      return c.json(await wms.setGoodsOwnerRules(c.req.valid('param').owner, c.req.valid('json')), 200);
    },
  );
  return app;
}
