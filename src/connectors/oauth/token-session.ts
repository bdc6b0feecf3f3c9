import { configError } from '../../kernel/errors.js';
import type { OAuthClient, TokenSet } from './oauth-client.js';

export interface TokenSessionOptions {
  client: OAuthClient;
  /** What is stored now; absent before the first authorization. */
  tokens: TokenSet | undefined;
  /** Unattended set-ups: the client_credentials form fields (e.g. { api_key, redirect_uri }); renews without a person. */
  clientCredentials?: Record<string, string>;
  /** Stores renewed tokens with the integration, so the next run and other workers use them. */
  save(tokens: TokenSet): Promise<void>;
  /** A system name and how to authorise, for the message when nothing is stored yet. */
  notAuthorised: string;
  now?: () => Date;
}

/** Renew this long before the token expires, so that a call never leaves with a token about to lapse. */
const EARLY_MS = 60_000;

/**
 * Bearer tokens for one integration's API client: renewed before they expire, renewed once more
 * when the system answers 401, and saved each time. Renewals are not run twice at once.
 */
export function createTokenSession(options: TokenSessionOptions) {
  const now = options.now ?? (() => new Date());
  let tokens = options.tokens;
  let renewing: Promise<TokenSet> | undefined;

  function renew(): Promise<TokenSet> {
    renewing ??= (async () => {
      try {
        let next: TokenSet;
        if (options.clientCredentials) next = await options.client.clientCredentials(options.clientCredentials);
        else if (tokens?.refreshToken) next = await options.client.refresh(tokens.refreshToken);
        else throw configError(options.notAuthorised);
        await options.save(next);
        tokens = next;
        return next;
      } finally {
        renewing = undefined;
      }
    })();
    return renewing;
  }

  const fresh = (t: TokenSet | undefined): t is TokenSet => t !== undefined && Date.parse(t.expiresAt) - now().getTime() > EARLY_MS;

  return {
    async headers(): Promise<Record<string, string>> {
      const current = fresh(tokens) ? tokens : await renew();
      return { authorization: `Bearer ${current.accessToken}` };
    },
    /** The http client's 401 hook: renew once and let it retry. */
    async onUnauthorized(): Promise<boolean> {
      await renew();
      return true;
    },
  };
}

/** Tokens among an integration's resolved settings (kept as secrets). */
export function storedTokens(settings: Record<string, unknown>): TokenSet | undefined {
  const { accessToken, refreshToken, tokenExpiresAt } = settings;
  if (typeof accessToken !== 'string' || typeof tokenExpiresAt !== 'string') return undefined;
  return { accessToken, ...(typeof refreshToken === 'string' ? { refreshToken } : {}), expiresAt: tokenExpiresAt };
}

/** The secrets to store for a token set. */
export const tokenSecrets = (t: TokenSet): Record<string, string> => ({
  accessToken: t.accessToken,
  ...(t.refreshToken ? { refreshToken: t.refreshToken } : {}),
  tokenExpiresAt: t.expiresAt,
});
