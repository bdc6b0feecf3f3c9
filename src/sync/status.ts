import type { Kysely } from 'kysely';
import type { Clock } from '../kernel/clock.js';
import type { Database } from '../store/tables.js';
import type { IntegrationView } from './integrations.js';
import type { RunStatus } from './runs.js';

export type Health = 'healthy' | 'lagging' | 'failing' | 'paused';

export interface FlowStatus {
  flow: string;
  enabled: boolean;
  lastRun?: { runId: number; status: RunStatus; startedAt: string; finishedAt: string | null; counts: Record<string, number> };
  nextRunAt?: string;
  /** Records waiting for a retry. */
  failures: number;
  /** Reports waiting or failed (report flows only). */
  outbox?: { pending: number; failed: number };
}

export interface IntegrationStatus {
  integrationId: number;
  health: Health;
  /** Seconds since the pulling flows last finished a successful run: how old the WMS's copy may be. */
  lagSeconds: number | null;
  flows: FlowStatus[];
}

/**
 * Health as the integrations page shows it: paused; failing when a flow's last run stopped, or
 * records or reports wait for a retry; lagging when data is older than two intervals; healthy otherwise.
 */
export async function integrationStatus(db: Kysely<Database>, clock: Clock, integration: IntegrationView, intervalMinutes: number): Promise<IntegrationStatus> {
  const id = integration.id;
  const flows: FlowStatus[] = [];
  let newestPull: number | undefined;
  let failing = false;
  for (const { flow, enabled } of integration.flows) {
    const last = await db.selectFrom('runs').selectAll().where('integration_id', '=', id).where('flow', '=', flow).orderBy('id', 'desc').limit(1).executeTakeFirst();
    const schedule = await db.selectFrom('schedules').select('next_run_at').where('integration_id', '=', id).where('flow', '=', flow).executeTakeFirst();
    const failures = await db.selectFrom('record_failures').select((eb) => eb.fn.countAll<number>().as('n')).where('integration_id', '=', id).where('flow', '=', flow).executeTakeFirstOrThrow();
    const status: FlowStatus = { flow, enabled, failures: Number(failures.n) };
    if (last) {
      status.lastRun = { runId: Number(last.id), status: last.status as RunStatus, startedAt: last.started_at, finishedAt: last.finished_at, counts: JSON.parse(last.counts) as Record<string, number> };
      if (enabled && last.status === 'failed') failing = true;
    }
    if (enabled && status.failures > 0) failing = true;
    if (last) {
    }
    if (schedule && enabled) status.nextRunAt = schedule.next_run_at;
    if (flow.endsWith('-report')) {
      const counts = await db.selectFrom('outbox').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).where('integration_id', '=', id).where('flow', '=', flow).groupBy('status').execute();
      const n = (s: string) => Number(counts.find((c) => c.status === s)?.n ?? 0);
      status.outbox = { pending: n('pending') + n('sending'), failed: n('failed') };
      if (status.outbox.failed > 0) failing = true;
    }
    if (enabled && flow.endsWith('-import')) {
      const ok = await db.selectFrom('runs').select('started_at').where('integration_id', '=', id).where('flow', '=', flow).where('status', 'in', ['succeeded', 'partial']).orderBy('id', 'desc').limit(1).executeTakeFirst();
      if (ok) newestPull = Math.min(newestPull ?? Infinity, Date.parse(ok.started_at));
      else newestPull = -Infinity;
    }
    flows.push(status);
  }
  const lagSeconds = newestPull === undefined || newestPull === -Infinity ? null : Math.round((clock.now().getTime() - newestPull) / 1000);
  const lagging = newestPull === -Infinity || (lagSeconds !== null && lagSeconds > 2 * intervalMinutes * 60);
  const health: Health = integration.paused ? 'paused' : failing ? 'failing' : lagging ? 'lagging' : 'healthy';
  return { integrationId: id, health, lagSeconds, flows };
}
