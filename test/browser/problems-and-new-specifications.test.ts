import type { Browser, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../support/app';
import { launchBrowser, newBrowserContext } from '../support/browser';
import { checkScreen, openDemoWorkspace, signInThroughPage, waitUntilLoaded } from './screens';

// testTimeout in a project's Jest config is ignored (it is a global option), so set it here:
// starting the server and driving a real browser take longer than Jest's 5 seconds.
jest.setTimeout(90_000);

describe('the web client when things go wrong, and starting a specification', () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function withPage(use: (page: Page) => Promise<void>): Promise<void> {
    const context = await newBrowserContext(browser);
    try {
      await use(await context.newPage());
    } finally {
      await context.close();
    }
  }

  it('a workspace that does not exist, or is not yours, is explained in an error summary', () =>
    withPage(async (page) => {
      await signInThroughPage(page, app.url, 'expert@demo.test');
      await page.getByRole('heading', { level: 1, name: 'Your workspaces' }).waitFor();
      await page.goto(`${app.url}/workspaces/0123456789abcdef01234567`);

      const summary = page.locator('.nhsuk-error-summary');
      await summary.waitFor();
      expect((await summary.textContent())?.length).toBeGreaterThan('There is a problem'.length);
      expect(await page.title()).toMatch(/^Error: /);
      await page.getByRole('link', { name: 'Go to your workspaces' }).waitFor();
      await checkScreen(page, 'workspace-not-found');
    }));

  it('an address that is not a page says so', () =>
    withPage(async (page) => {
      await page.goto(`${app.url}/no-such-page`);
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
      expect(await page.title()).toBe('Page not found – Coproduce');
      await checkScreen(page, 'page-not-found');
    }));

  it('too many sign-in attempts are refused with a plain "too many attempts" message', () =>
    withPage(async (page) => {
      const email = 'someone.guessing@example.org';
      await page.goto(`${app.url}/sign-in`);
      // Use up the allowance quickly from inside the page; the last attempt goes through the form.
      const statuses = await page.evaluate(async (guessedEmail) => {
        const seen: number[] = [];
        for (let attempt = 0; attempt < 12; attempt += 1) {
          const response = await fetch('/api/session', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ email: guessedEmail, password: `guess-${attempt}` }),
          });
          seen.push(response.status);
        }
        return seen;
      }, email);
      expect(statuses).toContain(429);

      await signInThroughPage(page, app.url, email, 'one-more-guess');
      const summary = page.locator('.nhsuk-error-summary');
      await summary.waitFor();
      expect(await summary.textContent()).toContain('Too many attempts');
      await checkScreen(page, 'sign-in-too-many-attempts');
    }));

  it('a page a role may not see, opened by its address, says so and shows nothing of it', () =>
    withPage(async (page) => {
      await signInThroughPage(page, app.url, 'provider@demo.test');
      await openDemoWorkspace(page);
      await page.goto(`${page.url()}/audit`);

      const summary = page.locator('.nhsuk-error-summary');
      await summary.waitFor();
      expect(await page.locator('main table').count()).toBe(0);
      await checkScreen(page, 'audit-forbidden');
    }));

  it('when the service cannot be reached, the page says to check the connection', () =>
    withPage(async (page) => {
      await signInThroughPage(page, app.url, 'observer@demo.test');
      await page.getByRole('heading', { level: 1, name: 'Your workspaces' }).waitFor();
      await page.route('**/api/workspaces', (route) => route.abort('internetdisconnected'));
      await page.reload();

      const summary = page.locator('.nhsuk-error-summary');
      await summary.waitFor();
      expect(await summary.textContent()).toContain('Check your internet connection');
      await checkScreen(page, 'workspaces-offline');
    }));

  it('a steering group member starts a specification and lands on it; it is listed as a draft', () =>
    withPage(async (page) => {
      await signInThroughPage(page, app.url, 'steering@demo.test');
      await openDemoWorkspace(page);

      await page.getByRole('button', { name: 'Create specification' }).click();
      await page.locator('.nhsuk-error-summary').getByText('Enter a title').waitFor();

      const title = 'Short breaks for disabled children and their families';
      await page.getByLabel('Title').fill(title);
      await page.getByRole('button', { name: 'Create specification' }).click();
      await page.getByRole('heading', { level: 1, name: new RegExp(title) }).waitFor();
      expect(page.url()).toMatch(/\/workspaces\/[^/]+\/specifications\/[^/]+$/);
      await waitUntilLoaded(page);
      await checkScreen(page, 'specification');

      await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link').last().click();
      await waitUntilLoaded(page);
      const row = page.locator('tr', { hasText: title });
      expect(await row.locator('.nhsuk-tag').textContent()).toBe('Draft');
    }));
});
