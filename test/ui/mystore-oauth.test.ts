import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxClient, sandboxUser } from '../../connectors/mystore/sandbox/server.js';
import { mystoreSettings } from '../../connectors/mystore/settings.js';
import { hasChromium, launchBrowser, newPage, noChromiumReason, signIn } from './browser.js';
import { ADMIN, startHub } from './hub.js';
import type { RunningHub } from './hub.js';

/**
 * The seed's set-up of a mystore.no integration, in a real browser: the hub's sign-in, then
 * mystore.no's login and consent page (the hub's sandbox) listing every permission the integration
 * needs, then back on the integration's page, authorised; the stored tokens then carry a sync.
 */
describe.skipIf(!hasChromium)(hasChromium ? 'mystore.no OAuth consent in the browser' : noChromiumReason, () => {
  let hub: RunningHub;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [hub, browser] = await Promise.all([startHub(), launchBrowser()]);
    await hub.wms.addGoodsOwner({ code: 'ACME', name: 'Acme AS' });
    page = await newPage(browser, hub.url);
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('signs in to the hub, consents to every permission at mystore.no, and comes back authorised', async () => {
    const { id } = await hub.sync.integrations.add({
      goodsOwner: 'ACME',
      system: 'mystore',
      settings: { environment: 'sandbox', clientId: sandboxClient.clientId },
      secrets: { clientSecret: sandboxClient.clientSecret },
    });
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.goto(`/oauth/start/${id}`);

    await page.waitForURL(new RegExp(`/sandbox/mystore/${id}/oauth/authorize\\?`));
    const authorize = new URL(page.url());
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${hub.url}/oauth/callback`);
    expect(authorize.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    const scopes = String(mystoreSettings.oauthScopes.default).split(' ');
    expect(await page.locator('#permissions li').evaluateAll((items) => items.map((i) => i.getAttribute('data-scope')))).toEqual(scopes);

    await page.getByLabel('E-post').fill(sandboxUser.email);
    await page.getByLabel('Passord').fill(sandboxUser.password);
    await page.getByRole('button', { name: 'Tillat' }).click();

    await page.waitForURL(/\/integrations\/\d+\?authorised=1$/);
    expect((await hub.sync.integrations.get(id)).secretsSet).toEqual(expect.arrayContaining(['accessToken', 'refreshToken', 'tokenExpiresAt']));
    const result = await hub.sync.engine.runFlow(id, 'order-import', { trigger: 'manual' });
    expect(result).toMatchObject({ status: 'succeeded' });
    expect(result.counts.created).toBeGreaterThan(0);
  });
});
