import type { z } from 'zod';
import type { Logger } from '../../kernel/logger.js';
import type { RateLimiterRegistry } from '../http/rate-limiter.js';
import type { Flow, FlowId } from './flows.js';

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
}

/** Default base URLs per environment; `{storeName}`-style placeholders are filled from settings. */
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
  /** A cheap authenticated call: "test connection". Throws a config error when credentials are wrong. */
  testConnection(api: Api, signal: AbortSignal): Promise<void>;
}

export const defineConnector = <Api>(connector: Connector<Api>): Connector<Api> => connector;

export const flowOf = <Api>(connector: Connector<Api>, id: FlowId): Flow<Api> | undefined => connector.flows.find((f) => f.id === id);
