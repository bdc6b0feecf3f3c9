import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { html } from 'hono/html';
import { WmsyncError } from '../../kernel/errors.js';
import { csrfTokenOf } from '../access.js';

/**
 * Every form carries the session's CSRF token, and every POST of the UI must bring it back.
 * In set-up mode there is no session (and only this machine is served), so there is no token.
 * `sameOriginWrites` already refuses writes that browsers mark as cross-site; the token also
 * covers browsers and proxies that send neither Sec-Fetch-Site nor Origin.
 */
export const csrfField = (c: Context) => {
  const token = csrfTokenOf(c);
  return token ? html`<input type="hidden" name="_csrf" value="${token}" />` : '';
};

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export const verifyCsrf: MiddlewareHandler = async (c, next) => {
  if (c.req.method !== 'POST') return next();
  const expected = csrfTokenOf(c);
  if (expected === undefined) return next();
  const form = await c.req.parseBody();
  const given = typeof form._csrf === 'string' ? form._csrf : '';
  if (!same(given, expected)) throw new WmsyncError('forbidden', 'This form has expired or was sent from elsewhere. Reload the page and try again.');
  return next();
};
