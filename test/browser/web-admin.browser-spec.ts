import type { EmbeddedProcess } from '@msp/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { launchChromium } from './chromium.js';
import { apiCreateProject, apiSignUp, gatewayOf, type ApiUser } from './web-api.js';
import { ADMIN, billingAvailable, checkPage, newPerson, openContext, signIn, startWebPlatform } from './web-helpers.js';

// The admin console: only for platform admins (the Next server refuses everyone else, as does the API),
// users with search, filters, roles and forced sign-out, every project with search, filters and its
// owner, payments with refunds, the email log with resend, dead letters and the health of every service.
describe('the admin console in headless Chromium', () => {
  let platform: EmbeddedProcess;
  let browser: Browser;
  let admin: Page;
  const consoleErrors: string[] = [];
  const customer = newPerson('Customer');
  let customerApi: ApiUser;
  const project = { name: 'Apollo Admin View', key: 'ADMAPO' };

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startWebPlatform(), launchChromium()]);
    customerApi = await apiSignUp(platform, customer);
    await apiCreateProject(platform, customerApi, project);
    ({ page: admin } = await openContext(browser, consoleErrors));
    await signIn(admin, platform, ADMIN);
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('is not there for customers: the server answers "not found"', async () => {
    const { page, context } = await openContext(browser);
    await signIn(page, platform, customer);
    expect(await page.getByRole('link', { name: 'Admin', exact: true }).count()).toBe(0);
    const response = await page.goto(`${platform.webUrl}/admin/users`);
    expect(response?.status()).toBe(404);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect((await page.goto(`${platform.webUrl}/admin/projects`))?.status()).toBe(404);
    await context.close();
  });

  it('finds users by search and filters, and opens one', async () => {
    await admin.getByRole('link', { name: 'Admin', exact: true }).click();
    await admin.waitForURL(/\/admin\/users/);
    await admin.getByRole('link', { name: customer.displayName }).waitFor();
    await checkPage(admin, 'admin-users');

    await admin.getByLabel('Search').fill(customer.email);
    await admin.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => admin.locator('tbody tr').count()).toBe(1);
    await admin.getByLabel('Role').selectOption('admin');
    await admin.getByRole('button', { name: 'Filter' }).click();
    await admin.getByText('No users match these filters.').waitFor();
    await admin.getByRole('link', { name: 'Clear' }).click();
    await admin.waitForURL(/\/admin\/users$/);

    await admin.getByRole('link', { name: customer.displayName }).click();
    await admin.getByRole('heading', { name: customer.displayName }).waitFor();
  });

  it('finds projects by search and plan, and opens one with its owner and counts', async () => {
    await admin.goto(`${platform.webUrl}/admin/projects`);
    await admin.getByRole('link', { name: project.name }).waitFor();
    await checkPage(admin, 'admin-projects');

    await admin.getByLabel('Search').fill(project.key.toLowerCase());
    await admin.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => admin.locator('tbody tr').count()).toBe(1);
    await admin.getByLabel('Plan').selectOption('business');
    await admin.getByRole('button', { name: 'Filter' }).click();
    await admin.getByText('No projects match these filters.').waitFor();
    await admin.getByRole('link', { name: 'Clear' }).click();
    await admin.waitForURL(/\/admin\/projects$/);

    await admin.getByRole('link', { name: project.name }).click();
    await admin.getByRole('heading', { name: project.name }).waitFor();
    const details = admin.locator('dl');
    expect(await details.innerText()).toMatch(/Members\s+1\s+Tasks\s+0/);
    await checkPage(admin, 'admin-project');
    await details.getByRole('link', { name: customer.displayName }).click();
    await admin.getByRole('heading', { name: customer.displayName }).waitFor();
  });

  it('grants and takes back the admin role, and signs the user out everywhere', async () => {
    await admin.getByRole('checkbox', { name: 'Administrator' }).check();
    await admin.getByRole('button', { name: 'Save roles' }).click();
    await admin.getByText('Roles saved.').waitFor();
    await admin.getByRole('checkbox', { name: 'Administrator' }).uncheck();
    await admin.getByRole('button', { name: 'Save roles' }).click();
    await admin.getByText('Roles saved.').waitFor();

    await admin.getByRole('button', { name: 'Sign out everywhere' }).click();
    await admin.getByText('Every session of this user has ended.').waitFor();
    const me = await gatewayOf(platform).call('GET', '/api/v1/me', { token: customerApi.accessToken });
    expect(me.status).toBe(401);
  });

  it('shows the email delivery log and resends an email', async () => {
    await admin.goto(`${platform.webUrl}/admin/emails`);
    const row = admin.getByRole('row', { name: new RegExp(customer.email) }).first();
    await row.waitFor();
    await checkPage(admin, 'admin-emails');
    await row.getByRole('button', { name: /^Resend/ }).click();
    await admin.getByText('The email is queued again.').waitFor();
  });

  it('shows the dead letters', async () => {
    await admin.goto(`${platform.webUrl}/admin/dead-letters`);
    await admin
      .getByText(/No dead letters|Re-drive/)
      .first()
      .waitFor();
    await checkPage(admin, 'admin-dead-letters');
  });

  it('shows every service ready', async () => {
    await admin.goto(`${platform.webUrl}/admin/health`);
    const services = admin.getByTestId('health').getByRole('listitem');
    await expect.poll(() => services.count()).toBe(6);
    expect(await services.filter({ hasText: 'Down' }).count()).toBe(0);
    await checkPage(admin, 'admin-health');
  });

  it('refunds part of a payment', async (context: TestContext) => {
    if (!(await billingAvailable(platform))) return context.skip('the gateway does not serve the billing endpoints (API.md "Billing") yet');
    const gateway = gatewayOf(platform);
    const { accessToken } = (
      await gateway.call('POST', '/api/v1/auth/login', { body: { email: customer.email, password: customer.password } })
    ).body as { accessToken: string };
    const project = await apiCreateProject(platform, { ...customerApi, accessToken }, { name: 'Paying', key: 'PAY' });
    const checkout = await gateway.call('POST', `/api/v1/projects/${project.id}/checkout`, {
      token: accessToken,
      body: { planId: 'pro' },
      headers: { 'idempotency-key': `web-admin-${Date.now()}` },
    });
    expect(checkout.status).toBe(201);
    const confirmed = await gateway.call('POST', `/api/v1/payments/${checkout.body.paymentId}/confirm`, {
      token: accessToken,
      body: { paymentMethod: 'pm_card_visa' },
    });
    expect(confirmed.status).toBe(200);

    await admin.goto(`${platform.webUrl}/admin/payments?projectId=${project.id}`);
    await expect.poll(() => admin.locator('tbody tr').count(), { timeout: 20_000 }).toBe(1);
    await admin.getByRole('cell', { name: 'Paid' }).waitFor();
    await checkPage(admin, 'admin-payments');
    await admin.getByLabel(/Amount to refund/).fill('abc');
    await admin.getByRole('button', { name: /^Refund payment/ }).click();
    await admin.getByText('Enter an amount like 9.50.').waitFor();
    await admin.getByLabel(/Amount to refund/).fill('5.00');
    await admin.getByRole('button', { name: /^Refund payment/ }).click();
    await admin.getByText('Refund issued.').waitFor();
  });

  it('logged no JavaScript errors in the browser console', () => {
    expect(consoleErrors).toEqual([]);
  });
});
