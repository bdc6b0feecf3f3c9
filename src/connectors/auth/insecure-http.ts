/** The hosts of this machine: a sandbox or a test server, never a remote system. */
const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Plain http (tokens and passwords in clear) is allowed only towards this machine (tests,
 * `wmsync sandbox`) or the hub's own sandbox environment; a real system must be https. Read from
 * the parsed URL, so `http://localhost.evil.test` or `http://127.0.0.1@evil.test` do not pass.
 */
export function allowsInsecureHttp(url: string, environment: unknown): boolean {
  if (environment === 'sandbox') return true;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' && loopbackHosts.has(parsed.hostname);
  } catch {
    return false;
  }
}
