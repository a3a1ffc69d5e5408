import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { DevInboxClient, type EmbeddedProcess } from '@msp/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotsDir } from './chromium.js';
import { checkPage, openContext, startWebPlatform } from './web-helpers.js';

// The public pages: sign up with field errors from the API, verify from the dev inbox, sign in, the
// session cookies, sign out, and a forgotten password reset through the emailed link.
describe('the web app in headless Chromium against the embedded platform', () => {
  let platform: EmbeddedProcess;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const email = `web-${randomBytes(4).toString('hex')}@example.test`;
  const password = `pw-${randomBytes(8).toString('hex')}`;

  const snap = (name: string) => page.screenshot({ path: join(screenshotsDir, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startWebPlatform(), launchChromium()]);
    ({ page } = await openContext(browser, consoleErrors));
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('sends a signed-out visitor to the sign-in page', async () => {
    await page.goto(platform.webUrl);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/signin');
  });

  it('shows field errors from the API next to the fields', async () => {
    await page.goto(`${platform.webUrl}/signup`);
    await page.getByLabel('Display name').fill('Web Tester');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.getByText(/8/).count()).toBeGreaterThan(0);
    await checkPage(page, 'signup-error');
  });

  it('signs up, verifies through the emailed link and signs in', async () => {
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(/\/check-email/);
    await checkPage(page, 'check-email');

    const mail = await new DevInboxClient(platform.inboxUrl).waitForMessageTo(email);
    const link = `${mail.Text}`.match(/https?:\/\/\S+verify-email\?token=\S+/)?.[0];
    expect(link).toBeDefined();
    await page.goto(link!);
    await expect.poll(() => page.getByRole('heading', { name: 'Email verified' }).count()).toBe(1);
    await snap('email-verified');

    await page.goto(`${platform.webUrl}/signin`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await checkPage(page, 'signin');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${platform.webUrl}/projects`);
    await page.goto(`${platform.webUrl}/account`);
    await expect.poll(() => page.getByTestId('me-email').textContent()).toBe(email);
  });

  it('keeps the session in httpOnly cookies the page script cannot read', async () => {
    const cookies = await page.context().cookies();
    const session = cookies.filter((cookie) => cookie.name.startsWith('msp_'));
    expect(session.length).toBeGreaterThan(0);
    expect(session.every((cookie) => cookie.httpOnly)).toBe(true);
    expect(await page.evaluate(() => document.cookie)).not.toContain('msp_');
  });

  it('signs out', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin/);
    await page.goto(platform.webUrl);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/signin');
  });

  it('resets a forgotten password through the emailed link', async () => {
    await page.goto(`${platform.webUrl}/signin`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.waitForURL(/\/forgot-password/);
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await expect.poll(() => page.getByText(/If an account exists/).count()).toBeGreaterThan(0);
    await checkPage(page, 'forgot-password');

    const inbox = new DevInboxClient(platform.inboxUrl);
    let link: string | undefined;
    await expect
      .poll(
        async () => {
          for (const summary of await inbox.messagesTo(email)) {
            const message = await inbox.message(summary.ID);
            link = message.Text.match(/https?:\/\/\S+reset-password\?token=\S+/)?.[0];
            if (link) return true;
          }
          return false;
        },
        { timeout: 20_000, interval: 250 },
      )
      .toBe(true);
    await page.goto(link!);
    const newPassword = `${password}-renewed`;
    await page.getByLabel('New password').fill(newPassword);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await expect.poll(() => page.getByText('Password changed').count()).toBeGreaterThan(0);

    await page.goto(`${platform.webUrl}/signin`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(newPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${platform.webUrl}/projects`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin/);
  });

  it('shows the phone layout', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${platform.webUrl}/signup`);
    await snap('signup-phone');
  });

  it('logged no JavaScript errors in the browser console', () => {
    expect(consoleErrors).toEqual([]);
  });
});
