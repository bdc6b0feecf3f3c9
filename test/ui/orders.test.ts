import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleOrder } from '../support/fixtures.js';
import { hasChromium, launchBrowser, newPage, noChromiumReason, signIn } from './browser.js';
import { ADMIN, startHub } from './hub.js';
import type { RunningHub } from './hub.js';
import { stockFor } from '../support/stock.js';

/** The orders list (search, sort by date and by number as numbers, a date column, numbered pages) and the order page's source and reports. */
describe.skipIf(!hasChromium)(hasChromium ? 'orders in the browser' : noChromiumReason, () => {
  let hub: RunningHub;
  let browser: Browser;
  let page: Page;

  const numbers = () => page.getByRole('region', { name: 'Orders' }).locator('tbody tr td:first-child').allTextContents();

  beforeAll(async () => {
    [hub, browser] = await Promise.all([startHub(), launchBrowser()]);
    await hub.wms.addGoodsOwner({ code: 'SHOP', name: 'Shop Oy' });
    // Orders 1…60, in that order; every seventh for another customer.
    for (let n = 1; n <= 60; n++) {
      const order = sampleOrder(String(n));
      await hub.wms.upsertOrder('SHOP', n % 7 === 0 ? { ...order, customer: { ...order.customer, name: 'Matti Meikäläinen' } } : order);
    }
    page = await newPage(browser, hub.url);
    await signIn(page, ADMIN.email, ADMIN.password, '/wms/SHOP/orders');
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('lists the newest first with the date they came in, on numbered pages', async () => {
    expect(await page.locator('thead th').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Order'), expect.stringContaining('Received')]));
    expect(await page.locator('th[aria-sort]').textContent()).toContain('Received');
    expect(await page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
    expect((await numbers()).slice(0, 3)).toEqual(['60', '59', '58']);
    expect(await page.locator('tbody tr').first().locator('td[data-label="Received"] time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await page.getByText('60 orders').count()).toBe(1);
    expect(await page.getByRole('navigation', { name: 'Pages' }).getByRole('link').allTextContents()).toEqual(['1', '2', 'Next']);
    await page.getByRole('link', { name: 'Page 2' }).click();
    expect(await numbers()).toEqual(['10', '9', '8', '7', '6', '5', '4', '3', '2', '1']);
    expect(await page.getByRole('link', { name: 'Page 2' }).getAttribute('aria-current')).toBe('page');
  });

  it('sorts by number as numbers, both ways', async () => {
    await page.getByRole('link', { name: /^Order\b.*sort/ }).click();
    expect(await page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');
    // 1, 2, … 11, not 1, 10, 11, … 2.
    expect((await numbers()).slice(0, 12)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    await page.getByRole('link', { name: /^Order\b.*sort/ }).click();
    expect(await page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
    expect((await numbers()).slice(0, 3)).toEqual(['60', '59', '58']);
  });

  it('searches by customer, by number, and with a status', async () => {
    await page.getByLabel('Order number or customer').fill('meikäl');
    await page.getByRole('button', { name: 'Search' }).click();
    expect(await numbers()).toEqual(['56', '49', '42', '35', '28', '21', '14', '7']);
    await page.getByLabel('Order number or customer').fill('5');
    await page.getByRole('button', { name: 'Search' }).click();
    expect((await numbers()).sort()).toEqual(['15', '25', '35', '45', '5', '50', '51', '52', '53', '54', '55', '56', '57', '58', '59'].sort());
    await page.getByLabel('Status').selectOption({ label: '450 Sent' });
    await page.getByRole('button', { name: 'Search' }).click();
    expect(await page.locator('tbody').textContent()).toContain('No order matches.');
    await page.getByRole('link', { name: 'Clear' }).click();
    expect(await numbers()).toHaveLength(50);
  });

  it("shows an order's source integration, its reports' state and the system's answer, and the way of delivery by name", async () => {
    await hub.wms.addGoodsOwner({ code: 'ACME', name: 'Acme Oy' });
    const id = (await hub.sync.integrations.add({ goodsOwner: 'ACME', system: 'mycashflow', name: 'Acme shop', settings: { environment: 'sandbox' } })).id;
    // An order the shop can quick-process (one paid payment), and one more.
    const made = async () => ((await (await hub.sandboxControl(id, '/orders', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ payment_method_id: 1 }) })).json()) as { data: { id: number } }).data.id;
    const [sent, refused] = [String(await made()), String(await made())];
    await hub.sync.engine.runFlow(id, 'article-import', { trigger: 'manual' });
    await hub.sync.engine.runFlow(id, 'order-import', { trigger: 'manual' });
    await stockFor(hub.wms, 'ACME', sent);
    await hub.wms.setOrderStatus('ACME', sent, { status: 450, waybill: 'JJFI1' });
    await hub.sync.engine.runFlow(id, 'delivery-report', { trigger: 'manual' });
    const now = new Date().toISOString();
    await hub.store.db
      .insertInto('outbox')
      .values({ integration_id: id, flow: 'delivery-report', event_id: 9001, subject: refused, external_id: refused, payload: '{}', status: 'failed', attempts: 1, next_attempt_at: now, last_error: 'open cash on delivery payment; set allow_open_cash_on_delivery_payments', created_at: now, sent_at: null })
      .execute();

    await page.goto(`/wms/ACME/orders/${sent}`);
    const source = page.getByRole('region', { name: 'Source and reports' });
    expect(await source.getByRole('link', { name: 'Acme shop' }).getAttribute('href')).toBe(`/integrations/${id}`);
    const row = (await source.locator('tbody tr').first().textContent())!.replace(/\s+/g, ' ');
    expect(row).toContain(`${sent} delivery-report sent`);
    expect(row).toMatch(/1 accepted/);

    await page.goto(`/wms/ACME/orders/${refused}`);
    expect(await source.locator('tbody').textContent()).toContain('refused by the system');
    expect(await source.locator('tbody').textContent()).toContain('open cash on delivery payment');

    await hub.wms.upsertOrder('SHOP', { ...sampleOrder('PN-1'), orderInfo: { goodsOwnerOrderNumber: 'PN-1', wayOfDelivery: '7', wayOfDeliveryType: { code: '7', name: 'Posti Pickup point' } } });
    await page.goto('/wms/SHOP/orders/PN-1');
    expect((await page.locator('dt:text-is("Way of delivery") + dd').textContent())!.replace(/\s+/g, ' ').trim()).toBe('Posti Pickup point (7)');
    expect(await source.locator('tbody').textContent()).toContain('Not brought in by an integration');
  });
});
