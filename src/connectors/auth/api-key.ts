import type { AuthStrategy } from './strategy.js';

export interface ApiKeyOptions {
  /** Where the key goes: a header (`x-api-key`, `authorization`) or a query parameter (`apikey`). */
  in: 'header' | 'query';
  name: string;
  key: string;
  /** Put before the key, e.g. `Bearer ` or `Token `; none by default. */
  prefix?: string;
}

/**
 * A fixed API key. In the query it never reaches logs or error messages: the HTTP kit shows paths
 * only. Nothing to renew, so a 401 is a config error at once.
 */
export function apiKeyAuth(options: ApiKeyOptions): AuthStrategy {
  const value = `${options.prefix ?? ''}${options.key}`;
  const pair = { [options.name]: value };
  return options.in === 'header' ? { headers: () => pair } : { headers: () => ({}), query: () => pair };
}
