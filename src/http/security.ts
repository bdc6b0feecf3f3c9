import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { Users } from '../access/users.js';
import { loneSurrogate } from '../domain/fields.js';
import { authenticate, requireAdmin } from './access.js';
import { errorBody } from './errors.js';

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

/** C0 control characters but tab, line feed and carriage return, and DEL: what no stored text holds. */
const control = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Why no stored text may be this string, if it may not. */
const badText = (text: string): string | undefined =>
  control.test(text) ? 'must not contain control characters (such as NUL)' : loneSurrogate.test(text) ? 'must not contain half of a UTF-16 surrogate pair (it is not valid Unicode)' : undefined;

/**
 * The dotted path of the first string (or key) in a parsed body that no text may be, and why.
 * Walked with a stack of its own, not by recursion: a body nested 100 000 deep is valid JSON.
 */
function badTextAt(body: unknown): { field: string; reason: string } | undefined {
  const pending: [unknown, string][] = [[body, '']];
  while (pending.length) {
    const [value, path] = pending.pop()!;
    if (typeof value === 'string') {
      const reason = badText(value);
      if (reason) return { field: path || '(body)', reason };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    // Pushed last to first, so the first field is looked at first and named when several are bad.
    for (const [k, v] of Object.entries(value).reverse()) {
      const at = Array.isArray(value) ? `${path}[${k}]` : path ? `${path}.${k}` : k;
      const reason = badText(k);
      if (reason) return { field: at, reason };
      pending.push([v, at]);
    }
  }
  return undefined;
}

function decoded(component: string): string {
  try {
    return decodeURIComponent(component);
  } catch {
    return component;
  }
}

/**
 * NUL and the other control characters (and lone surrogates) are refused at the edge, in the query (400) and in JSON or
 * form bodies (422, the field named), before any handler reads them: PostgreSQL refuses NUL in
 * text with an error, SQLite would store it. The body is read from a copy, so that a handler (or a
 * sandbox the hub serves) that forwards the request still has it.
 */
export const refuseControlCharacters: MiddlewareHandler = async (c, next) => {
  const refuse = ({ field, reason }: { field: string; reason: string }, code: string, status: 400 | 422) =>
    c.json(errorBody(code, `${field} ${reason}`, [{ record: 'request', field, reason }]), status);
  const inQuery = badTextAt(Object.fromEntries(new URL(c.req.url).searchParams));
  if (inQuery) return refuse(inQuery, 'invalid_request', 400);
  const type = c.req.header('content-type') ?? '';
  const form = type.startsWith('application/x-www-form-urlencoded');
  if (c.req.raw.body && (type.includes('json') || form)) {
    const text = await c.req.raw.clone().text();
    const body = form ? Object.fromEntries(new URLSearchParams(text)) : parsedJson(text);
    const inBody = badTextAt(body);
    if (inBody) return refuse(inBody, 'invalid_record', 422);
  }
  return next();
};

function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Malformed JSON is the handler's to refuse, with its own message.
    return undefined;
  }
}

/**
 * A control character in the path: no record has such a key, so 404. Mounted after the record
 * guard, which answers for ids itself, in the words it always uses.
 */
export const refuseControlCharactersInPath: MiddlewareHandler = async (c, next) => {
  if (/[\u0000-\u001F\u007F]/.test(decoded(new URL(c.req.url).pathname))) return c.json(errorBody('not_found', 'not found: the address holds a control character'), 404);
  return next();
};
