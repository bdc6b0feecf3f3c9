import { describe, expect, it } from 'vitest';
import { soapSessionAuth } from './session-auth.js';

const request = { method: 'POST', url: new URL('https://soap.test/service.asmx'), body: '<x/>' };

function strategy(options: { stored?: string; hasSession?: (id: string) => Promise<boolean>; cookieName?: string } = {}) {
  let logins = 0;
  let now = 0;
  const auth = soapSessionAuth({
    system: 'Shop',
    login: async () => `s-${++logins}`,
    now: () => now,
    minLoginIntervalMs: 1000,
    ...options,
  });
  return { auth, logins: () => logins, advance: (ms: number) => (now += ms) };
}

describe('soapSessionAuth', () => {
  it('reuses a stored session without asking when there is no HasSession, and logs in once it is gone', async () => {
    const { auth, logins } = strategy({ stored: 'kept', cookieName: 'sid' });
    expect(await auth.headers(request)).toEqual({ cookie: 'sid=kept' });
    expect(logins()).toBe(0);
    expect(await auth.onExpired?.()).toBe(true);
    expect(await auth.headers(request)).toEqual({ cookie: 'sid=s-1' });
  });

  it('logs in at most once per interval, however often the session is reported gone', async () => {
    const { auth, logins, advance } = strategy();
    await auth.headers(request);
    await Promise.all([auth.onExpired?.(), auth.onExpired?.()]);
    expect(logins()).toBe(1);
    advance(1000);
    await Promise.all([auth.onExpired?.(), auth.onExpired?.()]);
    expect(logins()).toBe(2);
    expect(await auth.headers(request)).toEqual({ cookie: 'ASP.NET_SessionId=s-2' });
  });

  it('asks HasSession only once, for the stored session', async () => {
    const asked: string[] = [];
    const { auth, logins } = strategy({ stored: 'kept', hasSession: async (id) => (asked.push(id), false) });
    expect(await auth.headers(request)).toEqual({ cookie: 'ASP.NET_SessionId=s-1' });
    await auth.headers(request);
    expect(asked).toEqual(['kept']);
    expect(logins()).toBe(1);
  });
});
