import { allowsInsecureHttp, createOAuthClient, oauth2Auth } from '../../src/connectors/sdk/index.js';
import type { AuthStrategy, OAuthEndpoints, TokenSet } from '../../src/connectors/sdk/index.js';

export const notAuthorisedMessage = 'Procountor is not authorised yet: open the integration and choose Authorise, or set an apiKey';

/**
 * The OAuth endpoints for an API root. The token endpoint sits under the root
 * (`{root}/oauth/token`, also on versioned roots) [V P-VG, P-RC]; the login page is on the host,
 * without `/api` and without a version segment (`/latest`, `/supported`, `/vYYMM`) [V P-DEV-auth].
 * A prefix before them is kept, so the hub's sandbox at `http://HUB/sandbox/procountor/api` logs
 * in at `http://HUB/sandbox/procountor/login`.
 */
export function oauthEndpoints(baseUrl: string): OAuthEndpoints {
  const root = baseUrl.replace(/\/+$/, '');
  const host = root.replace(/\/api$/, '').replace(/\/(latest|supported|v\d{4})$/, '');
  return { tokenUrl: `${root}/oauth/token`, authorizeUrl: `${host}/login` };
}

export interface SessionOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** Set: the API-key (client_credentials) flow, unattended. Unset: the code flow's stored tokens. */
  apiKey: string | undefined;
  tokens: TokenSet | undefined;
  /** The hub's OAuth callback, which is the client's registered redirect_uri. */
  redirectUri: string;
  environment: unknown;
  saveTokens(tokens: TokenSet): Promise<void>;
  fetch?: typeof fetch;
}

/**
 * Bearer tokens for one integration: renewed before they expire and once on a 401, by refresh
 * token (code flow) or by asking again with the API key. The API-key request carries
 * `redirect_uri` as most public clients send it (P-VG, P-FP, P-VR; P-RC leaves it out) [V notes A2.1].
 */
export function createSessionAuth(options: SessionOptions): AuthStrategy {
  const endpoints = oauthEndpoints(options.baseUrl);
  const client = createOAuthClient({
    name: 'Procountor',
    endpoints,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    allowInsecure: allowsInsecureHttp(endpoints.tokenUrl, options.environment),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return oauth2Auth({
    client,
    tokens: options.tokens,
    ...(options.apiKey ? { clientCredentials: { api_key: options.apiKey, redirect_uri: options.redirectUri } } : {}),
    save: options.saveTokens,
    notAuthorised: notAuthorisedMessage,
  });
}
