import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Kysely, RawBuilder } from 'kysely';
import { msUntilOneToken, QueuedTokenBucket, RateLimiterRegistry } from '../connectors/http/rate-limiter.js';
import type { Grant, RateLimits, TokenSource } from '../connectors/http/rate-limiter.js';
import { realTimer } from '../connectors/http/timer.js';
import type { Timer } from '../connectors/http/timer.js';
import type { Dialect } from '../store/database.js';
import type { Database } from '../store/tables.js';

export interface SharedRateLimitOptions {
  db: Kysely<Database>;
  dialect: Dialect;
  /** This process's sleeps, and its own view of a pause it was told of. */
  timer?: Timer;
  /** Milliseconds since 1970 to count with instead of the database's clock (tests move time by hand). */
  now?: () => number;
}

type Ms = RawBuilder<number>;

/**
 * The few SQL spellings the two dialects do not share. Every process counts on the database's
 * clock: hosts' clocks differ by a little, and a bucket refilled by the fastest clock would hand out
 * that difference again on each switch between hosts.
 */
const dialects = {
  postgres: {
    least: (a: Ms, b: Ms): Ms => sql<number>`least(${a}, ${b})`,
    greatest: (a: Ms, b: Ms): Ms => sql<number>`greatest(${a}, ${b})`,
    // The statement's start: one instant however often the statement reads it.
    clock: (): Ms => sql<number>`(extract(epoch from statement_timestamp()) * 1000)::double precision`,
  },
  sqlite: {
    least: (a: Ms, b: Ms): Ms => sql<number>`min(${a}, ${b})`,
    greatest: (a: Ms, b: Ms): Ms => sql<number>`max(${a}, ${b})`,
    // 'now' is one instant within a statement; julianday keeps its milliseconds.
    clock: (): Ms => sql<number>`((julianday('now') - 2440587.5) * 86400000.0)`,
  },
} satisfies Record<Dialect, unknown>;

/** Further back than this, the clock was set back rather than read before a wait for the row. */
const clockStepBackMs = 10_000;

/** A parameter as a double: PostgreSQL cannot guess the type of a bare parameter in arithmetic. */
const num = (value: number): Ms => sql<number>`cast(${value} as double precision)`;

/**
 * The tokens of one credential, in a row of `rate_limit_buckets` that every process of a cluster
 * updates (ADR 0012). One take is one atomic UPDATE ... RETURNING: refill by the time since the
 * last take, hand out what the waiting callers of this process want (as far as there are tokens,
 * and none during a pause), and say how many it handed out. No process keeps tokens ahead of its
 * callers, so nothing it holds is lost to the others when it stops or goes idle.
 */
export class SharedTokens implements TokenSource {
  private readonly key: string;
  private limits: RateLimits;
  /** This process's own pause, on its monotonic timer: no round trip while it is known to last. */
  private pausedUntil = 0;
  private created: Promise<void> | undefined;
  private pauseWrite: Promise<void> = Promise.resolve();
  private pauseWriteFailure: unknown;

  constructor(
    credentialKey: string,
    limits: RateLimits,
    private readonly options: SharedRateLimitOptions,
    private readonly timer: Timer = options.timer ?? realTimer,
  ) {
    // Hashed: a credential key may hold a user name that the integration keeps as a secret.
    this.key = createHash('sha256').update(credentialKey).digest('hex');
    this.limits = { ...limits };
  }

  /** The limits travel with each take, so the row always counts by the latest settings of whoever takes. */
  setLimits(limits: RateLimits): void {
    this.limits = { ...limits };
  }

  /**
   * Pauses this process at once and every other one through the row. The write runs in the
   * background (a 429 handler cannot wait on it); this process's next take waits for it and
   * reports its failure.
   */
  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.timer.now() + ms);
    const { db, dialect } = this.options;
    const d = dialects[dialect];
    // Read now, not when the write gets its turn (the database's clock is read by the statement itself).
    const until = sql<number>`${this.now()} + ${num(ms)}`;
    this.pauseWrite = this.pauseWrite
      .then(() => this.ensureRow())
      .then(() =>
        db
          .updateTable('rate_limit_buckets')
          .set({ paused_until: d.greatest(sql<number>`paused_until`, until) })
          .where('key', '=', this.key)
          .execute(),
      )
      .then(
        () => undefined,
        (error: unknown) => {
          this.pauseWriteFailure = error;
        },
      );
  }

  async take(wanted: number): Promise<Grant> {
    const local = this.timer.now();
    if (local < this.pausedUntil) return { granted: 0, waitMs: this.pausedUntil - local };
    await this.pauseWrite;
    if (this.pauseWriteFailure !== undefined) {
      const failure = this.pauseWriteFailure;
      this.pauseWriteFailure = undefined;
      throw failure;
    }
    let row = await this.takeFromRow(wanted);
    if (!row) {
      // The row is gone: PostgreSQL empties an unlogged table after a crash, or someone cleared it.
      this.created = undefined;
      row = await this.takeFromRow(wanted);
    }
    if (!row) throw new Error('the rate limit bucket vanished as soon as it was made again');
    const granted = Number(row.granted);
    const at = Number(row.refilled_at);
    if (Number(row.paused_until) > at) return { granted, waitMs: Math.ceil(Number(row.paused_until) - at) };
    return { granted, waitMs: granted < wanted && this.limits.perSecond > 0 ? msUntilOneToken(Number(row.tokens), this.limits.perSecond) : 0 };
  }

  /** The one statement of a take (after the row's creation, once per process); undefined when the row is not there. */
  private async takeFromRow(wanted: number) {
    await this.ensureRow();
    const { perSecond, burst } = this.limits;
    const d = dialects[this.options.dialect];
    const now = this.now();
    const unlimited = perSecond <= 0;
    const elapsed = d.greatest(num(0), sql<number>`${now} - refilled_at`);
    // The row's time never goes back for a statement that read the clock, then waited for the row
    // while another took (it takes what that one left). A clock set back for real is followed, and
    // a pause moves back with it, so that neither lasts the step longer.
    const steppedBack = sql<boolean>`${now} < refilled_at - ${num(clockStepBackMs)}`;
    const refilledAt = sql<number>`case when ${steppedBack} then ${now} else ${d.greatest(sql<number>`refilled_at`, now)} end`;
    const pausedUntil = sql<number>`case when ${steppedBack} then paused_until - (refilled_at - ${now}) else paused_until end`;
    const available = unlimited ? sql<number>`tokens` : d.least(num(burst), sql<number>`tokens + ${elapsed} * ${num(perSecond)} / 1000`);
    const wantedNow = unlimited ? num(wanted) : d.least(num(wanted), sql<number>`floor(${available})`);
    const grant = sql<number>`case when paused_until > ${now} then 0 else ${wantedNow} end`;
    return this.options.db
      .updateTable('rate_limit_buckets')
      // Every expression reads the row as it was before this update, on both dialects.
      .set({ tokens: sql<number>`${available} - ${grant}`, granted: sql<number>`${grant}`, refilled_at: refilledAt, paused_until: pausedUntil })
      .where('key', '=', this.key)
      .returning(['granted', 'tokens', 'refilled_at', 'paused_until'])
      .executeTakeFirst();
  }

  private now(): Ms {
    return this.options.now ? num(this.options.now()) : dialects[this.options.dialect].clock();
  }

  /** The row, full, on the first take of any process; tried again after a failure. */
  private ensureRow(): Promise<void> {
    this.created ??= this.options.db
      .insertInto('rate_limit_buckets')
      .values({ key: this.key, tokens: this.limits.burst, refilled_at: this.now(), paused_until: 0, granted: 0 })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute()
      .then(
        () => undefined,
        (error: unknown) => {
          this.created = undefined;
          throw error;
        },
      );
    return this.created;
  }
}

/** One bucket per credential key whose tokens every process on this database shares. */
export function sharedRateLimiters(options: SharedRateLimitOptions): RateLimiterRegistry {
  const timer = options.timer ?? realTimer;
  return new RateLimiterRegistry(timer, (key, limits) => new QueuedTokenBucket(new SharedTokens(key, limits, options, timer), timer));
}
