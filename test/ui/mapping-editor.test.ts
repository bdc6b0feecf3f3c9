import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, newPage, noChromiumReason, signIn } from './browser.js';
import { ADMIN, startHub } from './hub.js';
import type { RunningHub } from './hub.js';

/** The mapping editor offers the source fields of the sampled records, warns of a row that would blank a field everywhere, and previews beside itself. */
describe.skipIf(!hasChromium)(hasChromium ? 'mapping editor in the browser' : noChromiumReason, () => {
  let hub: RunningHub;
  let browser: Browser;
  let page: Page;
  let id: number;

  const mode = () => page.getByLabel('Change for orderInfo.orderRemark', { exact: true });
  const value = () => page.getByLabel('Value or source field for orderInfo.orderRemark', { exact: true });

  beforeAll(async () => {
    [hub, browser] = await Promise.all([startHub(), launchBrowser()]);
    await hub.wms.addGoodsOwner({ code: 'ACME', name: 'Acme Oy' });
    id = (await hub.sync.integrations.add({ goodsOwner: 'ACME', system: 'mycashflow', settings: { environment: 'sandbox' } })).id;
    await hub.sync.engine.runFlow(id, 'order-import', { trigger: 'manual' });
    page = await newPage(browser, hub.url);
    await signIn(page, ADMIN.email, ADMIN.password, `/integrations/${id}/mapping/order-import`);
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('offers the source fields seen in the sampled records, the line fields for line rows', async () => {
    expect(await value().getAttribute('list')).toBe('source-fields');
    const offered = await page.locator('#source-fields option').evaluateAll((options) => options.map((o) => o.getAttribute("value") ?? ""));
    expect(offered).toEqual(expect.arrayContaining(['id', 'shipping_address.city', 'shipping_method_id']));
    expect(offered.some((p) => p.startsWith('products.0.'))).toBe(true);
    const lineValue = page.getByLabel('Value or source field for orderLines[].numberOfItems', { exact: true });
    expect(await lineValue.getAttribute('list')).toBe('source-fields-line');
    const lineFields = await page.locator('#source-fields-line option').evaluateAll((options) => options.map((o) => o.getAttribute("value") ?? ""));
    expect(lineFields).toEqual(expect.arrayContaining(['quantity', 'product_code']));
    // Each offer shows a value seen for it.
    expect(await page.locator('#source-fields option[value="shipping_address.city"]').textContent()).not.toBe('');
    expect(await page.locator('.editor-main').textContent()).toMatch(/offer the \d+ fields of the \d+ recently fetched records/);
  });

  it('warns at the row and in the preview when a source field would blank the field on every sample', async () => {
    await mode().selectOption('path');
    await value().fill('no_such.field');
    await page.getByRole('button', { name: 'Preview' }).click();
    const warning = page.locator('[id$="-warning"]');
    expect(await warning.count()).toBe(1);
    expect(await warning.textContent()).toMatch(/^no_such\.field is not in any of the \d+ sampled records: orderInfo\.orderRemark would be blank on every one\./);
    expect(await value().getAttribute('aria-describedby')).toContain('-warning');
    const alert = page.locator('#preview').getByRole('alert');
    expect(await alert.textContent()).toMatch(/orderInfo\.orderRemark\s*would be blank on every one of the \d+ records/);

    // A field the samples have: no warning.
    await value().fill('shipping_address.city');
    await page.getByRole('button', { name: 'Preview' }).click();
    expect(await page.locator('[id$="-warning"]').count()).toBe(0);
    expect(await page.locator('#preview').getByRole('alert').count()).toBe(0);
    expect(await page.locator('#preview .diff-new').count()).toBeGreaterThan(0);
  });

  it('shows the preview beside the editor on a wide screen, in view', async () => {
    const editor = (await page.locator('.editor-main').boundingBox())!;
    const preview = (await page.locator('#preview').boundingBox())!;
    expect(preview.x).toBeGreaterThan(editor.x + editor.width - 1);
    expect(preview.y).toBeLessThan(editor.y + 50);
    expect(preview.y).toBeLessThan(800);
  });
});
