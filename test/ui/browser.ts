import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

/** Debian's Chromium; CI installs it. Without it the browser suites are skipped, saying why. */
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const noChromiumReason = `browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`;

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });

/** A fresh browser context (its own cookies) at the screenshot size, with relative URLs on the hub. */
export async function newPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(10_000);
  return context.newPage();
}

/** Signs in through the form and waits for the page it leads to. */
export async function signIn(page: Page, email: string, password: string, next = '/'): Promise<void> {
  await page.goto(next);
  await page.waitForURL((url) => url.pathname === '/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await Promise.all([page.waitForURL((url) => url.pathname !== '/login'), page.getByRole('button', { name: 'Sign in' }).click()]);
}

const screenshotDir = path.resolve(import.meta.dirname, '../../docs/screenshots');

/** Saves docs/screenshots/NAME.png, only when WMSYNC_SCREENSHOTS=1, so ordinary runs change no files. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.WMSYNC_SCREENSHOTS !== '1') return;
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
}

/**
 * Presses "Sync now" for a flow on the integration page: the page comes back at once with the run
 * queued, then shows its progress and its outcome without a reload. Returns the outcome's text.
 */
export async function syncNow(page: Page, flow: string): Promise<string> {
  await page.getByRole('button', { name: `Sync now: ${flow}` }).click();
  await page.waitForURL(/\?queued=[\w-]+&since=\d+/);
  const outcome = new RegExp(`Run #\\d+ of ${flow}: (succeeded|partial|failed)`);
  await page.locator('#flash').filter({ hasText: outcome }).waitFor({ timeout: 20_000 });
  return (await page.locator('#flash').textContent())!.trim();
}
