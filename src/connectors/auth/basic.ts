import type { AuthStrategy } from './strategy.js';

/** HTTP Basic: the same header on every request; nothing to renew, so a 401 is a config error at once. */
export function basicAuth(username: string, password: string): AuthStrategy {
  const authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  return { headers: () => ({ authorization }) };
}
