import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { AuditLog } from '../audit/audit-log.js';
import type { Clock } from '../kernel/clock.js';
import { notFound, recordError } from '../kernel/errors.js';
import type { Database } from '../store/tables.js';

/**
 * A browser session or an API token as an administrator sees it: never the token, only a short
 * public id: `s` (session) or `t` (token), then the first characters of the token's SHA-256,
 * which tell nothing about the token. The letter first, so an id never starts with "-" and
 * reads as an option on a command line.
 */
export interface SignInView {
  id: string;
  kind: 'session' | 'token';
  createdAt: string | null;
  expiresAt: string;
}

const HASH_CHARS = 15;
const hashPrefix = sql<string>`substr(token_hash, 1, ${sql.lit(HASH_CHARS)})`;
/** The public id of a session row (see SignInView); also what `createToken` hands out. */
export const publicIdOf = (kind: string, tokenHash: string) => `${kind === 'token' ? 't' : 's'}${tokenHash.slice(0, HASH_CHARS)}`;

/**
 * Listing and revoking a user's sessions and tokens. Every request looks its session up again
 * (access.ts), so a revoked one is refused from the next request on, in every process.
 */
export function createSignIns(db: Kysely<Database>, clock: Clock, audit: AuditLog) {
  async function userId(email: string): Promise<number> {
    const user = await db.selectFrom('users').select('id').where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
    if (!user) throw notFound(`user ${email}`);
    return Number(user.id);
  }

  return {
    async list(email: string): Promise<SignInView[]> {
      const rows = await db
        .selectFrom('sessions')
        .select([hashPrefix.as('prefix'), 'kind', 'created_at', 'expires_at'])
        .where('user_id', '=', await userId(email))
        .where('expires_at', '>=', clock.now().toISOString())
        .orderBy('expires_at')
        .execute();
      return rows.map((r) => ({ id: publicIdOf(r.kind, r.prefix), kind: r.kind === 'token' ? 'token' : 'session', createdAt: r.created_at, expiresAt: r.expires_at }));
    },

    /** Revokes one session or token by its public id. */
    async revoke(email: string, id: string): Promise<void> {
      const record = `user ${email}`;
      if (!/^[st][\w-]{15}$/.test(id)) throw recordError(record, [{ record, field: 'id', value: id, reason: 'is not a session id ("s" or "t" and 15 letters, digits, "-" or "_"; see the list of sessions)' }]);
      const deleted = await db.deleteFrom('sessions').where('user_id', '=', await userId(email)).where(hashPrefix, '=', id.slice(1)).executeTakeFirst();
      if (Number(deleted.numDeletedRows) === 0) throw notFound(`session ${id} of user ${email}`);
      await audit.recordChange({ kind: 'user', record, action: 'session revoked', changes: { session: id } });
    },

    /** Revokes every session and token of the user (or only one kind); how many there were. */
    async revokeAll(email: string, kind?: 'session' | 'token'): Promise<number> {
      const deleted = await db
        .deleteFrom('sessions')
        .where('user_id', '=', await userId(email))
        .$if(kind !== undefined, (q) => q.where('kind', '=', kind!))
        .executeTakeFirst();
      const count = Number(deleted.numDeletedRows);
      await audit.recordChange({ kind: 'user', record: `user ${email.trim().toLowerCase()}`, action: kind ? `all ${kind}s revoked` : 'all sessions and tokens revoked', changes: { revoked: count } });
      return count;
    },
  };
}
