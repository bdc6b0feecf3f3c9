import { describe, expect, it } from 'vitest';
import type { OAuthClient, TokenSet } from '../oauth/oauth-client.js';
import { apiKeyAuth } from './api-key.js';
import { basicAuth } from './basic.js';
import { allowsInsecureHttp } from './insecure-http.js';
import { oauth2Auth } from './oauth2.js';
import type { AuthRequest } from './strategy.js';

const request: AuthRequest = { method: 'GET', url: new URL('https://shop.test/api/items'), body: undefined };

describe('basicAuth and apiKeyAuth', () => {
  it('sends user and password as Basic, with nothing to renew', async () => {
    const auth = basicAuth('api@shop.test', 'pa:ss');
    expect(await auth.headers(request)).toEqual({ authorization: `Basic ${Buffer.from('api@shop.test:pa:ss').toString('base64')}` });
    expect(auth.onExpired).toBeUndefined();
  });

  it('puts a key in a header with its prefix, or in the query', async () => {
    const header = apiKeyAuth({ in: 'header', name: 'authorization', key: 'k', prefix: 'Token ' });
    expect(await header.headers(request)).toEqual({ authorization: 'Token k' });
    expect(header.query).toBeUndefined();
    const query = apiKeyAuth({ in: 'query', name: 'apikey', key: 'k' });
    expect(await query.headers(request)).toEqual({});
    expect(await query.query?.(request)).toEqual({ apikey: 'k' });
  });
});

describe('oauth2Auth', () => {
  it('sends the stored bearer token and renews it when the remote says it expired', async () => {
    const saved: TokenSet[] = [];
    const now = new Date('2026-01-01T00:00:00Z');
    const client = {
      clientCredentials: async () => ({ accessToken: 'renewed', expiresAt: '2026-01-01T01:00:00Z' }),
    } as unknown as OAuthClient;
    const auth = oauth2Auth({
      client,
      tokens: { accessToken: 'stored', expiresAt: '2026-01-01T00:30:00Z' },
      clientCredentials: { api_key: 'k' },
      save: async (t) => void saved.push(t),
      notAuthorised: 'not authorised',
      now: () => now,
    });
    expect(await auth.headers(request)).toEqual({ authorization: 'Bearer stored' });
    expect(await auth.onExpired?.()).toBe(true);
    expect(await auth.headers(request)).toEqual({ authorization: 'Bearer renewed' });
    expect(saved.map((t) => t.accessToken)).toEqual(['renewed']);
  });
});

describe('allowsInsecureHttp', () => {
  it('allows plain http only towards this machine or the sandbox environment', () => {
    for (const url of ['http://127.0.0.1:8080/token', 'http://localhost/token', 'http://[::1]:3000/oauth/token']) {
      expect(allowsInsecureHttp(url, 'production')).toBe(true);
    }
    for (const url of ['http://api.procountor.com/token', 'http://localhost.evil.test/token', 'http://127.0.0.1@evil.test/', 'not a url']) {
      expect(allowsInsecureHttp(url, 'production')).toBe(false);
    }
    expect(allowsInsecureHttp('http://hub.example/sandbox/procountor/api/oauth/token', 'sandbox')).toBe(true);
  });

  it('does not call https insecure', () => {
    expect(allowsInsecureHttp('https://127.0.0.1/token', 'test')).toBe(false);
  });
});
