import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp } from '../support/http.js';
import { openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';

/** Every UI form carries the session's CSRF token, and every UI POST is refused without it. */
describe('admin UI: CSRF tokens on forms', () => {
  let store: TestStore;
  let t: ReturnType<typeof testApp>;
  let id: number;

  const post = (path: string, form: Record<string, string>, cookie = '') =>
    t.app.request(path, { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });

  beforeEach(async () => {
    store = await openTestStore();
    t = testApp(store);
    await t.wms.addGoodsOwner({ code: 'ACME', name: 'Acme Oy' });
    id = (await t.sync.integrations.add({ goodsOwner: 'ACME', system: 'mycashflow', settings: { environment: 'sandbox' } })).id;
  });
  afterEach(() => store?.drop());

  it('needs no token in set-up mode, where there is no session', async () => {
    const res = await post(`/integrations/${id}/pause`, {});
    expect(res.status).toBe(303);
    expect((await t.sync.integrations.get(id)).paused).toBe(true);
  });

  it("refuses a missing or wrong token with a 403 page, and accepts the session's", async () => {
    await t.users.add({ email: 'admin@hub.example', password: 'correct horse battery', role: 'admin' });
    const signedIn = await t.app.request('/login', { method: 'POST', body: new URLSearchParams({ email: 'admin@hub.example', password: 'correct horse battery', next: '/' }) });
    const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!;
    const page = await (await t.app.request(`/integrations/${id}`, { headers: { cookie } })).text();
    const tokens = [...page.matchAll(/name="_csrf" value="([^"]+)"/g)].map((m) => m[1]);
    // Every posting form, the sign-out form in the header among them, carries the token.
    const forms = [...page.matchAll(/<form[^>]* method="post"/g)].length;
    expect(forms).toBeGreaterThan(5);
    expect(tokens).toHaveLength(forms);
    expect(new Set(tokens).size).toBe(1);

    for (const form of [{}, { _csrf: 'forged' }] as Record<string, string>[]) {
      const refused = await post(`/integrations/${id}/pause`, form, cookie);
      expect(refused.status).toBe(403);
      expect(refused.headers.get('content-type')).toContain('text/html');
      expect(await refused.text()).toContain('This form has expired or was sent from elsewhere');
    }
    expect((await t.sync.integrations.get(id)).paused).toBe(false);
    expect((await post(`/integrations/${id}/pause`, { _csrf: tokens[0]! }, cookie)).status).toBe(303);
    expect((await t.sync.integrations.get(id)).paused).toBe(true);
  });
});
