import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePurchaseOrder } from '../support/fixtures.js';
import { hasChromium, launchBrowser, newPage, noChromiumReason, signIn } from './browser.js';
import { ADMIN, startHub } from './hub.js';
import type { RunningHub } from './hub.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] };

/** axe-core run in the page: the serious and critical violations, each with where and why, so a failure says what to fix. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated, not added as a script tag: the pages' content security policy refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const inPage = globalThis as unknown as { document: unknown; axe: { run(context: unknown, options: unknown): Promise<{ violations: unknown[] }> } };
    const result = await inPage.axe.run(inPage.document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return (violations as Violation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) at ${n.target.join(' ')}: ${v.help}. ${n.failureSummary ?? ''}`));
}

/**
 * Every page of the admin UI, with data on it, passes axe-core without a serious or critical
 * violation (contrast among them, WCAG AA), at desktop width and at phone width; and at phone
 * width, tables stack into labelled cards instead of running off the screen.
 */
describe.skipIf(!hasChromium)(hasChromium ? 'accessibility of every page (axe-core in Chromium)' : noChromiumReason, () => {
  let hub: RunningHub;
  let browser: Browser;
  let page: Page;
  let id: number;
  let runId: number;
  let orderNumber: string;

  beforeAll(async () => {
    [hub, browser] = await Promise.all([startHub(), launchBrowser()]);
    await hub.wms.addGoodsOwner({ code: 'ACME', name: 'Acme Oy' });
    id = (await hub.sync.integrations.add({ goodsOwner: 'ACME', system: 'mycashflow', name: 'Acme shop', settings: { environment: 'sandbox' } })).id;
    await hub.sync.engine.runFlow(id, 'article-import', { trigger: 'manual' });
    // One malformed order, so that the errors tab and the run page have something to show.
    const auth = { authorization: `Basic ${Buffer.from('api@sandbox.example:sandbox-key').toString('base64')}` };
    const open = (await (await fetch(`${hub.url}/sandbox/mycashflow/${id}/api/v1/orders?status=open&page_size=1`, { headers: auth })).json()) as { data: { id: number }[] };
    await hub.sandboxControl(id, '/faults', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ malformed: { orders: [open.data[0]!.id] } }) });
    runId = (await hub.sync.engine.runFlow(id, 'order-import', { trigger: 'manual' })).runId;
    orderNumber = (await hub.wms.listOrders('ACME', { limit: 1 })).items[0]!.orderInfo.goodsOwnerOrderNumber;
    await hub.wms.upsertPurchaseOrder('ACME', samplePurchaseOrder());
    // Not called: its settings page is what is checked.
    await hub.sync.tenants.add({ code: 'ONG', name: 'Ongoing Oy', wms: 'ongoing', settings: { baseUrl: 'https://api.ongoingsystems.se/demo/api/v1', goodsOwnerId: '5' }, secrets: { username: 'WSI1', password: 'pw' } });
    page = await newPage(browser, hub.url);
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  const pages = () => [
    '/',
    '/integrations/new',
    '/integrations/new?system=mycashflow&environment=sandbox&goodsOwner=ACME',
    `/integrations/${id}`,
    `/integrations/${id}?range=7d`,
    `/integrations/${id}/runs`,
    `/integrations/${id}/errors`,
    `/integrations/${id}/mapping`,
    `/integrations/${id}/settings`,
    `/integrations/${id}/mapping/order-import`,
    `/runs/${runId}`,
    '/wms',
    '/wms/ACME/orders',
    '/wms/ACME/orders?q=no-such-order',
    `/wms/ACME/orders/${orderNumber}`,
    '/wms/ACME/articles',
    '/wms/ACME/purchase-orders',
    `/wms/ACME/purchase-orders/${samplePurchaseOrder().inOrderInfo.goodsOwnerOrderNumber}`,
    '/wms/ACME/suppliers',
    '/wms/ACME/stock',
    '/admin/goods-owners',
    '/admin/goods-owners/ONG/wms',
    // The error page, as a missing record shows it.
    '/integrations/9999',
  ];

  it('finds nothing serious on the sign-in page', async () => {
    await page.goto('/login');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('finds nothing serious on any page at desktop width', async () => {
    await signIn(page, ADMIN.email, ADMIN.password);
    const found: string[] = [];
    for (const path of pages()) {
      await page.goto(path);
      found.push(...(await seriousViolations(page)).map((v) => `${path}: ${v}`));
    }
    // The mapping editor after a preview, with a warning in it.
    await page.goto(`/integrations/${id}/mapping/order-import`);
    await page.getByLabel('Change for orderInfo.orderRemark', { exact: true }).selectOption('path');
    await page.getByLabel('Value or source field for orderInfo.orderRemark', { exact: true }).fill('no_such.field');
    await page.getByRole('button', { name: 'Preview' }).click();
    found.push(...(await seriousViolations(page)).map((v) => `mapping preview: ${v}`));
    expect(found).toEqual([]);
  }, 120_000);

  it('finds nothing serious at phone width, where tables stack into labelled cards', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const found: string[] = [];
    for (const path of [`/integrations/${id}`, `/integrations/${id}/runs`, `/integrations/${id}/errors`, '/wms/ACME/orders', `/wms/ACME/orders/${orderNumber}`, '/wms/ACME/stock']) {
      await page.goto(path);
      found.push(...(await seriousViolations(page)).map((v) => `${path}: ${v}`));
      // Nothing wider than the screen: no sideways scrolling of the page or of a table.
      expect(await page.locator('html').evaluate((html) => html.scrollWidth), path).toBeLessThanOrEqual(390);
      const wraps = await page.locator('.table-wrap').evaluateAll((els) => els.map((el) => el.scrollWidth - el.clientWidth));
      expect(wraps.every((overflow) => overflow <= 1), `${path}: ${wraps}`).toBe(true);
    }
    expect(found).toEqual([]);

    await page.goto('/wms/ACME/orders');
    const cell = page.locator('tbody tr').first().locator('td').nth(2);
    expect(await cell.getAttribute('data-label')).toBe('Status');
    expect(await cell.evaluate((td) => td.ownerDocument.defaultView!.getComputedStyle(td, '::before').content)).toBe('"Status"');
    const [first, second] = await page.locator('tbody tr').first().locator('td').evaluateAll((tds) => tds.slice(0, 2).map((td) => td.getBoundingClientRect().top));
    // Cells of one row sit under each other, not side by side.
    expect(second!).toBeGreaterThan(first!);
    await page.setViewportSize({ width: 1280, height: 800 });
  }, 60_000);

  it('makes the set-up mode hint readable', async () => {
    const fresh = await startHub({}, { setupMode: true });
    const setup = await newPage(browser, fresh.url);
    try {
      await setup.goto('/');
      expect(await setup.locator('header').textContent()).toContain('Set-up mode');
      expect(await seriousViolations(setup)).toEqual([]);
    } finally {
      // The page's event stream first, or the server waits for it to end.
      await setup.context().close();
      await fresh.close();
    }
  });
});
