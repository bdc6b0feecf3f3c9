import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Clock } from '../kernel/clock.js';
import { conflict, notFound, recordError } from '../kernel/errors.js';
import type { Database } from '../store/tables.js';
import { createAuditLog } from '../audit/audit-log.js';
import { createLoginThrottle, throttleKeys } from './login-throttle.js';
import { createSignIns, publicIdOf } from './sign-ins.js';
import { hashPassword, verifyPassword } from './passwords.js';

/**
 * Who is asking: an administrator sees every goods owner; a goods-owner user only its own.
 * `setup` marks the hub before its first user exists (local requests only, see http/access.ts).
 */
export type Principal = { userId: number; email: string; role: 'admin'; setup?: boolean } | { userId: number; email: string; role: 'goods-owner'; goodsOwner: string };

export const roles = ['admin', 'goods-owner'] as const;

const SESSION_MS = 12 * 60 * 60_000;

/** What a sign-in came to; `wrong` and `throttled` are the same for an unknown e-mail and a wrong password. */
export type SignIn = { outcome: 'signed-in'; token: string; csrfToken: string; principal: Principal } | { outcome: 'wrong' } | { outcome: 'throttled'; retryAfterSeconds: number };
const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

const newUserSchema = z.strictObject({
  email: z.email('must be an e-mail address'),
  password: z.string().min(10, 'must be at least 10 characters'),
  role: z.enum(roles),
  goodsOwner: z.string().optional(),
});

/** What an administrator may change of a user; the e-mail is the user's name and stays. */
const userChangeSchema = z.strictObject({
  role: z.enum(roles).optional(),
  goodsOwner: z.string().nullable().optional(),
  password: z.string().min(10, 'must be at least 10 characters').optional(),
});
export type UserChange = z.input<typeof userChangeSchema>;

export function createUsers(db: Kysely<Database>, clock: Clock) {
  const throttle = createLoginThrottle(db, clock);
  const audit = createAuditLog(db, clock);
  const signIns = createSignIns(db, clock, audit);

  /** The goods owner's row id for a goods-owner user, after the rules of role and goods owner. */
  async function ownerFor(record: string, role: string, goodsOwner: string | null | undefined): Promise<number | null> {
    if (role === 'goods-owner' && !goodsOwner) throw recordError(record, [{ record, field: 'goodsOwner', reason: 'a goods-owner user needs --goods-owner CODE' }]);
    if (role === 'admin' && goodsOwner) throw recordError(record, [{ record, field: 'goodsOwner', reason: 'an administrator sees every goods owner; leave --goods-owner out' }]);
    if (!goodsOwner) return null;
    const owner = await db.selectFrom('goods_owners').select('id').where('code', '=', goodsOwner).executeTakeFirst();
    if (!owner) throw notFound(`goods owner ${goodsOwner}`);
    return Number(owner.id);
  }

  async function principalOf(userId: number): Promise<Principal | undefined> {
    const row = await db
      .selectFrom('users')
      .leftJoin('goods_owners', 'goods_owners.id', 'users.goods_owner_id')
      .select(['users.id', 'users.email', 'users.role', 'goods_owners.code'])
      .where('users.id', '=', userId)
      .executeTakeFirst();
    if (!row) return undefined;
    return row.role === 'admin' ? { userId: Number(row.id), email: row.email, role: 'admin' } : { userId: Number(row.id), email: row.email, role: 'goods-owner', goodsOwner: row.code ?? '' };
  }

  return {
    async add(input: { email: string; password: string; role: string; goodsOwner?: string }): Promise<Principal> {
      const record = `user ${input.email}`;
      const parsed = newUserSchema.safeParse(input);
      if (!parsed.success) {
        throw recordError(record, parsed.error.issues.map((i) => ({ record, field: String(i.path[0] ?? ''), reason: i.message })));
      }
      const { email, password, role, goodsOwner } = parsed.data;
      const ownerId = await ownerFor(record, role, goodsOwner);
      if (await db.selectFrom('users').select('id').where('email', '=', email.toLowerCase()).executeTakeFirst()) throw conflict(`user ${email} already exists`);
      const row = await db
        .insertInto('users')
        .values({ email: email.toLowerCase(), password_hash: await hashPassword(password), role, goods_owner_id: ownerId, created_at: clock.now().toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow();
      // Access changes are the administrators' business: no goods owner, so no goods-owner user sees them.
      await audit.recordChange({ kind: 'user', record: `user ${email.toLowerCase()}`, action: 'created', changes: { role: { to: role }, ...(goodsOwner ? { goodsOwner: { to: goodsOwner } } : {}) } });
      return (await principalOf(Number(row.id)))!;
    },

    /**
     * Changes a user's role, goods owner or password. A new password ends the user's browser
     * sessions (whoever knew the old one is signed out); API tokens stay until revoked.
     */
    async update(email: string, change: UserChange): Promise<Principal> {
      const record = `user ${email}`;
      const parsed = userChangeSchema.safeParse(change);
      if (!parsed.success) throw recordError(record, parsed.error.issues.map((i) => ({ record, field: String(i.path[0] ?? ''), reason: i.message })));
      const user = await db.selectFrom('users').select(['id']).where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
      if (!user) throw notFound(record);
      const before = (await principalOf(Number(user.id)))!;
      const role = parsed.data.role ?? before.role;
      const goodsOwner = parsed.data.goodsOwner !== undefined ? parsed.data.goodsOwner : role === 'admin' ? null : before.role === 'goods-owner' ? before.goodsOwner : undefined;
      const ownerId = await ownerFor(record, role, goodsOwner);
      if (before.role === 'admin' && role !== 'admin') {
        const admins = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', 'admin').executeTakeFirstOrThrow();
        if (Number(admins.n) <= 1) throw conflict(`${record} is the last administrator; make another user an administrator first`);
      }
      await db
        .updateTable('users')
        .set({ role, goods_owner_id: ownerId, ...(parsed.data.password ? { password_hash: await hashPassword(parsed.data.password) } : {}) })
        .where('id', '=', user.id)
        .execute();
      if (parsed.data.password) await db.deleteFrom('sessions').where('user_id', '=', user.id).where('kind', '=', 'session').execute();
      const after = (await principalOf(Number(user.id)))!;
      const ownerOf = (p: Principal) => (p.role === 'goods-owner' ? p.goodsOwner : null);
      const changes = {
        ...(before.role !== after.role ? { role: { from: before.role, to: after.role } } : {}),
        ...(ownerOf(before) !== ownerOf(after) ? { goodsOwner: { from: ownerOf(before), to: ownerOf(after) } } : {}),
        ...(parsed.data.password ? { password: 'reset; browser sessions ended' } : {}),
      };
      if (Object.keys(changes).length) await audit.recordChange({ kind: 'user', record: `user ${after.email}`, action: 'changed', changes });
      return after;
    },

    /** The user's sessions and tokens, and their revocation (sign-ins.ts). */
    signIns,

    async list(): Promise<{ email: string; role: string; goodsOwner: string | null; createdAt: string }[]> {
      const rows = await db
        .selectFrom('users')
        .leftJoin('goods_owners', 'goods_owners.id', 'users.goods_owner_id')
        .select(['users.email', 'users.role', 'goods_owners.code', 'users.created_at'])
        .orderBy('users.email')
        .execute();
      return rows.map((r) => ({ email: r.email, role: r.role, goodsOwner: r.code ?? null, createdAt: r.created_at }));
    },

    async count(): Promise<number> {
      const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /**
     * A new session for a correct e-mail and password from `address`. After repeated failures of the
     * e-mail or the address it answers `throttled` without hashing anything, so guessing costs the
     * guesser time and the hub no CPU.
     */
    async signIn(email: string, password: string, address: string): Promise<SignIn> {
      const keys = throttleKeys(email, address);
      const retryAfterSeconds = await throttle.retryAfterSeconds([keys.account, keys.address]);
      if (retryAfterSeconds > 0) return { outcome: 'throttled', retryAfterSeconds };
      const user = await db.selectFrom('users').select(['id', 'password_hash']).where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
      // A wrong e-mail costs the same time as a wrong password, so the answer tells nothing.
      const ok = await verifyPassword(password, user?.password_hash ?? 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
      if (!user || !ok) {
        await throttle.failed([keys.account, keys.address]);
        return { outcome: 'wrong' };
      }
      await throttle.succeeded(keys.account);
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      await db.deleteFrom('sessions').where('expires_at', '<', clock.now().toISOString()).execute();
      await db
        .insertInto('sessions')
        .values({ token_hash: sha256(token), user_id: user.id, csrf_token: csrfToken, kind: 'session', created_at: clock.now().toISOString(), expires_at: new Date(clock.now().getTime() + SESSION_MS).toISOString() })
        .execute();
      return { outcome: 'signed-in', token, csrfToken, principal: (await principalOf(Number(user.id)))! };
    },

    /** A long-lived token for scripts (`Authorization: Bearer …`), acting as the user; shown once. */
    async createToken(email: string, days: number): Promise<{ token: string; id: string; expiresAt: string }> {
      const user = await db.selectFrom('users').select('id').where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
      if (!user) throw notFound(`user ${email}`);
      const token = `wms_${randomBytes(32).toString('base64url')}`;
      const expiresAt = new Date(clock.now().getTime() + days * 86_400_000).toISOString();
      await db.insertInto('sessions').values({ token_hash: sha256(token), user_id: user.id, csrf_token: randomBytes(24).toString('base64url'), kind: 'token', created_at: clock.now().toISOString(), expires_at: expiresAt }).execute();
      await audit.recordChange({ kind: 'user', record: `user ${email.trim().toLowerCase()}`, action: 'token created', changes: { token: publicIdOf('token', sha256(token)), expiresAt: { to: expiresAt } } });
      return { token, id: publicIdOf('token', sha256(token)), expiresAt };
    },

    async session(token: string): Promise<{ principal: Principal; csrfToken: string } | undefined> {
      const row = await db.selectFrom('sessions').selectAll().where('token_hash', '=', sha256(token)).executeTakeFirst();
      if (!row || row.expires_at < clock.now().toISOString()) return undefined;
      const principal = await principalOf(Number(row.user_id));
      return principal && { principal, csrfToken: row.csrf_token };
    },

    async signOut(token: string): Promise<void> {
      await db.deleteFrom('sessions').where('token_hash', '=', sha256(token)).execute();
    },
  };
}

export type Users = ReturnType<typeof createUsers>;

/** Whether a principal may see and change a goods owner's data. */
export const mayAccess = (principal: Principal, goodsOwner: string): boolean => principal.role === 'admin' || principal.goodsOwner === goodsOwner;
