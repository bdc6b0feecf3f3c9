import { createTokenSession } from '../oauth/token-session.js';
import type { TokenSessionOptions } from '../oauth/token-session.js';
import type { AuthStrategy } from './strategy.js';

/**
 * OAuth 2 bearer tokens from the token session (src/connectors/oauth): renewed before they expire,
 * and once more when the remote refuses one (401/403 or an `auth-expired` rule).
 */
export function oauth2Auth(options: TokenSessionOptions): AuthStrategy {
  const session = createTokenSession(options);
  return { headers: session.headers, onExpired: session.onUnauthorized };
}
