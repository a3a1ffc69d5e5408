import { readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import type { EmbeddedProcess } from '@msp/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.js';
import { apiSignUp, gatewayOf } from './web-api.js';
import { checkPage, newPerson, openContext, signIn, startWebPlatform, totp } from './web-helpers.js';

// The account pages: profile (and the German UI it switches to), email preferences, security (password,
// TOTP enrolment with its QR code and recovery codes, sessions), the MFA sign-in, export and deletion.
describe('the account in headless Chromium', () => {
  let platform: EmbeddedProcess;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const person = newPerson('Account');
  let password = person.password;
  let secret = '';
  let recoveryCodes: string[] = [];
  /** The avatar "another host" serves (the test network reaches no other host). */
  const avatarPng = solidPng(64, [79, 70, 229]);

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startWebPlatform(), launchChromium()]);
    await apiSignUp(platform, person);
    ({ page } = await openContext(browser, consoleErrors));
    await page.context().route('https://example.test/**', (route) => route.fulfill({ contentType: 'image/png', body: avatarPng }));
    await signIn(page, platform, person);
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('speaks German to a browser that asks for it, before anyone signs in', async () => {
    const { page: german, context } = await openContext(browser, consoleErrors, 'de-DE');
    await german.goto(`${platform.webUrl}/signin`);
    await german.getByRole('heading', { name: 'Willkommen zurück' }).waitFor();
    expect(await german.locator('html').getAttribute('lang')).toBe('de');
    await checkPage(german, 'signin-de');
    await context.close();
  });

  it('edits the profile; choosing German switches the whole UI', async () => {
    await page.goto(`${platform.webUrl}/account`);
    await page.getByTestId('me-email').waitFor();
    await checkPage(page, 'account-profile');
    await page.getByLabel('Display name').fill('Ada Lovelace');
    await page.getByLabel('Avatar URL').fill('https://example.test/ada.png');
    await page.getByLabel('Language').selectOption('de');
    await page.getByLabel('Time zone').selectOption('Europe/Berlin');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name: 'Konto' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    expect(await page.getByLabel('Zeitzone').inputValue()).toBe('Europe/Berlin');
    await page.getByRole('link', { name: 'Ada Lovelace' }).waitFor();
    // An avatar on another host shows (CSP img-src https:), and its host is told nothing of the page.
    const avatar = page.locator('img[src="https://example.test/ada.png"]').first();
    await avatar.waitFor();
    expect(await avatar.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(await avatar.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
    await checkPage(page, 'account-profile-de');

    await page.getByLabel('Sprache').selectOption('en');
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await page.getByRole('heading', { name: 'Account' }).waitFor();
  });

  it('turns an email category off', async () => {
    await page.goto(`${platform.webUrl}/account/notifications`);
    const tasks = page.getByRole('checkbox', { name: /^Tasks/ });
    expect(await tasks.isChecked()).toBe(true);
    await tasks.uncheck();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Preferences saved.').waitFor();
    await page.reload();
    expect(await page.getByRole('checkbox', { name: /^Tasks/ }).isChecked()).toBe(false);
    await checkPage(page, 'account-notifications');
  });

  it('changes the password, telling a wrong current one apart', async () => {
    await page.goto(`${platform.webUrl}/account/security`);
    await page.getByLabel('Current password').fill('not-my-password');
    await page.getByLabel('New password').fill(`${password}-2`);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Current password is wrong.').waitFor();

    await page.getByLabel('Current password').fill(password);
    await page.getByLabel('New password').fill(`${password}-2`);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed.').waitFor();
    password = `${password}-2`;
  });

  it('lists the active sessions and signs the others out', async () => {
    const other = await gatewayOf(platform).call('POST', '/api/v1/auth/login', { body: { email: person.email, password } });
    expect(other.status).toBe(200);
    await page.goto(`${platform.webUrl}/account/security`);
    const rows = page.getByRole('table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    await page.getByText('This browser').waitFor();
    await checkPage(page, 'account-security');
    await page.getByRole('button', { name: 'Sign out all other sessions' }).click();
    await page.getByText('All other sessions are signed out.').waitFor();
    await expect.poll(() => rows.count()).toBe(1);
  });

  it('enrols TOTP with a QR code drawn on our server, and shows the recovery codes once', async () => {
    await page.goto(`${platform.webUrl}/account/security`);
    await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
    const qr = page.getByRole('img', { name: 'QR code for your authenticator app' });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    await checkPage(page, 'account-totp');

    await page.getByLabel('6-digit code').fill('000000');
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByText(/code is not valid/).waitFor();
    // The previous 30-second step's code (accepted for clock drift), so the sign-in below can use the current one.
    await page.getByLabel('6-digit code').fill(totp(secret, Date.now() - 30_000));
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByText('Two-factor authentication is on.').waitFor();
    recoveryCodes = (await page.getByTestId('recovery-codes').locator('li').allTextContents()).map((code) => code.trim());
    expect(recoveryCodes.length).toBeGreaterThan(3);
    await page.getByRole('button', { name: 'I saved my codes' }).click();
    await page.getByText('On: signing in needs a code from your authenticator app.').waitFor();
  });

  it('signs in with the second factor: a TOTP code, then a recovery code', async () => {
    for (const code of [() => totp(secret), () => recoveryCodes[0]!]) {
      await page.getByRole('button', { name: 'Sign out', exact: true }).click();
      await page.waitForURL(/\/signin/);
      await page.getByLabel('Email').fill(person.email);
      await page.getByLabel('Password', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByLabel('Authentication code').fill('123456');
      await page.getByRole('button', { name: 'Verify and sign in' }).click();
      await page.getByText(/code is not valid/).waitFor();
      await page.getByLabel('Authentication code').fill(code());
      await page.getByRole('button', { name: 'Verify and sign in' }).click();
      await page.waitForURL(`${platform.webUrl}/projects`);
    }
  });

  it('downloads the data export', async () => {
    await page.goto(`${platform.webUrl}/account/data`);
    await checkPage(page, 'account-data');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download my data' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^msp-export-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = readFileSync((await download.path())!, 'utf8');
    expect(exported).toContain(person.email);
  });

  it('deletes the account after the password is confirmed', async () => {
    await page.getByLabel('Password', { exact: true }).fill('wrong password');
    await page.getByLabel('I understand that this cannot be undone').check();
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.getByText('The password is incorrect.').waitFor();

    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByLabel('I understand that this cannot be undone').check();
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.waitForURL(/\/signin\?reason=account-deleted/);
    await page.getByText('Your account has been deleted.').waitFor();
  });

  it('logged no JavaScript errors in the browser console', () => {
    expect(consoleErrors).toEqual([]);
  });
});

/** A square PNG of one colour (8-bit RGB, no filter), made here so the test needs no image file. */
function solidPng(size: number, [red, green, blue]: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const framed = Buffer.alloc(body.length + 8);
    framed.writeUInt32BE(data.length, 0);
    body.copy(framed, 4);
    framed.writeUInt32BE(crc32(body), body.length + 4);
    return framed;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.from([0, ...Array.from({ length: size }, () => [red, green, blue]).flat()]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: size }, () => row)));
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}
