import { callJson } from '../../../src/connectors/sandbox/index.js';
import { createMycashflowSandbox, defaultCredentials } from './server.js';
import type { MycashflowSandbox, SandboxOptions } from './server.js';

/** A fixed clock: the generated data and every change are then the same on every run. */
export const fixedNow = () => new Date('2025-03-10T12:00:00Z');

export const authHeader = `Basic ${Buffer.from(`${defaultCredentials.email}:${defaultCredentials.apiKey}`).toString('base64')}`;

/** A small sandbox without rate limit, for tests that are not about the limit. */
export const testSandbox = (options: SandboxOptions = {}): MycashflowSandbox =>
  createMycashflowSandbox({ products: 60, orders: 120, now: fixedNow, rateLimit: { perSecond: 0, burst: 1 }, ...options });

/** Calls the sandbox's API with the default credentials; returns status, headers and parsed body. */
export const call = (sandbox: MycashflowSandbox, method: string, path: string, body?: unknown) =>
  callJson(sandbox.app, method, path.startsWith('/') ? path : `/api/v1/${path}`, { headers: { Authorization: authHeader, Accept: 'application/json' }, body });
