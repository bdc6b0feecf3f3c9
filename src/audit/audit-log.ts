import type { Kysely } from 'kysely';
import type { Clock } from '../kernel/clock.js';
import type { Database } from '../store/tables.js';
import { currentActor, describeActor } from './actor.js';

export const auditKinds = ['integration', 'mapping', 'setting', 'order', 'user', 'goods owner'] as const;
export type AuditKind = (typeof auditKinds)[number];

/**
 * What changed: plain values as `{ from, to }`; secrets and passwords only by name (`secrets`),
 * so the log can be shown to anyone who may see the record.
 */
export type AuditChanges = Record<string, { from?: unknown; to?: unknown } | string[] | string | number | boolean>;

export interface AuditChange {
  kind: AuditKind;
  record: string;
  goodsOwner?: string | null;
  action: string;
  changes?: AuditChanges;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  kind: string;
  record: string;
  goodsOwner: string | null;
  action: string;
  changes: AuditChanges;
}

export interface AuditFilter {
  /** Only these goods owners' entries (a goods-owner user's view); every entry when absent. */
  goodsOwners?: string[];
  kind?: string;
  record?: string;
  limit?: number;
  /** Entries older than this id: the `next` of the previous page. */
  before?: number;
}

/** The settings that differ between two objects, as `{ from, to }`. */
export function diffValues(before: Record<string, unknown>, after: Record<string, unknown>): AuditChanges {
  const changes: AuditChanges = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = { from: before[key], to: after[key] };
  }
  return changes;
}

export function createAuditLog(db: Kysely<Database>, clock: Clock) {
  return {
    /**
     * Records one change made on behalf of the current actor (see actor.ts). Without an actor the
     * change was the engine's own (a scheduled import) and is not a person's change to audit.
     */
    async recordChange(change: AuditChange): Promise<void> {
      const actor = currentActor();
      if (!actor) return;
      await db
        .insertInto('audit_log')
        .values({
          at: clock.now().toISOString(),
          actor: describeActor(actor),
          actor_user_id: actor.kind === 'user' ? actor.userId : null,
          kind: change.kind,
          record: change.record,
          goods_owner: change.goodsOwner ?? null,
          action: change.action,
          changes: JSON.stringify(change.changes ?? {}),
        })
        .execute();
    },

    /** Newest first; `next` is the `before` of the following page. */
    async list(filter: AuditFilter = {}): Promise<{ items: AuditEntry[]; next?: string }> {
      const limit = filter.limit ?? 100;
      if (filter.goodsOwners?.length === 0) return { items: [] };
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .$if(filter.goodsOwners !== undefined, (q) => q.where('goods_owner', 'in', filter.goodsOwners!))
        .$if(filter.kind !== undefined, (q) => q.where('kind', '=', filter.kind!))
        .$if(filter.record !== undefined, (q) => q.where('record', '=', filter.record!))
        .$if(filter.before !== undefined, (q) => q.where('id', '<', filter.before!))
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute();
      const items = rows.slice(0, limit).map((r) => ({
        id: Number(r.id),
        at: r.at,
        actor: r.actor,
        kind: r.kind,
        record: r.record,
        goodsOwner: r.goods_owner,
        action: r.action,
        changes: JSON.parse(r.changes) as AuditChanges,
      }));
      return rows.length > limit ? { items, next: String(items[items.length - 1]!.id) } : { items };
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
