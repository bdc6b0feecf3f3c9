import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { Users } from '../access/users.js';
import { authenticate, requireAdmin } from './access.js';

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * Headers that keep the pages from being framed, sniffed or leaking their addresses. Scripts come
 * only from the hub's own asset; inline style attributes stay allowed (the pages use a few, and
 * every value in them is escaped). No form-action rule: "Save and authorise" ends in a redirect
 * to the system's login page, which form-action would block.
 */
export const securityHeaders = (https: boolean): MiddlewareHandler =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'same-origin',
    strictTransportSecurity: https ? 'max-age=15552000; includeSubDomains' : false,
  });

function sameToken(given: string, expected: string): boolean {
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/** /metrics for Prometheus with its token, or for a signed-in administrator (session or API token). */
export function metricsAccess(users: Users, token: string | undefined): MiddlewareHandler {
  const signedIn = authenticate(users, 'api');
  return async (c, next) => {
    const bearer = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    if (token && bearer && sameToken(bearer, token)) return next();
    return signedIn(c, async () => {
      requireAdmin(c);
      await next();
    });
  };
}
