import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { z } from 'zod';
import { defineSandbox, serveSandbox } from '../../../src/connectors/sandbox/index.js';
import type { BaseSandboxOptions } from '../../../src/connectors/sandbox/index.js';
import { twentyFourSevenControl } from './control.js';
import { errorResponse, limitText } from './errors.js';
import { serviceRoutes } from './operations.js';
import type { OperationContext, ServiceRoute } from './operations.js';
import { createSessions } from './sessions.js';
import type { Credential } from './sessions.js';
import { actionName, readRequest, respond, soapFault } from './soap-io.js';
import type { SoapRequest } from './soap-io.js';
import { TwentyFourSevenStore } from './store.js';

export interface SandboxOptions extends BaseSandboxOptions {
  /** Default 300. */
  products?: number;
  /** Default 120. */
  companies?: number;
  /** Default 400. */
  orders?: number;
  credential?: Partial<Credential>;
  /** Requests per credential per hour; default 7200 [V B3]. */
  hourlyLimit?: number;
  /** Logins per credential per minute; default 30 [U]. */
  loginsPerMinute?: number;
  /** Default 20 [U]. */
  sessionIdleMinutes?: number;
  /** How a wrong user name or password is answered; default a fault [U B2: a fault or an empty LoginResult]. */
  badLogin?: 'fault' | 'empty';
}

export const defaultCredential: Credential = {
  applicationId: '1b0c3c9e-8f4e-4d8a-9d55-0a4c2b7e6f10',
  identityId: '6f1d2a44-0c3b-4e57-9a11-3d2b8c7e5f90',
  username: 'api@sandbox.example',
  password: 'sandbox-password',
};
/** What a sandbox integration signs in with. */
export const sandboxCredential = { applicationId: defaultCredential.applicationId, username: defaultCredential.username, password: defaultCredential.password };

/** The session-gone fault text [V single source S-RB]. */
export const notAuthenticated = 'Client is not authenticated on this identity';
const reads = /^(Get|HasSession)/;

/**
 * A 24SevenOffice SOAP simulator (notes B9): the ASMX services on their paths, routed by
 * SOAPAction, sessions by the ASP.NET_SessionId cookie, the hourly limit with its headers, faults
 * as soap:Fault, change filters and status rules in the store.
 */
export const createTwentyFourSevenSandbox = defineSandbox({
  // The limit is per hour (the store's sessions count it); the kit's per-second bucket is off unless set.
  rateLimit: { perSecond: 0, burst: 1 },
  settings: {
    initial: (o: SandboxOptions) => ({
      hourlyLimit: o.hourlyLimit ?? 7200,
      loginsPerMinute: o.loginsPerMinute ?? 30,
      sessionIdleMinutes: o.sessionIdleMinutes ?? 20,
      badLogin: o.badLogin ?? ('fault' as 'fault' | 'empty'),
    }),
    schema: {
      hourlyLimit: z.number().int().min(1),
      loginsPerMinute: z.number().int().min(1),
      sessionIdleMinutes: z.number().min(0),
      badLogin: z.enum(['fault', 'empty']),
    },
  },
  error: errorResponse,
  // A read (Get…, HasSession) is labelled GET, as REST would name it, so a fault meant for reads ("^GET ") hits them.
  requestLabel: (c) => `${reads.test(actionName(c)) ? 'GET' : 'POST'} ${c.req.path} ${actionName(c)}`,
  build(kit, options: SandboxOptions) {
    const credential = { ...defaultCredential, ...options.credential };
    const store = new TwentyFourSevenStore({ seed: kit.seed, now: kit.now, products: options.products ?? 300, companies: options.companies ?? 120, orders: options.orders ?? 400 });
    const sessions = createSessions(credential, kit.seed, () => kit.values);
    const requests = new WeakMap<Request, SoapRequest>();
    const cookieSession = (c: Context) => getCookie(c, 'ASP.NET_SessionId');
    const context: OperationContext = { store, sessions, faults: kit.faults, get badLogin() { return kit.values.badLogin; }, cookieSession };

    const read = (route: ServiceRoute): MiddlewareHandler => async (c, next) => {
      requests.set(c.req.raw, await readRequest(c, route.operations));
      await next();
    };
    /** The hourly budget, per user: the session's, or the one logging in. */
    const hourly: MiddlewareHandler = async (c, next) => {
      const request = requests.get(c.req.raw)!;
      const login = request.operation.name === 'Login' ? (request.body.credential as Record<string, unknown> | undefined)?.Username : undefined;
      const key = String(sessions.user(cookieSession(c)) ?? login ?? 'anonymous');
      const { headers, over } = sessions.count(key);
      for (const [name, value] of Object.entries(headers)) c.header(name, value);
      if (over !== undefined) throw soapFault('soap:Server', limitText(over, sessions.resetAt(key)));
      await next();
    };
    const session = (route: ServiceRoute): MiddlewareHandler => async (c, next) => {
      if (route.needsSession && sessions.user(cookieSession(c)) === undefined) throw soapFault('soap:Server', `System.Web.Services.Protocols.SoapException: ${notAuthenticated}`);
      await next();
    };

    for (const route of serviceRoutes) {
      kit.app.post(route.path, kit.record, read(route), hourly, session(route), kit.limit(() => credential.username), kit.latency, kit.injectFaults, (c) => {
        const request = requests.get(c.req.raw)!;
        return respond(c, request.operation, route.handlers[request.operation.name]!(request.body, context, c));
      });
    }

    return {
      store,
      sessions,
      state: () => ({
        credentials: { username: credential.username, applicationId: credential.applicationId },
        counts: { products: store.products.size, companies: store.companies.size, orders: store.orders.size, sessions: sessions.sessions.size, stockWrites: store.stockWrites.length },
      }),
      control: (control) => twentyFourSevenControl(control, { store, sessions, readBody: kit.readBody }),
    };
  },
});

export type TwentyFourSevenSandbox = ReturnType<typeof createTwentyFourSevenSandbox>;

/** Serves a sandbox over HTTP, on 127.0.0.1 and a free port unless told otherwise; its services are on the origin's root. */
export async function startTwentyFourSevenSandbox(options: SandboxOptions & { port?: number; host?: string } = {}) {
  const sandbox = createTwentyFourSevenSandbox(options);
  const served = await serveSandbox(sandbox.app.fetch, options);
  return { url: served.origin, sandbox, close: served.close };
}
