import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ongoingSandboxCredentials, startOngoingSandbox } from '../../src/wms/ongoing/sandbox/server.js';
import { hasChromium, launchBrowser, newPage, noChromiumReason, screenshot, signIn } from './browser.js';
import { ADMIN, startHub } from './hub.js';
import type { RunningHub } from './hub.js';

/**
 * An administrator puts a goods owner on Ongoing WMS in the browser, against the Ongoing sandbox:
 * tests the connection before saving, sees a bad value refused by its field, sees the WMS in the
 * list, and changes a setting with the secrets left empty, which keeps them.
 */
describe.skipIf(!hasChromium)(hasChromium ? "a goods owner's WMS in the browser" : noChromiumReason, () => {
  let hub: RunningHub;
  let browser: Browser;
  let ongoing: Awaited<ReturnType<typeof startOngoingSandbox>>;
  let admin: Page;

  const testResult = () => admin.locator('#wms-test-result');
  const pressTest = async () => {
    await admin.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => testResult().textContent()).not.toContain('Testing');
    return (await testResult().textContent())!.trim();
  };

  beforeAll(async () => {
    [hub, browser, ongoing] = await Promise.all([startHub(), launchBrowser(), startOngoingSandbox()]);
    admin = await newPage(browser, hub.url);
    await signIn(admin, ADMIN.email, ADMIN.password, '/admin/goods-owners');
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([hub?.close(), ongoing?.close()]);
  });

  it('adds a goods owner on Ongoing WMS, after a connection test and a refused value', async () => {
    const settings = admin.getByRole('group', { name: 'Ongoing WMS settings' });
    expect(await settings.isHidden(), 'the embedded WMS is chosen first, and needs no settings').toBe(true);
    await admin.getByLabel(/^Code/).fill('ONG');
    await admin.getByLabel('Company name').fill('Ongoing Oy');
    await admin.getByLabel('Ongoing WMS', { exact: true }).check();
    expect(await settings.isVisible()).toBe(true);
    await admin.getByLabel('REST API address').fill(ongoing.url);
    await admin.getByLabel('Goods owner id').fill('159');
    await admin.getByLabel('API user').fill(ongoingSandboxCredentials.username);
    await admin.getByLabel('API password').fill(ongoingSandboxCredentials.password);
    expect(await pressTest()).toBe('Connection OK: Ongoing WMS accepted the settings.');
    expect(ongoing.sandbox.recorder.requests.map((r) => [r.method, r.path, r.query.goodsOwnerId])).toEqual([['GET', '/api/v1/articles', '159']]);
    // Answered in place: what was typed, the password too, is still there.
    expect(await admin.getByLabel('API password').inputValue()).toBe(ongoingSandboxCredentials.password);
    await screenshot(admin, 'goods-owner-on-ongoing');

    await admin.getByLabel('Goods owner id').fill('abc');
    await admin.getByRole('button', { name: 'Add goods owner' }).click();
    await expect.poll(() => admin.getByRole('alert').first().textContent()).toContain('goodsOwnerId');
    expect(await admin.locator('#setting-goodsOwnerId-error').textContent()).toBe('Goods owner id: must be a whole number');
    expect(await admin.getByLabel('Goods owner id').getAttribute('aria-invalid')).toBe('true');
    expect(await admin.content(), 'a typed secret is not sent back').not.toContain(ongoingSandboxCredentials.password);
    expect((await hub.sync.tenants.list()).map((o) => o.code)).toEqual([]);

    await admin.getByLabel('Goods owner id').fill('159');
    await admin.getByLabel('API user').fill(ongoingSandboxCredentials.username);
    await admin.getByLabel('API password').fill(ongoingSandboxCredentials.password);
    await admin.getByRole('button', { name: 'Add goods owner' }).click();
    await expect.poll(() => admin.getByRole('status').filter({ hasText: /\S/ }).first().textContent()).toContain('Goods owner ONG added');
    expect(await admin.getByRole('row', { name: /ONG/ }).getByRole('cell').nth(2).textContent()).toContain('Ongoing WMS');
    expect((await hub.sync.tenants.get('ONG')).wmsSettings).toEqual({ baseUrl: ongoing.url, goodsOwnerId: 159 });
  });

  it('changes a setting with the secrets left empty, which keeps them; a wrong password fails the test, named', async () => {
    await admin.getByRole('link', { name: 'WMS settings of ONG' }).click();
    expect(await admin.getByRole('heading', { level: 1 }).textContent()).toBe('WMS of ONG');
    expect(await admin.getByLabel('API password').inputValue()).toBe('');
    expect(await admin.content()).not.toContain(ongoingSandboxCredentials.password);
    expect(await admin.getByLabel('Goods owner id').inputValue()).toBe('159');

    await admin.getByLabel('API password').fill('wrong-password');
    expect(await pressTest()).toMatch(/^Connection failed: .*401/);
    await admin.getByLabel('API password').fill('');
    await admin.getByLabel('Poll interval').fill('30');
    expect(await pressTest()).toBe('Connection OK: Ongoing WMS accepted the settings.');
    await admin.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => admin.getByRole('status').filter({ hasText: /\S/ }).first().textContent()).toContain('WMS settings of ONG saved');

    const saved = await hub.sync.tenants.resolve('ONG');
    expect(saved.wmsSettings).toEqual({ baseUrl: ongoing.url, goodsOwnerId: 159, pollIntervalSeconds: 30 });
    expect(saved.wmsSecrets).toEqual(ongoingSandboxCredentials);
    // What was saved is what the hub now calls Ongoing with.
    await hub.sync.testWmsConnection('ONG');
    const [entry] = (await hub.sync.audit.list({ record: 'goods owner ONG' })).items;
    expect(entry).toMatchObject({ actor: `user ${ADMIN.email}`, action: 'WMS settings changed', changes: { pollIntervalSeconds: { to: 30 } } });
    expect(entry!.changes, 'no secret was typed').not.toHaveProperty('secrets');
  });
});
