import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chart } from '../../src/http/ui/charts.js';
import { chartSeries } from '../../src/http/ui/integration-charts.js';
import { hasChromium, launchBrowser, newPage, noChromiumReason, signIn } from './browser.js';
import { ADMIN, startHub } from './hub.js';
import type { RunningHub } from './hub.js';

const NOW = new Date('2026-12-03T12:00:00.000Z');
const hoursAgo = (h: number, from = NOW) => new Date(from.getTime() - h * 3600_000).toISOString();
const zero = { created: 0, updated: 0, unchanged: 0, locked: 0, cancelled: 0, failed: 0, sent: 0 };
const run = (flow: string, startedAt: string, counts: Partial<typeof zero>, extra: { status?: 'succeeded' | 'partial' | 'failed'; apiCalls?: number } = {}) => ({
  runId: 1, integrationId: 1, flow, trigger: 'schedule', status: extra.status ?? 'succeeded', counts: { ...zero, ...counts }, error: null, startedAt, finishedAt: startedAt, pages: 1, apiCalls: extra.apiCalls ?? 0,
});

describe('the overview charts\' series', () => {
  const runs = [
    run('order-import', hoursAgo(23.5), { created: 5, unchanged: 100 }, { apiCalls: 3 }),
    run('order-import', hoursAgo(3.5), { updated: 2, failed: 1 }, { status: 'partial', apiCalls: 2 }),
    run('article-import', hoursAgo(10.5), { created: 7 }, { apiCalls: 4 }),
    run('delivery-report', hoursAgo(0.5), { sent: 1 }, { status: 'failed', apiCalls: 1 }),
    run('order-import', hoursAgo(30), { created: 50 }, { apiCalls: 9 }),
  ];

  it('counts records written (not unchanged), errors (failed records, stopped runs) and calls per hour of the last 24 h', () => {
    const [records, , errors, calls] = chartSeries(runs, ['order-import', 'article-import'], '24h', NOW);
    expect(records!.values).toHaveLength(24);
    expect(records!.values[0]).toBe(5);
    expect(records!.values[13]).toBe(7);
    expect(records!.values[20]).toBe(3);
    expect(records!.values[23]).toBe(1);
    expect(records!.values.reduce((a, b) => a! + b!, 0)).toBe(16);
    expect(errors!.values[20]).toBe(1);
    expect(errors!.values[23]).toBe(1);
    expect(calls!.values.reduce((a, b) => a! + b!, 0)).toBe(10);
  });

  it('draws lag from when every pulling flow has succeeded once: the oldest one counts', () => {
    const lag = chartSeries(runs, ['order-import', 'article-import'], '24h', NOW)[1]!.values;
    // Until article-import first succeeds (10.5 h ago) nothing is known.
    expect(lag.slice(0, 13).every((v) => v === null)).toBe(true);
    // At the end of slot 13 (10 h ago): order-import last succeeded 23.5 h ago.
    expect(lag[13]).toBe(13.5 * 3600);
    // At the end: article-import's 10.5 h is the oldest (order-import ran 3.5 h ago).
    expect(lag[23]).toBe(10.5 * 3600);
  });

  it('draws a line through neighbouring points and a dot for a lone one', async () => {
    const svg = String(await chart({ id: 'lag', title: 'Lag', unit: 's', values: [null, 5, null, 3, 4], from: 'then', to: 'now', kind: 'line', tone: 'accent' }));
    expect(svg.match(/<path d="M[^"]+ L[^"]+"/g)).toHaveLength(1);
    expect(svg.match(/<circle /g)).toHaveLength(1);
    expect(svg).toContain('<desc id="chart-lag-desc">From 3 to 5 s between then and now; now 4.</desc>');
  });

  it('takes 6-hour slots over 7 days, the older run included', () => {
    const [records] = chartSeries(runs, ['order-import'], '7d', NOW);
    expect(records!.values).toHaveLength(28);
    expect(records!.values.reduce((a, b) => a! + b!, 0)).toBe(66);
  });
});

describe.skipIf(!hasChromium)(hasChromium ? 'overview charts in the browser' : noChromiumReason, () => {
  let hub: RunningHub;
  let browser: Browser;
  let page: Page;
  let id: number;

  beforeAll(async () => {
    [hub, browser] = await Promise.all([startHub(), launchBrowser()]);
    await hub.wms.addGoodsOwner({ code: 'ACME', name: 'Acme Oy' });
    id = (await hub.sync.integrations.add({ goodsOwner: 'ACME', system: 'mycashflow', settings: { environment: 'sandbox' } })).id;
    const now = new Date();
    const row = (flow: string, h: number, counts: Partial<typeof zero>, apiCalls: number) => ({
      integration_id: id, flow, trigger: 'schedule', status: 'succeeded', counts: JSON.stringify({ ...zero, ...counts }), error: null, started_at: hoursAgo(h, now), finished_at: hoursAgo(h, now), pages: 1, api_calls: apiCalls,
    });
    await hub.store.db.insertInto('runs').values([row('order-import', 5, { created: 12 }, 4), row('article-import', 2, { updated: 30 }, 6), row('order-import', 50, { created: 400 }, 20)]).execute();
    page = await newPage(browser, hub.url);
    await signIn(page, ADMIN.email, ADMIN.password, `/integrations/${id}`);
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('draws records, lag, errors and API calls of the last 24 h as images with a summary, and 7 days on request', async () => {
    const records = page.getByRole('img', { name: /^Records written per hour/ });
    expect(await records.locator('desc').textContent()).toBe('42 records from 24 h ago to now; at most 30 in one slot.');
    expect(await records.locator('rect').count()).toBe(2);
    expect(await page.getByRole('img', { name: /^API calls per hour/ }).locator('desc').textContent()).toContain('10 calls');
    expect(await page.getByRole('img', { name: /^Errors per hour/ }).locator('desc').textContent()).toBe('0 errors from 24 h ago to now; at most 0 in one slot.');
    expect(await page.getByRole('img', { name: /^Lag/ }).locator('path').count()).toBe(1);

    await page.getByRole('link', { name: 'Last 7 days' }).click();
    expect(await page.getByRole('heading', { name: /Activity · Last 7 days/ }).count()).toBe(1);
    expect(await page.getByRole('img', { name: /^Records written per 6 h/ }).locator('desc').textContent()).toMatch(/^442 records from 7 days ago/);
  });
});
