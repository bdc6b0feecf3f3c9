import { Hono } from 'hono';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { tokenRequestSchema } from '../api.js';
import type { Auth } from './auth.js';
import { ApiError, errorBody } from './errors.js';
import { loginErrorPage, loginPage } from './login-page.js';
import type { LoginParams } from './login-page.js';

/** Names that must never arrive in the token endpoint's query string since release 23.09 [V P-VG c92b815, P-DEV-rel]. */
const credentialNames = ['grant_type', 'client_id', 'client_secret', 'api_key', 'code', 'refresh_token', 'redirect_uri'];

/** The OAuth 2 error code (RFC 6749 §5.2) that goes with a token endpoint refusal. */
const oauthError = (error: ApiError): string =>
  error.status === 401 ? 'invalid_client' : ['code', 'refresh_token', 'redirect_uri'].includes(error.field ?? '') ? 'invalid_grant' : 'invalid_request';

/**
 * `POST {apiRoot}/oauth/token`. A refusal carries the `{"errors":[…]}` body and, since the token
 * failure body is unknown [U notes A2.1], also OAuth 2's `error` and `error_description`, so that
 * either kind of client can read it [G].
 */
export async function tokenEndpoint(c: Context, auth: Auth): Promise<Response> {
  try {
    return await issueToken(c, auth);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const body = { ...errorBody(error.status, error.message, error.field), error: oauthError(error), error_description: error.message };
    return c.json(body, error.status as ContentfulStatusCode);
  }
}

/** A form-encoded body only [V P-DEV-rel]; credentials in the query are refused with 400 [G: code]. */
async function issueToken(c: Context, auth: Auth): Promise<Response> {
  const inQuery = credentialNames.find((name) => c.req.query(name) !== undefined);
  if (inQuery) throw new ApiError(400, 'Credentials are not accepted as query parameters; send them in the form body', inQuery);
  if (!(c.req.header('Content-Type') ?? '').startsWith('application/x-www-form-urlencoded')) {
    throw new ApiError(400, 'The token request must be application/x-www-form-urlencoded');
  }
  const form = Object.fromEntries(new URLSearchParams(await c.req.text()));
  const parsed = tokenRequestSchema.safeParse(form);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'grant_type';
    throw new ApiError(400, issue?.message ?? 'Invalid token request', field);
  }
  c.header('Cache-Control', 'no-store');
  return c.json(auth.token(parsed.data));
}

function loginParams(source: Record<string, unknown>): LoginParams {
  const text = (name: string) => (typeof source[name] === 'string' ? source[name] : '');
  return { response_type: text('response_type'), client_id: text('client_id'), redirect_uri: text('redirect_uri'), state: text('state') };
}

/** The request's own problem, before anything may be redirected to its redirect_uri. */
function requestError(auth: Auth, params: LoginParams): string | undefined {
  if (params.response_type !== 'code') return 'response_type must be "code"';
  const client = auth.client(params.client_id);
  if (!client) return `Unknown client_id "${params.client_id}"`;
  return auth.redirectError(client, params.redirect_uri);
}

/** `redirect_uri?name=value…&state=…`; state is echoed unchanged and left out when none was sent. */
function redirectBack(c: Context, params: LoginParams, values: Record<string, string>): Response {
  const target = new URL(params.redirect_uri);
  for (const [name, value] of Object.entries(values)) target.searchParams.set(name, value);
  if (params.state) target.searchParams.set('state', params.state);
  return c.redirect(target.toString(), 302);
}

/**
 * The browser step of the authorization-code flow, `GET {host}/login?response_type=code&client_id&redirect_uri&state`
 * [V P-DEV-auth], outside /api. Picking the company is left out: a sandbox user has one.
 */
export function loginRoutes(auth: Auth): Hono {
  const login = new Hono();
  login.get('/', (c) => {
    const params = loginParams(c.req.query());
    const error = requestError(auth, params);
    return error ? c.html(loginErrorPage(error), 400) : c.html(loginPage(params));
  });
  login.post('/', async (c) => {
    const form = await c.req.parseBody();
    const params = loginParams(form);
    const error = requestError(auth, params);
    if (error) return c.html(loginErrorPage(error), 400);
    if (form.action === 'cancel') return redirectBack(c, params, { error: 'access_denied' });
    const user = auth.login(String(form.username ?? ''), String(form.password ?? ''));
    if (!user) return c.html(loginPage(params, 'Väärä käyttäjätunnus tai salasana / Wrong username or password'));
    return redirectBack(c, params, { code: auth.issueCode(params.client_id, params.redirect_uri, user.username) });
  });
  return login;
}
