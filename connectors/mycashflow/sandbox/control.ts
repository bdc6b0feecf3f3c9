import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { addressSchema } from '../api.js';
import type { StoredOrder } from './data.js';
import { serializeOrder } from './serialize.js';
import type { StatusCase } from './serialize.js';
import type { MycashflowStore } from './store.js';

/** MyCashflow's own control routes beside the kit's (state, faults, settings, requests): new and changed orders. */
const status = z.enum(['open', 'completed', 'cancelled']);
export const orderChangesSchema = z.strictObject({
  status: z.string().toLowerCase().pipe(status).optional(),
  lines: z.array(z.strictObject({ product_id: z.number().int(), variation_id: z.number().int().nullish(), quantity: z.number().positive().optional() })).min(1).max(9).optional(),
  shipping_address: addressSchema.partial().optional(),
  comments: z.array(z.strictObject({ visibility: z.enum(['public', 'private']), text: z.string() })).optional(),
  payment_count: z.number().int().min(0).max(5).optional(),
  payment_method_id: z.number().int().optional(),
});

export interface ControlContext {
  store: MycashflowStore;
  statusCase: () => StatusCase;
  readBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>>;
}

export function mycashflowControl(control: Hono, { store, statusCase, readBody }: ControlContext): void {
  const full = new Set(['products', 'shipments', 'payments', 'comments', 'events', 'tax_summary']);
  const show = (order: StoredOrder) => ({ data: serializeOrder(order, full, statusCase(), false) });

  control.post('/orders', async (c) => c.json(show(store.createOrder(await readBody(c, orderChangesSchema))), 201));
  control.patch('/orders/:id', async (c) => c.json(show(store.updateOrder(Number(c.req.param('id')), await readBody(c, orderChangesSchema)))));
}
