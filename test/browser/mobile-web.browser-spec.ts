import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  DevInboxClient,
  startEmbeddedProcess,
  TestGatewayClient,
  type EmbeddedProcess,
  serveStaticSite,
  type StaticSite,
} from '@msp/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// A new helper of packages/testing; imported from its source until the package index exports it.
import { newProject } from '../project-helpers.js';
import { launchChromium, screenshotsDir } from './chromium.js';

const mobileApp = join(import.meta.dirname, '../../apps/mobile');

/**
 * The mobile app's web export (apps/mobile/dist/web) in headless Chromium, on a phone-sized viewport,
 * against the platform in embedded mode. The export knows no gateway port at build time, so the test
 * sets the gateway in the app's own settings screen, as a tester would on a device.
 */
describe('the mobile app (web export) in headless Chromium against the embedded platform', () => {
  let platform: EmbeddedProcess;
  let site: StaticSite;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let gateway: TestGatewayClient;
  let owner: { accessToken: string };
  let project: { id: string; key: string; name: string };
  const taskIds: string[] = [];
  const pageErrors: string[] = [];
  const person = {
    email: `mobile-${randomBytes(4).toString('hex')}@example.test`,
    password: `pw-${randomBytes(8).toString('hex')}`,
    displayName: 'Mobile Tester',
  };

  const snap = async (name: string) => {
    // The app animates in JavaScript (screen transitions, the tab badge), which the screenshot's own
    // animation switch cannot stop: give them a moment to finish.
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(screenshotsDir, `mobile-${name}.png`) });
  };
  const button = (name: string | RegExp) => page.getByRole('button', { name, exact: typeof name === 'string' });
  // The tab bar's buttons, whatever role the web build gives them.
  const tab = (name: string | RegExp) =>
    page
      .getByRole('tab', { name, exact: typeof name === 'string' })
      .or(button(name))
      .first();

  beforeAll(async () => {
    mkdirSync(screenshotsDir, { recursive: true });
    // Exports only when the app changed since the last export (a no-op in CI after the build step).
    execFileSync(process.execPath, ['scripts/export-web.mjs'], { cwd: mobileApp, stdio: 'inherit' });
    site = await serveStaticSite(join(mobileApp, 'dist/web'));
    // The exported app calls the gateway from another origin: the gateway must allow it (CORS).
    platform = await startEmbeddedProcess({ env: { CORS_ORIGINS: site.url } });
    gateway = new TestGatewayClient(platform.gatewayUrl);
    owner = await gateway.signUp(new DevInboxClient(platform.inboxUrl), person);
    project = await newProject(gateway, owner.accessToken, 'Mobile launch');
    for (const title of ['Write the store listing', 'Record the demo video']) {
      const created = await gateway.call('POST', `/api/v1/projects/${project.id}/tasks`, { token: owner.accessToken, body: { title } });
      expect(created.status).toBe(201);
      taskIds.push(created.body.id);
    }
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'en-US' });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    await site?.close();
  });

  it('is pointed at the gateway in its settings screen', async () => {
    await page.goto(site.url);
    await page.waitForURL(/\/sign-in$/);
    await page.getByRole('link', { name: 'Server and app settings' }).click();
    await page.getByLabel('Gateway URL').fill(platform.gatewayUrl);
    await button('Use this server').click();
    await expect.poll(() => page.getByText(`Now using ${platform.gatewayUrl}.`).count()).toBe(1);
    await snap('settings');
  });

  it('signs in', async () => {
    // The setting is kept on the device (localStorage on the web), so it survives this reload.
    await page.goto(`${site.url}/sign-in`);
    await page.getByLabel('Email', { exact: true }).fill(person.email);
    await page.getByLabel('Password', { exact: true }).fill(person.password);
    await snap('sign-in');
    await button('Sign in').click();
    await expect.poll(() => button(`Open project ${project.name} (${project.key})`).count(), { timeout: 20_000 }).toBe(1);
    await snap('projects');
  });

  it('opens the project and changes a task status; the API shows the change', async () => {
    await button(`Open project ${project.name} (${project.key})`).click();
    const first = `${project.key}-1`;
    await expect.poll(() => button(`Change status of ${first}, now To do`).count(), { timeout: 20_000 }).toBe(1);
    await snap('project-tasks');

    await button(`Change status of ${first}, now To do`).click();
    await button(`Set ${first} to In progress`).click();
    await expect.poll(() => button(`Change status of ${first}, now In progress`).count()).toBe(1);
    await snap('task-status-changed');

    const task = await gateway.call('GET', `/api/v1/projects/${project.id}/tasks/${taskIds[0]}`, { token: owner.accessToken });
    expect(task.status).toBe(200);
    expect(task.body).toMatchObject({ key: first, status: 'in_progress', version: 2 });
  });

  it('shows a task with its activity', async () => {
    const first = `${project.key}-1`;
    await button(new RegExp(`^Open ${first}:`)).click();
    await expect.poll(() => page.getByText(/moved it from To do to In progress/).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await snap('task-detail');
    await page.goBack();
  });

  it('refuses a change while offline and says why', async () => {
    const second = `${project.key}-2`;
    // Screens further down the stack stay mounted (hidden): count only what is on screen.
    const visibleText = (text: RegExp) => page.getByText(text).filter({ visible: true }).count();
    await expect.poll(() => button(`Change status of ${second}, now To do`).count(), { timeout: 20_000 }).toBe(1);
    await context.setOffline(true);
    try {
      await expect.poll(() => visibleText(/^Offline — showing what was saved/)).toBe(1);
      await button(`Change status of ${second}, now To do`).click();
      await button(`Set ${second} to Done`).click();
      await expect.poll(() => visibleText(/You are offline, so this was not saved/)).toBe(1);
      await snap('offline');
    } finally {
      await context.setOffline(false);
    }
    const task = await gateway.call('GET', `/api/v1/projects/${project.id}/tasks/${taskIds[1]}`, { token: owner.accessToken });
    expect(task.body.status).toBe('todo');
  });

  it('shows the notifications, the account and, in dark mode, the board', async () => {
    await page.goto(`${site.url}/sign-in`);
    // A reload ends a web session (tokens live in memory only): sign in again.
    await page.getByLabel('Email', { exact: true }).fill(person.email);
    await page.getByLabel('Password', { exact: true }).fill(person.password);
    await button('Sign in').click();
    await tab(/^Notifications/).click();
    await expect.poll(() => page.getByTestId('notifications-list').count(), { timeout: 20_000 }).toBe(1);
    await snap('notifications');
    // Sign-ins notify the account, so there are unread ones; opening one marks it read on the server.
    const unreadBefore = (await gateway.call('GET', '/api/v1/notifications', { token: owner.accessToken })).body.unreadCount as number;
    expect(unreadBefore).toBeGreaterThan(0);
    await button(/^Unread notification:/)
      .first()
      .click();
    await expect
      .poll(async () => (await gateway.call('GET', '/api/v1/notifications', { token: owner.accessToken })).body.unreadCount)
      .toBe(unreadBefore - 1);

    await tab('Account').click();
    await expect.poll(() => page.getByText(person.email).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await snap('account');

    await button('Settings').click();
    await button('Theme: Dark').click();
    await page.goBack();
    await tab('Projects').click();
    await button(`Open project ${project.name} (${project.key})`).click();
    await expect.poll(() => button(`Change status of ${project.key}-1, now In progress`).count(), { timeout: 20_000 }).toBe(1);
    await snap('project-tasks-dark');
  });

  it('threw no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
