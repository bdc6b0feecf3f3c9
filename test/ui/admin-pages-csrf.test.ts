import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../support/http.js';
import { openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';

/** The administration pages' forms carry the session's CSRF token, and their POSTs are refused without it. */
describe('administration pages: CSRF tokens and administrators only', () => {
  let store: TestStore;
  let t: ReturnType<typeof testApp>;
  let admin = '';
  let anna = '';

  const post = (path: string, form: Record<string, string>, cookie: string) =>
    t.app.request(path, { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
  const signIn = async (email: string, password: string) =>
    (await t.app.request('/login', { method: 'POST', body: new URLSearchParams({ email, password, next: '/' }) })).headers.get('set-cookie')!.split(';')[0]!;
  const tokensOf = (page: string) => [...page.matchAll(/name="_csrf" value="([^"]+)"/g)].map((m) => m[1]!);

  beforeAll(async () => {
    store = await openTestStore();
    t = testApp(store);
    await t.wms.addGoodsOwner({ code: 'ACME', name: 'Acme Oy' });
    await t.users.add({ email: 'admin@hub.example', password: 'correct horse battery', role: 'admin' });
    await t.users.add({ email: 'anna@acme.example', password: 'acme-password-1', role: 'goods-owner', goodsOwner: 'ACME' });
    admin = await signIn('admin@hub.example', 'correct horse battery');
    anna = await signIn('anna@acme.example', 'acme-password-1');
  });
  afterAll(() => store?.drop());

  it('puts the token in every form and refuses a POST without it', async () => {
    for (const path of ['/admin/users', '/admin/users/anna%40acme.example', '/admin/goods-owners']) {
      const page = await (await t.app.request(path, { headers: { cookie: admin } })).text();
      const forms = [...page.matchAll(/<form class="stack" method="post"|<form method="post"/g)].length;
      expect(forms, path).toBeGreaterThan(0);
      expect(tokensOf(page), path).toHaveLength(forms);
    }
    for (const form of [{}, { _csrf: 'forged' }] as Record<string, string>[]) {
      const refused = await post('/admin/users/anna%40acme.example/sessions/revoke-all', form, admin);
      expect(refused.status).toBe(403);
      expect(await refused.text()).toContain('This form has expired or was sent from elsewhere');
      expect((await post('/admin/goods-owners/ACME', { ...form, name: 'Forged' }, admin)).status).toBe(403);
    }
    expect(await t.users.signIns.list('anna@acme.example')).toHaveLength(1);
    expect((await t.wms.getGoodsOwner('ACME')).name).toBe('Acme Oy');
  });

  it('refuses a goods-owner user, token or not, and lets it read its own audit log', async () => {
    const page = await (await t.app.request('/audit-log', { headers: { cookie: anna } })).text();
    const [token] = tokensOf(page);
    expect((await t.app.request('/admin/users', { headers: { cookie: anna } })).status).toBe(403);
    expect((await post('/admin/users/admin%40hub.example/sessions/revoke-all', { _csrf: token! }, anna)).status).toBe(403);
    expect((await post('/admin/goods-owners', { _csrf: token!, code: 'EVIL', name: 'Evil' }, anna)).status).toBe(403);
    expect(await t.users.signIns.list('admin@hub.example')).toHaveLength(1);
    expect((await t.wms.listGoodsOwners()).map((o) => o.code)).toEqual(['ACME']);
  });
});
