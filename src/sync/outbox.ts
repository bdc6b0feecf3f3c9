import type { ReportFlow } from '../connectors/sdk/flows.js';
import { isWmsyncError } from '../kernel/errors.js';
import { isAmbiguous } from '../connectors/http/http-errors.js';
import type { WmsEvent } from '../wms/port.js';
import type { EngineDeps, FlowRun } from './flow-run.js';
import { backoffDelay } from '../connectors/http/backoff.js';

const reportFlowOf = { 'order.shipped': 'delivery-report', 'purchase-order.received': 'receipt-report' } as const;
const linkKindOf = { 'order.shipped': 'order', 'purchase-order.received': 'purchaseOrder' } as const;
const RELAY_KEY = 'relay.events';
const UNLINKED_KEY = 'relay.unlinked';
/** How long an event waits for its record's link, and how many wait at most (the newest). */
const UNLINKED_FOR_MS = 24 * 3600_000;
const MAX_UNLINKED = 1000;
/** Reports still to go out: not yet sent, or sent with an outcome to check. */
const waiting = ['pending', 'sending'];

/**
 * Moves warehouse events into the outbox of every integration that brought the record in and has
 * the report flow on. Idempotent: the outbox is unique per (integration, flow, event), and the
 * relay position only moves after the rows are written. Returns the flows that got new reports.
 *
 * An event whose record no integration has linked yet is kept and tried again at each relay for
 * a day: an order shipped while its import page was still being written (the link is saved after
 * the page), or before a crashed import's re-run saved the link, is reported once the link exists.
 */
export async function relayEvents(deps: EngineDeps, batch = 500): Promise<{ integrationId: number; flow: string }[]> {
  const state = await deps.db.selectFrom('engine_state').select(['key', 'value']).where('key', 'in', [RELAY_KEY, UNLINKED_KEY]).execute();
  const value = (key: string) => state.find((row) => row.key === key)?.value;
  const unlinked = JSON.parse(value(UNLINKED_KEY) ?? '[]') as WmsEvent[];
  const { events, cursor } = await deps.wms.poll(value(RELAY_KEY) ?? '', batch, ['order.shipped', 'purchase-order.received']);
  if (events.length === 0 && unlinked.length === 0 && cursor === (value(RELAY_KEY) ?? '')) return [];
  const woken = new Map<string, { integrationId: number; flow: string }>();
  const stillUnlinked: WmsEvent[] = [];
  const oldest = deps.clock.now().getTime() - UNLINKED_FOR_MS;
  // A remote WMS offers an event until it is acknowledged: one that waits for its link comes again
  // at every poll, and is kept once.
  const distinct = new Map([...unlinked, ...events].map((event) => [`${event.goodsOwner}/${event.type}/${event.id}`, event]));
  for (const event of distinct.values()) {
    const { entries, linked } = await outboxEntriesFor(deps, event);
    if (!linked) {
      if (Date.parse(event.createdAt) >= oldest) stillUnlinked.push(event);
      continue;
    }
    for (const entry of entries) {
      await deps.db
        .insertInto('outbox')
        .values(entry)
        .onConflict((oc) => oc.columns(['integration_id', 'flow', 'event_id']).doNothing())
        .execute();
      woken.set(`${entry.integration_id}/${entry.flow}`, { integrationId: entry.integration_id, flow: entry.flow });
    }
    // A remote WMS offers an event until it is acknowledged: one whose reports all went out
    // (the hub stopped between the shop's answer and the ack) is acknowledged now, not sent again.
    if (entries.length > 0) await ackIfAllSent(deps, event);
  }
  const saved: [string, string][] = [[UNLINKED_KEY, JSON.stringify(stillUnlinked.slice(-MAX_UNLINKED))]];
  saved.push([RELAY_KEY, cursor]);
  await deps.db.transaction().execute(async (tx) => {
    for (const [key, text] of saved) {
      await tx.insertInto('engine_state').values({ key, value: text }).onConflict((oc) => oc.column('key').doUpdateSet({ value: text })).execute();
    }
  });
  return [...woken.values()];
}

/**
 * Tells the WMS an event's reports were accepted, once every integration's report of it is sent.
 * A failed acknowledgement is logged, not thrown: the report went out, and the WMS offers the
 * event again, so the next relay acknowledges it without sending it twice.
 */
async function ackIfAllSent(deps: EngineDeps, event: WmsEvent): Promise<void> {
  const open = await deps.db
    .selectFrom('outbox')
    .select('id')
    .where('event_id', '=', event.id)
    .where('subject', '=', event.subject)
    .where('flow', '=', reportFlowOf[event.type as keyof typeof reportFlowOf])
    .where('status', '!=', 'sent')
    .executeTakeFirst();
  if (open) return;
  try {
    await deps.wms.ack(event);
  } catch (e) {
    deps.logger.warn({ err: e, goodsOwner: event.goodsOwner, subject: event.subject }, 'the WMS did not take the acknowledgement of a sent report; it is tried again at the next relay');
  }
}

/** The event an outbox entry was made from, as the WMS gave it (for its acknowledgement). */
const eventOf = (entry: { event_id: number; subject: string; payload: string; created_at: string; flow: string }, goodsOwner: string): WmsEvent =>
  ({
    id: Number(entry.event_id),
    goodsOwner,
    type: entry.flow === 'delivery-report' ? 'order.shipped' : 'purchase-order.received',
    subject: entry.subject,
    payload: JSON.parse(entry.payload),
    createdAt: entry.created_at,
  }) as WmsEvent;

/** The outbox rows an event makes, and whether any integration has linked its record at all. */
async function outboxEntriesFor(deps: EngineDeps, event: WmsEvent) {
  if (event.type === 'stock.changed') return { entries: [], linked: true };
  const flow = reportFlowOf[event.type];
  const now = deps.clock.now().toISOString();
  const entries = [];
  const links = await deps.links.byWmsKey(linkKindOf[event.type], event.subject);
  for (const link of links) {
    const integration = await deps.integrations.get(link.integrationId);
    if (integration.goodsOwner !== event.goodsOwner) continue;
    if (!integration.flows.some((f) => f.flow === flow && f.enabled)) continue;
    entries.push({
      integration_id: link.integrationId,
      flow,
      event_id: event.id,
      subject: event.subject,
      external_id: link.externalId,
      payload: JSON.stringify(event.payload),
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      last_error: null,
      created_at: now,
      sent_at: null,
    });
  }
  return { entries, linked: links.length > 0 };
}

/**
 * Sends the due reports of one integration's report flow, oldest first. An entry is marked
 * `sending` (committed) before the call: finding one in that state means an earlier attempt may
 * have reached the system, so its remote state is checked before anything is sent again.
 */
export async function deliverReports(deps: EngineDeps, run: FlowRun<ReportFlow<unknown>>): Promise<void> {
  const { integration, flow, api, recorder, signal } = run;
  const due = await deps.db
    .selectFrom('outbox')
    .selectAll()
    .where('integration_id', '=', integration.id)
    .where('flow', '=', flow.id)
    .where('status', 'in', waiting)
    .where('next_attempt_at', '<=', deps.clock.now().toISOString())
    .orderBy('id')
    .limit(500)
    .execute();

  for (const entry of due) {
    signal.throwIfAborted();
    const report = { externalId: entry.external_id, payload: JSON.parse(entry.payload) as never };
    const label = `${flow.id === 'delivery-report' ? 'delivery' : 'receipt'} report for ${entry.subject}`;
    const update = (values: Record<string, unknown>) => deps.db.updateTable('outbox').set(values).where('id', '=', entry.id).execute();
    try {
      if (entry.status === 'sending' && (await flow.isDone(api, report, signal))) {
        await update({ status: 'sent', sent_at: deps.clock.now().toISOString(), last_error: null });
        recorder.add({ record: label, externalId: entry.external_id, outcome: 'sent' });
        await ackIfAllSent(deps, eventOf(entry, integration.goodsOwner));
        continue;
      }
      await update({ status: 'sending', attempts: entry.attempts + 1 });
      await flow.send(api, report, signal);
      await update({ status: 'sent', sent_at: deps.clock.now().toISOString(), last_error: null });
      recorder.add({ record: label, externalId: entry.external_id, outcome: 'sent' });
      await ackIfAllSent(deps, eventOf(entry, integration.goodsOwner));
    } catch (e) {
      // Only an answer that proves the system did nothing lets the report go back to `pending`;
      // anything else (a timeout, a crash of ours after the call) keeps `sending`: check first next time.
      const unknownOutcome = !isWmsyncError(e) || e.kind === 'system' || isAmbiguous(e);
      if (!isWmsyncError(e) || e.kind === 'config' || e.kind === 'system') {
        // Not this report's fault: keep it and stop the run.
        await update({ status: unknownOutcome ? 'sending' : 'pending', last_error: String((e as Error).message) });
        throw e;
      }
      const retryAt = new Date(deps.clock.now().getTime() + (e.retryAfterMs ?? backoffDelay(entry.attempts + 1, { baseMs: 30_000, maxMs: 3_600_000 })));
      // A refusal by the system (the order cannot be processed) waits for a person: `failed`.
      const status = e.kind === 'record' ? 'failed' : unknownOutcome ? 'sending' : 'pending';
      await update({ status, last_error: e.message, next_attempt_at: retryAt.toISOString() });
      recorder.add({ record: label, externalId: entry.external_id, outcome: 'failed', issues: [{ record: label, field: flow.id, reason: e.message }] });
    }
  }
}

/** When the next waiting report of a flow is due (a retry time, or now for a backlog); undefined when none waits. */
export async function nextReportAttempt(deps: Pick<EngineDeps, 'db'>, integrationId: number, flow: string): Promise<Date | undefined> {
  const row = await deps.db
    .selectFrom('outbox')
    .select((eb) => eb.fn.min('next_attempt_at').as('next'))
    .where('integration_id', '=', integrationId)
    .where('flow', '=', flow)
    .where('status', 'in', waiting)
    .executeTakeFirst();
  return row?.next ? new Date(row.next) : undefined;
}

/** Puts failed reports back in the queue, now: the "retry" of the UI and CLI. */
export async function retryReports(deps: EngineDeps, integrationId: number, flow?: string): Promise<number> {
  const result = await deps.db
    .updateTable('outbox')
    .set({ status: 'pending', next_attempt_at: deps.clock.now().toISOString() })
    .where('integration_id', '=', integrationId)
    .where('status', '=', 'failed')
    .$if(flow !== undefined, (q) => q.where('flow', '=', flow!))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface ReportEntry {
  id: number;
  flow: string;
  /** The WMS order or purchase order number. */
  subject: string;
  externalId: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** An integration's reports, newest first: what went out, what waits, and what the system refused and why. */
export async function listReports(deps: Pick<EngineDeps, 'db'>, integrationId: number, filter: { status?: string[]; subject?: string; limit?: number; beforeId?: number } = {}): Promise<ReportEntry[]> {
  const rows = await deps.db
    .selectFrom('outbox')
    .selectAll()
    .where('integration_id', '=', integrationId)
    .$if(filter.status !== undefined && filter.status.length > 0, (q) => q.where('status', 'in', filter.status!))
    .$if(filter.subject !== undefined, (q) => q.where('subject', '=', filter.subject!))
    .$if(filter.beforeId !== undefined, (q) => q.where('id', '<', filter.beforeId!))
    .orderBy('id', 'desc')
    .limit(filter.limit ?? 100)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    flow: r.flow,
    subject: r.subject,
    externalId: r.external_id,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  }));
}
