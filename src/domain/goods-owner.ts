import { z } from 'zod';
import { text } from './fields.js';
import type { StatusRules } from './statuses.js';

/** The tenant: the company that owns the goods. Every WMS record belongs to one. */
export const goodsOwnerInputSchema = z.strictObject({
  code: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,49}$/, 'must be 1-50 letters, digits, "_", "." or "-"'),
  name: text(200).min(1, 'is required'),
});
export type GoodsOwnerInput = z.infer<typeof goodsOwnerInputSchema>;

export interface GoodsOwner extends GoodsOwnerInput {
  statusRules: StatusRules;
  /** Whether shipping may take physical stock below zero; by default a shipment of what is not in stock is refused. */
  allowNegativeStock: boolean;
  createdAt: string;
}

/** The warehouse rules a goods owner may change. */
export interface GoodsOwnerRules {
  allowNegativeStock?: boolean;
}
