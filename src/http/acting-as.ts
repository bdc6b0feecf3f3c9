import type { MiddlewareHandler } from 'hono';
import type { Principal } from '../access/users.js';
import { actingAs } from '../audit/actor.js';

/**
 * After sign-in: what the request changes is recorded in the audit log as the signed-in user's
 * doing. A route open to all (the OpenAPI document) has no user and changes nothing.
 */
export const actAsPrincipal: MiddlewareHandler = async (c, next) => {
  const principal = c.get('principal' as never) as Principal | undefined;
  if (!principal) return next();
  return actingAs(principal.role === 'admin' && principal.setup ? { kind: 'set-up' } : { kind: 'user', userId: principal.userId, email: principal.email }, () => next());
};
