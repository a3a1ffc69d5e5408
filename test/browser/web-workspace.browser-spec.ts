import type { EmbeddedProcess } from '@msp/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.js';
import { apiAddMember, apiCreateProject, apiCreateTask, apiSignUp, apiUpdateTask, type ApiUser } from './web-api.js';
import { checkPage, newPerson, openContext, signIn, startWebPlatform, type Person } from './web-helpers.js';

// The workspace beyond the journey: the list view (filters, search, cursor pages), edits that lose a race
// (409), the notification menu, and the project settings. The scene is set through the API.
describe('the workspace in headless Chromium', () => {
  let platform: EmbeddedProcess;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const owner = newPerson('Owner');
  const member = newPerson('Member');
  let ownerApi: ApiUser;
  let memberApi: ApiUser;
  let projectId = '';
  const tasks: Array<{ id: string; key: string; version: number }> = [];

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startWebPlatform(), launchChromium()]);
    [ownerApi, memberApi] = await Promise.all([apiSignUp(platform, owner), apiSignUp(platform, member)]);
    projectId = (await apiCreateProject(platform, ownerApi, { name: 'Operations', key: 'OPS' })).id;
    await apiAddMember(platform, ownerApi, projectId, { ...member, ...memberApi } as Person & ApiUser);
    // 30 tasks: more than one page of the list (25), some done, some for the member.
    for (let index = 1; index <= 30; index += 1) {
      tasks.push(
        await apiCreateTask(platform, ownerApi, projectId, {
          title: index === 7 ? 'Rotate the certificates' : `Routine task ${index}`,
          status: index % 5 === 0 ? 'done' : 'todo',
          ...(index % 10 === 3 && { assigneeId: memberApi.userId }),
        }),
      );
    }
    ({ page } = await openContext(browser, consoleErrors));
    await signIn(page, platform, owner);
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('lists tasks a page at a time, with filters and search', async () => {
    await page.goto(`${platform.webUrl}/projects/${projectId}/list`);
    const rows = page.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(25);
    await checkPage(page, 'list');
    await page.getByRole('link', { name: 'Next page' }).click();
    await expect.poll(() => rows.count()).toBe(5);
    await page.getByRole('link', { name: 'Previous page' }).click();
    await expect.poll(() => rows.count()).toBe(25);

    await page.getByLabel('Status').selectOption('done');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => rows.count()).toBe(6);
    await page.getByRole('link', { name: 'Clear filters' }).click();
    await page.waitForURL(/\/list$/);

    await page.getByLabel('Assignee').selectOption({ label: member.displayName });
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => rows.count()).toBe(3);

    await page.goto(`${platform.webUrl}/projects/${projectId}/list`);
    await page.getByLabel('Search').fill('certificates');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByRole('link', { name: 'Rotate the certificates' }).waitFor();

    await page.getByLabel('Search').fill('no such task anywhere');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByText('No tasks match these filters.').waitFor();
  });

  it('keeps the user’s edits when someone else saved the task first (409), and saves them on the second try', async () => {
    const task = tasks[6]!;
    await page.goto(`${platform.webUrl}/projects/${projectId}/tasks/${task.id}`);
    await page.getByLabel('Title').waitFor();
    // Someone else changes the task after this page loaded.
    await apiUpdateTask(platform, ownerApi, projectId, task.id, task.version, { title: 'Rotate the TLS certificates', priority: 'urgent' });

    await page.getByLabel('Priority').selectOption('low');
    await page.getByLabel('Labels').fill('security');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText(/Someone else changed this task while you were editing/).waitFor();
    await page.getByText('Latest version').waitFor();
    expect(await page.getByLabel('Priority').inputValue()).toBe('low');
    expect(await page.getByLabel('Labels').inputValue()).toBe('security');

    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Changes saved.').waitFor();
    expect(await page.getByLabel('Priority').inputValue()).toBe('low');
  });

  it('puts a card back when the move loses a race on the board', async () => {
    const task = tasks[1]!;
    await page.goto(`${platform.webUrl}/projects/${projectId}`);
    const card = page.getByTestId(`card-${task.key}`);
    await card.waitFor();
    await apiUpdateTask(platform, ownerApi, projectId, task.id, task.version, { status: 'backlog' });

    const handle = page.getByRole('button', { name: `Move ${task.key}`, exact: true });
    await handle.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => handle.getAttribute('aria-pressed')).toBe('true');
    for (const key of ['ArrowRight', 'Space']) {
      await page.waitForTimeout(100);
      await page.keyboard.press(key);
    }
    await expect.poll(() => page.getByTestId('board-notice').textContent()).toContain('was changed by someone else');
    await page.getByTestId('column-backlog').getByTestId(`card-${task.key}`).waitFor();
  });

  it('shows the member their notifications and marks them read', async () => {
    const { page: memberPage } = await openContext(browser, consoleErrors);
    await signIn(memberPage, platform, member);
    const bell = memberPage.getByRole('button', { name: /^Notifications: \d+ unread/ });
    await bell.waitFor();
    await bell.click();
    await memberPage.getByRole('region', { name: 'Notifications' }).getByRole('listitem').first().waitFor();
    await checkPage(memberPage, 'notifications-menu');
    await memberPage.getByRole('button', { name: 'Mark all as read' }).click();
    await memberPage.getByRole('button', { name: 'Notifications: 0 unread notifications' }).waitFor();
    await memberPage.goto(`${platform.webUrl}/notifications`);
    await memberPage.getByRole('heading', { name: 'Notifications' }).waitFor();
    await checkPage(memberPage, 'notifications');
    await memberPage.context().close();
  });

  it('renames, archives, unarchives and deletes the project', async () => {
    await page.goto(`${platform.webUrl}/projects/${projectId}/settings`);
    await page.getByLabel('Name').fill('Operations & Support');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Project saved.').waitFor();
    await page.getByText('Operations & Support').first().waitFor();
    await checkPage(page, 'settings');

    await page.getByRole('button', { name: 'Archive project' }).click();
    await page.getByText('This project is archived and read-only.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Unarchive project' }).click();
    await page.getByRole('button', { name: 'Archive project' }).waitFor();

    await page.getByLabel('Type OPS to confirm').fill('WRONG');
    await page.getByRole('button', { name: 'Delete this project' }).click();
    await page.getByText('Type the project key exactly to confirm.').waitFor();
    await page.getByLabel('Type OPS to confirm').fill('OPS');
    await page.getByRole('button', { name: 'Delete this project' }).click();
    await page.waitForURL(`${platform.webUrl}/projects`);
    await page.getByText('No projects yet').waitFor();
  });

  it('logged no JavaScript errors in the browser console', () => {
    expect(consoleErrors).toEqual([]);
  });
});
