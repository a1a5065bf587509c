import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { api } from '../support/api';
import { startApp, type RunningApp } from '../support/app';
import { launchBrowser, newBrowserContext } from '../support/browser';
import { checkScreen, DEMO_PASSWORD, openDemoWorkspace, signInThroughPage } from './screens';

interface RoleView {
  email: string;
  roleLabel: string;
  startsSpecifications: boolean;
  seesMembers: boolean;
  managesMembers: boolean;
  seesDrafts: boolean;
}

// What each demo role should find on the demo workspace's page, following the
// server's access policy; the server enforces it, the page only reflects it.
const ROLE_VIEWS: RoleView[] = [
  {
    email: 'commissioner@demo.test',
    roleLabel: 'Commissioner',
    startsSpecifications: true,
    seesMembers: true,
    managesMembers: true,
    seesDrafts: true,
  },
  {
    email: 'steering@demo.test',
    roleLabel: 'Steering group member',
    startsSpecifications: true,
    seesMembers: true,
    managesMembers: false,
    seesDrafts: true,
  },
  {
    email: 'expert@demo.test',
    roleLabel: 'Expert by experience',
    startsSpecifications: false,
    seesMembers: true,
    managesMembers: false,
    seesDrafts: true,
  },
  {
    email: 'engagement@demo.test',
    roleLabel: 'Engagement lead',
    startsSpecifications: false,
    seesMembers: true,
    managesMembers: false,
    seesDrafts: true,
  },
  {
    email: 'provider@demo.test',
    roleLabel: 'Provider',
    startsSpecifications: false,
    seesMembers: false,
    managesMembers: false,
    seesDrafts: false,
  },
  {
    email: 'observer@demo.test',
    roleLabel: 'Observer',
    startsSpecifications: false,
    seesMembers: true,
    managesMembers: false,
    seesDrafts: true,
  },
];

// testTimeout in a project's Jest config is ignored (it is a global option), so set it here:
// starting the server and driving a real browser take longer than Jest's 5 seconds.
jest.setTimeout(90_000);

describe('the web client, signed in as each demo role', () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function withPage(
    use: (page: Page) => Promise<void>,
    options: BrowserContextOptions = {},
  ): Promise<void> {
    const context = await newBrowserContext(browser, options);
    try {
      await use(await context.newPage());
    } finally {
      await context.close();
    }
  }

  it('a wrong password keeps you on sign in, with the problem in a focused error summary', () =>
    withPage(async (page) => {
      await signInThroughPage(page, app.url, 'commissioner@demo.test', 'not-the-password');

      const summary = page.locator('.nhsuk-error-summary');
      await summary.waitFor();
      expect(await summary.getByRole('heading').textContent()).toBe('There is a problem');
      expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
      expect(await page.title()).toBe('Error: Sign in – Coproduce');
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      await checkScreen(page, 'sign-in-wrong-password');
    }));

  it('an empty sign-in form says what to enter, next to each field', () =>
    withPage(async (page) => {
      await page.goto(`${app.url}/sign-in`);
      await checkScreen(page, 'sign-in');
      await page.getByRole('button', { name: 'Sign in' }).click();

      const summary = page.locator('.nhsuk-error-summary');
      await summary.waitFor();
      expect(await summary.locator('li').allTextContents()).toEqual([
        'Enter your email address',
        'Enter your password',
      ]);
      expect(await page.locator('.nhsuk-error-message').count()).toBe(2);
      await checkScreen(page, 'sign-in-empty');
    }));

  it.each(ROLE_VIEWS)('$email sees what the $roleLabel role may see, and nothing more', (view) =>
    withPage(async (page) => {
      await signInThroughPage(page, app.url, view.email);
      await page.getByRole('heading', { level: 1, name: 'Your workspaces' }).waitFor();
      expect(await page.locator('table').textContent()).toContain(view.roleLabel);
      await checkScreen(page, `workspaces-${view.roleLabel}`);

      await openDemoWorkspace(page);
      const summary = page.locator('.nhsuk-summary-list');
      expect(await summary.textContent()).toContain(view.roleLabel);

      const statuses = await page
        .locator('section[aria-labelledby="specifications-heading"] .nhsuk-tag')
        .allTextContents();
      if (view.seesDrafts) expect(statuses).toContain('Draft');
      else expect(statuses).not.toContain('Draft');

      const visible = async (selector: string) => (await page.locator(selector).count()) > 0;
      expect(await visible('#specification-title')).toBe(view.startsSpecifications);
      expect(await visible('#members-heading')).toBe(view.seesMembers);
      expect(await visible('select[id^="role-"]')).toBe(view.managesMembers);
      expect(await visible('#invitations-heading')).toBe(view.managesMembers);
      expect(await visible('a[href$="/audit"]')).toBe(view.managesMembers);
      await checkScreen(page, `workspace-${view.roleLabel}`);
    }),
  );

  it('the first Tab reaches the skip link, which moves focus to the page’s main content', () =>
    withPage(async (page) => {
      await page.goto(`${app.url}/sign-in`);
      // The page is rendered by script: wait until it is there before pressing keys.
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.keyboard.press('Tab');
      const skipLink = page.getByRole('link', { name: 'Skip to main content' });
      expect(await skipLink.evaluate((link) => link === document.activeElement)).toBe(true);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('maincontent');
    }));

  it('when the session ends elsewhere, the next page asks you to sign in again', () =>
    withPage(async (page) => {
      await signInThroughPage(page, app.url, 'engagement@demo.test');
      await page.getByRole('heading', { level: 1, name: 'Your workspaces' }).waitFor();
      const cookie = (await page.context().cookies(app.url))
        .map(({ name, value }) => `${name}=${value}`)
        .join('; ');
      const ended = await api(app.url, 'DELETE', '/api/session', {
        cookie,
        headers: { 'X-Requested-With': 'test' },
      });
      expect(ended.status).toBe(204);

      await page.locator('table a').first().click();
      await page.getByRole('heading', { name: 'Sign in to Coproduce' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/sign-in');
    }));

  it('on a phone-sized screen the commissioner’s workspace page is still accessible', () =>
    withPage(
      async (page) => {
        await signInThroughPage(page, app.url, 'commissioner@demo.test');
        await openDemoWorkspace(page);
        await checkScreen(page, 'workspace-Commissioner-phone');
      },
      { viewport: { width: 375, height: 812 } },
    ));

  it('after signing out, a workspace link asks you to sign in and then opens that workspace', () =>
    withPage(async (page) => {
      await signInThroughPage(page, app.url, 'observer@demo.test');
      await openDemoWorkspace(page);
      const workspaceUrl = page.url();

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in to Coproduce' }).waitFor();
      await page.goto(workspaceUrl);
      await page.getByRole('heading', { name: 'Sign in to Coproduce' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/sign-in');

      await page.getByLabel('Email address').fill('observer@demo.test');
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { level: 2, name: 'Specifications' }).waitFor();
      expect(page.url()).toBe(workspaceUrl);
    }));
});
