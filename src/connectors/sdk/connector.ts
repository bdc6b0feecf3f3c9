import type { z } from 'zod';
import type { Logger } from '../../kernel/logger.js';
import type { RateLimiterRegistry } from '../http/rate-limiter.js';
import type { OAuthEndpoints, TokenSet } from '../oauth/oauth-client.js';
import type { Flow, FlowId } from './flows.js';
import type { ConnectorWebhooks } from './webhooks.js';

/** One setting of an integration: its schema, default, whether it is secret, and a doc line. */
export interface SettingDefinition {
  key: string;
  label: string;
  doc: string;
  schema: z.ZodType;
  default?: string | number | boolean;
  secret?: boolean;
  /** Asked for when the integration is created (credentials, store name). */
  required?: boolean;
  /** Only an administrator may set it: it decides where the hub connects (ADR 0008). */
  adminOnly?: boolean;
}

export type Environment = 'production' | 'test' | 'sandbox';

/** What a connector's API factory receives: the integration's resolved settings and shared resources. */
export interface ApiContext {
  /** Defaults, then the integration's settings and decrypted secrets. `baseUrl` is always set. */
  settings: Record<string, unknown>;
  /** A stable key for the credential, so that every worker shares its rate limit. */
  credentialKey: string;
  limiters: RateLimiterRegistry;
  logger: Logger;
  /** Where the system sends a browser back after an OAuth login: the hub's callback. */
  redirectUri: string;
  /** Keeps renewed OAuth tokens with the integration (encrypted). */
  saveTokens(tokens: TokenSet): Promise<void>;
  /** The hub's outbound fetch, which refuses private addresses (OutboundPolicy): every call goes through it. */
  fetch: typeof fetch;
}

/**
 * Default base URLs per environment; `{storeName}`-style placeholders are filled from settings.
 * The sandbox address is the hub's own (`{hubUrl}/sandbox/<id>` + the sandbox's apiRoot), set by the engine.
 */
export type BaseUrls = Partial<Record<Environment, string>>;

export interface Connector<Api = unknown> {
  id: string;
  displayName: string;
  auth: 'basic' | 'oauth2' | 'api-key' | 'session';
  baseUrls: BaseUrls;
  settings: SettingDefinition[];
  /** Minutes between scheduled runs of the pulling flows, unless the integration sets another. */
  defaultIntervalMinutes: number;
  flows: Flow<Api>[];
  /** Builds the API client of one integration. */
  createApi(context: ApiContext): Api;
  sandbox?: ConnectorSandbox;
  /** For OAuth 2 systems: the endpoints for an integration's settings (environment, base URL). */
  oauth?: {
    endpoints(settings: Record<string, unknown>): OAuthEndpoints;
    /** Settings holding the client credentials. */
    clientId(settings: Record<string, unknown>): string;
    clientSecret(settings: Record<string, unknown>): string;
  };
  /** For systems that push changes: how their webhook calls are checked and read. */
  webhooks?: ConnectorWebhooks;
  /** A cheap authenticated call: "test connection". Throws a config error when credentials are wrong. */
  testConnection(api: Api, signal: AbortSignal): Promise<void>;
}

/** A local simulator of the system, mounted by `serve` under /sandbox/<id> and run by `wmsync sandbox`. */
export interface ConnectorSandbox {
  /** Credentials the simulator accepts; a sandbox integration uses them unless told otherwise. */
  credentials: Record<string, string>;
  /** The path of the API root inside the simulator, e.g. "/api/v1". */
  apiRoot: string;
  create(options: { seed?: number }): { fetch(request: Request): Response | Promise<Response> };
}

export const defineConnector = <Api>(connector: Connector<Api>): Connector<Api> => connector;

export const flowOf = <Api>(connector: Connector<Api>, id: FlowId): Flow<Api> | undefined => connector.flows.find((f) => f.id === id);
