import { randomBytes } from 'node:crypto';
import type { TokenRequest, TokenResponse } from '../api.js';
import { ApiError } from './errors.js';

/**
 * The sandbox's OAuth server: registered clients with their API keys, users who can log in,
 * single-use authorization codes, access tokens with a lifetime, and rotating refresh tokens.
 * Lifetimes follow the wall clock, not the sandbox's data clock, so that a test can freeze the
 * data and still see a token expire.
 */
export interface SandboxClient {
  clientId: string;
  clientSecret: string;
  /** API keys for the client_credentials flow, each tied to this client [V P-DEV-m2m]. */
  apiKeys: string[];
  /**
   * The one registered redirect_uri [V P-DEV-auth]. Unset: any clean http(s) URL is taken, so that
   * a hub on any address can use the default client [G: convenience of the sandbox].
   */
  redirectUri?: string;
}

export interface SandboxUser {
  username: string;
  password: string;
}

export const defaultClient: SandboxClient = { clientId: 'wmsync-sandbox', clientSecret: 'sandbox-secret', apiKeys: ['sandbox-api-key'] };
export const defaultUser: SandboxUser = { username: 'demo@procountor.test', password: 'demo-password' };

export interface AuthSettings {
  /** Access token lifetime; fractions of a second are allowed for tests [V about 3600]. */
  tokenTtlSeconds: number;
  /** Authorization code lifetime [G]. */
  codeTtlSeconds: number;
}

interface Grant {
  clientId: string;
  /** The user who logged in; absent for the API-key flow. */
  username?: string;
}

type Expiring<T> = T & { expiresAtMs: number };

const secret = () => randomBytes(24).toString('base64url');

export type Auth = ReturnType<typeof createAuth>;

/** `settings` is read live: the sandbox's settings object, which the control API changes at runtime. */
export function createAuth(options: { clients: SandboxClient[]; users: SandboxUser[]; settings: AuthSettings; nowMs?: () => number }) {
  const nowMs = options.nowMs ?? (() => Date.now());
  const { settings } = options;
  const codes = new Map<string, Expiring<Grant & { redirectUri: string }>>();
  const accessTokens = new Map<string, Expiring<Grant>>();
  const refreshTokens = new Map<string, Grant>();

  const client = (clientId: string) => options.clients.find((c) => c.clientId === clientId);

  function authenticateClient(clientId: string, clientSecret: string): SandboxClient {
    const found = client(clientId);
    if (!found || found.clientSecret !== clientSecret) throw new ApiError(401, 'Invalid client credentials', 'client_id');
    return found;
  }

  function issue(grant: Grant, withRefresh: boolean): TokenResponse {
    const accessToken = secret();
    accessTokens.set(accessToken, { ...grant, expiresAtMs: nowMs() + settings.tokenTtlSeconds * 1000 });
    const response: TokenResponse = { access_token: accessToken, token_type: 'bearer', expires_in: Math.ceil(settings.tokenTtlSeconds) };
    if (withRefresh) {
      const refreshToken = secret();
      refreshTokens.set(refreshToken, grant);
      response.refresh_token = refreshToken;
    }
    return response;
  }

  return {
    settings,
    client,
    /** The redirect_uri rule [V P-DEV-auth]: absolute, no query string, and the registered one if set. */
    redirectError(found: SandboxClient, redirectUri: string): string | undefined {
      let url: URL;
      try {
        url = new URL(redirectUri);
      } catch {
        return 'redirect_uri must be an absolute URL';
      }
      if (!/^https?:$/.test(url.protocol)) return 'redirect_uri must be http or https';
      if (url.search || url.hash) return 'redirect_uri must be a clean URL without a query string';
      if (found.redirectUri !== undefined && found.redirectUri !== redirectUri) return 'redirect_uri is not the one registered for the client';
      return undefined;
    },
    login(username: string, password: string): SandboxUser | undefined {
      return options.users.find((u) => u.username === username && u.password === password);
    },
    issueCode(clientId: string, redirectUri: string, username: string): string {
      const code = secret();
      codes.set(code, { clientId, redirectUri, username, expiresAtMs: nowMs() + settings.codeTtlSeconds * 1000 });
      return code;
    },
    /** The token endpoint's grants [V P-VG, P-FP, P-LEG]; an invalid grant is a 400 as in OAuth 2 [G]. */
    token(request: TokenRequest): TokenResponse {
      const found = authenticateClient(request.client_id, request.client_secret);
      if (request.grant_type === 'client_credentials') {
        if (!found.apiKeys.includes(request.api_key)) throw new ApiError(401, 'Invalid API key', 'api_key');
        return issue({ clientId: found.clientId }, false);
      }
      if (request.grant_type === 'authorization_code') {
        const grant = codes.get(request.code);
        codes.delete(request.code);
        if (!grant || grant.clientId !== found.clientId) throw new ApiError(400, 'Unknown or already used code', 'code');
        if (grant.expiresAtMs <= nowMs()) throw new ApiError(400, 'The code has expired', 'code');
        if (grant.redirectUri !== request.redirect_uri) throw new ApiError(400, 'redirect_uri differs from the authorization request', 'redirect_uri');
        return issue({ clientId: found.clientId, username: grant.username }, true);
      }
      const grant = refreshTokens.get(request.refresh_token);
      if (!grant || grant.clientId !== found.clientId) throw new ApiError(400, 'Unknown refresh token', 'refresh_token');
      // Rotation: the used refresh token is spent, the answer carries a new one [G].
      refreshTokens.delete(request.refresh_token);
      return issue(grant, true);
    },
    /** The grant behind a bearer token, if it is known and not expired. */
    verify(accessToken: string): Grant | undefined {
      const grant = accessTokens.get(accessToken);
      if (!grant) return undefined;
      if (grant.expiresAtMs > nowMs()) return grant;
      accessTokens.delete(accessToken);
      return undefined;
    },
    /** Test hook: every access token (or one) expires now; refresh tokens stay valid. */
    expireTokens(accessToken?: string): number {
      const targets = accessToken === undefined ? [...accessTokens.values()] : [accessTokens.get(accessToken)].filter((g) => g !== undefined);
      for (const grant of targets) grant.expiresAtMs = nowMs();
      return targets.length;
    },
    /** Test hook: a revoked token is unknown from now on, as when the user loses access. */
    revokeToken(token: string): boolean {
      return accessTokens.delete(token) || refreshTokens.delete(token);
    },
    counts: () => ({ accessTokens: accessTokens.size, refreshTokens: refreshTokens.size, codes: codes.size }),
  };
}
