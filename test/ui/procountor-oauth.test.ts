import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, newPage, noChromiumReason, signIn, syncNow } from './browser.js';
import { ADMIN, startHub } from './hub.js';
import type { RunningHub } from './hub.js';

/**
 * The seed's set-up of a Procountor integration, in a real browser: the hub's own sign-in first,
 * then New integration → Procountor → Save and authorise → Procountor's login page (the sandbox's)
 * → back on the integration's page, authorised; then the stored tokens carry a sync.
 */
describe.skipIf(!hasChromium)(hasChromium ? 'Procountor OAuth redirect flow in the browser' : noChromiumReason, () => {
  let hub: RunningHub;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [hub, browser] = await Promise.all([startHub(), launchBrowser()]);
    await hub.wms.addGoodsOwner({ code: 'ACME', name: 'Acme Oy' });
    page = await newPage(browser, hub.url);
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('signs in to the hub, authorises at Procountor, and comes back authorised', async () => {
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.getByRole('link', { name: 'New integration' }).click();
    await page.getByLabel('Procountor').check();
    await page.getByLabel(/^Sandbox/).check();
    await page.getByLabel('Goods owner').selectOption('ACME');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Save and authorise' }).click();

    // Procountor's login page, served by the hub's sandbox.
    await page.waitForURL(/\/sandbox\/procountor\/\d+\/login\?/);
    const login = new URL(page.url());
    expect(login.searchParams.get('response_type')).toBe('code');
    expect(login.searchParams.get('redirect_uri')).toBe(`${hub.url}/oauth/callback`);
    expect(login.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    await page.locator('#username').fill('demo@procountor.test');
    await page.locator('#password').fill('wrong password');
    await page.locator('#password').press('Enter');
    await expect.poll(() => page.locator('#error').textContent()).toContain('Wrong username or password');
    await page.locator('#username').fill('demo@procountor.test');
    await page.locator('#password').fill('demo-password');
    await page.locator('#password').press('Enter');

    await page.waitForURL(/\/integrations\/\d+\?authorised=1$/);
    expect(await page.getByRole('status').filter({ hasText: 'Authorised' }).first().textContent()).toContain('Procountor accepted the sign-in');
    const id = Number(/\/integrations\/(\d+)/.exec(page.url())![1]);
    expect((await hub.sync.integrations.get(id)).secretsSet).toEqual(expect.arrayContaining(['accessToken', 'refreshToken']));

    expect(await syncNow(page, 'order-import')).toMatch(/: succeeded/);
    const runs = await hub.sync.runs.list({ integrationId: id, flow: 'order-import' });
    expect(runs[0]).toMatchObject({ status: 'succeeded' });
    expect(runs[0]!.counts.created).toBeGreaterThan(0);
    expect((await hub.wms.listOrders('ACME', { limit: 1000 })).items.length).toBe(runs[0]!.counts.created);
  });

  /** A goods-owner user with a Procountor sandbox integration of its own goods owner. */
  async function ownerWithProcountor(code: string) {
    const user = { email: `user@${code.toLowerCase()}.example`, password: `${code.toLowerCase()}-password-1` };
    await hub.wms.addGoodsOwner({ code, name: `${code} Oy` });
    await hub.users.add({ ...user, role: 'goods-owner', goodsOwner: code });
    const integrationId = (await hub.sync.integrations.add({ goodsOwner: code, system: 'procountor', name: `${code} books`, settings: { environment: 'sandbox' } })).id;
    return { ...user, integrationId };
  }

  /**
   * The user's browser goes through Procountor's login, and the callback it is sent back to is
   * captured instead of followed: what someone who started a flow could hand to another user.
   */
  async function callbackOfFlowStartedBy(starter: { email: string; password: string; integrationId: number }): Promise<string> {
    const starterPage = await newPage(browser, hub.url);
    await signIn(starterPage, starter.email, starter.password);
    let callback = '';
    // Playwright routes no request a redirect leads to, so the sign-in's answer is read instead of followed.
    await starterPage.route(
      (url) => url.pathname === `/sandbox/procountor/${starter.integrationId}/login`,
      async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        callback = (await route.fetch({ maxRedirects: 0 })).headers().location ?? '';
        return route.abort();
      },
    );
    await starterPage.goto(`/oauth/start/${starter.integrationId}`);
    await starterPage.locator('#username').fill('demo@procountor.test');
    await starterPage.locator('#password').fill('demo-password');
    await starterPage.locator('#password').press('Enter');
    await expect.poll(() => callback).toContain('code=');
    await starterPage.context().close();
    return callback;
  }

  /** Opens the callback signed in as the given user: refused with the message, no tokens stored. */
  async function expectCallbackRefused(callback: string, as: { email: string; password: string }, message: string, integrationId: number) {
    const other = await newPage(browser, hub.url);
    await signIn(other, as.email, as.password);
    const res = await other.goto(callback);
    expect(res?.status()).toBe(400);
    expect(await other.getByRole('alert').textContent()).toContain(message);
    expect((await hub.sync.integrations.get(integrationId)).secretsSet).not.toContain('accessToken');
    await other.context().close();
  }

  it("refuses to complete another user's authorization and stores no tokens", async () => {
    const beta = await ownerWithProcountor('BETA');
    const acmeUser = { email: 'anna@acme.example', password: 'acme-password-1' };
    await hub.users.add({ ...acmeUser, role: 'goods-owner', goodsOwner: 'ACME' });
    const callback = await callbackOfFlowStartedBy(beta);
    await expectCallbackRefused(callback, acmeUser, 'started by another user', beta.integrationId);
  });

  it('refuses the callback when the user who started it may no longer see the goods owner', async () => {
    const gamma = await ownerWithProcountor('GAMMA');
    const callback = await callbackOfFlowStartedBy(gamma);
    // Moved to another goods owner while away at Procountor.
    const acme = await hub.store.db.selectFrom('goods_owners').select('id').where('code', '=', 'ACME').executeTakeFirstOrThrow();
    await hub.store.db.updateTable('users').set({ goods_owner_id: acme.id }).where('email', '=', gamma.email).execute();
    await expectCallbackRefused(callback, gamma, 'may no longer', gamma.integrationId);
  });

  it('refuses a callback whose state it did not issue', async () => {
    const res = await page.goto(`${hub.url}/oauth/callback?code=forged&state=not-ours`);
    expect(res?.status()).toBe(400);
    expect(await page.getByRole('alert').textContent()).toContain('unknown, used or expired');
  });
});
