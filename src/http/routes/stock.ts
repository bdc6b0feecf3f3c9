import { createRoute, z } from '@hono/zod-openapi';
import { stockPage } from '../../wms/stock-pages.js';
import { errorResponses, json, listQuery, listShape, ownerParam, routeGroup } from './shared.js';
import type { RouteDeps } from './shared.js';

const balance = z.object({ articleNumber: z.string(), physical: z.number(), available: z.number() }).openapi('StockBalance');

export function stockRoutes({ wms }: RouteDeps) {
  const app = routeGroup();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/goods-owners/{owner}/stock',
      tags: ['stock'],
      request: { params: ownerParam, query: listQuery },
      responses: { 200: json(listShape(balance), 'Physical and available stock per article, in article order'), 404: errorResponses[404] },
    }),
    async (c) => {
      const { limit, after } = c.req.valid('query');
      return c.json(await stockPage(wms, c.req.valid('param').owner, { limit: limit ?? 100, after }), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/goods-owners/{owner}/stock/{articleNumber}',
      tags: ['stock'],
      summary: 'Set the physical stock of an article',
      request: { params: ownerParam.extend({ articleNumber: z.string().min(1) }), body: json(z.strictObject({ physical: z.number().nonnegative() }), 'The counted quantity') },
      responses: { 200: json(balance, 'The balance after the change'), ...errorResponses },
    }),
    async (c) => {
      const { owner, articleNumber } = c.req.valid('param');
      return c.json(await wms.setStock(owner, articleNumber, c.req.valid('json').physical), 200);
    },
  );
  return app;
}
