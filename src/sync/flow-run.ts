import type { Kysely } from 'kysely';
import type { ConnectorRegistry } from '../connectors/registry.js';
import type { OutboundPolicy } from '../connectors/http/outbound.js';
import type { RateLimiterRegistry } from '../connectors/http/rate-limiter.js';
import type { Flow } from '../connectors/sdk/flows.js';
import type { Clock } from '../kernel/clock.js';
import type { Logger } from '../kernel/logger.js';
import type { Database } from '../store/tables.js';
import type { WmsPort } from '../wms/port.js';
import type { Cursors } from './cursors.js';
import type { Failures } from './failures.js';
import type { IntegrationStore, ResolvedIntegration } from './integrations.js';
import type { Links } from './links.js';
import type { RunRecorder } from './runs.js';
import type { Samples } from './samples.js';

/** What the flow runners share. */
export interface EngineDeps {
  db: Kysely<Database>;
  wms: WmsPort;
  registry: ConnectorRegistry;
  integrations: IntegrationStore;
  links: Links;
  cursors: Cursors;
  failures: Failures;
  samples: Samples;
  limiters: RateLimiterRegistry;
  clock: Clock;
  logger: Logger;
  /** The hub's OAuth callback address. */
  oauthRedirectUri(): string;
  /** Where integrations may connect; its fetch is the one connectors get. */
  outbound: OutboundPolicy;
}

/** One run of one flow of one integration, as a runner sees it. */
export interface FlowRun<F extends Flow<unknown>> {
  integration: ResolvedIntegration;
  flow: F;
  api: unknown;
  recorder: RunRecorder;
  signal: AbortSignal;
}
