import { callJson } from '../../../src/connectors/sandbox/index.js';
import { createProcountorSandbox, defaultClient } from './server.js';
import type { ProcountorSandbox, SandboxOptions } from './server.js';

/** A fixed data clock: the generated data and every change are then the same on every run. */
export const fixedNow = () => new Date('2025-03-10T12:00:00Z');

/** A small sandbox, for tests that do not need the default sizes. */
export const testSandbox = (options: SandboxOptions = {}): ProcountorSandbox =>
  createProcountorSandbox({ products: 80, invoices: 200, now: fixedNow, ...options });

/** A form-encoded POST, as the token endpoint and the login page take them. */
export const formPost = (fields: Record<string, string>): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

export const apiKeyGrant = {
  grant_type: 'client_credentials', client_id: defaultClient.clientId, client_secret: defaultClient.clientSecret, api_key: defaultClient.apiKeys[0] ?? '',
};

/** An access token from the API-key flow. */
export async function apiKeyToken(sandbox: ProcountorSandbox): Promise<string> {
  const response = await sandbox.app.request('/api/oauth/token', formPost(apiKeyGrant));
  return ((await response.json()) as { access_token: string }).access_token;
}

/** Calls the API with a bearer token; returns status, headers and the parsed body. */
export const call = (sandbox: ProcountorSandbox, token: string, method: string, path: string, body?: unknown) =>
  callJson(sandbox.app, method, path.startsWith('/') ? path : `/api/${path}`, { headers: { Authorization: `Bearer ${token}` }, body });

/** A client bound to one sandbox and one API-key token. */
export async function connect(options: SandboxOptions = {}) {
  const sandbox = testSandbox(options);
  const token = await apiKeyToken(sandbox);
  return { sandbox, token, call: (method: string, path: string, body?: unknown) => call(sandbox, token, method, path, body) };
}
