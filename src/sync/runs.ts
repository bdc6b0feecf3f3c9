import type { Kysely } from 'kysely';
import type { Clock } from '../kernel/clock.js';
import type { FieldIssue } from '../kernel/errors.js';
import { notFound } from '../kernel/errors.js';
import type { Database } from '../store/tables.js';
import { chunksOf } from '../store/chunks.js';

export const outcomes = ['created', 'updated', 'unchanged', 'locked', 'cancelled', 'failed', 'sent'] as const;
export type Outcome = (typeof outcomes)[number];
/**
 * `missedEvents` is there only on polls of a system that pushes changes (webhooks): the records
 * the poll wrote that no webhook had brought first, i.e. events the system did not announce or
 * the hub did not take. A record a webhook already wrote is "unchanged" to the poll (the links).
 */
export type Counts = Record<Outcome, number> & { missedEvents?: number };

/** running → succeeded (every record fine) | partial (some records failed) | failed (the run stopped). */
export type RunStatus = 'running' | 'succeeded' | 'partial' | 'failed';

export interface RecordOutcome {
  record: string;
  externalId?: string;
  outcome: Outcome;
  issues?: FieldIssue[];
}

export interface RunSummary {
  runId: number;
  integrationId: number;
  flow: string;
  trigger: string;
  status: RunStatus;
  counts: Counts;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
  /** Pages written so far: a running sync's progress. */
  pages: number;
  /** Calls made to the system. */
  apiCalls: number;
  /** The failed and locked records, with their reasons. */
  errors: { record: string; externalId?: string; outcome: Outcome; field?: string; value?: unknown; reason: string }[];
}

const zeroCounts = (missedEvents = false): Counts => ({ ...(Object.fromEntries(outcomes.map((o) => [o, 0])) as Counts), ...(missedEvents ? { missedEvents: 0 } : {}) });
/** The outcomes that mean the poll brought a change. */
const changes: ReadonlySet<Outcome> = new Set(['created', 'updated', 'cancelled']);

/** One run of one flow: counts, and one stored outcome per record, written page by page. */
export class RunRecorder {
  readonly counts: Counts;
  private pages = 0;
  private apiCalls = 0;
  private pending: RecordOutcome[] = [];
  private seq = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    readonly runId: number,
    countMissedEvents = false,
  ) {
    this.counts = zeroCounts(countMissedEvents);
  }

  /** `countMissedEvents`: a poll of a flow that webhooks also feed counts what it found that they had not brought. */
  static async start(db: Kysely<Database>, clock: Clock, integrationId: number, flow: string, trigger: string, options: { countMissedEvents?: boolean } = {}): Promise<RunRecorder> {
    const counts = zeroCounts(options.countMissedEvents);
    const row = await db
      .insertInto('runs')
      .values({ integration_id: integrationId, flow, trigger, status: 'running', counts: JSON.stringify(counts), error: null, started_at: clock.now().toISOString(), finished_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return new RunRecorder(db, clock, Number(row.id), options.countMissedEvents);
  }

  /** One call to the system; stored with the next page. */
  countCall(): void {
    this.apiCalls += 1;
  }

  add(outcome: RecordOutcome): void {
    this.counts[outcome.outcome] += 1;
    if (this.counts.missedEvents !== undefined && changes.has(outcome.outcome)) this.counts.missedEvents += 1;
    this.pending.push(outcome);
  }

  /** Writes the outcomes gathered so far (one insert per page, not per record); each such write is a page of progress. */
  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    this.pages += 1;
    const rows = this.pending.map((o) => ({
      run_id: this.runId,
      seq: ++this.seq,
      record: o.record,
      external_id: o.externalId ?? null,
      outcome: o.outcome,
      issues: o.issues?.length ? JSON.stringify(o.issues) : null,
    }));
    this.pending = [];
    for (const part of chunksOf(rows)) await this.db.insertInto('run_records').values(part).execute();
    await this.db.updateTable('runs').set({ counts: JSON.stringify(this.counts), pages: this.pages, api_calls: this.apiCalls }).where('id', '=', this.runId).execute();
  }

  async finish(error?: string): Promise<RunStatus> {
    await this.flush();
    const status: RunStatus = error ? 'failed' : this.counts.failed > 0 ? 'partial' : 'succeeded';
    await this.db
      .updateTable('runs')
      .set({ status, error: error ?? null, counts: JSON.stringify(this.counts), pages: this.pages, api_calls: this.apiCalls, finished_at: this.clock.now().toISOString() })
      .where('id', '=', this.runId)
      .execute();
    return status;
  }
}

export async function getRun(db: Kysely<Database>, runId: number): Promise<RunSummary> {
  const run = await db.selectFrom('runs').selectAll().where('id', '=', runId).executeTakeFirst();
  if (!run) throw notFound(`run ${runId}`);
  const problems = await db
    .selectFrom('run_records')
    .selectAll()
    .where('run_id', '=', runId)
    .where('outcome', 'in', ['failed', 'locked'])
    .orderBy('seq')
    .limit(1000)
    .execute();
  return {
    ...summary(run),
    errors: problems.flatMap((p) => {
      const issues = p.issues ? (JSON.parse(p.issues) as FieldIssue[]) : [{ record: p.record, field: '', reason: p.outcome }];
      return issues.map((i) => ({
        record: p.record,
        ...(p.external_id ? { externalId: p.external_id } : {}),
        outcome: p.outcome as Outcome,
        ...(i.field ? { field: i.field } : {}),
        ...(i.value === undefined ? {} : { value: i.value }),
        reason: i.reason,
      }));
    }),
  };
}

/** The latest runs, newest first; `since` keeps those started at or after it (the charts' window). */
export async function listRuns(db: Kysely<Database>, filter: { integrationId?: number; flow?: string; since?: string; limit?: number; integrationIds?: number[]; beforeId?: number } = {}): Promise<Omit<RunSummary, 'errors'>[]> {
  const rows = await db
    .selectFrom('runs')
    .selectAll()
    .$if(filter.integrationId !== undefined, (q) => q.where('integration_id', '=', filter.integrationId!))
    .$if(filter.flow !== undefined, (q) => q.where('flow', '=', filter.flow!))
    .$if(filter.since !== undefined, (q) => q.where('started_at', '>=', filter.since!))
    .$if(filter.integrationIds !== undefined, (q) => q.where('integration_id', 'in', filter.integrationIds!))
    .$if(filter.beforeId !== undefined, (q) => q.where('id', '<', filter.beforeId!))
    .orderBy('id', 'desc')
    .limit(filter.limit ?? 50)
    .execute();
  return rows.map(summary);
}

function summary(run: Database['runs'] extends infer T ? { [K in keyof T]: unknown } : never): Omit<RunSummary, 'errors'> {
  return {
    runId: Number(run.id),
    integrationId: Number(run.integration_id),
    flow: run.flow as string,
    trigger: run.trigger as string,
    status: run.status as RunStatus,
    counts: JSON.parse(run.counts as string) as Counts,
    error: (run.error as string | null) ?? null,
    startedAt: run.started_at as string,
    finishedAt: (run.finished_at as string | null) ?? null,
    pages: Number(run.pages ?? 0),
    apiCalls: Number(run.api_calls ?? 0),
  };
}

/** Forgets finished runs (and their record outcomes) older than `keepDays`; the history stays bounded. */
export async function pruneRuns(db: Kysely<Database>, clock: Clock, keepDays: number): Promise<number> {
  const before = new Date(clock.now().getTime() - keepDays * 86_400_000).toISOString();
  const old = db.selectFrom('runs').select('id').where('finished_at', '<', before);
  await db.deleteFrom('run_records').where('run_id', 'in', old).execute();
  const result = await db.deleteFrom('runs').where('finished_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
