import type { Clock } from '../../kernel/clock.js';
import type { Logger } from '../../kernel/logger.js';
import { createHttpClient } from '../http/http-client.js';
import type { HttpClient, HttpClientOptions } from '../http/http-client.js';
import type { RateLimiterRegistry } from '../http/rate-limiter.js';
import type { Sleep } from '../http/timer.js';
import type { OAuthEndpoints, TokenSet } from '../oauth/oauth-client.js';
import type { Flow, FlowId } from './flows.js';
import { commonSettings, definitionsOf, settingsParser } from './settings.js';
import type { Environment, SettingDefinition, SettingSpecs, SettingsOf } from './settings.js';
import type { ConnectorWebhooks } from './webhooks.js';

export type { Environment, SettingDefinition } from './settings.js';

/** How an api reaches the network and the clock: the hub's guarded fetch in service, an in-process sandbox in tests. */
export interface Transport {
  /** The hub's outbound fetch, which refuses private addresses (OutboundPolicy): every call goes through it. */
  fetch: typeof fetch;
  sleep?: Sleep;
  clock?: Clock;
}

/** What the engine hands a connector to build the api of one integration. */
export interface ApiContext {
  /** Defaults, then the integration's settings and decrypted secrets (OAuth tokens among them). `baseUrl` is always set. */
  settings: Record<string, unknown>;
  /** A stable key for the credential, so that every worker shares its rate limit. */
  credentialKey: string;
  limiters: RateLimiterRegistry;
  logger: Logger;
  /** Where the system sends a browser back after an OAuth login: the hub's callback. */
  redirectUri: string;
  /** Keeps renewed OAuth tokens with the integration (encrypted). */
  saveTokens(tokens: TokenSet): Promise<void>;
  transport: Transport;
  /** Retry timing, shortened by tests. */
  retry?: HttpClientOptions['retry'];
}

/** The calls per second of the credential's shared bucket; `burst` defaults to one second's worth. */
export interface RateLimits {
  perSecond: number;
  burst?: number;
}

/** What the SDK's `http()` needs besides what the context already holds. */
export type ConnectorHttpOptions = Omit<HttpClientOptions, 'fetch' | 'sleep' | 'clock' | 'logger' | 'limiter'> & { limits?: RateLimits };

/** The context a connector's `createApi` receives: the engine's, plus an HTTP client factory wired to it. */
export interface ConnectorContext extends ApiContext {
  /** An HTTP client on the context's transport, logger and retry timing, limited by the credential's shared bucket. */
  http(options: ConnectorHttpOptions): HttpClient;
}

/**
 * Default base URLs per environment; `{storeName}`-style placeholders are filled from settings.
 * The sandbox address is the hub's own (`{hubUrl}/sandbox/<id>` + the sandbox's apiRoot), set by the engine.
 */
export type BaseUrls = Partial<Record<Environment, string>>;

/** A local simulator of the system, mounted by `serve` under /sandbox/<id> and run by `wmsync sandbox`. */
export interface ConnectorSandbox {
  /** Credentials the simulator accepts; a sandbox integration uses them unless told otherwise. */
  credentials: Record<string, string>;
  /** The path of the API root inside the simulator, e.g. "/api/v1". */
  apiRoot: string;
  /** `send` lets its webhook deliveries out (`wmsync sandbox` gives fetch); without it they are refused and recorded. */
  create(options: { seed?: number; send?: (request: Request) => Promise<Response> }): { fetch(request: Request): Response | Promise<Response> };
}

interface ConnectorBase<Api> {
  id: string;
  displayName: string;
  auth: 'basic' | 'oauth2' | 'api-key' | 'session' | 'signed';
  baseUrls: BaseUrls;
  /** Minutes between scheduled runs of the pulling flows, unless the integration sets another. */
  defaultIntervalMinutes: number;
  flows: Flow<Api>[];
  sandbox?: ConnectorSandbox;
  /** For systems that push changes: how their webhook calls are checked and read. */
  webhooks?: ConnectorWebhooks;
  /** A cheap authenticated call: "test connection". Throws a config error when credentials are wrong. */
  testConnection(api: Api, signal: AbortSignal): Promise<void>;
}

/** What a connector folder declares: its settings once, and how to build its api from them. */
export interface ConnectorDefinition<Api, S extends SettingSpecs> extends ConnectorBase<Api> {
  settings: S;
  createApi(settings: SettingsOf<S>, context: ConnectorContext): Api;
  /** Which credential the rate limit belongs to; by default the first required setting that is not part of the address. */
  credential?(settings: SettingsOf<S>): string;
  /** For OAuth 2 systems: the endpoints and client credentials, from settings as stored (a flow may start before they are complete). */
  oauth?: Connector['oauth'];
}

/** A connector as the engine, the registry, `describe` and the UI see it. */
export interface Connector<Api = unknown> extends ConnectorBase<Api> {
  /** Every setting, the common ones first, in the order they are shown. */
  settings: SettingDefinition[];
  /** Parses the resolved settings (a config error naming each bad one) and builds the api. */
  createApi(context: ApiContext): Api;
  /** The part of the rate-limit key that names the credential (an API user, a client id). */
  credential(settings: Record<string, unknown>): string;
  oauth?: {
    endpoints(settings: Record<string, unknown>): OAuthEndpoints;
    clientId(settings: Record<string, unknown>): string;
    clientSecret(settings: Record<string, unknown>): string;
  };
}

export function defineConnector<Api, S extends SettingSpecs>(definition: ConnectorDefinition<Api, S>): Connector<Api> {
  const { settings: specs, createApi, credential, ...rest } = definition;
  // A setting that only fills the address (`{storeName}`) is not needed once a base URL is given.
  const addressOnly = Object.keys(specs).filter((key) => Object.values(definition.baseUrls).some((template) => template?.includes(`{${key}}`)));
  const parse = settingsParser(definition.displayName, specs, addressOnly);
  const firstRequired = Object.keys(specs).find((key) => specs[key]!.required && !addressOnly.includes(key));
  return {
    ...rest,
    settings: definitionsOf({ ...commonSettings, ...specs }),
    createApi: (context) => createApi(parse(context.settings), withHttp(context)),
    credential: (values) => {
      const settings = parse(values);
      return credential ? credential(settings) : String((firstRequired && (settings as Record<string, unknown>)[firstRequired]) ?? '');
    },
  };
}

function withHttp(context: ApiContext): ConnectorContext {
  const { transport, logger, retry } = context;
  return {
    ...context,
    http: ({ limits, ...options }) =>
      createHttpClient({
        ...options,
        fetch: transport.fetch,
        ...(transport.sleep ? { sleep: transport.sleep } : {}),
        ...(transport.clock ? { clock: transport.clock } : {}),
        ...(retry && !options.retry ? { retry } : {}),
        logger,
        // A second's worth of calls may go at once unless told otherwise. With 0 calls a second the
        // bucket lets every call through, but a 429's Retry-After still holds back the whole credential.
        ...(limits ? { limiter: context.limiters.get(context.credentialKey, { perSecond: limits.perSecond, burst: limits.burst ?? Math.max(1, Math.ceil(limits.perSecond)) }) } : {}),
      }),
  };
}

export const flowOf = <Api>(connector: Connector<Api>, id: FlowId): Flow<Api> | undefined => connector.flows.find((f) => f.id === id);
