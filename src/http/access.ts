import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Principal, Users } from '../access/users.js';
import { mayAccess } from '../access/users.js';
import type { Connector } from '../connectors/sdk/connector.js';
import type { AddressList } from '../kernel/address-list.js';
import { WmsyncError, notFound } from '../kernel/errors.js';

export const SESSION_COOKIE = 'wmsync_session';

/** The signed-in user of a request, set by `authenticate`. */
export const principalOf = (c: Context): Principal => {
  const p = c.get('principal' as never) as Principal | undefined;
  if (!p) throw new WmsyncError('system', 'no principal on an authenticated route');
  return p;
};
export const csrfTokenOf = (c: Context): string | undefined => c.get('csrfToken' as never) as string | undefined;

function peerAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? '';
  } catch {
    return '';
  }
}

/**
 * The client's address: the peer's, or, when the peer is a proxy the hub trusts
 * (`WMSYNC_TRUSTED_PROXIES`), the nearest address in X-Forwarded-For that is not one of them.
 * Behind a load balancer every request would otherwise come from it, and one guesser would
 * throttle everyone's sign-in. '' for an in-process call (tests, the CLI), which has no socket.
 */
export function clientAddresses(trustedProxies: AddressList): MiddlewareHandler {
  return async (c, next) => {
    let address = peerAddress(c);
    if (trustedProxies.has(address)) {
      const forwarded = (c.req.header('x-forwarded-for') ?? '').split(',').map((a) => a.trim()).filter(Boolean);
      while (forwarded.length && trustedProxies.has(address)) address = forwarded.pop()!;
    }
    c.set('clientAddress' as never, address as never);
    return next();
  };
}

export const remoteAddress = (c: Context): string => (c.get('clientAddress' as never) as string | undefined) ?? peerAddress(c);

/** A request from this machine: a loopback address, or an in-process call that has none. */
function isLocal(c: Context): boolean {
  const address = remoteAddress(c);
  return address === '' || address === '::1' || address.startsWith('127.') || address === '::ffff:127.0.0.1';
}

/**
 * Finds who is asking. With a session cookie: its user. Before the first user exists the hub is
 * in set-up mode and serves requests from this machine only, as an administrator; `wmsync users add`
 * ends set-up mode. Everything else is refused: 401 for the API, the sign-in page for pages.
 */
export function authenticate(users: Users, kind: 'api' | 'page'): MiddlewareHandler {
  return async (c, next) => {
    // Browsers carry the session cookie; scripts an API token (`wmsync users token`) as a bearer.
    const bearer = /^Bearer (wms_[\w-]+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    const token = bearer ?? getCookie(c, SESSION_COOKIE);
    const session = token ? await users.session(token) : undefined;
    if (session) {
      c.set('principal' as never, session.principal as never);
      c.set('csrfToken' as never, session.csrfToken as never);
      return next();
    }
    if ((await users.count()) === 0 && isLocal(c)) {
      c.set('principal' as never, { userId: 0, email: 'set-up', role: 'admin', setup: true } as never);
      return next();
    }
    // The query comes along: an OAuth callback that finds the session expired must keep its code and state.
    const { pathname, search } = new URL(c.req.url);
    if (kind === 'page') return c.redirect(`/login?next=${encodeURIComponent(pathname + search)}`, 302);
    throw new WmsyncError('unauthorized', (await users.count()) === 0 ? 'no users yet: create the first administrator with `wmsync users add EMAIL --role admin`, or call from this machine' : 'sign in first (POST /login)');
  };
}

/** Refuses another goods owner's data as if it did not exist, so its existence is not revealed either. */
export function requireOwner(c: Context, goodsOwner: string): void {
  if (!mayAccess(principalOf(c), goodsOwner)) throw notFound(`goods owner ${goodsOwner}`);
}

export function requireAdmin(c: Context): void {
  if (principalOf(c).role !== 'admin') throw new WmsyncError('forbidden', 'only an administrator may do this');
}

/**
 * Refuses the admin-only settings (a custom API root) from anyone else: the address decides where
 * the hub connects with the integration's credentials (ADR 0008).
 */
export function requireSettingRights(c: Context, connector: Connector<any>, settings: Record<string, unknown> = {}): void {
  if (principalOf(c).role === 'admin') return;
  const refused = connector.settings.filter((d) => 'adminOnly' in d && d.adminOnly && d.key in settings);
  if (refused.length) throw new WmsyncError('forbidden', `only an administrator may set ${refused.map((d) => d.key).join(', ')}; the environment picks ${connector.displayName}'s own address`);
}

/**
 * Refuses state-changing requests that a browser sent from another site: Sec-Fetch-Site says so,
 * or Origin names another origin. Clients that are not browsers send neither and pass (curl,
 * scripts); they carry no ambient cookie a forged page could ride on.
 */
export const sameOriginWrites: MiddlewareHandler = async (c, next) => {
  if (['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) return next();
  const site = c.req.header('sec-fetch-site');
  const origin = c.req.header('origin');
  const crossSite = (site !== undefined && site !== 'same-origin' && site !== 'none') || (origin !== undefined && origin !== new URL(c.req.url).origin);
  if (crossSite) throw new WmsyncError('forbidden', 'a request from another site was refused');
  return next();
};
