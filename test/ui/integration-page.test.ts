import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, newPage, noChromiumReason, screenshot, signIn, syncNow } from './browser.js';
import { ADMIN, startHub } from './hub.js';
import type { RunningHub } from './hub.js';

/** The integration page's tools: live run updates, errors grouped by cause with retry, the mapping editor. */
describe.skipIf(!hasChromium)(hasChromium ? 'integration page in the browser' : noChromiumReason, () => {
  let hub: RunningHub;
  let browser: Browser;
  let page: Page;
  let id: number;

  const control = (path: string, method: string, body?: unknown) =>
    hub.sandboxControl(id, path, { method, ...(body ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}) });

  beforeAll(async () => {
    [hub, browser] = await Promise.all([startHub(), launchBrowser()]);
    await hub.wms.addGoodsOwner({ code: 'ACME', name: 'Acme Oy' });
    id = (await hub.sync.integrations.add({ goodsOwner: 'ACME', system: 'mycashflow', settings: { environment: 'sandbox' } })).id;
    page = await newPage(browser, hub.url);
    await signIn(page, ADMIN.email, ADMIN.password, `/integrations/${id}`);
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('shows a run started elsewhere without a reload, on the overview and on the runs tab', async () => {
    await page.evaluate(() => ((globalThis as { marker?: number }).marker = 1));
    expect(await page.locator('#health').textContent()).toContain('Waiting for first run');
    expect(await page.locator('#health').textContent()).not.toContain('lag');
    // Let the page's event stream connect before the run starts.
    await page.waitForTimeout(300);
    await hub.sync.engine.runFlow(id, 'article-import', { trigger: 'schedule' });
    await expect.poll(() => page.locator('#flows').textContent(), { timeout: 8000 }).toContain('succeeded');
    expect(await page.evaluate(() => (globalThis as { marker?: number }).marker)).toBe(1);

    await page.getByRole('link', { name: 'Runs', exact: true }).click();
    expect(await page.locator('#runs tbody tr').count()).toBe(1);
    await page.evaluate(() => ((globalThis as { marker?: number }).marker = 2));
    await page.waitForTimeout(300);
    await hub.sync.engine.runFlow(id, 'article-import', { trigger: 'schedule' });
    await expect.poll(() => page.locator('#runs tbody tr').count(), { timeout: 8000 }).toBe(2);
    expect(await page.evaluate(() => (globalThis as { marker?: number }).marker)).toBe(2);
  });

  it('groups failed records by cause, and retries a whole group and a single record', async () => {
    const auth = { authorization: `Basic ${Buffer.from('api@sandbox.example:sandbox-key').toString('base64')}` };
    const open = (await (await fetch(`${hub.url}/sandbox/mycashflow/${id}/api/v1/orders?status=open&page_size=6`, { headers: auth })).json()) as { data: { id: number }[] };
    const broken = open.data.map((o) => o.id);
    expect(broken).toHaveLength(6);
    await control('/faults', 'POST', { malformed: { orders: broken } });
    await page.getByRole('link', { name: 'Overview', exact: true }).click();
    expect(await syncNow(page, 'order-import')).toMatch(/: partial/);
    await expect.poll(() => page.locator('#health').textContent()).toContain('Failing');
    await page.getByRole('link', { name: /^Errors/ }).click();
    const groups = page.locator('#failures .group');
    const records = page.locator('#failures tbody tr');
    expect(await records.count()).toBe(6);
    const heads = await groups.locator('.group-head strong').allTextContents();
    // The sandbox breaks orders in a few ways; the same way on another line is the same cause.
    expect(heads.length).toBeLessThan(6);
    expect(new Set(heads).size).toBe(heads.length);
    const biggest = Number(/(\d+) records?/.exec((await groups.first().locator('.group-head').textContent()) ?? '')?.[1]);
    expect(biggest).toBeGreaterThan(1);

    await control('/faults', 'DELETE');
    await groups.first().getByRole('button', { name: /^Retry all/ }).click();
    await page.waitForURL(/\/errors\?run=\d+/);
    expect(await page.getByRole('status').first().textContent()).toMatch(new RegExp(`Run #\\d+ of order-import: succeeded, created ${biggest}`));
    expect(await records.count()).toBe(6 - biggest);

    const next = (await records.first().locator('td').first().textContent())!;
    await page.getByRole('button', { name: `Retry ${next}`, exact: true }).click();
    await page.waitForURL(/\/errors\?run=\d+/);
    expect(await records.locator('td:first-child').allTextContents()).not.toContain(next);
    expect(await records.count()).toBe(5 - biggest);
  });

  it('edits the mapping: refuses a bad source field by row, previews a constant, saves it', async () => {
    await page.getByRole('link', { name: 'Mapping', exact: true }).click();
    await page.getByRole('link', { name: 'Edit mapping of order-import' }).click();
    const mode = page.getByLabel('Change for orderInfo.orderRemark', { exact: true });
    const value = page.getByLabel('Value or source field for orderInfo.orderRemark', { exact: true });
    await mode.selectOption('path');
    await value.fill('not a path!');
    await page.getByRole('button', { name: 'Save mapping' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('must be a dotted path');
    expect(await value.getAttribute('aria-invalid')).toBe('true');

    await mode.selectOption('const');
    await value.fill('Handle with care');
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.locator('#preview');
    expect(await preview.textContent()).toMatch(/On \d+ recently fetched records?, the changed mapping would change [1-9]/);
    expect(await preview.locator('.diff-new').first().textContent()).toBe('Handle with care');
    await screenshot(page, 'mapping-editor');

    await page.getByRole('button', { name: 'Save mapping' }).click();
    await page.waitForURL(/saved=1/);
    expect(await page.getByRole('status').first().textContent()).toContain('Mapping saved');
    await page.goto(`/integrations/${id}/mapping`);
    const row = page.locator('#mapping-order-import tr', { hasText: 'orderInfo.orderRemark' });
    expect(await row.textContent()).toContain('Fixed value "Handle with care"');
    expect(await row.textContent()).toContain('overridden');
  });
});
