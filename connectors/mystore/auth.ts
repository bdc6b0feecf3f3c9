import { allowsInsecureHttp, apiKeyAuth, createOAuthClient, oauth2Auth, storedTokens } from '../../src/connectors/sdk/index.js';
import type { AuthStrategy, ConnectorContext, OAuthEndpoints } from '../../src/connectors/sdk/index.js';
import type { MystoreSettings } from './settings.js';

export const notAuthorisedMessage = 'mystore.no is not authorised yet: open the integration and choose Authorise, or set the secret accessToken (a personal access token)';

/**
 * The OAuth endpoints for an API root [V S25]: the real API at api.mystore.no signs in at
 * auth.mystore.no; any other root (the hub's sandbox, `http://HUB/sandbox/mystore/shops/<shop>`)
 * has them beside its `/shops/` segment, so the sandbox's consent page is the one used.
 */
export function oauthEndpoints(baseUrl: string, scopes: string): OAuthEndpoints {
  const root = baseUrl.replace(/\/+$/, '').replace(/\/shops\/[^/]+$/, '');
  const authRoot = root === 'https://api.mystore.no' ? 'https://auth.mystore.no' : root;
  return { authorizeUrl: `${authRoot}/oauth/authorize`, tokenUrl: `${authRoot}/oauth/token`, scope: scopes };
}

/**
 * The OAuth code flow's stored tokens, refreshed before they expire and once on a 401; else a
 * personal access token (valid 10 years [V S20], nothing to renew). Both live in the secret
 * `accessToken`: the hub stores OAuth tokens there with `tokenExpiresAt` beside, which a personal
 * token never has, so that is how they are told apart.
 */
export function mystoreAuth(settings: MystoreSettings, context: ConnectorContext): AuthStrategy {
  const tokens = storedTokens(context.settings);
  if (!tokens && settings.accessToken) return apiKeyAuth({ in: 'header', name: 'authorization', prefix: 'Bearer ', key: settings.accessToken });
  const endpoints = oauthEndpoints(settings.baseUrl, settings.oauthScopes);
  const client = createOAuthClient({
    name: 'mystore.no',
    endpoints,
    clientId: settings.clientId ?? '',
    clientSecret: settings.clientSecret ?? '',
    allowInsecure: allowsInsecureHttp(endpoints.tokenUrl, settings.environment),
    fetch: context.transport.fetch,
  });
  return oauth2Auth({ client, tokens, save: (tokens) => context.saveTokens(tokens), notAuthorised: notAuthorisedMessage });
}
