import type { CreatedInvitation } from '@coproduce/domain';
import type { Page } from 'playwright-core';
import { api, signIn } from '../support/api';
import { appInBrowser } from '../support/browser';
import { demoWorkspaceId } from '../support/collab';
import { linkIn, startMailCatcher, type MailCatcher } from '../support/mail-catcher';
import {
  checkScreen,
  errorSummaryOn,
  fillSignInForm,
  openDemoWorkspace,
  signInToWorkspaces,
} from './screens';

let mail: MailCatcher;
beforeAll(async () => {
  mail = await startMailCatcher();
});
afterAll(() => mail?.stop());

describe('email: forgotten passwords and invitations, through a real SMTP server', () => {
  const app = appInBrowser(() => ({ env: { SMTP_URL: mail.url } }));

  it('asks for a link on the sign-in page, follows it from the email, and signs in again', () =>
    app.withPage(async (page) => {
      await page.goto('/sign-in');
      await page.getByRole('link', { name: 'Forgotten your password?' }).click();
      await page.getByRole('heading', { level: 1, name: 'Forgotten your password?' }).waitFor();
      await checkScreen(page, 'forgotten-password');

      // A mistyped address is caught on the page, as NHS.UK forms do.
      await page.getByLabel('Email address').fill('expert@demo');
      await page.getByRole('button', { name: 'Send the link' }).click();
      await page.getByRole('link', { name: /correct format/ }).waitFor();

      await page.getByLabel('Email address').fill('expert@demo.test');
      await page.getByRole('button', { name: 'Send the link' }).click();
      await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
      await checkScreen(page, 'check-your-email');

      const link = new URL(linkIn(await mail.next('expert@demo.test'), /\/reset-password\//));
      await page.goto(link.pathname);
      await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
      await page.getByText('expert@demo.test').waitFor();
      await checkScreen(page, 'choose-a-new-password');
      await page.getByLabel('Create a password').fill('new expert passphrase');
      await page.getByLabel('Type the password again').fill('new expert passphrase');
      await page.getByRole('button', { name: 'Save the new password' }).click();
      await page
        .getByRole('heading', { level: 1, name: 'Sign in with your new password' })
        .waitFor();
      await checkScreen(page, 'password-changed');

      await page.getByRole('link', { name: 'Sign in' }).click();
      await fillSignInForm(page, 'expert@demo.test', 'new expert passphrase');
      await page.getByRole('heading', { level: 1, name: 'Your workspaces' }).waitFor();
    }));

  it('can be sent a link by a commissioner from the workspace page', () =>
    app.withPage(async (page) => {
      await signInToWorkspaces(page, 'commissioner@demo.test');
      await openDemoWorkspace(page);
      await page.getByLabel('Member', { exact: true }).selectOption({ label: 'Tom Okafor' });
      await page.getByRole('button', { name: 'Make a password link' }).click();
      await page.getByText('Link emailed to Tom Okafor').waitFor();
      await checkScreen(page, 'password-link-emailed');
    }));

  it('an invitation to an address is emailed, and the invited person joins from the email', () =>
    app.withPage((commissioner) =>
      app.withPage(async (invited) => {
        await signInToWorkspaces(commissioner, 'commissioner@demo.test');
        await openDemoWorkspace(commissioner);
        await commissioner.getByText('We email them the invitation.').waitFor();
        await commissioner.getByLabel('Email address (optional)').fill('robin.okafor@example.org');
        await commissioner.getByRole('button', { name: 'Create invitation' }).click();
        await commissioner.getByText('Invitation emailed to robin.okafor@example.org').waitFor();
        expect(await commissioner.getByTestId('invitation-link').count()).toBe(0);
        await checkScreen(commissioner, 'invitation-emailed');

        const link = new URL(
          linkIn(await mail.next('robin.okafor@example.org'), /\/invitations\//),
        );
        await invited.goto(link.pathname);
        await invited.getByLabel('Full name').fill('Robin Okafor');
        await invited.getByLabel('Create a password').fill('kite river lantern');
        await invited.getByRole('button', { name: 'Create account and join' }).click();
        await invited.getByRole('heading', { level: 2, name: 'Specifications' }).waitFor();
      }),
    ));

  it('a link invitation: the newcomer confirms their address from the email, and joins', async () => {
    // A link invitation (no address), made through the API: the inviter is given the link.
    const commissionerToken = await signIn(app.url, 'commissioner@demo.test');
    const invitation = await api<CreatedInvitation>(
      app.url,
      'POST',
      `/api/workspaces/${await demoWorkspaceId(app.url, commissionerToken)}/invitations`,
      { token: commissionerToken, body: { role: 'expert-by-experience' } },
    );
    const invitationPath = invitation.body.path!;

    const acceptAs = async (page: Page, name: string, email: string) => {
      await page.goto(invitationPath);
      await page.getByLabel('Full name').fill(name);
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Create a password').fill('kite river lantern');
      await page.getByText('We will email you a link to confirm your email address').waitFor();
      await page.getByRole('button', { name: 'Create account and join' }).click();
      await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
      return (await page.locator('main').innerText()).replace(email, '<address>');
    };

    await app.withPage(async (newcomer) =>
      app.withPage(async (someoneWithAnAccount) => {
        const toNewcomer = await acceptAs(newcomer, 'Jo Rivers', 'jo.rivers@example.org');
        await checkScreen(newcomer, 'invitation-check-your-email');
        // An address that has an account gets the very same page.
        const toAccount = await acceptAs(someoneWithAnAccount, 'Not Me', 'observer@demo.test');
        expect(toAccount).toBe(toNewcomer);
        expect((await mail.next('observer@demo.test')).subject).toContain(
          'Sign in to accept your invitation',
        );

        const link = new URL(
          linkIn(await mail.next('jo.rivers@example.org'), /\/confirm-invitation\//),
        );
        await newcomer.goto(link.pathname);
        await newcomer
          .getByRole('heading', { level: 1, name: /Join Key worker service/ })
          .waitFor();
        await newcomer.getByText('jo.rivers@example.org').waitFor();
        await checkScreen(newcomer, 'confirm-invitation');
        await newcomer.getByRole('button', { name: 'Confirm and join' }).click();
        await newcomer.getByRole('heading', { level: 2, name: 'Specifications' }).waitFor();
        expect(await newcomer.locator('.nhsuk-summary-list').textContent()).toContain(
          'Expert by experience',
        );

        // The link works once, and says so plainly.
        await newcomer.goto(link.pathname);
        const summary = await errorSummaryOn(newcomer);
        expect(await summary.textContent()).toContain('This link has been used already');
        await checkScreen(newcomer, 'confirm-invitation-used');
      }),
    );
  });

  it('a commissioner starts a workspace, invites someone by email; they join, forget their password and get back in; the commissioner finds it in the audit log with a filter', () =>
    app.withPage((commissioner) =>
      app.withPage(async (newcomer) => {
        await signInToWorkspaces(commissioner, 'commissioner@demo.test');
        await commissioner.getByText('Start a workspace').click();
        await commissioner.getByLabel('Workspace name').fill('Respite review');
        await commissioner.getByLabel('Service area').fill('Short breaks for parent carers');
        await commissioner.getByLabel('Lead organisation').fill('Riverside City Council');
        await commissioner.getByRole('button', { name: 'Start workspace' }).click();
        await commissioner.getByRole('heading', { level: 1, name: /Respite review/ }).waitFor();
        await commissioner.getByLabel('Email address (optional)').fill('sam.rivers@example.org');
        await commissioner.getByRole('button', { name: 'Create invitation' }).click();
        await commissioner.getByText('Invitation emailed to sam.rivers@example.org').waitFor();

        const invitation = new URL(
          linkIn(await mail.next('sam.rivers@example.org'), /\/invitations\//),
        );
        await newcomer.goto(invitation.pathname);
        await newcomer.getByLabel('Full name').fill('Sam Rivers');
        await newcomer.getByLabel('Create a password').fill('heron willow chalk');
        await newcomer.getByRole('button', { name: 'Create account and join' }).click();
        await newcomer.getByRole('heading', { level: 1, name: /Respite review/ }).waitFor();
        await newcomer.getByRole('button', { name: 'Sign out' }).click();

        // Forgotten, then a new one from the emailed link.
        await newcomer.goto('/sign-in');
        await newcomer.getByRole('link', { name: 'Forgotten your password?' }).click();
        await newcomer.getByLabel('Email address').fill('sam.rivers@example.org');
        await newcomer.getByRole('button', { name: 'Send the link' }).click();
        const reset = new URL(
          linkIn(await mail.next('sam.rivers@example.org'), /\/reset-password\//),
        );
        await newcomer.goto(reset.pathname);
        await newcomer.getByLabel('Create a password').fill('otter maple lantern');
        await newcomer.getByLabel('Type the password again').fill('otter maple lantern');
        await newcomer.getByRole('button', { name: 'Save the new password' }).click();
        await newcomer.getByRole('link', { name: 'Sign in' }).click();
        await fillSignInForm(newcomer, 'sam.rivers@example.org', 'otter maple lantern');
        await newcomer.getByRole('link', { name: 'Respite review' }).waitFor();

        await commissioner
          .getByRole('link', { name: 'See who changed what in this workspace' })
          .click();
        await commissioner.getByRole('heading', { level: 1, name: /Audit log/ }).waitFor();
        await commissioner.getByLabel('Who').selectOption({ label: 'Sam Rivers' });
        await commissioner.getByRole('button', { name: 'Apply filters' }).click();
        await commissioner.getByText(/of 1 change that matches the filters/).waitFor();
        expect((await commissioner.locator('main tbody').textContent()) ?? '').toContain(
          'Sam Rivers',
        );
        await checkScreen(commissioner, 'audit-filtered-by-newcomer');
      }),
    ));
});
