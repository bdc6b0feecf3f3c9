import { z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { mayAccess } from '../access/users.js';
import { isWmsyncError, notFound } from '../kernel/errors.js';
import type { IntegrationView } from '../sync/integrations.js';
import type { SyncServices } from '../sync/services.js';
import { principalOf } from './access.js';

/**
 * The one spelling of a record id: decimal, no sign, no leading zero, no spaces. `2.0`, `0x2`,
 * `2e0`, `%202` and `+2` all coerce to 2 in JavaScript; none of them is an id here (ADR 0008).
 */
const canonicalId = /^[1-9][0-9]{0,14}$/;

/** The id path parameter of the API: the same spelling rule, so the OpenAPI document states it too. */
export const recordIdParam = z
  .string()
  .regex(canonicalId, 'is not an id')
  .transform(Number)
  .openapi({ param: { name: 'id', in: 'path' }, example: '1' });

export const parseRecordId = (raw: string | undefined): number | undefined => (raw !== undefined && canonicalId.test(raw) ? Number(raw) : undefined);

/**
 * Loads what an id names and refuses it as "WHAT not found" when it does not exist, is spelled
 * any other way, or belongs to a goods owner the user may not see: the three answers are the same,
 * so an id never tells whose it is.
 */
async function owned<T>(c: Context, what: string, raw: string | undefined, load: (id: number) => Promise<T>, ownerOf: (record: T) => Promise<string>): Promise<T> {
  const id = parseRecordId(raw);
  const missing = notFound(`${what} ${String(raw ?? '').slice(0, 40)}`);
  if (id === undefined) throw missing;
  try {
    const record = await load(id);
    if (!mayAccess(principalOf(c), await ownerOf(record))) throw missing;
    return record;
  } catch (e) {
    if (isWmsyncError(e) && e.kind === 'not-found') throw missing;
    throw e;
  }
}

export const ownIntegrationById = (c: Context, sync: SyncServices, raw: string | undefined): Promise<IntegrationView> =>
  owned(c, 'integration', raw, (id) => sync.integrations.get(id), async (i) => i.goodsOwner);

export const ownRunById = (c: Context, sync: SyncServices, raw: string | undefined) =>
  owned(c, 'run', raw, (id) => sync.runs.get(id), async (run) => (await sync.integrations.get(run.integrationId)).goodsOwner);

/** A goods owner's code as the router hands it to routes: percent-decoded once. */
async function ownGoodsOwnerCode(c: Context, _sync: SyncServices, raw: string): Promise<void> {
  let code: string;
  try {
    code = decodeURIComponent(raw);
  } catch {
    throw notFound(`goods owner ${raw.slice(0, 40)}`);
  }
  if (!mayAccess(principalOf(c), code)) throw notFound(`goods owner ${code.slice(0, 40)}`);
}

type Check = (c: Context, sync: SyncServices, segment: string) => Promise<unknown>;

/** Paths whose next segment names an integration, a run or a goods owner; literal pages among them are not ids. */
const recordPaths: { pattern: RegExp; check: Check; literals?: string[] }[] = [
  { pattern: /^(?:\/api\/v1)?\/integrations\/([^/]+)/, check: ownIntegrationById, literals: ['new', 'test-connection'] },
  { pattern: /^(?:\/api\/v1)?\/runs\/([^/]+)/, check: ownRunById },
  { pattern: /^\/oauth\/start\/([^/]+)/, check: ownIntegrationById },
  { pattern: /^(?:\/api\/v1\/goods-owners|\/wms)\/([^/]+)/, check: ownGoodsOwnerCode },
];

/**
 * The ownership check every route and page goes through, API and UI alike: mounted after sign-in,
 * it reads the id from the path (an escaped id is never canonical), so no route can coerce a
 * spelling the check did not see.
 */
export function guardRecords(sync: SyncServices): MiddlewareHandler {
  return async (c, next) => {
    for (const { pattern, check, literals } of recordPaths) {
      const segment = pattern.exec(c.req.path)?.[1];
      if (segment !== undefined && !literals?.includes(segment)) await check(c, sync, segment);
    }
    return next();
  };
}
