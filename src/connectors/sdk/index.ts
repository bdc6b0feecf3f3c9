/**
 * The connector SDK: everything a connector folder (`connectors/<system>/`) builds on. A
 * connector imports from here and from `src/domain/` only (the sandbox simulators also from
 * `src/connectors/sandbox/`); test/architecture.test.ts keeps it so.
 */
export * from './connector.js';
export * from './flows.js';
export * from './paginators.js';
export * from './settings.js';
export * from './streams-by-time.js';
export * from './webhooks.js';
export * from './wire-records.js';

// The HTTP kit: one client with retries, Retry-After, timeouts and the credential's shared rate limit.
export { createHttpClient } from '../http/http-client.js';
export type { HttpClient, HttpClientOptions, HttpMethod, HttpResponse, RawBody, RequestOptions, RetryPolicy } from '../http/http-client.js';
export { HttpError } from '../http/http-errors.js';
export type { Query } from '../http/url.js';
export type { Sleep } from '../http/timer.js';
export { RateLimiterRegistry } from '../http/rate-limiter.js';
export type { TokenBucket } from '../http/rate-limiter.js';

// Auth strategies: how each request is signed in, and what to do when the remote says it expired.
export { apiKeyAuth } from '../auth/api-key.js';
export { basicAuth } from '../auth/basic.js';
export { allowsInsecureHttp } from '../auth/insecure-http.js';
export { oauth2Auth } from '../auth/oauth2.js';
export { specterKey, specterParams, specterSecrets, specterSigning } from '../auth/specter-signing.js';
export type { AuthRequest, AuthStrategy } from '../auth/strategy.js';
export type { ResponseKind, ResponseRule } from '../http/response-rules.js';

// SOAP: envelopes in WSDL order, faults as error kinds, per-item exceptions, sessions, replays.
export * from '../soap/index.js';

// OAuth 2: the client, and token sessions that refresh and keep renewed tokens.
export { createOAuthClient } from '../oauth/oauth-client.js';
export type { OAuthEndpoints, TokenSet } from '../oauth/oauth-client.js';
export { createTokenSession, storedTokens } from '../oauth/token-session.js';

// Mapping tables: the seed's tables as rows, and the expressions their cells use.
export { applyMapping, defineMappingTable, describeMapping, expr } from '../../mapping/index.js';
export type { MappingTable } from '../../mapping/index.js';

// Errors and logging, as connectors raise and write them.
export { WmsyncError, configError, recordError } from '../../kernel/errors.js';
export type { ErrorKind, FieldIssue } from '../../kernel/errors.js';
export { createLogger } from '../../kernel/logger.js';
export type { Logger } from '../../kernel/logger.js';

// What the warehouse did, as report flows receive it.
export type { OrderShippedEvent, PurchaseOrderReceivedEvent } from '../../wms/port.js';
export { testApiContext } from './testing.js';
