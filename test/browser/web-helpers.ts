import { createHmac, randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { DevInboxClient, startEmbeddedProcess, type EmbeddedProcess } from '@msp/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshotsDir } from './chromium.js';

// Helpers the web-*.browser-spec.ts files share: the platform they run against, people, the mail they
// receive, and the checks every main page gets (accessibility, screenshots at two widths, console).

/** The embedded platform's bootstrap administrator (PLATFORM_ADMIN_EMAIL/PASSWORD, see apps/embedded). */
export const ADMIN = { email: 'web-admin@example.test', password: 'web-admin-password-1', displayName: 'Platform Admin' };

/** One browser, several people signing in from one address: the gateway's login throttling must not bite. */
const generousRateLimits = {
  RATE_LIMIT_GLOBAL_PER_MINUTE: '100000',
  RATE_LIMIT_LOGIN_PER_MINUTE: '1000',
  RATE_LIMIT_SENSITIVE_PER_MINUTE: '1000',
  RATE_LIMIT_AUTH_PER_MINUTE: '1000',
};

/** The embedded platform with the web app, on a data directory of its own that `stop()` removes. */
export async function startWebPlatform(): Promise<EmbeddedProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'msp-web-'));
  const platform = await startEmbeddedProcess({
    dataDir,
    web: true,
    env: { ...generousRateLimits, PLATFORM_ADMIN_EMAIL: ADMIN.email, PLATFORM_ADMIN_PASSWORD: ADMIN.password },
  }).catch((error: unknown) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  const stop = platform.stop;
  platform.stop = () => stop().finally(() => rmSync(dataDir, { recursive: true, force: true }));
  return platform;
}

export interface Person {
  readonly email: string;
  readonly password: string;
  readonly displayName: string;
}

export function newPerson(name: string): Person {
  const tag = randomBytes(4).toString('hex');
  return {
    email: `${name.toLowerCase()}-${tag}@example.test`,
    password: `pw-${randomBytes(8).toString('hex')}`,
    displayName: `${name} ${tag}`,
  };
}

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** A fresh browser context (own cookies) whose console errors are collected into `consoleErrors`. */
export async function openContext(
  browser: Browser,
  consoleErrors: string[] = [],
  locale = 'en-US',
): Promise<{ context: BrowserContext; page: Page; consoleErrors: string[] }> {
  const context = await browser.newContext({ viewport: DESKTOP, locale });
  // Fail a step in seconds rather than at the test's timeout, so a broken step says where it broke.
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
  // The browser logs a failed load without its URL; this says which one it was.
  page.on('response', (response) => {
    if (response.status() >= 400) consoleErrors.push(`${page.url()}: ${response.status()} for ${response.url()}`);
  });
  return { context, page, consoleErrors };
}

/** Waits for the first link in an email to `email` whose URL contains `path`, and returns it. */
export async function linkFromInbox(inboxUrl: string, email: string, path: string, timeoutMs = 20_000): Promise<string> {
  const inbox = new DevInboxClient(inboxUrl);
  const pattern = new RegExp(`https?://[^\\s"'<>]+${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}[^\\s"'<>]*`);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const summary of await inbox.messagesTo(email)) {
      const message = await inbox.message(summary.ID);
      const found = `${message.Text}\n${message.HTML}`.replaceAll('&amp;', '&').match(pattern)?.[0];
      if (found) return found;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no email to ${email} with a ${path} link within ${timeoutMs} ms`);
}

/** Waits for an email to `email` whose subject matches. */
export async function waitForMail(inboxUrl: string, email: string, subject: RegExp, timeoutMs = 20_000): Promise<string> {
  const inbox = new DevInboxClient(inboxUrl);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = (await inbox.messagesTo(email)).find((message) => subject.test(message.Subject));
    if (match) return match.Subject;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no email to ${email} matching ${subject} within ${timeoutMs} ms`);
}

/** Whether the gateway serves the billing endpoints of API.md yet (they are being added). */
export async function billingAvailable(platform: EmbeddedProcess): Promise<boolean> {
  const document = (await (await fetch(`${platform.gatewayUrl}/api/openapi.json`)).json()) as { paths?: Record<string, unknown> };
  return Boolean(document.paths?.['/api/v1/plans'] && document.paths['/api/v1/projects/{projectId}/checkout']);
}

/** Signs up through the form and confirms the address with the emailed link. */
export async function signUpAndVerify(
  page: Page,
  platform: EmbeddedProcess,
  person: Person,
  startUrl = `${platform.webUrl}/signup`,
): Promise<void> {
  await page.goto(startUrl);
  await page.getByLabel('Display name').fill(person.displayName);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(/\/check-email/);
  await page.goto(await linkFromInbox(platform.inboxUrl, person.email, '/verify-email'));
  await page.getByRole('heading', { name: 'Email verified' }).waitFor();
}

export async function signIn(
  page: Page,
  platform: EmbeddedProcess,
  person: Pick<Person, 'email' | 'password'>,
  next?: string,
): Promise<void> {
  await page.goto(`${platform.webUrl}/signin${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}

/** axe-core on the page as it is: no serious or critical violation (WCAG 2.x A and AA rules). */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  const report = bad.map(
    (violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
  expect(report, `accessibility of ${name}`).toEqual([]);
}

/** Screenshots of the page at desktop and phone width (artifacts/screenshots, shown in apps/web/README.md). */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotsDir, { recursive: true });
  const viewport = page.viewportSize() ?? DESKTOP;
  // From the top: a sticky header would otherwise be photographed where the page was scrolled to.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.setViewportSize(DESKTOP);
  await page.screenshot({ path: join(screenshotsDir, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize(PHONE);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(screenshotsDir, `${name}-phone.png`), fullPage: true });
  await page.setViewportSize(viewport);
}

/** At phone width nothing may stick out sideways: the page itself never scrolls horizontally. */
export async function expectNoHorizontalOverflow(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize() ?? DESKTOP;
  await page.setViewportSize(PHONE);
  const wide = await page.evaluate(() => {
    const edge = window.innerWidth + 1;
    if (Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) <= window.innerWidth) return [];
    // What reaches past the right edge without a scrolling (or clipping) box of its own around it.
    const contained = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== 'visible' && parent.getBoundingClientRect().right <= edge) return true;
      }
      return false;
    };
    return [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > edge && !contained(element))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${String(element.className)}`);
  });
  await page.setViewportSize(viewport);
  expect(wide, `elements wider than a phone on ${name}`).toEqual([]);
}

/** A main page's checks: accessible, fits a phone, and photographed at both widths. */
export async function checkPage(page: Page, name: string): Promise<void> {
  // Next.js streams the metadata of a dynamic page: wait for the title before judging the document.
  await page.waitForFunction(() => document.title !== '');
  await expectAccessible(page, name);
  await expectNoHorizontalOverflow(page, name);
  await screenshots(page, name);
}

/** RFC 6238 TOTP (SHA-1, 30 s, 6 digits) of a base32 secret, as authenticator apps compute it. */
export function totp(secret: string, at = Date.now()): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of secret.replace(/=+$/, '').toUpperCase()) bits += alphabet.indexOf(char).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g)!.map((byte) => parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const hmac = createHmac('sha1', key).update(counter).digest();
  const offset = hmac[hmac.length - 1]! & 0xf;
  const code = (hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return code.toString().padStart(6, '0');
}

/**
 * What a fresh browser (empty cache, the cookies of `from`) loads to show a page: every script it
 * fetches, gzip-compressed and summed (kB), and the page's cumulative layout shift while it loads.
 */
export async function firstLoad(
  browser: Browser,
  url: string,
  from?: BrowserContext,
): Promise<{ javaScriptKb: number; layoutShift: number }> {
  const context = await browser.newContext({ viewport: DESKTOP, ...(from && { storageState: await from.storageState() }) });
  const page = await context.newPage();
  const bodies: Array<Promise<Buffer>> = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') bodies.push(response.body());
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  const layoutShift = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) total += (entry as PerformanceEntry & { value: number }).value;
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(total), 250);
      }),
  );
  const bytes = (await Promise.all(bodies)).reduce((sum, body) => sum + gzipSync(body).length, 0);
  await context.close();
  return { javaScriptKb: Math.round(bytes / 102.4) / 10, layoutShift: Math.round(layoutShift * 1000) / 1000 };
}

/** Numbers a run measured (first-load JavaScript), next to the screenshots. */
export function recordMeasure(name: string, value: unknown): void {
  mkdirSync(screenshotsDir, { recursive: true });
  writeFileSync(join(screenshotsDir, `${name}.json`), `${JSON.stringify(value, null, 2)}\n`);
}
