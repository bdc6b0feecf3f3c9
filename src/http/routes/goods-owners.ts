import { createRoute, z } from '@hono/zod-openapi';
import { goodsOwnerInputSchema } from '../../domain/index.js';
import { mayAccess } from '../../access/users.js';
import { principalOf, requireAdmin } from '../access.js';
import { errorResponses, json, ownerParam, routeGroup } from './shared.js';
import type { RouteDeps } from './shared.js';

const goodsOwner = z
  .object({ code: z.string(), name: z.string(), statusRules: z.record(z.string(), z.unknown()), createdAt: z.string() })
  .openapi('GoodsOwner');

export function goodsOwnerRoutes({ wms }: RouteDeps) {
  const app = routeGroup();
  app.openapi(
    createRoute({ method: 'get', path: '/goods-owners', tags: ['goods owners'], responses: { 200: json(z.array(goodsOwner), 'Every goods owner') } }),
    async (c) => c.json((await wms.listGoodsOwners()).filter((o) => mayAccess(principalOf(c), o.code)), 200),
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
      request: { params: ownerParam, body: json(z.strictObject({ name: z.string().max(200) }).openapi('GoodsOwnerChange'), 'The new name') },
      responses: { 200: json(goodsOwner, 'The goods owner after the change'), 404: errorResponses[404], 422: errorResponses[422] },
    }),
    async (c) => {
      requireAdmin(c);
      return c.json(await wms.renameGoodsOwner(c.req.valid('param').owner, c.req.valid('json').name), 200);
    },
  );
  return app;
}
