import { createHmac, randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { ApiError } from '../../../src/connectors/sandbox/index.js';

/** What the sandbox accepts, and what `wmsync sandbox mystore` prints. */
export const sandboxShop = 'sandbox';
export const personalToken = 'sandbox-personal-token';
export const sandboxClient = { clientId: 'wmsync-sandbox', clientSecret: 'sandbox-client-secret' };
export const sandboxUser = { email: 'butikk@sandbox.example', password: 'sandbox' };
export const sandboxWebhookSecret = 'sandbox-webhook-secret';

export interface TokenClaims {
  exp: number;
  no_mystore_hosts: string[];
  scope: string;
}

const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/**
 * The sandbox's OAuth tokens: JWTs with `exp` and `no_mystore_hosts` as the real ones [V S25],
 * signed with a key of this sandbox, plus refresh tokens and one-use codes kept in memory.
 */
export function createTokens(now: () => Date) {
  const key = randomBytes(32);
  const sign = (data: string) => createHmac('sha256', key).update(data).digest('base64url');
  const codes = new Map<string, { clientId: string; redirectUri: string; scope: string; expires: number }>();
  const refreshTokens = new Map<string, { clientId: string; scope: string }>();
  let lifetimeSeconds = 3600;

  function issue(clientId: string, scope: string) {
    const claims: TokenClaims = { exp: Math.floor(now().getTime() / 1000) + lifetimeSeconds, no_mystore_hosts: [sandboxShop], scope };
    const body = `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify(claims))}`;
    const refresh = randomBytes(24).toString('base64url');
    refreshTokens.set(refresh, { clientId, scope });
    return { access_token: `${body}.${sign(body)}`, refresh_token: refresh, expires_in: lifetimeSeconds, token_type: 'Bearer' };
  }

  function verify(token: string): TokenClaims | undefined {
    const [header, payload, signature] = token.split('.');
    if (!header || !payload || signature !== sign(`${header}.${payload}`)) return undefined;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as TokenClaims;
    return claims.exp * 1000 > now().getTime() ? claims : undefined;
  }

  return {
    issue,
    verify,
    set lifetime(seconds: number) {
      lifetimeSeconds = seconds;
    },
    newCode(clientId: string, redirectUri: string, scope: string): string {
      const code = randomBytes(16).toString('base64url');
      codes.set(code, { clientId, redirectUri, scope, expires: now().getTime() + 600_000 });
      return code;
    },
    /** A code is used once, by the client it was given to, with the same redirect_uri. */
    takeCode(code: string, clientId: string, redirectUri: string) {
      const found = codes.get(code);
      codes.delete(code);
      return found && found.clientId === clientId && found.redirectUri === redirectUri && found.expires > now().getTime() ? found : undefined;
    },
    takeRefresh(refresh: string, clientId: string) {
      const found = refreshTokens.get(refresh);
      if (!found || found.clientId !== clientId) return undefined;
      refreshTokens.delete(refresh);
      return found;
    },
  };
}
export type Tokens = ReturnType<typeof createTokens>;

/** Which scope a request needs: read:<area> for reads, write:<area> for writes [G by pattern]. */
function scopeFor(method: string, resource: string): string {
  const area = resource.startsWith('product') ? 'products' : resource.startsWith('order') ? 'orders' : resource;
  return `${method === 'GET' ? 'read' : 'write'}:${area}`;
}

/**
 * Bearer auth under /shops/<shop>/: the personal token, or an OAuth JWT whose `no_mystore_hosts`
 * names the shop (another shop reads as unknown: 404 [§2.10]) and whose scope covers the call (403).
 */
export function authenticate(tokens: Tokens): MiddlewareHandler {
  return async (c: Context, next) => {
    const shop = c.req.param('shop');
    if (shop !== sandboxShop) throw new ApiError(404, `No shop named ${shop}`);
    const token = /^Bearer (.+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (!token) throw new ApiError(401, 'Unauthenticated: send Authorization: Bearer <token>');
    if (token === personalToken) return next();
    const claims = tokens.verify(token);
    if (!claims) throw new ApiError(401, 'The access token is invalid or has expired');
    if (!claims.no_mystore_hosts.includes(shop)) throw new ApiError(404, `No shop named ${shop}`);
    const resource = c.req.path.split('/')[3] ?? '';
    const needed = scopeFor(c.req.method, resource);
    const granted = claims.scope.split(' ');
    if (!granted.includes('*') && !granted.includes(needed)) throw new ApiError(403, `The token lacks the scope ${needed}`);
    return next();
  };
}

/** The rate limit's key: the token, as the limit is per token [V S20]. */
export const tokenOf = (c: Context) => c.req.header('authorization') ?? 'anonymous';
