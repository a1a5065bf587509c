import { appInBrowser } from '../support/browser';
import {
  checkScreen,
  errorSummaryOn,
  openDemoWorkspace,
  signInThroughPage,
  signInToWorkspaces,
  waitUntilLoaded,
} from './screens';

describe('the web client when things go wrong, and starting a specification', () => {
  const app = appInBrowser();

  it('a workspace that does not exist, or is not yours, is explained in an error summary', () =>
    app.withPage(async (page) => {
      await signInToWorkspaces(page, 'expert@demo.test');
      await page.goto('/workspaces/0123456789abcdef01234567');

      const summary = await errorSummaryOn(page);
      expect((await summary.textContent())?.length).toBeGreaterThan('There is a problem'.length);
      expect(await page.title()).toMatch(/^Error: /);
      await page.getByRole('link', { name: 'Go to your workspaces' }).waitFor();
      await checkScreen(page, 'workspace-not-found');
    }));

  it('an address that is not a page says so', () =>
    app.withPage(async (page) => {
      await page.goto('/no-such-page');
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
      expect(await page.title()).toBe('Page not found – Coproduce');
      await checkScreen(page, 'page-not-found');
    }));

  it('too many sign-in attempts are refused with a plain "too many attempts" message', () =>
    app.withPage(async (page) => {
      const email = 'someone.guessing@example.org';
      await page.goto('/sign-in');
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

      await signInThroughPage(page, email, 'one-more-guess');
      const summary = await errorSummaryOn(page);
      expect(await summary.textContent()).toContain('Too many attempts');
      await checkScreen(page, 'sign-in-too-many-attempts');
    }));

  it('a page a role may not see, opened by its address, says so and shows nothing of it', () =>
    app.withPage(async (page) => {
      await signInThroughPage(page, 'provider@demo.test');
      await openDemoWorkspace(page);
      await page.goto(`${page.url()}/audit`);

      await errorSummaryOn(page);
      expect(await page.locator('main table').count()).toBe(0);
      await checkScreen(page, 'audit-forbidden');
    }));

  it('when the service cannot be reached, the page says to check the connection', () =>
    app.withPage(async (page) => {
      await signInToWorkspaces(page, 'observer@demo.test');
      await page.route('**/api/workspaces', (route) => route.abort('internetdisconnected'));
      await page.reload();

      const summary = await errorSummaryOn(page);
      expect(await summary.textContent()).toContain('Check your internet connection');
      await checkScreen(page, 'workspaces-offline');
    }));

  it('a steering group member starts a specification and lands on it; it is listed as a draft', () =>
    app.withPage(async (page) => {
      await signInThroughPage(page, 'steering@demo.test');
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
