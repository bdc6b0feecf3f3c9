import { sql } from 'kysely';
import type { TestStore } from '../support/stores.js';

/** What the hub's tables say, read by the campaign from outside the workers. */
export function hubState(store: TestStore) {
  const { db } = store;
  const now = () => new Date().toISOString();

  return {
    /** Order numbers in the WMS per goods owner, with how many rows each has (more than one is a double). */
    async orderRows(goodsOwner: string): Promise<Map<string, number>> {
      const rows = await db
        .selectFrom('orders as o')
        .innerJoin('goods_owners as g', 'g.id', 'o.goods_owner_id')
        .select(['o.order_number', (eb) => eb.fn.countAll<number>().as('rows')])
        .where('g.code', '=', goodsOwner)
        .groupBy('o.order_number')
        .execute();
      return new Map(rows.map((r) => [r.order_number, Number(r.rows)]));
    },
    async articleCount(goodsOwner: string): Promise<number> {
      const row = await db.selectFrom('articles as a').innerJoin('goods_owners as g', 'g.id', 'a.goods_owner_id').select((eb) => eb.fn.countAll<number>().as('n')).where('g.code', '=', goodsOwner).executeTakeFirstOrThrow();
      return Number(row.n);
    },
    /** Open WMS orders of a goods owner (status 200), the ones the warehouse may ship. */
    async openOrders(goodsOwner: string): Promise<string[]> {
      const rows = await db.selectFrom('orders as o').innerJoin('goods_owners as g', 'g.id', 'o.goods_owner_id').select('o.order_number').where('g.code', '=', goodsOwner).where('o.status', '=', 200).execute();
      return rows.map((r) => r.order_number);
    },
    /** Links that name one external record more than once within an integration. */
    async doubledLinks(): Promise<number> {
      const rows = await db.selectFrom('links').select(['integration_id', 'kind', 'external_id']).groupBy(['integration_id', 'kind', 'external_id']).having((eb) => eb.fn.countAll(), '>', 1).execute();
      return rows.length;
    },
    /** Outbox entries by status. */
    async outbox(): Promise<Record<string, number>> {
      const rows = await db.selectFrom('outbox').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
      return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    },
    async runsByOutcome(): Promise<{ running: number; abandoned: number; total: number }> {
      const runs = await db.selectFrom('runs').select(['status', 'error']).execute();
      return {
        running: runs.filter((r) => r.status === 'running').length,
        abandoned: runs.filter((r) => r.error?.startsWith('abandoned')).length,
        total: runs.length,
      };
    },
    async waitingFailures(): Promise<number> {
      const row = await db.selectFrom('record_failures').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
    /** The process holding a flow's lease, if any. */
    async leaseHolder(integrationId: number, flow: string): Promise<number | undefined> {
      const row = await db.selectFrom('schedules').select('lease_pid').where('integration_id', '=', integrationId).where('flow', '=', flow).where('lease_owner', 'is not', null).executeTakeFirst();
      return row?.lease_pid == null ? undefined : Number(row.lease_pid);
    },
    /** Every process holding a lease now. */
    async leaseHolders(): Promise<number[]> {
      const rows = await db.selectFrom('schedules').select('lease_pid').where('lease_owner', 'is not', null).execute();
      return [...new Set(rows.map((r) => Number(r.lease_pid)))];
    },
    /**
     * "Sync now" for every flow and every waiting report, as an operator would press it: the drain
     * must not wait out a 1-minute interval or a report's 30-second backoff.
     */
    async wakeEverything(): Promise<void> {
      await db.updateTable('schedules').set({ next_run_at: now() }).where('next_run_at', '>', now()).execute();
      await db.updateTable('outbox').set({ next_attempt_at: now() }).where('status', 'in', ['pending', 'sending']).execute();
    },
    async cursors(): Promise<{ key: string; cursor: string }[]> {
      const rows = await db.selectFrom('cursors').select(['integration_id', 'flow', 'cursor']).execute();
      return rows.map((r) => ({ key: `${r.integration_id}/${r.flow}`, cursor: r.cursor }));
    },
    ping: () => sql`select 1`.execute(db),
  };
}

export type HubState = ReturnType<typeof hubState>;

/**
 * Reads the cursors every `everyMs` and remembers each move backwards. A cursor is the source's
 * time (ISO 8601) for MyCashflow; any other text is compared as text.
 */
export function watchCursors(state: HubState, everyMs = 150) {
  const last = new Map<string, string>();
  const regressions: string[] = [];
  let reads = 0;
  const position = (c: string) => (Number.isNaN(Date.parse(c)) ? c : Date.parse(c));
  const read = async () => {
    for (const { key, cursor } of await state.cursors()) {
      const before = last.get(key);
      if (before !== undefined && position(cursor) < position(before)) regressions.push(`${key}: ${before} → ${cursor}`);
      last.set(key, cursor);
    }
    reads++;
  };
  let timer: NodeJS.Timeout | undefined;
  const loop = () => {
    timer = setTimeout(() => void read().catch(() => undefined).finally(() => timer && loop()), everyMs);
  };
  loop();
  return {
    regressions,
    get reads(): number {
      return reads;
    },
    get cursors(): number {
      return last.size;
    },
    async stop(): Promise<void> {
      clearTimeout(timer);
      timer = undefined;
      await read();
    },
  };
}
