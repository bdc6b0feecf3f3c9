import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, newPage, noChromiumReason, screenshot, signIn } from './browser.js';
import { ADMIN, startHub } from './hub.js';
import type { RunningHub } from './hub.js';

/**
 * Users, goods owners and the audit log managed in the browser by an administrator: add a goods
 * owner and rename it, add a goods-owner user, change its access, reset its password, revoke its
 * sessions and tokens (refused at once), and see each change in the audit log, which the
 * goods-owner user sees only for its own goods owner.
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The serious and critical accessibility violations axe-core finds on the page (WCAG A and AA). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  // A string, run in the page: the test files are type-checked without the DOM library.
  const result = await page.evaluate("axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] })");
  return ((result as { violations: unknown[] }).violations as { id: string; impact: string; nodes: { target: string[] }[] }[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe.skipIf(!hasChromium)(hasChromium ? 'administration pages in the browser' : noChromiumReason, () => {
  let hub: RunningHub;
  let browser: Browser;
  let admin: Page;
  const anna = { email: 'anna@acme.example', password: 'first-password-1' };

  const notice = (page: Page) => page.getByRole('status').filter({ hasText: /\S/ }).first();
  const api = (token: string, path: string) => fetch(`${hub.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    [hub, browser] = await Promise.all([startHub(), launchBrowser()]);
    await hub.wms.addGoodsOwner({ code: 'BETA', name: 'Beta AB' });
    admin = await newPage(browser, hub.url);
    await signIn(admin, ADMIN.email, ADMIN.password);
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('adds a goods owner and renames it', async () => {
    await admin.getByRole('link', { name: 'Administration' }).click();
    await admin.getByRole('link', { name: 'Goods owners' }).click();
    await admin.getByLabel(/^Code/).fill('ACME');
    await admin.getByLabel('Company name').fill('Acme Oy');
    await admin.getByRole('button', { name: 'Add goods owner' }).click();
    await expect.poll(() => notice(admin).textContent()).toContain('Goods owner ACME added');
    await admin.getByLabel('Name of ACME', { exact: true }).fill('Acme Group Oy');
    await admin.getByRole('button', { name: 'Save the name of ACME' }).click();
    await expect.poll(() => notice(admin).textContent()).toContain('Name of ACME saved');
    expect((await hub.wms.getGoodsOwner('ACME')).name).toBe('Acme Group Oy');
    // A refused name is said on the page, and nothing changes.
    await admin.getByLabel('Name of BETA', { exact: true }).fill('   ');
    await admin.getByLabel('Name of BETA', { exact: true }).evaluate((input) => input.removeAttribute('required'));
    await admin.getByRole('button', { name: 'Save the name of BETA' }).click();
    await expect.poll(() => admin.getByRole('alert').textContent()).toContain('name');
    expect((await hub.wms.getGoodsOwner('BETA')).name).toBe('Beta AB');
    await screenshot(admin, 'goods-owners');
    expect(await seriousViolations(admin)).toEqual([]);
  });

  it('adds a goods-owner user, changes its access and resets its password', async () => {
    await admin.getByRole('link', { name: 'Users' }).click();
    await admin.getByLabel('E-mail').fill(anna.email);
    await admin.getByLabel(/^First password/).fill(anna.password);
    await admin.getByLabel('Role').selectOption('goods-owner');
    await admin.getByLabel(/^Goods owner/).selectOption('BETA');
    await admin.getByRole('button', { name: 'Add user' }).click();
    await expect.poll(() => notice(admin).textContent()).toContain(`User ${anna.email} added`);
    await admin.getByRole('link', { name: anna.email }).click();
    await admin.getByLabel(/^Goods owner/).selectOption('ACME');
    await admin.getByRole('button', { name: 'Save access' }).click();
    await expect.poll(() => notice(admin).textContent()).toContain('Access saved');
    expect((await hub.users.list()).find((u) => u.email === anna.email)?.goodsOwner).toBe('ACME');

    const annaPage = await newPage(browser, hub.url);
    await signIn(annaPage, anna.email, anna.password, '/wms');
    await admin.reload();
    expect(await admin.getByRole('region', { name: 'Sessions and API tokens' }).textContent()).toContain('Browser session');
    await admin.getByLabel(/^New password/).fill('second-password-2');
    await admin.getByRole('button', { name: 'Reset password' }).click();
    await expect.poll(() => notice(admin).textContent()).toContain('Password reset');
    // Her browser was signed out: the next page asks her to sign in.
    await annaPage.goto('/wms/ACME/orders');
    expect(new URL(annaPage.url()).pathname).toBe('/login');
    await signIn(annaPage, anna.email, 'second-password-2', '/wms/ACME/orders');
    await annaPage.close();
  });

  it('revokes one API token, then every session and token, each refused at once', async () => {
    const first = await hub.users.createToken(anna.email, 30);
    const second = await hub.users.createToken(anna.email, 30);
    expect((await api(first.token, '/api/v1/goods-owners')).status).toBe(200);
    await admin.reload();
    await admin.getByRole('button', { name: `Revoke token ${first.id}` }).click();
    await expect.poll(() => notice(admin).textContent()).toContain(`Revoked ${first.id}`);
    expect((await api(first.token, '/api/v1/goods-owners')).status).toBe(401);
    expect((await api(second.token, '/api/v1/goods-owners')).status).toBe(200);
    await screenshot(admin, 'user-sessions');
    expect(await seriousViolations(admin)).toEqual([]);
    await admin.getByRole('button', { name: 'Revoke all sessions and tokens' }).click();
    await expect.poll(() => notice(admin).textContent()).toContain('Every session and token revoked');
    expect((await api(second.token, '/api/v1/goods-owners')).status).toBe(401);
    expect(await admin.getByRole('region', { name: 'Sessions and API tokens' }).textContent()).toContain('No sessions or tokens');
  });

  it('shows every change in the audit log, and a goods-owner user only its own', async () => {
    await admin.getByRole('link', { name: 'Audit log' }).click();
    const log = admin.getByRole('region', { name: 'Changes' });
    const text = await log.textContent();
    for (const line of ['goods owner ACME', 'renamed', `user ${anna.email}`, 'all sessions and tokens revoked', 'session revoked', 'password: reset']) expect(text).toContain(line);
    expect(text).not.toContain('second-password-2');
    await admin.getByLabel('Kind').selectOption('goods owner');
    await admin.getByRole('button', { name: 'Show' }).click();
    await expect.poll(async () => (await log.textContent())?.includes(`user ${anna.email}`)).toBe(false);
    await screenshot(admin, 'audit-log');
    expect(await seriousViolations(admin)).toEqual([]);
    await admin.goto('/admin/users');
    expect(await seriousViolations(admin)).toEqual([]);

    const annaPage = await newPage(browser, hub.url);
    await signIn(annaPage, anna.email, 'second-password-2', '/audit-log');
    const own = await annaPage.getByRole('region', { name: 'Changes' }).textContent();
    expect(own).toContain('goods owner ACME');
    expect(own).not.toContain('BETA');
    expect(own, 'access changes are for administrators').not.toContain(`user ${anna.email}`);
    expect(await annaPage.getByRole('link', { name: 'Users' }).count()).toBe(0);
    await annaPage.goto('/admin/users');
    expect(await annaPage.getByRole('heading', { level: 1 }).textContent()).toBe('Not allowed');
    await annaPage.close();
  });
});
