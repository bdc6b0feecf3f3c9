import * as oauth from 'oauth4webapi';
import { WmsyncError, configError } from '../../kernel/errors.js';

/** Where a system's OAuth 2 endpoints are, worked out from an integration's settings. */
export interface OAuthEndpoints {
  /** The page the user's browser is sent to, to log in and consent. */
  authorizeUrl: string;
  tokenUrl: string;
  /** The permissions asked for on the consent page (space-separated scopes), for systems that want them named. */
  scope?: string;
}

/** Tokens as stored with an integration (encrypted, among its secrets). */
export interface TokenSet {
  accessToken: string;
  refreshToken?: string;
  /** ISO 8601 */
  expiresAt: string;
}

export interface OAuthClientOptions {
  /** The system's name, for messages. */
  name: string;
  endpoints: OAuthEndpoints;
  clientId: string;
  clientSecret: string;
  /** Plain http is allowed only towards a local sandbox. */
  allowInsecure?: boolean;
  fetch?: typeof fetch;
  now?: () => Date;
}

/**
 * OAuth 2 for a connector, over oauth4webapi: the authorization-code flow (with `state`),
 * refresh, and client_credentials with the extra form fields some systems want (Procountor's
 * api_key). Credentials go in the form body (client_secret_post), as Procountor requires.
 */
export function createOAuthClient(options: OAuthClientOptions) {
  const { endpoints, name } = options;
  const as: oauth.AuthorizationServer = {
    issuer: new URL(endpoints.authorizeUrl).origin,
    authorization_endpoint: endpoints.authorizeUrl,
    token_endpoint: endpoints.tokenUrl,
  };
  const client: oauth.Client = { client_id: options.clientId };
  const auth = oauth.ClientSecretPost(options.clientSecret);
  const requestOptions = {
    ...(options.allowInsecure ? { [oauth.allowInsecureRequests]: true } : {}),
    ...(options.fetch ? { [oauth.customFetch]: options.fetch } : {}),
  };
  const now = options.now ?? (() => new Date());

  const toTokenSet = (r: oauth.TokenEndpointResponse, previousRefresh?: string): TokenSet => ({
    accessToken: r.access_token,
    ...((r.refresh_token ?? previousRefresh) ? { refreshToken: r.refresh_token ?? previousRefresh } : {}),
    expiresAt: new Date(now().getTime() + (r.expires_in ?? 3600) * 1000).toISOString(),
  });

  /** Maps oauth4webapi's errors to ours: a refusal by the system is a configuration matter for a person. */
  async function guard<T>(what: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      if (e instanceof oauth.ResponseBodyError) throw configError(`${name} refused the ${what}: ${e.error}${e.error_description ? ` (${e.error_description})` : ''}`);
      if (e instanceof oauth.WWWAuthenticateChallengeError || e instanceof oauth.AuthorizationResponseError) throw configError(`${name} refused the ${what}: ${e.message}`);
      if (e instanceof TypeError || (e as { code?: string }).code === 'ECONNREFUSED') throw new WmsyncError('transient', `${name} could not be reached for the ${what}: ${(e as Error).message}`, [], { cause: e });
      throw configError(`${name} ${what} failed: ${(e as Error).message}`);
    }
  }

  return {
    /** The address to send the browser to. */
    authorizationUrl(redirectUri: string, state: string): string {
      const url = new URL(endpoints.authorizeUrl);
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('client_id', options.clientId);
      url.searchParams.set('redirect_uri', redirectUri);
      url.searchParams.set('state', state);
      if (endpoints.scope) url.searchParams.set('scope', endpoints.scope);
      return url.href;
    },

    /** Checks the callback's state and exchanges its code for tokens. */
    exchangeCode(callback: URL, expectedState: string, redirectUri: string): Promise<TokenSet> {
      return guard('authorization', async () => {
        const params = oauth.validateAuthResponse(as, client, callback, expectedState);
        const response = await oauth.authorizationCodeGrantRequest(as, client, auth, params, redirectUri, oauth.nopkce, requestOptions);
        return toTokenSet(await oauth.processAuthorizationCodeResponse(as, client, response));
      });
    },

    refresh(refreshToken: string): Promise<TokenSet> {
      return guard('token refresh', async () => {
        const response = await oauth.refreshTokenGrantRequest(as, client, auth, refreshToken, requestOptions);
        return toTokenSet(await oauth.processRefreshTokenResponse(as, client, response), refreshToken);
      });
    },

    clientCredentials(parameters: Record<string, string>): Promise<TokenSet> {
      return guard('API key', async () => {
        const response = await oauth.clientCredentialsGrantRequest(as, client, auth, parameters, requestOptions);
        return toTokenSet(await oauth.processClientCredentialsResponse(as, client, response));
      });
    },
  };
}

export type OAuthClient = ReturnType<typeof createOAuthClient>;
