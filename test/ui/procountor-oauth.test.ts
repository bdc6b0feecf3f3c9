import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, newPage, noChromiumReason, signIn } from './browser.js';
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
    await page.waitForURL(/\/sandbox\/procountor\/login\?/);
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

    await page.getByRole('button', { name: 'Sync now: order-import' }).click();
    await page.waitForURL(/\?run=\d+/);
    const runs = await hub.sync.runs.list({ integrationId: id, flow: 'order-import' });
    expect(runs[0]).toMatchObject({ status: 'succeeded' });
    expect(runs[0]!.counts.created).toBeGreaterThan(0);
    expect((await hub.wms.listOrders('ACME', { limit: 1000 })).items.length).toBe(runs[0]!.counts.created);
  });

  it('refuses a callback whose state it did not issue', async () => {
    const res = await page.goto(`${hub.url}/oauth/callback?code=forged&state=not-ours`);
    expect(res?.status()).toBe(400);
    expect(await page.getByRole('alert').textContent()).toContain('unknown, used or expired');
  });
});
