import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, newPage, noChromiumReason, screenshot, signIn, syncNow } from './browser.js';
import { ADMIN, startHub } from './hub.js';
import type { RunningHub } from './hub.js';
import { stockFor } from '../support/stock.js';

/**
 * The admin UI in headless Chromium against the hub served for real, as a new user meets it:
 * sign in, create a MyCashflow integration against the sandbox the hub serves, run it, see the
 * data in the WMS pages, ship an order and see the delivery report go back. One story, in order.
 */
describe.skipIf(!hasChromium)(hasChromium ? 'admin UI in the browser' : noChromiumReason, () => {
  let hub: RunningHub;
  let browser: Browser;
  let page: Page;
  let integrationPath: string;
  /** An order the shop can quick-process (one paid payment), made in the integration's sandbox shop before the import. */
  let orderNumber: string;
  let integrationId: number;

  const sandbox = (path: string, init?: RequestInit) => hub.sandboxControl(integrationId, path, init).then((r) => r.json() as Promise<any>);
  const notice = () => page.getByRole('status').filter({ hasText: /\S/ }).first();

  beforeAll(async () => {
    [hub, browser] = await Promise.all([startHub(), launchBrowser()]);
    await hub.wms.addGoodsOwner({ code: 'ACME', name: 'Acme Oy' });
    page = await newPage(browser, hub.url);
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('signs in as an administrator', async () => {
    await signIn(page, ADMIN.email, ADMIN.password);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Integrations');
    const header = await page.locator('header').textContent();
    expect(header).toContain(ADMIN.email);
    expect(header).toContain('Administrator');
    expect(await page.locator('#integrations').textContent()).toContain('No integrations yet');
  });

  it('creates a MyCashflow integration against its sandbox, testing the connection first', async () => {
    await page.getByRole('link', { name: 'New integration' }).click();
    await page.getByLabel('MyCashflow').check();
    await page.getByLabel(/^Sandbox/).check();
    await page.getByLabel('Goods owner').selectOption('ACME');
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await page.getByLabel('API key').inputValue()).toBe('');
    expect(await page.getByLabel('API key').getAttribute('type')).toBe('password');
    expect(await page.getByLabel('order-import').isChecked()).toBe(true);
    expect(await page.getByLabel('stock-export').isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => notice().textContent()).toContain('Connection OK');
    await screenshot(page, 'new-integration');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForURL(/\/integrations\/\d+\?notice=created/);
    integrationPath = new URL(page.url()).pathname;
    // The shop exists once the integration does.
    integrationId = Number(integrationPath.split('/').at(-1));
    const created = await sandbox('/orders', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ payment_method_id: 1 }) });
    orderNumber = String(created.data.id);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('MyCashflow ACME');
    expect(await notice().textContent()).toContain('Integration saved');
  });

  it('imports articles and orders with "Sync now" and shows the runs', async () => {
    expect(await syncNow(page, 'article-import')).toMatch(/Run #\d+ of article-import: succeeded, created \d+/);
    expect(await syncNow(page, 'order-import')).toMatch(/Run #\d+ of order-import: succeeded, created \d+/);
    await page.getByRole('link', { name: 'Runs', exact: true }).click();
    const runs = await page.locator('#runs tbody tr').allTextContents();
    expect(runs).toHaveLength(2);
    expect(runs[0]).toContain('order-import');
    await page.getByRole('link', { name: /^#\d+$/ }).first().click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Run #\d+ · order-import/);
    expect(await page.locator('#run-errors').textContent()).toContain('Every record went through.');
    await page.goto(integrationPath);
    expect(await page.locator('#health').textContent()).toContain('Healthy');
    await screenshot(page, 'integration');
    await page.locator('#charts').evaluate((section) => section.scrollIntoView());
    await screenshot(page, 'integration-activity');
    await page.getByRole('link', { name: 'Mapping', exact: true }).click();
    expect(await page.locator('#mapping-order-import tbody').textContent()).toContain('orderInfo.goodsOwnerOrderNumber');
    await screenshot(page, 'integration-mapping');
    await page.goto('/');
    const row = page.locator('#integrations tbody tr').first();
    expect(await row.textContent()).toMatch(/MyCashflow ACME\s*ACME\s*MyCashflow\s*sandbox\s*Healthy/);
    await screenshot(page, 'integrations');
  }, 60_000); // two full imports on PostgreSQL, each after the 2 s left to a worker that this hub has not

  it('shows the imported articles and orders on the WMS pages', async () => {
    await page.getByRole('link', { name: 'WMS', exact: true }).click();
    await page.getByRole('link', { name: 'Articles' }).first().click();
    expect(await page.locator('tbody tr').count()).toBe(50);
    expect(await page.getByRole('link', { name: 'Next page' }).count()).toBe(1);
    // Stock, a page at a time: the next page goes on with other articles.
    await page.getByRole('link', { name: 'Stock', exact: true }).click();
    const firstPage = await page.locator('tbody tr code').allTextContents();
    expect(firstPage).toHaveLength(50);
    await page.getByRole('link', { name: 'Next page' }).click();
    const secondPage = await page.locator('tbody tr code').allTextContents();
    expect(secondPage.length).toBeGreaterThan(0);
    expect(secondPage.filter((n) => firstPage.includes(n))).toEqual([]);
    expect(await page.getByRole('link', { name: 'First page' }).count()).toBe(1);
    await page.getByRole('link', { name: 'Orders', exact: true }).click();
    expect(await page.locator('tbody tr').count()).toBeGreaterThan(10);
    expect(await page.locator('tbody').textContent()).toContain('200 Open');
    await screenshot(page, 'orders');
    await page.setViewportSize({ width: 390, height: 760 });
    await screenshot(page, 'orders-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('ships an order with a tracking number, and the delivery report is sent', async () => {
    await stockFor(hub.wms, 'ACME', orderNumber);
    await page.goto(`/wms/ACME/orders/${orderNumber}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`Order ${orderNumber}`);
    expect(await page.getByRole('region', { name: 'Lines' }).locator('tbody tr td').first().textContent()).toBe('1');
    await screenshot(page, 'order');
    await page.getByLabel('Tracking number').fill('JJFI6400001');
    await page.getByRole('button', { name: 'Ship order' }).click();
    await page.waitForURL(/done=shipped/);
    expect(await notice().textContent()).toContain('Order shipped');
    expect(await page.locator('dl.facts').first().textContent()).toContain('450 Sent');
    expect(await page.getByRole('region', { name: 'Shipments' }).textContent()).toContain('JJFI6400001');

    await page.goto(integrationPath);
    expect(await syncNow(page, 'delivery-report')).toMatch(/Run #\d+ of delivery-report: succeeded, sent 1\./);
    const calls = (await sandbox('/requests')).data.filter((r: { method: string; path: string }) => r.method === 'POST' && r.path.endsWith(`/orders/${orderNumber}/quick-process`));
    expect(calls).toHaveLength(1);
  });
});
