import type { MiddlewareHandler } from 'hono';
import { actingAs } from '../audit/actor.js';
import { principalOf } from './access.js';

/** After sign-in: what the request changes is recorded in the audit log as the signed-in user's doing. */
export const actAsPrincipal: MiddlewareHandler = async (c, next) => {
  const principal = principalOf(c);
  return actingAs(principal.role === 'admin' && principal.setup ? { kind: 'set-up' } : { kind: 'user', userId: principal.userId, email: principal.email }, () => next());
};
