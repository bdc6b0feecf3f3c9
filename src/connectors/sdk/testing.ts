import type { RetryPolicy } from '../http/http-client.js';
import { RateLimiterRegistry } from '../http/rate-limiter.js';
import type { Sleep } from '../http/timer.js';
import type { TokenSet } from '../oauth/oauth-client.js';
import { createLogger } from '../../kernel/logger.js';
import type { ApiContext } from './connector.js';

/**
 * The context a connector's tests build its api with: settings as stored, a fetch (an in-process
 * sandbox, a replay of recorded answers), fast retries and a fresh rate-limit registry. Renewed
 * tokens are collected in `saved`.
 */
export function testApiContext(options: {
  settings: Record<string, unknown>;
  fetch: typeof fetch;
  retry?: Partial<RetryPolicy>;
  sleep?: Sleep;
  redirectUri?: string;
  saved?: TokenSet[];
}): ApiContext {
  return {
    settings: options.settings,
    credentialKey: `test:${Math.random()}`,
    limiters: new RateLimiterRegistry(),
    logger: createLogger({ level: 'silent', pretty: 'false' }),
    redirectUri: options.redirectUri ?? 'http://127.0.0.1:9/oauth/callback',
    saveTokens: async (tokens) => void options.saved?.push(tokens),
    transport: { fetch: options.fetch, ...(options.sleep ? { sleep: options.sleep } : {}) },
    retry: options.retry ?? { baseMs: 1, maxMs: 5 },
  };
}
