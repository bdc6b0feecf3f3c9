import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../support/http.js';
import { openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';

/** The administration pages' forms carry the session's CSRF token, and their POSTs are refused without it (a goods owner's WMS settings too). */
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
  const ongoing = { baseUrl: 'https://api.ongoingsystems.se/demo/api/v1', goodsOwnerId: '5' };
  const storedOngoing = { baseUrl: ongoing.baseUrl, goodsOwnerId: 5 };

  beforeAll(async () => {
    store = await openTestStore();
    t = testApp(store);
    await t.wms.addGoodsOwner({ code: 'ACME', name: 'Acme Oy' });
    await t.sync.tenants.add({ code: 'ONG', name: 'Ongoing Oy', wms: 'ongoing', settings: ongoing, secrets: { username: 'WSI1', password: 'stored-password' } });
    await t.users.add({ email: 'admin@hub.example', password: 'correct horse battery', role: 'admin' });
    await t.users.add({ email: 'anna@acme.example', password: 'acme-password-1', role: 'goods-owner', goodsOwner: 'ACME' });
    admin = await signIn('admin@hub.example', 'correct horse battery');
    anna = await signIn('anna@acme.example', 'acme-password-1');
  });
  afterAll(() => store?.drop());

  it('puts the token in every form and refuses a POST without it', async () => {
    for (const path of ['/admin/users', '/admin/users/anna%40acme.example', '/admin/goods-owners', '/admin/goods-owners/ONG/wms']) {
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
      expect((await post('/admin/goods-owners/ONG/wms', { ...form, 'settings.goodsOwnerId': '6' }, admin)).status).toBe(403);
    }
    expect((await t.sync.tenants.get('ONG')).wmsSettings).toEqual(storedOngoing);
    expect(await t.users.signIns.list('anna@acme.example')).toHaveLength(1);
    expect((await t.wms.getGoodsOwner('ACME')).name).toBe('Acme Oy');
  });

  it('refuses a goods-owner user, token or not, and lets it read its own audit log', async () => {
    const page = await (await t.app.request('/audit-log', { headers: { cookie: anna } })).text();
    const [token] = tokensOf(page);
    expect((await t.app.request('/admin/users', { headers: { cookie: anna } })).status).toBe(403);
    expect((await post('/admin/users/admin%40hub.example/sessions/revoke-all', { _csrf: token! }, anna)).status).toBe(403);
    expect((await post('/admin/goods-owners', { _csrf: token!, code: 'EVIL', name: 'Evil' }, anna)).status).toBe(403);
    expect((await t.app.request('/admin/goods-owners/ONG/wms', { headers: { cookie: anna } })).status).toBe(403);
    for (const intent of ['test', 'save']) {
      expect((await post('/admin/goods-owners/ONG/wms', { _csrf: token!, intent, 'settings.baseUrl': 'https://evil.example/api/v1', 'settings.goodsOwnerId': '5' }, anna)).status).toBe(403);
    }
    expect(await t.users.signIns.list('admin@hub.example')).toHaveLength(1);
    expect((await t.wms.listGoodsOwners()).map((o) => o.code)).toEqual(['ACME', 'ONG']);
    expect((await t.sync.tenants.get('ONG')).wmsSettings).toEqual(storedOngoing);
  });

  it('without the script, "Test connection" comes back as the page, the refused field named, no secret in it', async () => {
    const page = await (await t.app.request('/admin/goods-owners', { headers: { cookie: admin } })).text();
    const [token] = tokensOf(page);
    const sent = { _csrf: token!, intent: 'test', code: 'NEW', name: 'New Oy', wms: 'ongoing', 'settings.baseUrl': ongoing.baseUrl, 'settings.goodsOwnerId': 'abc', 'secrets.username': 'WSI1', 'secrets.password': 'typed-password' };
    const answer = await post('/admin/goods-owners', sent, admin);
    expect(answer.status).toBe(422);
    const body = await answer.text();
    expect(body).toMatch(/<div id="wms-test-result"[^>]*>\s*<div class="notice notice-error" role="alert">\s*Connection failed: goods owner NEW refused: goodsOwnerId=&quot;abc&quot;: must be a whole number/);
    expect(body).toContain('Goods owner id: must be a whole number');
    expect(body).toContain('value="New Oy"');
    expect(body).not.toContain('typed-password');
    expect((await t.wms.listGoodsOwners()).map((o) => o.code)).toEqual(['ACME', 'ONG']);
  });
});
