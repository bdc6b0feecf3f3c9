import { describe, expect, it } from 'vitest';
import { twentyFourSevenOffice } from './connector.js';
import { calledOperations, inProcessApi, signal, testSandbox } from './fixtures/in-process-api.js';

/** The client against the in-process sandbox: the login and what it keeps, refusals, batches. */
describe('24SevenOffice client', () => {
  it('tests the connection with one login and one read, and keeps the session for the next run', async () => {
    const sandbox = testSandbox();
    const { api, saved } = inProcessApi(sandbox);
    await twentyFourSevenOffice.testConnection(api, signal);
    expect(calledOperations(sandbox)).toEqual(['Login', 'GetProducts']);
    expect(saved).toEqual([{ accessToken: [...sandbox.sessions.sessions.keys()][0], expiresAt: expect.any(String) }]);
    expect(String(sandbox.recorder.requests[1]!.body)).not.toContain('sandbox-password');
  });

  it('says a refused login is the settings\' fault, as a fault or as an empty LoginResult', async () => {
    for (const badLogin of ['fault', 'empty'] as const) {
      const sandbox = testSandbox({ badLogin });
      const { api } = inProcessApi(sandbox, { password: 'wrong-password' });
      await expect(twentyFourSevenOffice.testConnection(api, signal)).rejects.toMatchObject({ kind: 'config', message: expect.stringMatching(/^24SevenOffice (Login failed|refused the login)/) });
      expect(calledOperations(sandbox)).toEqual(['Login']);
    }
  });

  it('sends the identity only when it is set', async () => {
    const sandbox = testSandbox();
    await inProcessApi(sandbox, { identityId: '6f1d2a44-0c3b-4e57-9a11-3d2b8c7e5f90' }).api.ping(signal);
    expect(String(sandbox.recorder.requests[0]!.body)).toContain('<ApplicationId>1b0c3c9e-8f4e-4d8a-9d55-0a4c2b7e6f10</ApplicationId><IdentityId>6f1d2a44-0c3b-4e57-9a11-3d2b8c7e5f90</IdentityId><Password>');
    sandbox.recorder.clear();
    await inProcessApi(sandbox).api.ping(signal);
    expect(String(sandbox.recorder.requests[0]!.body)).not.toContain('IdentityId');
  });

  it('asks GetInvoices for at most 1000 order ids a call', async () => {
    const sandbox = testSandbox();
    const { api } = inProcessApi(sandbox);
    const ids = Array.from({ length: 2100 }, (_, i) => 10001 + i);
    const found = await api.invoices({ orderIds: ids, invoiceProperties: ['OrderId', 'OrderStatus'], rowProperties: [] }, signal);
    expect(found.length).toBe(sandbox.store.orders.size);
    const sizes = sandbox.recorder.requests.filter((r) => String(r.body).includes('<GetInvoices')).map((r) => (String(r.body).match(/<int>/g) ?? []).length);
    expect(sizes).toEqual([1000, 1000, 100]);
  });
});
