import { createRoute, z } from '@hono/zod-openapi';
import { inOrderLineSchema, purchaseOrderInputSchema, receivedSchema } from '../../domain/index.js';
import { keyedRoutes } from './keyed-routes.js';
import { errorResponses, json, ownerParam } from './shared.js';
import type { RouteDeps } from './shared.js';

const purchaseOrderView = purchaseOrderInputSchema
  .extend({ inOrderLines: z.array(inOrderLineSchema.extend({ receivedNumberOfItems: z.number().optional() })), status: z.number() })
  .openapi('PurchaseOrder');

export function purchaseOrderRoutes({ wms }: RouteDeps) {
  const app = keyedRoutes({
    collection: 'purchase-orders',
    keyParam: 'orderNumber',
    label: 'purchase order',
    schema: purchaseOrderInputSchema,
    viewSchema: purchaseOrderView,
    keyOf: (p) => p.inOrderInfo.goodsOwnerOrderNumber,
    list: (owner, o) => wms.listPurchaseOrders(owner, o),
    get: (owner, key) => wms.getPurchaseOrder(owner, key),
    put: (owner, record) => wms.upsertPurchaseOrder(owner, record),
  });
  app.openapi(
    createRoute({
      method: 'post',
      path: '/goods-owners/{owner}/purchase-orders/{orderNumber}/receive',
      tags: ['purchase-orders'],
      summary: 'Receive goods: the given lines, or everything outstanding',
      request: {
        params: ownerParam.extend({ orderNumber: z.string().min(1) }),
        body: { ...json(z.strictObject({ lines: receivedSchema.optional() }).openapi('Receipt'), 'Received quantity by 1-based row; none = everything'), required: false },
      },
      responses: { 200: json(purchaseOrderView, 'The purchase order after the receipt'), ...errorResponses },
    }),
    async (c) => {
      const { owner, orderNumber } = c.req.valid('param');
      const body = c.req.valid('json') ?? {};
      return c.json((await wms.receivePurchaseOrder(owner, orderNumber, body.lines)) as never, 200);
    },
  );
  return app;
}
