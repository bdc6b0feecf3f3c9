import type { EmbeddedWms, UpsertOutcome } from '../wms/port.js';
import type { AuditLog } from './audit-log.js';

const audited = Symbol('audited');

/** The document number of an order or purchase order as given, for the record's name; the WMS validated it already. */
function orderNumberOf(input: unknown, header: 'orderInfo' | 'inOrderInfo'): string {
  const info = (input as Record<string, unknown> | null)?.[header] as Record<string, unknown> | undefined;
  return String(info?.goodsOwnerOrderNumber ?? '?');
}

/**
 * The WMS port as the API, the UI and the CLI use it: every change of an order or a purchase order
 * is recorded (goods owners record themselves in src/tenants) in the audit log once it succeeded. The engine uses the port
 * unwrapped; its imports are the integration's doing, already in the run's record. Wrapping twice
 * records once.
 */
export function auditedWms(wms: EmbeddedWms, log: AuditLog): EmbeddedWms {
  if ((wms as { [audited]?: true })[audited]) return wms;
  const written = async (outcome: UpsertOutcome, kind: 'order' | 'purchase order', owner: string, number: string) => {
    if (outcome.outcome !== 'unchanged' && outcome.outcome !== 'locked') await log.recordChange({ kind: 'order', record: `${kind} ${number}`, goodsOwner: owner, action: outcome.outcome });
    return outcome;
  };
  return {
    ...wms,
    [audited]: true,
    upsertOrder: async (owner, order) => written(await wms.upsertOrder(owner, order), 'order', owner, orderNumberOf(order, 'orderInfo')),
    cancelOrder: async (owner, n) => written(await wms.cancelOrder(owner, n), 'order', owner, n),
    async setOrderStatus(owner, n, change) {
      const before = await wms.getOrder(owner, n);
      const order = await wms.setOrderStatus(owner, n, change);
      await log.recordChange({ kind: 'order', record: `order ${n}`, goodsOwner: owner, action: 'status set', changes: { status: { from: before.status, to: order.status }, ...(change.waybill ? { waybill: { to: change.waybill } } : {}) } });
      return order;
    },
    upsertPurchaseOrder: async (owner, po) => written(await wms.upsertPurchaseOrder(owner, po), 'purchase order', owner, orderNumberOf(po, 'inOrderInfo')),
    cancelPurchaseOrder: async (owner, n) => written(await wms.cancelPurchaseOrder(owner, n), 'purchase order', owner, n),
    async receivePurchaseOrder(owner, n, lines) {
      const po = await wms.receivePurchaseOrder(owner, n, lines);
      await log.recordChange({ kind: 'order', record: `purchase order ${n}`, goodsOwner: owner, action: 'received', changes: { status: { to: po.status }, ...(lines ? { lines: lines.map((l) => `row ${l.row}: ${l.quantity}`) } : {}) } });
      return po;
    },
  } as EmbeddedWms;
}
