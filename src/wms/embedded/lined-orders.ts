import { orderInputSchema, parseRecord, purchaseOrderInputSchema, recordJson, statusLabel } from '../../domain/index.js';
import type { OrderStatusRules, PurchaseOrderStatusRules } from '../../domain/index.js';
import { notFound } from '../../kernel/errors.js';
import { stableJson } from '../../kernel/stable-json.js';
import type { ListOptions, Page, UpsertOutcome } from '../port.js';
import { clampLimit, inTransaction, writeStockChanged } from './context.js';
import type { Tx, WmsContext } from './context.js';
import { resolveOwner } from './goods-owners.js';
import type { ResolvedOwner } from './goods-owners.js';

/**
 * Orders and purchase orders share a shape: a header keyed by goods owner + order number, a
 * status, and numbered lines. One description per kind drives the shared reads and writes;
 * what only one kind does (ship, receive) lives in its own file.
 */
export interface LinedKind {
  table: 'orders' | 'purchase_orders';
  lineTable: 'order_lines' | 'purchase_order_lines';
  lineKey: 'order_id' | 'purchase_order_id';
  label: string;
  infoField: 'orderInfo' | 'inOrderInfo';
  linesField: 'orderLines' | 'inOrderLines';
  doneColumn: 'picked_number_of_items' | 'received_number_of_items';
  doneField: 'pickedNumberOfItems' | 'receivedNumberOfItems';
  parse(record: string, input: unknown): Record<string, unknown>;
  rules(owner: ResolvedOwner): OrderStatusRules | PurchaseOrderStatusRules;
}

export const orderKind: LinedKind = {
  table: 'orders',
  lineTable: 'order_lines',
  lineKey: 'order_id',
  label: 'order',
  infoField: 'orderInfo',
  linesField: 'orderLines',
  doneColumn: 'picked_number_of_items',
  doneField: 'pickedNumberOfItems',
  parse: (record, input) => parseRecord(orderInputSchema, record, input),
  rules: (owner) => owner.statusRules.order,
};

export const purchaseOrderKind: LinedKind = {
  table: 'purchase_orders',
  lineTable: 'purchase_order_lines',
  lineKey: 'purchase_order_id',
  label: 'purchase order',
  infoField: 'inOrderInfo',
  linesField: 'inOrderLines',
  doneColumn: 'received_number_of_items',
  doneField: 'receivedNumberOfItems',
  parse: (record, input) => parseRecord(purchaseOrderInputSchema, record, input),
  rules: (owner) => owner.statusRules.purchaseOrder,
};

export interface StoredLine {
  row: number;
  articleNumber: string;
  numberOfItems: number;
  done: number | null;
  /** The line's canonical fields other than articleNumber and numberOfItems. */
  rest: Record<string, unknown>;
}

export interface StoredOrder {
  id: number;
  number: string;
  status: number;
  /** The header: everything of the input except the lines. */
  header: Record<string, unknown>;
  shipments: unknown[];
  lines: StoredLine[];
}

export type Line = { articleNumber: string; numberOfItems: number } & Record<string, unknown>;

const numberOf = (kind: LinedKind, input: unknown): string => {
  const info = (input as Record<string, Record<string, unknown> | undefined> | null)?.[kind.infoField];
  const n = info?.goodsOwnerOrderNumber;
  return typeof n === 'string' ? n : '(no number)';
};

type HeaderRow = { id: number; order_number: string; status: number; data: string; shipments?: string };

/** Loads one order with its lines; with `lock` on PostgreSQL the row stays locked for the transaction. */
export async function loadOrder(ctx: WmsContext, kind: LinedKind, tx: Tx, ownerId: number, number: string, lock = true): Promise<StoredOrder | undefined> {
  let query = tx.selectFrom(kind.table).selectAll().where('goods_owner_id', '=', ownerId).where('order_number', '=', number);
  if (lock && ctx.dialect === 'postgres') query = query.forUpdate();
  const row = (await query.executeTakeFirst()) as HeaderRow | undefined;
  return row && (await withLines(kind, tx, [row]))[0];
}

/** Reads the lines of many orders in one query. */
async function withLines(kind: LinedKind, db: Tx | WmsContext['db'], rows: HeaderRow[]): Promise<StoredOrder[]> {
  if (rows.length === 0) return [];
  const lines = (await db
    .selectFrom(kind.lineTable)
    .selectAll()
    .where(kind.lineKey, 'in', rows.map((r) => r.id))
    .orderBy(kind.lineKey)
    .orderBy('row_no')
    .execute()) as unknown as Record<string, unknown>[];
  const byOrder = new Map<number, StoredLine[]>();
  for (const l of lines) {
    const id = l[kind.lineKey] as number;
    if (!byOrder.has(id)) byOrder.set(id, []);
    byOrder.get(id)!.push({
      row: l.row_no as number,
      articleNumber: l.article_number as string,
      numberOfItems: l.number_of_items as number,
      done: (l[kind.doneColumn] as number | null) ?? null,
      rest: JSON.parse(l.data as string) as Record<string, unknown>,
    });
  }
  return rows.map((row) => ({
    id: row.id,
    number: row.order_number,
    status: row.status,
    header: JSON.parse(row.data) as Record<string, unknown>,
    shipments: row.shipments ? (JSON.parse(row.shipments) as unknown[]) : [],
    lines: byOrder.get(row.id) ?? [],
  }));
}

/** The order as a source gave it (no warehouse fields): what change detection compares. */
export function inputOf(kind: LinedKind, order: StoredOrder): Record<string, unknown> {
  return {
    ...order.header,
    [kind.linesField]: order.lines.map(({ articleNumber, numberOfItems, rest: { waybill: _setByWarehouse, ...rest } }) => ({ articleNumber, numberOfItems, ...rest })),
  };
}

/** The order as the WMS shows it: input plus status, shipments and per-line warehouse fields. */
export function viewOf(kind: LinedKind, order: StoredOrder): Record<string, unknown> {
  const view: Record<string, unknown> = {
    ...order.header,
    [kind.linesField]: order.lines.map((l) => ({
      articleNumber: l.articleNumber,
      numberOfItems: l.numberOfItems,
      ...l.rest,
      ...(l.done === null ? {} : { [kind.doneField]: l.done }),
    })),
    status: order.status,
  };
  if (kind.table === 'orders') view.shipments = order.shipments;
  return view;
}

/** An order's line rows, numbered from 1 in the order given. */
export function lineRows(kind: LinedKind, orderId: number, lines: Line[]) {
  return lines.map(({ articleNumber, numberOfItems, ...rest }, i) => ({
    [kind.lineKey]: orderId,
    row_no: i + 1,
    article_number: articleNumber,
    number_of_items: numberOfItems,
    data: JSON.stringify(rest),
  }));
}

/** Writes an order's lines; an order that had lines has them deleted first (`replacing`). */
async function writeLines(tx: Tx, kind: LinedKind, orderId: number, lines: Line[], replacing: boolean): Promise<void> {
  if (replacing) await tx.deleteFrom(kind.lineTable).where(kind.lineKey, '=', orderId).execute();
  if (lines.length === 0) return;
  await tx.insertInto(kind.lineTable).values(lineRows(kind, orderId, lines) as never).execute();
}

/** An order as given, split into its header and lines, with its number. */
export function splitOrder(kind: LinedKind, input: unknown) {
  const parsed = kind.parse(`${kind.label} ${numberOf(kind, input)}`, input);
  const { [kind.linesField]: lines, ...header } = parsed as Record<string, unknown> & Record<string, Line[]>;
  const number = (header[kind.infoField] as unknown as { goodsOwnerOrderNumber: string }).goodsOwnerOrderNumber;
  return { parsed, header, lines: lines as Line[], number };
}

/** A new order's header row, in its first status. */
export function headerRow(ctx: WmsContext, kind: LinedKind, owner: ResolvedOwner, number: string, header: Record<string, unknown>) {
  const now = ctx.clock.now().toISOString();
  const row = { goods_owner_id: owner.id, order_number: number, status: kind.rules(owner).initial, data: stableJson(header), created_at: now, updated_at: now };
  return kind.table === 'orders' ? { ...row, shipments: '[]' } : row;
}

export async function upsertLinedOrder(ctx: WmsContext, kind: LinedKind, ownerCode: string, input: unknown): Promise<UpsertOutcome> {
  const { parsed, header, lines, number } = splitOrder(kind, input);
  return inTransaction(ctx, async (tx) => {
    const owner = await resolveOwner(ctx, ownerCode, tx);
    const rules = kind.rules(owner);
    const now = ctx.clock.now().toISOString();
    const existing = await loadOrder(ctx, kind, tx, owner.id, number);
    const articles = lines.map((l) => l.articleNumber);
    if (!existing) {
      const inserted = await tx
        .insertInto(kind.table)
        .values(headerRow(ctx, kind, owner, number, header) as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeLines(tx, kind, inserted.id, lines, false);
      await writeStockChanged(tx, ctx, owner.id, articles);
      return { outcome: 'created' };
    }
    if (stableJson(inputOf(kind, existing)) === recordJson(parsed)) return { outcome: 'unchanged' };
    if (!rules.editable.includes(existing.status)) {
      return { outcome: 'locked', reason: `locked: status ${statusLabel(rules, existing.status)}` };
    }
    await tx.updateTable(kind.table).set({ data: stableJson(header), updated_at: now }).where('id', '=', existing.id).execute();
    await writeLines(tx, kind, existing.id, lines, true);
    await writeStockChanged(tx, ctx, owner.id, [...articles, ...existing.lines.map((l) => l.articleNumber)]);
    return { outcome: 'updated' };
  });
}

export async function cancelLinedOrder(ctx: WmsContext, kind: LinedKind, ownerCode: string, number: string): Promise<UpsertOutcome> {
  return inTransaction(ctx, async (tx) => {
    const owner = await resolveOwner(ctx, ownerCode, tx);
    const rules = kind.rules(owner);
    const existing = await loadOrder(ctx, kind, tx, owner.id, number);
    if (!existing) throw notFound(`${kind.label} ${number} of goods owner ${ownerCode}`);
    if (existing.status === rules.cancelled) return { outcome: 'unchanged' };
    if (!rules.cancellable.includes(existing.status)) {
      return { outcome: 'locked', reason: `locked: status ${statusLabel(rules, existing.status)}` };
    }
    await setStatus(ctx, kind, tx, existing.id, rules.cancelled);
    await writeStockChanged(tx, ctx, owner.id, existing.lines.map((l) => l.articleNumber));
    return { outcome: 'cancelled' };
  });
}

export async function setStatus(ctx: WmsContext, kind: LinedKind, tx: Tx, id: number, status: number): Promise<void> {
  await tx.updateTable(kind.table).set({ status, updated_at: ctx.clock.now().toISOString() }).where('id', '=', id).execute();
}

export async function getLinedOrder(ctx: WmsContext, kind: LinedKind, ownerCode: string, number: string): Promise<Record<string, unknown>> {
  return ctx.db.transaction().execute(async (tx) => {
    const owner = await resolveOwner(ctx, ownerCode, tx);
    const order = await loadOrder(ctx, kind, tx, owner.id, number, false);
    if (!order) throw notFound(`${kind.label} ${number} of goods owner ${ownerCode}`);
    return viewOf(kind, order);
  });
}

/** A page of orders; `numbers` reads just those (the order search's page). */
export async function listLinedOrders(ctx: WmsContext, kind: LinedKind, ownerCode: string, options: ListOptions & { numbers?: string[] } = {}): Promise<Page<Record<string, unknown>>> {
  const owner = await resolveOwner(ctx, ownerCode);
  const limit = clampLimit(options.limit);
  let query = ctx.db.selectFrom(kind.table).selectAll().where('goods_owner_id', '=', owner.id).orderBy('order_number').limit(limit + 1);
  if (options.after !== undefined) query = query.where('order_number', '>', options.after);
  if (options.status !== undefined) query = query.where('status', '=', options.status);
  if (options.numbers !== undefined) query = query.where('order_number', 'in', options.numbers);
  const rows = (await query.execute()) as HeaderRow[];
  const page = await withLines(kind, ctx.db, rows.slice(0, limit));
  const items = page.map((o) => viewOf(kind, o));
  return rows.length > limit ? { items, next: page[page.length - 1]!.number } : { items };
}
