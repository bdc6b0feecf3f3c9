import { createMycashflowSandbox, defaultCredentials } from './server.js';
import type { MycashflowSandbox, SandboxOptions } from './server.js';

/** A fixed clock: the generated data and every change are then the same on every run. */
export const fixedNow = () => new Date('2025-03-10T12:00:00Z');

export const authHeader = `Basic ${Buffer.from(`${defaultCredentials.email}:${defaultCredentials.apiKey}`).toString('base64')}`;

/** A small sandbox without rate limit, for tests that are not about the limit. */
export const testSandbox = (options: SandboxOptions = {}): MycashflowSandbox =>
  createMycashflowSandbox({ products: 60, orders: 120, now: fixedNow, rateLimit: { perSecond: 0, burst: 1 }, ...options });

/** Calls the sandbox's API with the default credentials; returns status, headers and parsed body. */
export async function call(sandbox: MycashflowSandbox, method: string, path: string, body?: unknown) {
  const response = await sandbox.app.request(path.startsWith('/') ? path : `/api/v1/${path}`, {
    method,
    headers: { Authorization: authHeader, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as any };
}
