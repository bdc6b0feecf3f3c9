import { configError, isWmsyncError } from '../../kernel/errors.js';
import type { AuthStrategy } from '../auth/strategy.js';
import type { HttpClient } from '../http/http-client.js';
import { soapCall } from './call.js';
import type { SoapOperation, SoapSchema } from './operation.js';
import { soapSessionAuth } from './session-auth.js';
import type { SoapSessionOptions } from './session-auth.js';

/*
 * 24SevenOffice's Authenticate service (authService.wsdl; notes B2), the two operations a session
 * needs. Written out here rather than read from the WSDL at start-up; a test checks them against
 * the official WSDL.
 */

const namespace = 'http://24sevenOffice.com/webservices';
const schema: SoapSchema = {
  namespace,
  elements: {
    Login: [{ name: 'credential', type: 'Credential', repeated: false }],
    LoginResponse: [{ name: 'LoginResult', type: 'string', repeated: false }],
    HasSession: [],
    HasSessionResponse: [{ name: 'HasSessionResult', type: 'boolean', repeated: false }],
  },
  types: {
    // WSDL order: Password before Username.
    Credential: [
      { name: 'ApplicationId', type: 'guid', repeated: false },
      { name: 'IdentityId', type: 'guid', repeated: false },
      { name: 'Password', type: 'string', repeated: false },
      { name: 'Username', type: 'string', repeated: false },
    ],
  },
};
const path = '/authenticate/v001/authenticate.asmx';
const operation = (name: string, idempotent: boolean): SoapOperation => ({
  name,
  soapAction: `${namespace}/${name}`,
  path,
  input: name,
  output: `${name}Response`,
  schema,
  idempotent,
});

/** A repeated Login only costs a session, but it is throttled: not resent blindly. HasSession only reads. */
export const authenticateOperations = { login: operation('Login', false), hasSession: operation('HasSession', true) };

export interface SoapCredential {
  applicationId: string;
  /** Picks the client (identity); the default identity when absent. */
  identityId?: string;
  /** The community user's e-mail address. */
  username: string;
  password: string;
}

export interface AuthenticateSessionOptions extends Omit<SoapSessionOptions, 'system' | 'login' | 'hasSession'> {
  /**
   * A client on the service's host without this strategy (it would call itself to log in); share
   * the credential's rate-limit bucket with the service clients.
   */
  http: HttpClient;
  credential: SoapCredential;
}

/** The session strategy for 24SevenOffice's services: Login on the Authenticate service, checked with HasSession. */
export function authenticateSession(options: AuthenticateSessionOptions): AuthStrategy {
  const { http, credential, ...session } = options;
  const cookieName = session.cookieName ?? 'ASP.NET_SessionId';
  return soapSessionAuth({
    ...session,
    system: http.name,
    async login() {
      const body = {
        credential: {
          ApplicationId: credential.applicationId,
          IdentityId: credential.identityId,
          Password: credential.password,
          Username: credential.username,
        },
      };
      try {
        return (await soapCall<string | undefined>(http, authenticateOperations.login, body)) ?? '';
      } catch (e) {
        // A fault on Login is the credentials' fault, whatever its text: a person must fix them.
        if (isWmsyncError(e) && e.kind === 'record') throw configError(`${http.name} refused the login: ${e.message}`);
        throw e;
      }
    },
    async hasSession(id) {
      try {
        return (await soapCall<boolean>(http, authenticateOperations.hasSession, {}, { headers: { cookie: `${cookieName}=${id}` } })) === true;
      } catch (e) {
        // A server that answers a stale cookie with "not authenticated" rather than false: log in.
        if (isWmsyncError(e) && e.kind === 'config') return false;
        throw e;
      }
    },
  });
}
