import { createRandom } from '../../../src/connectors/sandbox/index.js';
import { soapFault } from './soap-io.js';
import { limitText } from './errors.js';

/*
 * Sessions and limits as the notes describe them (B2, B3, B9): Login issues a session id, every
 * other call needs it as the ASP.NET_SessionId cookie, sessions lapse when idle; repeated logins
 * with one credential are throttled; each credential has an hourly budget of requests, told in
 * the APILimitRemaining / APILimitReset headers of every answer.
 */

export interface Credential {
  applicationId: string;
  username: string;
  password: string;
  /** The identity the credential may pick; the zero GUID (or none) picks the default. */
  identityId: string;
}

export interface LimitSettings {
  /** Requests per credential per hour [V B3: 7200]. */
  hourlyLimit: number;
  /** Logins per credential per minute before Login is throttled [U B2: throttled, limit not published]. */
  loginsPerMinute: number;
  /** Idle minutes after which a session is gone [U B2: ASP.NET's default 20]. */
  sessionIdleMinutes: number;
}

interface Session {
  username: string;
  lastUsedMs: number;
}

const zeroGuid = '00000000-0000-0000-0000-000000000000';
const hourMs = 3_600_000;

/** `nowMs` is a wall clock (sessions and the hour are real time, whatever the data clock says). */
export function createSessions(credential: Credential, seed: number, settings: () => LimitSettings, nowMs: () => number = () => Date.now()) {
  const random = createRandom(seed);
  const sessions = new Map<string, Session>();
  const logins = new Map<string, number[]>();
  const windows = new Map<string, { startMs: number; count: number }>();

  return {
    credential,
    sessions,
    /** Login: the credential checked; a refused one is a fault, or an empty LoginResult when `emptyOnRefusal` [U B2: both seen]. */
    login(given: Partial<Credential>): string {
      const now = nowMs();
      const recent = (logins.get(given.username ?? '') ?? []).filter((at) => now - at < 60_000);
      if (given.username && recent.length >= settings().loginsPerMinute) {
        throw soapFault('soap:Server', limitText(recent.length + 1 - settings().loginsPerMinute, new Date(recent[0]! + 60_000)));
      }
      logins.set(given.username ?? '', [...recent, now]);
      if (given.applicationId?.toLowerCase() !== credential.applicationId.toLowerCase()) throw soapFault('soap:Server', 'Invalid application id');
      if (given.username !== credential.username || given.password !== credential.password) return '';
      if (given.identityId && given.identityId !== zeroGuid && given.identityId.toLowerCase() !== credential.identityId.toLowerCase()) {
        throw soapFault('soap:Server', 'Provided IdentityId is blocked. Please use GetIdentitiesWithCredential to get a valid identity.');
      }
      const id = random.chars(24, 'abcdefghijklmnopqrstuvwxyz012345');
      sessions.set(id, { username: credential.username, lastUsedMs: now });
      return id;
    },
    /** The user of a live session, which the call keeps alive; undefined when it is unknown or has lapsed. */
    user(id: string | undefined): string | undefined {
      const session = id === undefined ? undefined : sessions.get(id);
      if (!session) return undefined;
      const now = nowMs();
      if (now - session.lastUsedMs > settings().sessionIdleMinutes * 60_000) {
        sessions.delete(id!);
        return undefined;
      }
      session.lastUsedMs = now;
      return session.username;
    },
    /** Ends every session (a test hook: the server restarted, or the sessions timed out). */
    expireAll(): number {
      const count = sessions.size;
      sessions.clear();
      return count;
    },
    /** Counts a request against the credential's hour; gives the headers to send, or the fault when the budget is used. */
    count(key: string): { headers: Record<string, string>; over?: number } {
      const now = nowMs();
      let window = windows.get(key);
      if (!window || now - window.startMs >= hourMs) windows.set(key, (window = { startMs: now, count: 0 }));
      window.count++;
      const limit = settings().hourlyLimit;
      const reset = new Date(window.startMs + hourMs);
      const headers = { APILimitRemaining: String(Math.max(0, limit - window.count)), APILimitReset: reset.toISOString() };
      return window.count > limit ? { headers, over: window.count - limit } : { headers };
    },
    /** When the credential's hour starts over. */
    resetAt(key: string): Date {
      return new Date((windows.get(key)?.startMs ?? nowMs()) + hourMs);
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;
