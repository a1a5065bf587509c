// The account page in a real browser: a person changes their name, email address and
// password (and sees their other browser signed out), ends a session, reads their own
// sign-in events; a commissioner narrows the audit log by person and action and pages it.
import type { MemberSummary, SpecificationSummary } from '@coproduce/domain';
import type { Page } from 'playwright-core';
import { api, DEMO_EMAIL, DEMO_PASSWORD, signIn } from '../support/api';
import { appInBrowser } from '../support/browser';
import { demoWorkspaceId } from '../support/collab';
import { linkIn, startMailCatcher, type MailCatcher } from '../support/mail-catcher';
import {
  checkScreen,
  errorSummaryOn,
  openDemoWorkspace,
  signInToWorkspaces,
  waitUntilLoaded,
} from './screens';

let mail: MailCatcher;
beforeAll(async () => {
  mail = await startMailCatcher();
});
afterAll(() => mail?.stop());

/** From anywhere signed in, the header's link to the account page. */
async function openAccount(page: Page): Promise<void> {
  await page.getByRole('link', { name: /your account/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
  await waitUntilLoaded(page);
}

describe('your account', () => {
  const app = appInBrowser(() => ({ env: { SMTP_URL: mail.url } }));

  it('changes your name, and the header shows the new one', () =>
    app.withPage(async (page) => {
      await signInToWorkspaces(page, DEMO_EMAIL.observer);
      await openAccount(page);
      await checkScreen(page, 'account');

      await page.getByRole('link', { name: 'Change your name' }).click();
      await page.getByRole('heading', { level: 1, name: 'Change your name' }).waitFor();
      await checkScreen(page, 'account-change-name');
      await page.getByLabel('Your name').fill('   ');
      await page.getByRole('button', { name: 'Save your name' }).click();
      expect(await (await errorSummaryOn(page)).textContent()).toContain('Enter your name');
      await checkScreen(page, 'account-change-name-error');

      await page.getByLabel('Your name').fill('Sam Okafor');
      await page.getByRole('button', { name: 'Save your name' }).click();
      await page.getByText('Your name has been changed').waitFor();
      await page.locator('header').getByText('Sam Okafor').waitFor();
      expect(await page.locator('.nhsuk-summary-list').textContent()).toContain('Sam Okafor');
    }));

  it('changes your password; your other browser is signed out, this one is not', () =>
    app.withPage((elsewhere) =>
      app.withPage(async (page) => {
        await signInToWorkspaces(elsewhere, DEMO_EMAIL['steering-member']);
        await signInToWorkspaces(page, DEMO_EMAIL['steering-member']);
        await openAccount(page);
        const sessions = page.getByRole('region', {
          name: 'Browsers and devices you are signed in on',
        });
        expect(await sessions.getByText('This browser').count()).toBe(1);
        expect(await sessions.getByRole('button', { name: /^Sign out/ }).count()).toBe(1);

        await page.getByRole('link', { name: 'Change your password' }).click();
        await page.getByRole('heading', { level: 1, name: 'Change your password' }).waitFor();
        await checkScreen(page, 'account-change-password');
        await page.getByLabel('Your current password').fill('not my password');
        await page.getByLabel('New password', { exact: true }).fill('three new random words');
        await page.getByLabel('Type the new password again').fill('three new random words');
        await page.getByRole('button', { name: 'Change your password' }).click();
        await page.getByRole('link', { name: 'Your current password is not right' }).waitFor();
        await checkScreen(page, 'account-change-password-wrong');

        await page.getByLabel('Your current password').fill(DEMO_PASSWORD);
        await page.getByRole('button', { name: 'Change your password' }).click();
        await page.getByText('Your password has been changed').waitFor();
        await page.getByText('You have been signed out of 1 other browser or device.').waitFor();
        await sessions.getByRole('button', { name: /^Sign out/ }).waitFor({ state: 'detached' });
        await page
          .getByRole('region', { name: 'Your latest sign-ins and password changes' })
          .getByText('You changed your password')
          .waitFor();
        await checkScreen(page, 'account-password-changed');

        // The other browser's session has ended: its next page asks it to sign in.
        await elsewhere.goto('/workspaces');
        await elsewhere.getByRole('heading', { level: 1, name: 'Sign in to Coproduce' }).waitFor();
      }),
    ));

  it('signs another browser out from the list of sessions', () =>
    app.withPage((elsewhere) =>
      app.withPage(async (page) => {
        await signInToWorkspaces(elsewhere, DEMO_EMAIL['engagement-lead']);
        await signInToWorkspaces(page, DEMO_EMAIL['engagement-lead']);
        await openAccount(page);
        const sessions = page.getByRole('region', {
          name: 'Browsers and devices you are signed in on',
        });
        await sessions.getByRole('button', { name: /^Sign out/ }).click();
        await page.waitForFunction(
          () => !document.querySelector('main table button.nhsuk-button--secondary'),
        );
        expect(await sessions.locator('tbody tr').count()).toBe(1);
        await elsewhere.goto('/workspaces');
        await elsewhere.getByRole('heading', { level: 1, name: 'Sign in to Coproduce' }).waitFor();
      }),
    ));

  it('changes your email address by the link emailed to the new one', () =>
    app.withPage(async (page) => {
      await signInToWorkspaces(page, DEMO_EMAIL['expert-by-experience']);
      await openAccount(page);
      await page.getByRole('link', { name: 'Change your email address' }).click();
      await page.getByRole('heading', { level: 1, name: 'Change your email address' }).waitFor();
      await waitUntilLoaded(page);
      await checkScreen(page, 'account-change-email');
      await page.getByLabel('New email address').fill('jordan.new@example.org');
      await page.getByRole('button', { name: 'Send the link' }).click();
      await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
      await checkScreen(page, 'account-check-your-email');

      const link = new URL(linkIn(await mail.next('jordan.new@example.org'), /\/confirm-email\//));
      await page.goto(link.pathname);
      await page
        .getByRole('heading', { level: 1, name: 'Confirm your new email address' })
        .waitFor();
      await checkScreen(page, 'account-confirm-email');
      await page.getByRole('button', { name: 'Confirm my new email address' }).click();
      await page.getByText('Your email address has changed').first().waitFor();
      await checkScreen(page, 'account-email-confirmed');
      await page.getByRole('link', { name: 'Go to your account' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
      await waitUntilLoaded(page);
      expect(await page.locator('.nhsuk-summary-list').textContent()).toContain(
        'jordan.new@example.org',
      );
      expect((await mail.next(DEMO_EMAIL['expert-by-experience'])).subject).toBe(
        'Your Coproduce email address has changed',
      );
    }));

  it('lists your sign-ins, and someone else’s try with a wrong password', () =>
    app.withPage(async (page) => {
      const wrong = await api(app.url, 'POST', '/api/session', {
        body: { email: DEMO_EMAIL.provider, password: 'a guess' },
      });
      expect(wrong.status).toBe(401);
      await signInToWorkspaces(page, DEMO_EMAIL.provider);
      await openAccount(page);
      await page.getByRole('link', { name: 'See all your sign-ins and password changes' }).click();
      await page
        .getByRole('heading', { level: 1, name: 'Your sign-ins and password changes' })
        .waitFor();
      await waitUntilLoaded(page);
      const events = (await page.getByRole('table').textContent()) ?? '';
      expect(events).toContain('You signed in');
      expect(events).toContain('Someone tried to sign in as you with a wrong password');
      await checkScreen(page, 'account-activity');
    }));
});

describe('the audit log, filtered and paged', () => {
  const app = appInBrowser();

  it('a commissioner finds one person’s changes of one kind, and pages through many', async () => {
    const commissioner = await signIn(app.url, DEMO_EMAIL.commissioner);
    const steering = await signIn(app.url, DEMO_EMAIL['steering-member']);
    const workspaceId = await demoWorkspaceId(app.url, commissioner);
    const specifications = `/api/workspaces/${workspaceId}/specifications`;
    const members = await api<MemberSummary[]>(
      app.url,
      'GET',
      `/api/workspaces/${workspaceId}/members`,
      {
        token: commissioner,
      },
    );
    const steeringName = members.body.find((m) => m.email === DEMO_EMAIL['steering-member'])!.name;
    await api(app.url, 'POST', specifications, {
      token: steering,
      body: { title: 'Notes from the steering group' },
    });
    const renamed = await api<SpecificationSummary>(app.url, 'POST', specifications, {
      token: commissioner,
      body: { title: 'Renamed many times' },
    });
    // 30 renames: more than one page of 25.
    for (let time = 1; time <= 30; time += 1) {
      await api(app.url, 'PATCH', `${specifications}/${renamed.body.id}`, {
        token: commissioner,
        body: { title: `Renamed ${time} times` },
      });
    }

    await app.withPage(async (page) => {
      await signInToWorkspaces(page, DEMO_EMAIL.commissioner);
      await openDemoWorkspace(page);
      await page.getByRole('link', { name: 'See who changed what in this workspace' }).click();
      await page.getByRole('heading', { level: 1, name: /Audit log/ }).waitFor();
      await waitUntilLoaded(page);
      await checkScreen(page, 'audit-filters');

      await page.getByLabel('Who').selectOption({ label: steeringName });
      await page.getByLabel('What').selectOption({ label: 'Started a specification' });
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.getByText('Showing 1 to 1 of 1 change that matches the filters.').waitFor();
      expect(new URL(page.url()).searchParams.get('action')).toBe('specification.create');
      const row = (await page.locator('main tbody').textContent()) ?? '';
      expect(row).toContain(steeringName);
      expect(row).toContain('Notes from the steering group');
      // The form shows what the list is filtered by.
      expect(await page.getByLabel('Who').inputValue()).not.toBe('');
      await checkScreen(page, 'audit-filtered');

      await page.getByRole('link', { name: 'Clear filters' }).click();
      await waitUntilLoaded(page);
      await page.getByLabel('What').selectOption({ label: 'Renamed a specification' });
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.getByText('Showing 1 to 25 of 30 changes that match the filters.').waitFor();
      const pagination = page.getByRole('navigation', { name: 'Pagination' });
      await pagination.getByRole('link', { name: 'Next page' }).click();
      await page.getByText('Showing 26 to 30 of 30 changes that match the filters.').waitFor();
      expect(new URL(page.url()).searchParams.get('page')).toBe('2');
      expect(await page.locator('main tbody tr').count()).toBe(5);
      expect(
        await pagination.getByRole('link', { name: 'Page 2' }).getAttribute('aria-current'),
      ).toBe('page');
      await checkScreen(page, 'audit-page-2');
      await pagination.getByRole('link', { name: 'Previous page' }).click();
      await page.getByText('Showing 1 to 25 of 30 changes that match the filters.').waitFor();
    });
  });
});
