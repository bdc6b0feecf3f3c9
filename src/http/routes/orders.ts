import { createRoute, z } from '@hono/zod-openapi';
import { orderInputSchema, orderLineSchema, pickedSchema, requireStatus, shipmentSchema } from '../../domain/index.js';
import { keyedRoutes } from './keyed-routes.js';
import { errorResponses, json, ownerParam } from './shared.js';
import type { RouteDeps } from './shared.js';

const orderView = orderInputSchema
  .extend({
    orderLines: z.array(orderLineSchema.extend({ pickedNumberOfItems: z.number().optional(), waybill: z.string().optional() })),
    status: z.number(),
    shipments: z.array(shipmentSchema),
  })
  .openapi('Order');

const statusChange = z
  .strictObject({
    status: z.union([z.string(), z.number()]).openapi({ description: 'released|picked|sent|collected|cancelled or a status number', example: 'sent' }),
    tracking: z.string().optional().openapi({ description: 'waybill / tracking number' }),
    trackingUrl: z.string().optional(),
    picked: pickedSchema.optional().openapi({ description: 'picked quantity by 1-based row; on sent/collected, rows not named are picked in full' }),
  })
  .openapi('OrderStatusChange');

export function orderRoutes({ wms }: RouteDeps) {
  const app = keyedRoutes({
    collection: 'orders',
    keyParam: 'orderNumber',
    label: 'order',
    schema: orderInputSchema,
    viewSchema: orderView,
    keyOf: (o) => o.orderInfo.goodsOwnerOrderNumber,
    list: (owner, o) => wms.listOrders(owner, o),
    get: (owner, key) => wms.getOrder(owner, key),
    put: (owner, record) => wms.upsertOrder(owner, record),
  });
  app.openapi(
    createRoute({
      method: 'post',
      path: '/goods-owners/{owner}/orders/{orderNumber}/status',
      tags: ['orders'],
      summary: 'Move an order on as the warehouse does',
      description: 'Sent and Collected ship the order: the shipment, picked quantities and the "order shipped" event are written in one transaction.',
      request: { params: ownerParam.extend({ orderNumber: z.string().min(1) }), body: json(statusChange, 'The new status') },
      responses: { 200: json(orderView, 'The order after the change'), ...errorResponses },
    }),
    async (c) => {
      const { owner, orderNumber } = c.req.valid('param');
      const body = c.req.valid('json');
      const rules = (await wms.getGoodsOwner(owner)).statusRules.order;
      const order = await wms.setOrderStatus(owner, orderNumber, {
        status: requireStatus(rules, String(body.status)),
        ...(body.tracking ? { waybill: body.tracking } : {}),
        ...(body.trackingUrl ? { trackingUrl: body.trackingUrl } : {}),
        ...(body.picked ? { picked: body.picked } : {}),
      });
      return c.json(order as never, 200);
    },
  );
  return app;
}
