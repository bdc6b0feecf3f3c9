import { z } from 'zod';
import { WmsyncError } from '../kernel/errors.js';

/**
 * Status rules are data, per goods owner, never literals in code. The numbers follow the WMS.
 * A goods owner may rename statuses or move the gates (say, allow edits while Released).
 */
const statusList = z.array(z.strictObject({ code: z.number().int(), name: z.string().min(1) })).min(1);

export const orderStatusRulesSchema = z.strictObject({
  statuses: statusList,
  /** The status a new order gets. */
  initial: z.number().int(),
  /** Statuses at which a source's update is applied ("unless the warehouse has started"). */
  editable: z.array(z.number().int()),
  /** Statuses at which a cancellation is applied. */
  cancellable: z.array(z.number().int()),
  /** Statuses that mean shipped: entering one writes the "order shipped" event (delivery report). */
  shipped: z.array(z.number().int()),
  cancelled: z.number().int(),
});

export const purchaseOrderStatusRulesSchema = z.strictObject({
  statuses: statusList,
  initial: z.number().int(),
  editable: z.array(z.number().int()),
  cancellable: z.array(z.number().int()),
  /** Status after a partial receipt. */
  partlyReceived: z.number().int(),
  /** Status once every line is received in full. */
  received: z.number().int(),
  cancelled: z.number().int(),
});

export const statusRulesSchema = z.strictObject({
  order: orderStatusRulesSchema,
  purchaseOrder: purchaseOrderStatusRulesSchema,
});
export type OrderStatusRules = z.infer<typeof orderStatusRulesSchema>;
export type PurchaseOrderStatusRules = z.infer<typeof purchaseOrderStatusRulesSchema>;
export type StatusRules = z.infer<typeof statusRulesSchema>;

export const defaultStatusRules: StatusRules = {
  order: {
    statuses: [
      { code: 200, name: 'Open' },
      { code: 300, name: 'Released' },
      { code: 320, name: 'Allocated' },
      { code: 400, name: 'Picked' },
      { code: 450, name: 'Sent' },
      { code: 500, name: 'Collected' },
      { code: 1000, name: 'Cancelled' },
    ],
    initial: 200,
    editable: [200],
    cancellable: [200],
    shipped: [450, 500],
    cancelled: 1000,
  },
  purchaseOrder: {
    statuses: [
      { code: 100, name: 'Notified' },
      { code: 300, name: 'Inbound' },
      { code: 500, name: 'Received' },
      { code: 900, name: 'Cancelled' },
    ],
    initial: 100,
    editable: [100],
    cancellable: [100],
    partlyReceived: 300,
    received: 500,
    cancelled: 900,
  },
};

type Statuses = { statuses: { code: number; name: string }[] };

export function statusName(rules: Statuses, code: number): string {
  return rules.statuses.find((s) => s.code === code)?.name ?? `status ${code}`;
}

/** "300 Released": how a status is shown in reasons and lists. */
export const statusLabel = (rules: Statuses, code: number): string => `${code} ${statusName(rules, code)}`;

/** Resolves "sent", "Sent" or "450" to a status code, or undefined when the rules have no such status. */
export function resolveStatus(rules: Statuses, nameOrCode: string): number | undefined {
  const wanted = nameOrCode.trim().toLowerCase();
  if (/^\d+$/.test(wanted)) {
    const code = Number(wanted);
    return rules.statuses.some((s) => s.code === code) ? code : undefined;
  }
  return rules.statuses.find((s) => s.name.toLowerCase() === wanted)?.code;
}

/** Like resolveStatus, but an unknown status is a clear error listing the known ones. */
export function requireStatus(rules: Statuses, nameOrCode: string): number {
  const status = resolveStatus(rules, nameOrCode);
  if (status !== undefined) return status;
  const known = rules.statuses.map((s) => `${s.name.toLowerCase()} (${s.code})`).join(', ');
  throw new WmsyncError('record', `unknown status "${nameOrCode}"; known: ${known}`, [
    { record: 'status change', field: 'status', value: nameOrCode, reason: `not one of ${known}` },
  ]);
}
