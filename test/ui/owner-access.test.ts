import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleArticle } from '../support/fixtures.js';
import { hasChromium, launchBrowser, newPage, noChromiumReason, signIn } from './browser.js';
import { startHub } from './hub.js';
import type { RunningHub } from './hub.js';

/** A goods-owner user sees its own goods owner only: other pages are "not found", with nothing of theirs on them. */
describe.skipIf(!hasChromium)(hasChromium ? "a goods-owner user in the browser" : noChromiumReason, () => {
  let hub: RunningHub;
  let browser: Browser;
  let page: Page;
  let acme: number;
  let runId: number;

  beforeAll(async () => {
    [hub, browser] = await Promise.all([startHub(), launchBrowser()]);
    for (const code of ['ACME', 'OTHER']) await hub.wms.addGoodsOwner({ code, name: `${code} Oy` });
    await hub.wms.upsertArticle('ACME', sampleArticle('SECRET-SOCK'));
    acme = (await hub.sync.integrations.add({ goodsOwner: 'ACME', system: 'mycashflow', name: 'Acme shop', settings: { environment: 'sandbox' } })).id;
    await hub.sync.integrations.add({ goodsOwner: 'OTHER', system: 'mycashflow', name: 'Other shop', settings: { environment: 'sandbox' } });
    runId = (await hub.sync.engine.runFlow(acme, 'article-import', { trigger: 'manual' })).runId;
    await hub.users.add({ email: 'olli@other.example', password: 'other-password-1', role: 'goods-owner', goodsOwner: 'OTHER' });
    page = await newPage(browser, hub.url);
    await signIn(page, 'olli@other.example', 'other-password-1');
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('lists only its own integrations and goods owner', async () => {
    expect(await page.locator('header').textContent()).toContain('Goods owner OTHER');
    const body = (await page.locator('main').textContent())!;
    expect(body).toContain('Other shop');
    expect(body).not.toContain('Acme shop');
    expect(body).not.toContain('ACME');
    expect(await page.getByLabel('Goods owner').locator('option').allTextContents()).toEqual(['All', 'OTHER · OTHER Oy']);
  });

  it("gets 'not found', and none of the data, for the other goods owner's pages and actions", async () => {
    for (const path of [`/integrations/${acme}`, `/integrations/${acme}/mapping/order-import`, `/runs/${runId}`, '/wms/ACME/orders', '/wms/ACME/articles', '/wms/ACME/stock', '/integrations/new?system=mycashflow&environment=sandbox&goodsOwner=ACME']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      const text = (await page.locator('main').textContent())!;
      expect(text).toContain('Not found');
      for (const secret of ['Acme shop', 'SECRET-SOCK', 'article-import']) expect(text, path).not.toContain(secret);
    }
    // A form posted by hand to the other goods owner's integration is refused the same way.
    const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
    const paused = await page.request.post(`/integrations/${acme}/pause`, { form: { _csrf: csrf } });
    expect(paused.status()).toBe(404);
    expect((await hub.sync.integrations.get(acme)).paused).toBe(false);
  });

  it('goes from "WMS" straight to its own goods owner', async () => {
    await page.goto('/');
    await page.getByRole('link', { name: 'WMS', exact: true }).click();
    expect(new URL(page.url()).pathname).toBe('/wms/OTHER/orders');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Orders');
  });
});
