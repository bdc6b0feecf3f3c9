import { configError } from '../../kernel/errors.js';
import type { AuthStrategy } from '../auth/strategy.js';

export interface SoapSessionOptions {
  /** The system's name, for messages. */
  system: string;
  /** Logs in and returns the new session id; an empty one means the login was refused. */
  login(): Promise<string>;
  /** Whether the server still knows a session; asked once, before a stored session is reused. */
  hasSession?(sessionId: string): Promise<boolean>;
  /** A session id kept from an earlier run, so that a run does not need a login of its own. */
  stored?: string;
  /** Keeps a new session id for the next run and the other workers. */
  save?(sessionId: string): Promise<void>;
  /** Default `ASP.NET_SessionId`, the cookie of ASMX services. */
  cookieName?: string;
  /**
   * Repeated logins with the same credentials are throttled by the server (24SevenOffice, notes
   * B2): after a login, a "session gone" within this time retries with the new session instead of
   * logging in again. Default one minute.
   */
  minLoginIntervalMs?: number;
  /** Monotonic milliseconds. */
  now?: () => number;
}

/**
 * A SOAP login session as an auth strategy: the session id goes as a cookie on every call; a
 * stored session is checked with `hasSession` before it is reused; when the server says the
 * session is gone (an `auth-expired` fault rule), it logs in once more. Logins never run twice at
 * once: calls that find the session gone together share one login.
 */
export function soapSessionAuth(options: SoapSessionOptions): AuthStrategy {
  const cookieName = options.cookieName ?? 'ASP.NET_SessionId';
  const minInterval = options.minLoginIntervalMs ?? 60_000;
  const now = options.now ?? (() => performance.now());
  let stored = options.stored;
  let session: string | undefined;
  let lastLoginAt = Number.NEGATIVE_INFINITY;
  let pending: Promise<string> | undefined;

  const once = (work: () => Promise<string>): Promise<string> => {
    pending ??= work().finally(() => {
      pending = undefined;
    });
    return pending;
  };

  async function login(): Promise<string> {
    const id = await options.login();
    if (!id) throw configError(`${options.system} refused the login: no session id came back; check the user name, password and application id`);
    lastLoginAt = now();
    session = id;
    await options.save?.(id);
    return id;
  }

  async function first(): Promise<string> {
    const kept = stored;
    stored = undefined;
    if (kept && (!options.hasSession || (await options.hasSession(kept)))) {
      session = kept;
      return kept;
    }
    return login();
  }

  return {
    async headers() {
      const id = session ?? (await once(first));
      return { cookie: `${cookieName}=${id}` };
    },
    async onExpired() {
      if (pending) await pending;
      else if (now() - lastLoginAt >= minInterval) await once(login);
      return true;
    },
  };
}
