import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../http/http-client.js';
import { authenticateOperations } from './authenticate.js';
import { buildEnvelope } from './envelope.js';
import { loadExchange, replaySoap } from './replay.js';

const dir = fileURLToPath(new URL('./fixtures/24sevenoffice/', import.meta.url));
const login = authenticateOperations.login;
const credential = (over: Record<string, string> = {}) => ({
  credential: { ApplicationId: '1b0c3c9e-8f4e-4d8a-9d55-0a4c2b7e6f10', IdentityId: '00000000-0000-0000-0000-000000000000', Password: 'x', Username: 'api@shop.example', ...over },
});
const post = (fetch: typeof globalThis.fetch, body: string, headers: Record<string, string> = { SOAPAction: `"${login.soapAction}"` }) =>
  fetch('https://api.24sevenoffice.com/authenticate/v001/authenticate.asmx', { method: 'POST', body, headers });

describe('replaySoap', () => {
  it('answers a request that matches its recording, Password being any text', async () => {
    const replay = replaySoap([loadExchange(dir, 'login')]);
    const response = await post(replay.fetch, buildEnvelope(login, credential({ Password: 'anything' })));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<LoginResult>s-new</LoginResult>');
    expect(replay.served).toEqual(['login → login.response']);
    replay.assertDone();
  });

  it('refuses another value, a missing element, another order, a wrong SOAPAction and a request too many', async () => {
    const failure = async (body: string, headers?: Record<string, string>) => {
      const replay = replaySoap([loadExchange(dir, 'login')]);
      return post(replay.fetch, body, headers).then(
        () => 'answered',
        (e: Error) => e.message,
      );
    };
    expect(await failure(buildEnvelope(login, credential({ Username: 'other@shop.example' })))).toBe(
      'replay: login → login.response: Login/credential/Username is "other@shop.example" (or out of order), the recording has "api@shop.example"',
    );
    const { IdentityId: _dropped, ...withoutIdentity } = credential().credential;
    expect(await failure(buildEnvelope(login, { credential: withoutIdentity }))).toBe('replay: login → login.response: Login/credential/IdentityId is missing');
    const swapped = buildEnvelope(login, credential()).replace(/(<Password>.*<\/Password>)(<Username>.*<\/Username>)/, '$2$1');
    expect(await failure(swapped)).toMatch(/Login\/credential\/Username is "api@shop.example" \(or out of order\)/);
    expect(await failure(buildEnvelope(login, credential()), { SOAPAction: '"http://24sevenOffice.com/webservices/HasSession"' })).toBe(
      'replay: login → login.response: SOAPAction is "http://24sevenOffice.com/webservices/HasSession"',
    );
    expect(await failure(buildEnvelope(authenticateOperations.hasSession, {}), { SOAPAction: 'x/HasSession' })).toBe(
      'replay: request 1 is HasSession, the recording login → login.response has Login',
    );

    const replay = replaySoap([]);
    await expect(post(replay.fetch, buildEnvelope(login, credential()))).rejects.toThrow('replay: request 1 (Login) is more than the 0 recorded');
  });

  it('checks the session cookie, and reports recordings nobody asked for', async () => {
    const replay = replaySoap([loadExchange(dir, 'has-session', { response: 'has-session-true.response', cookie: 'ASP.NET_SessionId=s-1' }), loadExchange(dir, 'login')]);
    await expect(
      post(replay.fetch, buildEnvelope(authenticateOperations.hasSession, {}), { SOAPAction: `"${authenticateOperations.hasSession.soapAction}"`, cookie: 'ASP.NET_SessionId=s-2' }),
    ).rejects.toThrow('the cookie is ASP.NET_SessionId=s-2, the recording expects ASP.NET_SessionId=s-1');
    expect(() => replay.assertDone()).toThrow('replay: 2 recorded exchanges were not asked for, from has-session → has-session-true.response');
  });

  it('gets its failure through the HTTP kit as it is, not as a network error to retry', async () => {
    const replay = replaySoap([]);
    const http = createHttpClient({ name: '24SevenOffice', baseUrl: 'https://api.24sevenoffice.com', fetch: replay.fetch });
    const body = { raw: buildEnvelope(login, credential()), contentType: 'text/xml' };
    await expect(http.request('POST', login.path, { body, idempotent: true })).rejects.toMatchObject({ kind: 'system', message: expect.stringMatching(/^replay: /) });
    expect(http.stats.calls).toBe(1);
  });
});
