import type { ApiContext, Connector } from '../connectors/sdk/connector.js';
import type { TokenSet } from '../connectors/oauth/oauth-client.js';
import type { Logger } from '../kernel/logger.js';
import type { EngineDeps } from './flow-run.js';

/**
 * What a connector gets to build an integration's api: the resolved settings, the hub's guarded
 * fetch, and the rate-limit bucket of the credential, keyed by system, address and the credential
 * the connector names, so every integration and worker on one credential shares it.
 */
export function apiContextFor(
  deps: Pick<EngineDeps, 'limiters' | 'oauthRedirectUri' | 'outbound'>,
  connector: Connector<any>,
  resolved: Record<string, unknown>,
  options: { logger: Logger; saveTokens(tokens: TokenSet): Promise<void>; fallbackCredential: string; onCall?: () => void },
): ApiContext {
  const credential = connector.credential(resolved) || options.fallbackCredential;
  return {
    settings: resolved,
    credentialKey: `${connector.id}:${String(resolved.baseUrl)}:${credential}`,
    limiters: deps.limiters,
    logger: options.logger,
    redirectUri: deps.oauthRedirectUri(),
    saveTokens: options.saveTokens,
    transport: { fetch: options.onCall ? countingFetch(deps.outbound.fetch, options.onCall) : deps.outbound.fetch },
  };
}

/** The guarded fetch, telling `onCall` of each call (a run counts its API calls). */
function countingFetch(fetch: ApiContext['transport']['fetch'], onCall: () => void): ApiContext['transport']['fetch'] {
  return (...args) => {
    onCall();
    return fetch(...args);
  };
}
