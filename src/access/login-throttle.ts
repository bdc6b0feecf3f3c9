import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Clock } from '../kernel/clock.js';
import type { Database } from '../store/tables.js';

/** Failures that cost nothing: a mistyped password or two never makes anyone wait. */
const FREE_FAILURES = 5;
const FIRST_WAIT_MS = 1000;
const LONGEST_WAIT_MS = 15 * 60_000;
/** A day without failures and the count starts again, so old typos do not add up. */
const FORGET_AFTER_MS = 24 * 60 * 60_000;

/** How long to wait after the n-th failure in a row: nothing for the free ones, then 1 s doubling to 15 min. */
export const waitAfterFailures = (failures: number): number =>
  failures <= FREE_FAILURES ? 0 : Math.min(FIRST_WAIT_MS * 2 ** (failures - FREE_FAILURES - 1), LONGEST_WAIT_MS);

const keyOf = (kind: 'account' | 'address', value: string) => `${kind}:${createHash('sha256').update(value).digest('base64url')}`;

/**
 * The keys one sign-in counts against. The account key comes from the e-mail as typed, whether a
 * user has it or not, so an unknown e-mail is throttled exactly like a known one.
 */
export const throttleKeys = (email: string, address: string) => ({ account: keyOf('account', email.trim().toLowerCase()), address: keyOf('address', address) });

/**
 * Backoff for failed sign-ins, kept in the database so every process of a cluster counts the
 * same failures. Each failure is one atomic increment, so concurrent failures are all counted.
 */
export function createLoginThrottle(db: Kysely<Database>, clock: Clock) {
  return {
    /** Whole seconds until every key may try again; 0 when it may now. */
    async retryAfterSeconds(keys: string[]): Promise<number> {
      const rows = await db.selectFrom('login_throttles').select('blocked_until').where('key', 'in', keys).execute();
      const now = clock.now().getTime();
      const until = Math.max(now, ...rows.map((r) => Date.parse(r.blocked_until)));
      return Math.ceil((until - now) / 1000);
    },

    async failed(keys: string[]): Promise<void> {
      const now = clock.now();
      const at = now.toISOString();
      await db.deleteFrom('login_throttles').where('last_failure_at', '<', new Date(now.getTime() - FORGET_AFTER_MS).toISOString()).execute();
      for (const key of keys) {
        const { failures } = await db
          .insertInto('login_throttles')
          .values({ key, failures: 1, blocked_until: at, last_failure_at: at })
          .onConflict((oc) => oc.column('key').doUpdateSet({ failures: sql<number>`login_throttles.failures + 1`, last_failure_at: at }))
          .returning('failures')
          .executeTakeFirstOrThrow();
        const blockedUntil = new Date(now.getTime() + waitAfterFailures(Number(failures))).toISOString();
        // Only ever later: of two concurrent failures, the one that counted fewer must not shorten the wait.
        await db.updateTable('login_throttles').set({ blocked_until: blockedUntil }).where('key', '=', key).where('blocked_until', '<', blockedUntil).execute();
      }
    },

    /** A correct password clears its account's count; the address keeps its own. */
    async succeeded(key: string): Promise<void> {
      await db.deleteFrom('login_throttles').where('key', '=', key).execute();
    },
  };
}
