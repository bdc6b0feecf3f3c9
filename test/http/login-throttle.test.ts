import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as passwords from '../../src/access/passwords.js';
import { waitAfterFailures } from '../../src/access/login-throttle.js';
import { testApp } from '../support/http.js';
import { runCli } from '../support/cli.js';
import { openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';

// Counts the scrypt checks, to show that a throttled attempt computes none.
vi.mock('../../src/access/passwords.js', async (importOriginal) => {
  const original = await importOriginal<typeof passwords>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});

const ADMIN = { email: 'admin@hub.example', password: 'correct horse battery' };

describe('sign-in throttling', () => {
  let store: TestStore;
  let t: ReturnType<typeof testApp>;
  let now: number;
  const wait = (seconds: number) => (now += seconds * 1000);

  /** A sign-in through the form from a given peer address (node-server's socket, as getConnInfo reads it). */
  const attempt = async (email: string, password: string, address = '203.0.113.7') => {
    const env = { incoming: { socket: { remoteAddress: address } } };
    const res = await t.app.request('/login', { method: 'POST', body: new URLSearchParams({ email, password, next: '/' }) }, env);
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.text() };
  };
  /** A new address for each attempt: a guesser spread over many machines. */
  let spread = 0;
  const fromAnywhere = (email: string, password: string) => attempt(email, password, `198.51.100.${++spread}`);

  beforeEach(async () => {
    now = Date.parse('2025-03-01T08:00:00Z');
    store = await openTestStore();
    t = testApp(store, { clock: { now: () => new Date(now) } });
    expect((await runCli(store, 'users', 'add', ADMIN.email, '--role', 'admin', '--password', ADMIN.password)).code).toBe(0);
    vi.mocked(passwords.verifyPassword).mockClear();
  });
  afterEach(() => store?.drop());

  it('waits nothing for 5 failures, then 1 s doubling up to 15 min', () => {
    expect([1, 5, 6, 7, 8, 15, 16, 30].map(waitAfterFailures)).toEqual([0, 0, 1000, 2000, 4000, 512_000, 900_000, 900_000]);
  });

  it('throttles an account after 5 wrong passwords, from any address, even for the right one, until the wait is over', async () => {
    for (let i = 0; i < 6; i++) expect((await fromAnywhere(ADMIN.email, 'wrong password!')).status).toBe(401);
    const throttled = await fromAnywhere(ADMIN.email, ADMIN.password);
    expect(throttled).toMatchObject({ status: 429, retryAfter: '1' });
    expect(throttled.body).toContain('Too many attempts; try again in 1 s.');
    wait(1);
    expect((await fromAnywhere(ADMIN.email, 'wrong password!')).status).toBe(401);
    expect(await fromAnywhere(ADMIN.email, ADMIN.password)).toMatchObject({ status: 429, retryAfter: '2' });
    wait(2);
    expect((await fromAnywhere(ADMIN.email, ADMIN.password)).status).toBe(303);
    // The success cleared the account's count: five free failures again.
    for (let i = 0; i < 5; i++) expect((await fromAnywhere(ADMIN.email, 'wrong password!')).status).toBe(401);
    expect((await fromAnywhere(ADMIN.email, ADMIN.password)).status).toBe(303);
  });

  it('throttles an address that tries many accounts', async () => {
    for (let i = 0; i < 6; i++) expect((await attempt(`guess${i}@hub.example`, 'wrong password!')).status).toBe(401);
    expect(await attempt(ADMIN.email, ADMIN.password)).toMatchObject({ status: 429, retryAfter: '1' });
    expect((await attempt(ADMIN.email, ADMIN.password, '192.0.2.1')).status).toBe(303);
  });

  it('counts the client behind a trusted load balancer, not the balancer, and ignores X-Forwarded-For from anyone else', async () => {
    t = testApp(store, { clock: { now: () => new Date(now) } }, { trustedProxies: ['10.0.0.0/24'] });
    const via = async (peer: string, forwardedFor: string, email: string, password: string) => {
      const env = { incoming: { socket: { remoteAddress: peer } } };
      const res = await t.app.request('/login', { method: 'POST', headers: { 'x-forwarded-for': forwardedFor }, body: new URLSearchParams({ email, password, next: '/' }) }, env);
      return res.status;
    };
    // A guesser behind the balancer throttles only its own address.
    for (let i = 0; i < 6; i++) expect(await via('10.0.0.5', '203.0.113.66', `guess${i}@hub.example`, 'wrong password!')).toBe(401);
    expect(await via('10.0.0.5', '203.0.113.66, 10.0.0.9', ADMIN.email, ADMIN.password)).toBe(429);
    expect(await via('10.0.0.6', '192.0.2.44', ADMIN.email, ADMIN.password)).toBe(303);
    // A client that is not a trusted proxy cannot pick its address with the header.
    for (let i = 0; i < 6; i++) expect(await via('198.51.100.200', `192.0.2.${i}`, `other${i}@hub.example`, 'wrong password!')).toBe(401);
    expect(await via('198.51.100.200', '192.0.2.99', ADMIN.email, ADMIN.password)).toBe(429);
  });

  it('computes no password hash for a throttled attempt', async () => {
    for (let i = 0; i < 6; i++) await fromAnywhere(ADMIN.email, 'wrong password!');
    expect(passwords.verifyPassword).toHaveBeenCalledTimes(6);
    for (let i = 0; i < 20; i++) expect((await fromAnywhere(ADMIN.email, 'wrong password!')).status).toBe(429);
    expect(passwords.verifyPassword).toHaveBeenCalledTimes(6);
  });

  it('answers an unknown e-mail exactly as a known one with a wrong password, throttled or not', async () => {
    const answers = async (email: string) => {
      const seen = [];
      for (let i = 0; i < 8; i++) seen.push(await fromAnywhere(email, 'wrong password!'));
      return seen;
    };
    const known = await answers(ADMIN.email);
    const unknown = await answers('nobody@hub.example');
    expect(unknown).toEqual(known);
    expect(known.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 401, 429, 429]);
  });

  it('leaves API tokens and open sessions alone while sign-in is throttled', async () => {
    const { token } = (await runCli(store, '--json', 'users', 'token', ADMIN.email, '--days', '30')).json<{ token: string }>();
    const session = await t.app.request('/login', { method: 'POST', body: new URLSearchParams({ ...ADMIN, next: '/' }) });
    const cookie = session.headers.get('set-cookie')!.split(';')[0]!;
    for (let i = 0; i < 6; i++) await attempt(ADMIN.email, 'wrong password!');
    expect((await attempt(ADMIN.email, ADMIN.password)).status).toBe(429);
    for (const headers of [{ authorization: `Bearer ${token}` }, { cookie }] as Record<string, string>[]) {
      expect((await t.app.request('/api/v1/goods-owners', { headers }, { incoming: { socket: { remoteAddress: '203.0.113.7' } } })).status).toBe(200);
    }
  });
});
