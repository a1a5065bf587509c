import type { CreatedInvitation, WorkspaceSummary } from '@coproduce/domain';
import { api, signIn } from '../support/api';
import { appInBrowser } from '../support/browser';
import {
  checkScreen,
  errorSummaryOn,
  fillSignInForm,
  openDemoWorkspace,
  signInThroughPage,
  waitUntilLoaded,
} from './screens';

describe('inviting someone new to a workspace', () => {
  const app = appInBrowser();

  /** A link invitation to the demo workspace as an observer, made by the commissioner through the API. */
  /** A link invitation (this app sends no email): its token and path are there. */
  async function observerInvitation(): Promise<
    CreatedInvitation & { token: string; path: string }
  > {
    const commissionerToken = await signIn(app.url, 'commissioner@demo.test');
    const workspaces = await api<WorkspaceSummary[]>(app.url, 'GET', '/api/workspaces', {
      token: commissionerToken,
    });
    const invitation = await api<CreatedInvitation>(
      app.url,
      'POST',
      `/api/workspaces/${workspaces.body[0]?.id ?? ''}/invitations`,
      { token: commissionerToken, body: { role: 'observer' } },
    );
    const { token, path } = invitation.body;
    if (!token || !path) throw new Error('A link invitation has a token and a path');
    return { ...invitation.body, token, path };
  }

  it('a commissioner creates a link; a newcomer opens it in another browser, makes an account and sees the workspace', () =>
    app.withPage((commissioner) =>
      app.withPage(async (newcomer) => {
        await signInThroughPage(commissioner, 'commissioner@demo.test');
        await openDemoWorkspace(commissioner);
        const workspaceName = await commissioner
          .locator('h1')
          .evaluate((h1) => h1.lastChild?.textContent ?? '');

        await commissioner.getByLabel('Role', { exact: true }).selectOption('expert-by-experience');
        await commissioner.getByLabel('Invitation expires after').selectOption('14');
        await commissioner.getByRole('button', { name: 'Create invitation' }).click();
        const link = commissioner.getByTestId('invitation-link');
        await link.waitFor();
        const invitationUrl = (await link.textContent()) ?? '';
        expect(invitationUrl).toMatch(new RegExp(`^${app.url}/invitations/[^/]+$`));
        await waitUntilLoaded(commissioner);
        await checkScreen(commissioner, 'workspace-invitation-created');

        await newcomer.goto(invitationUrl);
        await newcomer
          .getByRole('heading', { level: 1, name: new RegExp(`Join ${workspaceName}`) })
          .waitFor();
        expect(await newcomer.locator('.nhsuk-summary-list').textContent()).toContain(
          'Expert by experience',
        );
        await checkScreen(newcomer, 'invitation');

        // A short password is caught before anything is sent.
        await newcomer.getByLabel('Full name').fill('Robin Okafor');
        await newcomer.getByLabel('Email address').fill('robin.okafor@example.org');
        await newcomer.getByLabel('Create a password').fill('short');
        await newcomer.getByRole('button', { name: 'Create account and join' }).click();
        await errorSummaryOn(newcomer);
        expect(await newcomer.title()).toMatch(/^Error: /);
        await checkScreen(newcomer, 'invitation-short-password');

        await newcomer.getByLabel('Create a password').fill('kite river lantern');
        await newcomer.getByRole('button', { name: 'Create account and join' }).click();
        await newcomer.getByRole('heading', { level: 2, name: 'Specifications' }).waitFor();
        await waitUntilLoaded(newcomer);
        expect(await newcomer.locator('h1').textContent()).toContain(workspaceName);
        expect(await newcomer.locator('.nhsuk-summary-list').textContent()).toContain(
          'Expert by experience',
        );
        expect(await newcomer.locator('header').textContent()).toContain('Robin Okafor');
        await checkScreen(newcomer, 'workspace-newcomer');

        // The link worked once: opening it again says so.
        await newcomer.goto(invitationUrl);
        await newcomer.getByText('This invitation has already been used').waitFor();

        // The commissioner sees the new member, the used invitation and both in the audit log.
        await commissioner.reload();
        await waitUntilLoaded(commissioner);
        expect(
          await commissioner.locator('section[aria-labelledby="members-heading"]').textContent(),
        ).toContain('Robin Okafor');
        expect(
          await commissioner
            .locator('section[aria-labelledby="invitations-heading"]')
            .textContent(),
        ).toContain('Accepted');
        await commissioner
          .getByRole('link', { name: 'See who changed what in this workspace' })
          .click();
        await commissioner.getByRole('heading', { level: 1, name: /Audit log/ }).waitFor();
        await waitUntilLoaded(commissioner);
        const auditLog = (await commissioner.locator('table').textContent()) ?? '';
        expect(auditLog).toContain('Invited someone');
        expect(auditLog).toContain('Accepted an invitation');
        await checkScreen(commissioner, 'audit');
      }),
    ));

  it('a commissioner changes a member’s role, then removes them, and the removed member loses access at once', async () => {
    // The member joins through the API; what is under test here is the commissioner's page.
    const invitation = await observerInvitation();
    const member = {
      name: 'Sam Adeyemi',
      email: 'sam.adeyemi@example.org',
      password: 'paper boat harbour',
    };
    const accepted = await api(app.url, 'POST', `/api/invitations/${invitation.token}/accept`, {
      body: member,
    });
    expect(accepted.status).toBe(200);

    await app.withPage((memberPage) =>
      app.withPage(async (commissioner) => {
        await signInThroughPage(memberPage, member.email, member.password);
        await openDemoWorkspace(memberPage);
        expect(await memberPage.locator('.nhsuk-summary-list').textContent()).toContain('Observer');

        await signInThroughPage(commissioner, 'commissioner@demo.test');
        await openDemoWorkspace(commissioner);
        const row = commissioner.locator('tr', { hasText: member.email });
        await row.getByLabel(`Role for ${member.name}`).selectOption('engagement-lead');
        const [changed] = await Promise.all([
          commissioner.waitForResponse((response) => response.request().method() === 'PATCH'),
          row.getByRole('button', { name: `Change role for ${member.name}` }).click(),
        ]);
        expect(changed.status()).toBe(200);
        await commissioner.reload();
        await waitUntilLoaded(commissioner);
        expect(await row.getByLabel(`Role for ${member.name}`).inputValue()).toBe(
          'engagement-lead',
        );

        await row.getByRole('button', { name: `Remove ${member.name}` }).click();
        await checkScreen(commissioner, 'workspace-confirm-removal');
        await row.getByRole('button', { name: `Yes, remove ${member.name}` }).click();
        await row.waitFor({ state: 'detached' });

        await memberPage.reload();
        await errorSummaryOn(memberPage);
        expect(await memberPage.title()).toMatch(/^Error: /);
      }),
    );
  });

  it('a commissioner inviting a provider is asked for their organisation first, and both tables show it', () =>
    app.withPage(async (commissioner) => {
      await signInThroughPage(commissioner, 'commissioner@demo.test');
      await openDemoWorkspace(commissioner);
      const members = commissioner.locator('section[aria-labelledby="members-heading"]');
      expect(
        await members.locator('tr', { hasText: 'provider@demo.test' }).textContent(),
      ).toContain('Riverside Families Together');

      await commissioner.getByLabel('Email address (optional)').fill('bids@brightwater.example');
      await commissioner.getByLabel('Role', { exact: true }).selectOption('provider');
      await commissioner.getByRole('button', { name: 'Create invitation' }).click();
      const summary = await errorSummaryOn(commissioner);
      await checkScreen(commissioner, 'workspace-invitation-needs-organisation');
      await summary
        .getByRole('link', { name: 'Enter the organisation of the provider you are inviting' })
        .click();
      const organisation = commissioner.getByLabel('Organisation', { exact: true });
      expect(await organisation.evaluate((field) => field === document.activeElement)).toBe(true);
      expect(await organisation.getAttribute('aria-describedby')).toBe(
        'invitation-organisation-hint invitation-organisation-error',
      );

      await organisation.fill('Brightwater Children’s Charity');
      await commissioner.getByRole('button', { name: 'Create invitation' }).click();
      await commissioner.getByTestId('invitation-link').waitFor();
      await waitUntilLoaded(commissioner);
      const invitations = commissioner.locator('section[aria-labelledby="invitations-heading"]');
      expect(
        await invitations.locator('tr', { hasText: 'bids@brightwater.example' }).textContent(),
      ).toContain('Brightwater Children’s Charity');
    }));

  it('a commissioner making a member a provider is asked for their organisation', async () => {
    const invitation = await observerInvitation();
    const member = { name: 'Alex Rowe', email: 'alex.rowe@example.org' };
    const accepted = await api(app.url, 'POST', `/api/invitations/${invitation.token}/accept`, {
      body: { ...member, password: 'paper boat harbour' },
    });
    expect(accepted.status).toBe(200);

    await app.withPage(async (commissioner) => {
      await signInThroughPage(commissioner, 'commissioner@demo.test');
      await openDemoWorkspace(commissioner);
      const row = commissioner.locator('tr', { hasText: member.email });
      expect(await row.textContent()).toContain('Not recorded');
      await row.getByLabel(`Role for ${member.name}`).selectOption('provider');
      const organisation = row.getByLabel(`Organisation for ${member.name}`);
      await row.getByRole('button', { name: `Change role for ${member.name}` }).click();
      await row.getByText(`Enter the organisation ${member.name} takes part for`).waitFor();
      // The message is tied to the field, so a screen reader reads it with the field.
      const describedBy = (await organisation.getAttribute('aria-describedby')) ?? '';
      const descriptions = await Promise.all(
        describedBy.split(' ').map((id) => commissioner.locator(`[id="${id}"]`).textContent()),
      );
      expect(descriptions.join(' ')).toContain(
        `Enter the organisation ${member.name} takes part for`,
      );
      await checkScreen(commissioner, 'workspace-provider-needs-organisation');

      await organisation.fill('Rowe Family Support');
      const [changed] = await Promise.all([
        commissioner.waitForResponse((response) => response.request().method() === 'PATCH'),
        row.getByRole('button', { name: `Change role for ${member.name}` }).click(),
      ]);
      expect(changed.status()).toBe(200);
      await commissioner.reload();
      await waitUntilLoaded(commissioner);
      expect(await row.getByLabel(`Role for ${member.name}`).inputValue()).toBe('provider');
      expect(await row.textContent()).toContain('Rowe Family Support');
    });
  });

  it('a commissioner withdraws an invitation, and its link then says it has been withdrawn', () =>
    app.withPage(async (commissioner) => {
      await signInThroughPage(commissioner, 'commissioner@demo.test');
      await openDemoWorkspace(commissioner);
      await commissioner.getByLabel('Email address (optional)').fill('a.parent.carer@example.org');
      await commissioner.getByLabel('Role', { exact: true }).selectOption('expert-by-experience');
      await commissioner.getByRole('button', { name: 'Create invitation' }).click();
      const invitationUrl = (await commissioner.getByTestId('invitation-link').textContent()) ?? '';
      await waitUntilLoaded(commissioner);

      const row = commissioner.locator('tr', { hasText: 'a.parent.carer@example.org' });
      expect(await row.locator('.nhsuk-tag').textContent()).toBe('Waiting');
      await row.getByRole('button', { name: /Withdraw/ }).click();
      await row.locator('.nhsuk-tag', { hasText: 'Withdrawn' }).waitFor();

      await commissioner.goto(invitationUrl);
      await commissioner.getByText('This invitation has been withdrawn').waitFor();
      // Already signed in, so the way on is the workspaces, not signing in again.
      await commissioner.getByRole('link', { name: 'Go to your workspaces' }).waitFor();
      await checkScreen(commissioner, 'invitation-withdrawn');
    }));

  it('someone who already has an account is sent to sign in, comes back to the invitation, and is told a member cannot join twice', async () => {
    const invitation = await observerInvitation();
    await app.withPage(async (page) => {
      await page.goto(invitation.path);
      await page.getByLabel('Full name').fill('Chris Morgan');
      await page.getByLabel('Email address').fill('provider@demo.test');
      await page.getByLabel('Create a password').fill('a long enough password');
      await page.getByRole('button', { name: 'Create account and join' }).click();
      await errorSummaryOn(page);
      await checkScreen(page, 'invitation-account-exists');

      await page.getByRole('link', { name: 'Sign in to accept this invitation' }).click();
      await fillSignInForm(page, 'provider@demo.test');
      await page.getByText('You are signed in as Chris Morgan').waitFor();
      expect(new URL(page.url()).pathname).toBe(invitation.path);
      await checkScreen(page, 'invitation-signed-in');

      // Chris is already a member, so the server refuses, and the page says why.
      await page.getByRole('button', { name: 'Accept and join' }).click();
      await errorSummaryOn(page);
      expect(new URL(page.url()).pathname).toBe(invitation.path);
    });
  });
});
