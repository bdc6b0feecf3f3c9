import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, newPage, noChromiumReason, signIn } from './browser.js';
import { ADMIN, startHub } from './hub.js';
import type { RunningHub } from './hub.js';

/**
 * Health that means what it says (a new integration waits for its first run; a report that is
 * not sent yet after a failed attempt is failing), and "Sync now" that comes back at once and
 * shows the running sync's progress as it goes.
 */
describe.skipIf(!hasChromium)(hasChromium ? 'health and sync progress in the browser' : noChromiumReason, () => {
  let hub: RunningHub;
  let browser: Browser;
  let page: Page;
  let id: number;

  const settings = (body: unknown) => hub.sandboxControl(id, '/settings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    [hub, browser] = await Promise.all([startHub(), launchBrowser()]);
    await hub.wms.addGoodsOwner({ code: 'ACME', name: 'Acme Oy' });
    // Small pages, so that an article import takes many of them.
    id = (await hub.sync.integrations.add({ goodsOwner: 'ACME', system: 'mycashflow', name: 'Acme shop', settings: { environment: 'sandbox', pageSize: '10' } })).id;
    page = await newPage(browser, hub.url);
    await signIn(page, ADMIN.email, ADMIN.password);
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('shows a new integration as waiting for its first run, with no lag', async () => {
    const row = page.locator('#integrations tbody tr', { hasText: 'Acme shop' });
    expect(await row.locator('.badge').first().textContent()).toBe('Waiting for first run');
    expect(await row.textContent()).not.toContain('Lagging');
    await page.goto(`/integrations/${id}`);
    expect((await page.locator('#health').textContent())!.replace(/\s+/g, ' ')).toMatch(/^ ?Waiting for first run Pause ?$/);
  });

  it('"Sync now" answers at once, then shows records and pages so far over the event stream, then the outcome', async () => {
    await settings({ latencyMs: 250 });
    const started = Date.now();
    await page.getByRole('button', { name: 'Sync now: article-import' }).click();
    await page.waitForURL(/\?queued=article-import&since=0/);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await page.locator('#flash').textContent()).toMatch(/Queued: article-import starts in a moment|is running/);

    const progress = page.locator('#flash .progress-text');
    await progress.waitFor({ timeout: 10_000 });
    expect(await page.locator('#flash progress').getAttribute('aria-label')).toMatch(/^Run #\d+ of article-import in progress$/);
    const pagesOf = async () => Number(/(\d+) pages?$/.exec((await progress.textContent()) ?? '')?.[1] ?? 0);
    await expect.poll(pagesOf, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    expect(await progress.textContent()).toMatch(/^\d+ records so far · \d+ pages$/);
    // The functions table shows the same bar for the running flow, and its button waits.
    expect(await page.locator('#flows [data-progress-run]').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Sync now: article-import' }).isDisabled()).toBe(true);

    await settings({ latencyMs: 0 });
    await page.locator('#flash').filter({ hasText: /Run #\d+ of article-import: succeeded, created \d+/ }).waitFor({ timeout: 30_000 });
    const [run] = await hub.sync.runs.list({ integrationId: id, flow: 'article-import' });
    expect(run!.pages).toBeGreaterThan(2);
    expect(run!.apiCalls).toBeGreaterThanOrEqual(run!.pages);
    expect(await page.locator('#flows [data-progress-run]').count()).toBe(0);
  });

  it('calls a report failing while it waits after a failed attempt, retried but not yet sent', async () => {
    await hub.sync.engine.runFlow(id, 'order-import', { trigger: 'manual' });
    await page.goto(`/integrations/${id}`);
    expect(await page.locator('#health').textContent()).toContain('Healthy');
    const now = new Date().toISOString();
    const report = { integration_id: id, flow: 'delivery-report', subject: 'SO-1', external_id: '1', payload: '{}', attempts: 1, created_at: now, sent_at: null };
    // Retried by hand: back to pending, the last attempt's error kept until it is sent.
    await hub.store.db.insertInto('outbox').values({ ...report, event_id: 9001, status: 'pending', next_attempt_at: new Date(Date.now() + 3600_000).toISOString(), last_error: 'connect ECONNREFUSED 127.0.0.1:8080' }).execute();
    // Waiting for its first attempt: not a failure.
    await hub.store.db.insertInto('outbox').values({ ...report, event_id: 9002, subject: 'SO-2', attempts: 0, status: 'pending', next_attempt_at: now, last_error: null }).execute();

    await page.reload();
    expect(await page.locator('#health').textContent()).toContain('Failing');
    expect(await page.locator('#errors-summary').textContent()).toContain('1 record or report waits');
    await page.getByRole('link', { name: /^Errors/ }).click();
    const unsent = page.getByRole('region', { name: 'Reports not sent yet' });
    expect(await unsent.locator('tbody tr').count()).toBe(1);
    expect(await unsent.textContent()).toContain('ECONNREFUSED');
    await page.goto('/');
    expect(await page.locator('#integrations tbody tr', { hasText: 'Acme shop' }).locator('.badge').first().textContent()).toBe('Failing');
  });
});
