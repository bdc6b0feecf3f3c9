import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { allowsInsecureHttp } from '../connectors/auth/insecure-http.js';
import type { OutboundPolicy } from '../connectors/http/outbound.js';
import { createOAuthClient } from '../connectors/oauth/oauth-client.js';
import type { Clock } from '../kernel/clock.js';
import { WmsyncError, configError } from '../kernel/errors.js';
import type { Database } from '../store/tables.js';
import type { IntegrationStore, ResolvedIntegration } from './integrations.js';

const STATE_TTL_MS = 10 * 60_000;

/** The signed-in user at the callback, and whether they may (still) see a goods owner's data. */
export interface Completer {
  userId: number;
  mayAccess(goodsOwner: string): boolean;
}

/**
 * The OAuth 2 authorization-code flow of an integration: start sends the browser to the system's
 * login page with a fresh `state`; the callback checks that state (known, unexpired, used once),
 * exchanges the code, and stores the tokens encrypted with the integration. A state belongs to the
 * user who started the flow: handed to anyone else, it would store tokens of their account at the
 * system on an integration that is not theirs.
 */
export function createAuthorization(deps: { db: Kysely<Database>; integrations: IntegrationStore; clock: Clock; redirectUri: () => string; outbound: OutboundPolicy }) {
  const { db, integrations, clock } = deps;

  const clientFor = (integration: ResolvedIntegration) => {
    const spec = integration.connector.oauth;
    if (!spec) throw configError(`${integration.connector.displayName} does not use OAuth 2`);
    const endpoints = spec.endpoints(integration.resolved);
    return createOAuthClient({
      name: integration.connector.displayName,
      endpoints,
      clientId: spec.clientId(integration.resolved),
      clientSecret: spec.clientSecret(integration.resolved),
      allowInsecure: allowsInsecureHttp(endpoints.tokenUrl, integration.environment),
      now: () => clock.now(),
      // The token endpoint comes from the integration's address: the same outbound rule as its API calls.
      fetch: deps.outbound.fetch,
    });
  };

  return {
    /** The address of the system's login page for this integration. */
    async start(integrationId: number, startedBy: number): Promise<string> {
      const integration = await integrations.resolve(integrationId);
      const client = clientFor(integration);
      const state = randomBytes(24).toString('base64url');
      const redirectUri = deps.redirectUri();
      await db.deleteFrom('oauth_states').where('expires_at', '<', clock.now().toISOString()).execute();
      await db
        .insertInto('oauth_states')
        .values({ state, integration_id: integrationId, redirect_uri: redirectUri, started_by: startedBy, expires_at: new Date(clock.now().getTime() + STATE_TTL_MS).toISOString() })
        .execute();
      return client.authorizationUrl(redirectUri, state);
    },

    /** Completes an authorization from the callback URL; returns the integration it was for. */
    async complete(callback: URL, by: Completer): Promise<number> {
      const state = callback.searchParams.get('state') ?? '';
      const row = await db.selectFrom('oauth_states').selectAll().where('state', '=', state).executeTakeFirst();
      // Used once: deleted before anything else can go wrong, so a replayed callback finds nothing.
      await db.deleteFrom('oauth_states').where('state', '=', state).execute();
      if (!row || row.expires_at < clock.now().toISOString()) {
        throw configError('this authorization link is unknown, used or expired; start the authorization again');
      }
      if (row.started_by === null || Number(row.started_by) !== by.userId) {
        throw new WmsyncError('forbidden', 'this authorization was started by another user; start it again from the integration\'s page while signed in as yourself');
      }
      const integrationId = Number(row.integration_id);
      const integration = await integrations.resolve(integrationId);
      // Access may have been taken away while the user was at the system's login page.
      if (!by.mayAccess(integration.goodsOwner)) throw new WmsyncError('forbidden', `you may no longer change the integrations of goods owner ${integration.goodsOwner}`);
      const tokens = await clientFor(integration).exchangeCode(callback, state, row.redirect_uri);
      await integrations.saveTokens(integrationId, tokens);
      return integrationId;
    },
  };
}

export type Authorization = ReturnType<typeof createAuthorization>;
