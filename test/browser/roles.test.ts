import { api } from '../support/api';
import { appInBrowser } from '../support/browser';
import {
  checkScreen,
  errorSummaryOn,
  fillSignInForm,
  openDemoWorkspace,
  signInThroughPage,
  signInToWorkspaces,
} from './screens';

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

describe('the web client, signed in as each demo role', () => {
  const app = appInBrowser();

  it('a wrong password keeps you on sign in, with the problem in a focused error summary', () =>
    app.withPage(async (page) => {
      await signInThroughPage(page, 'commissioner@demo.test', 'not-the-password');

      const summary = await errorSummaryOn(page);
      expect(await summary.getByRole('heading').textContent()).toBe('There is a problem');
      expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
      expect(await page.title()).toBe('Error: Sign in – Coproduce');
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      await checkScreen(page, 'sign-in-wrong-password');
    }));

  it('an empty sign-in form says what to enter, next to each field', () =>
    app.withPage(async (page) => {
      await page.goto('/sign-in');
      await checkScreen(page, 'sign-in');
      await page.getByRole('button', { name: 'Sign in' }).click();

      const summary = await errorSummaryOn(page);
      expect(await summary.locator('li').allTextContents()).toEqual([
        'Enter your email address',
        'Enter your password',
      ]);
      expect(await page.locator('.nhsuk-error-message').count()).toBe(2);
      await checkScreen(page, 'sign-in-empty');
    }));

  it.each(ROLE_VIEWS)('$email sees what the $roleLabel role may see, and nothing more', (view) =>
    app.withPage(async (page) => {
      await signInToWorkspaces(page, view.email);
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
    app.withPage(async (page) => {
      await page.goto('/sign-in');
      // The page is rendered by script: wait until it is there before pressing keys.
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.keyboard.press('Tab');
      const skipLink = page.getByRole('link', { name: 'Skip to main content' });
      expect(await skipLink.evaluate((link) => link === document.activeElement)).toBe(true);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('maincontent');
    }));

  it('when the session ends elsewhere, the next page asks you to sign in again', () =>
    app.withPage(async (page) => {
      await signInToWorkspaces(page, 'engagement@demo.test');
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
    app.withPage(
      async (page) => {
        await signInThroughPage(page, 'commissioner@demo.test');
        await openDemoWorkspace(page);
        await checkScreen(page, 'workspace-Commissioner-phone');
      },
      { viewport: { width: 375, height: 812 } },
    ));

  it('after signing out, a workspace link asks you to sign in and then opens that workspace', () =>
    app.withPage(async (page) => {
      await signInThroughPage(page, 'observer@demo.test');
      await openDemoWorkspace(page);
      const workspaceUrl = page.url();

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in to Coproduce' }).waitFor();
      await page.goto(workspaceUrl);
      await page.getByRole('heading', { name: 'Sign in to Coproduce' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/sign-in');

      await fillSignInForm(page, 'observer@demo.test');
      await page.getByRole('heading', { level: 2, name: 'Specifications' }).waitFor();
      expect(page.url()).toBe(workspaceUrl);
    }));
});
