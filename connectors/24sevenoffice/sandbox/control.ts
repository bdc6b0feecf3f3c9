import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { ApiError } from '../../../src/connectors/sandbox/index.js';
import { orderStates } from '../api.js';
import type { Sessions } from './sessions.js';
import type { TwentyFourSevenStore } from './store.js';

type ReadBody = <S extends z.ZodType>(c: Context, schema: S) => Promise<z.output<S>>;

const phone = z.object({ Value: z.string() });
const orderPatch = z.strictObject({
  OrderStatus: z.enum(orderStates).optional(),
  CustomerDeliveryPhone: z.string().optional(),
  InvoiceEmailAddress: z.string().optional(),
  InvoiceTitle: z.string().optional(),
  ReferenceNumber: z.string().optional(),
});
const orderCreate = orderPatch.extend({
  CustomerId: z.number().int().optional(),
  InvoiceRows: z.array(z.strictObject({ ProductId: z.number().int(), Quantity: z.number() })).optional(),
});
const productPatch = z.strictObject({ Name: z.string().optional(), Stock: z.number().optional(), Weight: z.number().optional(), EAN1: z.string().optional() });
const companyPatch = z.strictObject({
  Name: z.string().optional(),
  PhoneNumbers: z.strictObject({ Mobile: phone.optional(), Primary: phone.optional(), Work: phone.optional() }).optional(),
  EmailAddresses: z.strictObject({ Invoice: phone.optional(), Primary: phone.optional() }).optional(),
});

const found = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new ApiError(404, `No ${what}`);
  return value;
};

/**
 * The simulator's own control routes, under /_sandbox: what a person would do in 24SevenOffice's
 * UI (enter an order, change a product or a company), each stamped with DateChanged, and the test
 * hooks: expire every session, list the stock writes.
 */
export function twentyFourSevenControl(control: Hono, deps: { store: TwentyFourSevenStore; sessions: Sessions; readBody: ReadBody }): void {
  const { store, sessions, readBody } = deps;
  const id = (c: Context) => Number(c.req.param('id'));

  control.post('/orders', async (c) => {
    const body = await readBody(c, orderCreate);
    const products = [...store.products.values()];
    const rows = body.InvoiceRows ?? [{ ProductId: products[0]!.Id, Quantity: 2 }];
    const CustomerId = body.CustomerId ?? [...store.companies.values()].find((co) => co.Type !== 'Supplier')!.Id;
    const outcome = store.createOrder({
      ...body, CustomerId, OrderStatus: body.OrderStatus ?? 'Confirmed',
      InvoiceRows: rows.map((r) => ({ ...r, ProductNo: store.products.get(r.ProductId)?.No, Name: store.products.get(r.ProductId)?.Name })),
    });
    if (!outcome.ok) throw new ApiError(400, outcome.message);
    return c.json(outcome.order, 201);
  });
  control.get('/orders/:id', (c) => c.json(found(store.orders.get(id(c)), `order ${id(c)}`)));
  control.patch('/orders/:id', async (c) => c.json(store.touch(found(store.orders.get(id(c)), `order ${id(c)}`), await readBody(c, orderPatch))));
  control.patch('/products/:id', async (c) => c.json(store.touch(found(store.products.get(id(c)), `product ${id(c)}`), await readBody(c, productPatch))));
  control.patch('/companies/:id', async (c) => c.json(store.touch(found(store.companies.get(id(c)), `company ${id(c)}`), await readBody(c, companyPatch))));
  control.post('/sessions/expire', (c) => c.json({ expired: sessions.expireAll() }));
  control.get('/stock-writes', (c) => c.json(store.stockWrites));
}
