import type { SessionResponse, WorkspaceSummary } from '@coproduce/domain';
import type { Page } from 'playwright-core';
import { api, DEMO_EMAIL, joinByLink, signIn } from '../support/api';
import { appInBrowser } from '../support/browser';
import {
  checkScreen,
  eventually,
  fillSignInForm,
  openDemoWorkspace,
  signInThroughPage,
  waitUntilLoaded,
} from './screens';
import { fillDateInput } from './date-input';

const QUESTION = 'Can the key worker role be shared between two part-time staff?';
const ANSWER = 'Yes, if each family has one named worker they can reach every week.';
const ADDED_WORDS = 'Families choose how often they meet.';

/**
 * Everything a page asked the server for that belongs to the draft: REST routes that
 * only members reach, and joining a specification's live document over /collab.
 */
function watchForDraftRequests(page: Page): string[] {
  const seen: string[] = [];
  const draftOnly =
    /\/api\/workspaces\/[^/]+\/(specifications\/[^/]+\/(threads|history|checkpoints|restore|export)|threads\/)|[?&](from|to)=(draft|checkpoint)/;
  page.on('request', (request) => {
    if (draftOnly.test(request.url())) seen.push(`${request.method()} ${request.url()}`);
  });
  page.on('websocket', (socket) =>
    socket.on('framesent', ({ payload }) => {
      const text = typeof payload === 'string' ? payload : payload.toString('latin1');
      if (text.includes('doc:join')) seen.push(`socket ${text.slice(0, 120)}`);
    }),
  );
  return seen;
}

/** Links on the page to screens only the team has: history, publishing, questions, audit. */
function teamOnlyLinksOn(page: Page): Promise<string[]> {
  return page
    .locator('a[href]')
    .evaluateAll((links) =>
      links
        .map((link) => link.getAttribute('href') ?? '')
        .filter((href) => /\/(history|publish|questions|audit|compare)(\?|$)/.test(href)),
    );
}

/** Opens the demo specification from the workspace, as a person would. */
async function openDemoSpecification(page: Page, email: string, password?: string): Promise<void> {
  await signInThroughPage(page, email, password);
  await openDemoWorkspace(page);
  await page.locator('section[aria-labelledby="specifications-heading"] table a').first().click();
  await waitUntilLoaded(page);
}

describe('publishing a specification and reading it as a provider', () => {
  const app = appInBrowser();
  let workspaceId = '';
  let secondProvider: SessionResponse;

  beforeAll(async () => {
    const commissioner = await signIn(app.url, DEMO_EMAIL.commissioner);
    const workspaces = await api<WorkspaceSummary[]>(app.url, 'GET', '/api/workspaces', {
      token: commissioner,
    });
    workspaceId = workspaces.body[0]!.id;
    // A second provider organisation, to see answers without the asker's name.
    secondProvider = await joinByLink(app.url, commissioner, workspaceId, {
      name: 'Priya Second',
      email: 'second-provider@example.test',
    });
    const changed = await api(
      app.url,
      'PATCH',
      `/api/workspaces/${workspaceId}/members/${secondProvider.user.id}`,
      { token: commissioner, body: { role: 'provider', organisation: 'Second Steps CIC' } },
    );
    expect(changed.status).toBe(200);
  });

  it('the commissioner publishes, a provider reads with no way to the draft, asks, and every provider sees the answer without the asker', () =>
    app.withPage((commissioner) =>
      app.withPage((provider) =>
        app.withPage(async (otherProvider) => {
          // The commissioner publishes from the specification page, checking before sending.
          await openDemoSpecification(commissioner, DEMO_EMAIL.commissioner);
          await commissioner.getByRole('link', { name: 'Publish a version' }).click();
          await commissioner.getByLabel('Name of this version').fill('For market engagement');
          await commissioner
            .getByLabel('Release notes (optional)')
            .fill('The first version for providers to read.');
          await fillDateInput(
            commissioner,
            'Clarification questions close (optional)',
            '2099-12-31',
          );
          await commissioner.getByRole('button', { name: 'Continue' }).click();
          await commissioner.getByRole('heading', { name: /Check before publishing/ }).waitFor();
          await checkScreen(commissioner, 'publishing-check');
          await commissioner.getByRole('button', { name: 'Publish version' }).click();
          await commissioner.getByRole('heading', { name: 'Version 1 published' }).waitFor();
          await checkScreen(commissioner, 'publishing-published');

          // The provider lands on what they may see: the workspace, the published text.
          const draftRequests = watchForDraftRequests(provider);
          await signInThroughPage(provider, DEMO_EMAIL.provider);
          await openDemoWorkspace(provider);
          expect(await teamOnlyLinksOn(provider)).toEqual([]);
          // Comment threads belong to drafts: a provider's header has notices, no inbox.
          expect(await provider.getByRole('link', { name: /^Inbox/ }).count()).toBe(0);
          expect(await provider.getByRole('link', { name: /^Notices/ }).count()).toBe(1);
          await checkScreen(provider, 'provider-workspace');
          await provider
            .locator('section[aria-labelledby="specifications-heading"] table a')
            .first()
            .click();
          await provider.getByText('Published specification, version 1').waitFor();
          await waitUntilLoaded(provider);
          expect(await provider.locator('.coproduce-editor__content').count()).toBe(0);
          expect(await provider.locator('[contenteditable]').count()).toBe(0);
          expect(await teamOnlyLinksOn(provider)).toEqual([]);
          expect(await provider.locator('.coproduce-published-text h2').count()).toBeGreaterThan(0);
          const contents = provider.getByRole('navigation', { name: 'Contents' });
          expect(await contents.getByRole('link').count()).toBeGreaterThan(0);
          expect(await provider.getByRole('link', { name: /^Word/ }).getAttribute('href')).toMatch(
            /\/versions\/1\/export\?format=docx$/,
          );
          // Downloads the version as Word and as PDF.
          for (const [name, extension] of [
            [/^Word/, '.docx'],
            [/^PDF/, '.pdf'],
          ] as const) {
            const [download] = await Promise.all([
              provider.waitForEvent('download'),
              provider.getByRole('link', { name }).click(),
            ]);
            expect(await download.failure()).toBeNull();
            expect(download.suggestedFilename().endsWith(extension)).toBe(true);
          }
          await provider
            .getByText('You can ask questions until the end of 31 December 2099')
            .waitFor();
          await checkScreen(provider, 'provider-reading-view');

          // A question about one section.
          const section = await provider.locator('#question-section option').nth(1).textContent();
          await provider.getByLabel('What is it about?').selectOption({ label: section ?? '' });
          await provider.getByLabel('Your question').fill(QUESTION);
          await provider.getByRole('button', { name: 'Send question' }).click();
          const mine = provider.locator('.nhsuk-card', { hasText: QUESTION });
          await mine.getByText('Waiting for an answer').waitFor();
          await checkScreen(provider, 'provider-question-asked');

          // The commissioner sees who asked, and answers.
          await commissioner.goto(
            `/workspaces/${workspaceId}/specifications/${provider.url().split('/specifications/')[1]!.split(/[/?#]/)[0]!}/questions`,
          );
          const pending = commissioner.locator('.nhsuk-card', { hasText: QUESTION });
          await pending.getByText(/Asked by/).waitFor();
          await checkScreen(commissioner, 'publishing-questions');
          await pending.getByLabel('Your answer').fill(ANSWER);
          await pending.getByRole('button', { name: 'Publish answer' }).click();
          await commissioner
            .locator('.nhsuk-card', { hasText: ANSWER })
            .getByText(/Answered by/)
            .waitFor();

          // The asker sees the answer arrive, and is told in the header.
          await provider.bringToFront();
          await mine.getByText('Answered', { exact: true }).waitFor();
          await provider.getByRole('link', { name: /^Notices \d+ unread$/ }).waitFor();

          // Another provider reads the question and answer, never who asked.
          const otherDraftRequests = watchForDraftRequests(otherProvider);
          await openDemoSpecification(
            otherProvider,
            'second-provider@example.test',
            'a long enough password',
          );
          const published = otherProvider.locator('.nhsuk-card', { hasText: ANSWER });
          await published.getByText(QUESTION).waitFor();
          const otherText = (await otherProvider.locator('main').textContent()) ?? '';
          // The demo provider (seeded as Chris Morgan of Riverside Families Together) asked.
          for (const asker of [
            'Chris Morgan',
            'Riverside Families Together',
            'provider@demo.test',
          ]) {
            expect(otherText).not.toContain(asker);
          }
          expect(await published.locator('.nhsuk-tag').count()).toBe(0);
          await checkScreen(otherProvider, 'second-provider-answers');

          expect(draftRequests).toEqual([]);
          expect(otherDraftRequests).toEqual([]);
        }),
      ),
    ));

  it('the team compares a checkpoint with the draft, and a provider sees what changed since the version they last read', () =>
    app.withPage((commissioner) =>
      app.withPage(async (provider) => {
        await openDemoSpecification(commissioner, DEMO_EMAIL.commissioner);
        const specificationPath = new URL(commissioner.url()).pathname;
        await commissioner.getByRole('link', { name: 'History and checkpoints' }).click();
        await commissioner.getByLabel('Checkpoint name').fill('Before families choose');
        await commissioner.getByRole('button', { name: 'Save checkpoint' }).click();
        await commissioner.getByText('Checkpoint “Before families choose” saved.').waitFor();
        await checkScreen(commissioner, 'publishing-history');

        // An edit in the draft: a sentence added at the end of a paragraph, its first word removed.
        await commissioner.goto(specificationPath);
        const paragraph = commissioner
          .locator('.coproduce-editor__content p:not(.is-empty)')
          .first();
        await paragraph.waitFor();
        const firstWord = ((await paragraph.textContent()) ?? '').trim().split(/\s+/)[0]!;
        await paragraph.click();
        // Placed through the DOM: End and Home keys go to the ends of a wrapped line.
        await paragraph.evaluate((element) => {
          const range = document.createRange();
          range.selectNodeContents(element);
          range.collapse(false);
          window.getSelection()?.removeAllRanges();
          window.getSelection()?.addRange(range);
          // ProseMirror reads the DOM selection on selectionchange, which the browser fires
          // later: fired now, the editor's own selection is this one before the next key.
          document.dispatchEvent(new Event('selectionchange'));
        });
        await commissioner.keyboard.type(` ${ADDED_WORDS}`);
        await paragraph.evaluate((element) => {
          const text = document.createTreeWalker(element, NodeFilter.SHOW_TEXT).nextNode() as Text;
          const range = document.createRange();
          range.setStart(text, 0);
          range.setEnd(text, text.data.indexOf(' '));
          window.getSelection()?.removeAllRanges();
          window.getSelection()?.addRange(range);
          document.dispatchEvent(new Event('selectionchange'));
        });
        await commissioner.keyboard.press('Delete');
        // "Saved" is still on screen from the typing until the deletion reaches the editor.
        await commissioner.waitForFunction(
          ({ element, word }) => !(element?.textContent ?? '').trim().startsWith(`${word} `),
          { element: await paragraph.elementHandle(), word: firstWord },
        );
        await commissioner.locator('.coproduce-save-status--saved').waitFor();

        await commissioner.goto(`${specificationPath}/history`);
        await commissioner
          .getByRole('link', {
            name: /Compare with the current draft\s*: Checkpoint: Before families choose/,
          })
          .click();
        await commissioner.getByRole('heading', { name: /What changed from/ }).waitFor();
        expect(await commissioner.locator('ins').allTextContents()).toContainEqual(
          expect.stringContaining('Families choose how often'),
        );
        expect((await commissioner.locator('del').allTextContents()).join(' ')).toContain(
          firstWord,
        );
        expect(await commissioner.locator('details summary').count()).toBeGreaterThan(0);
        await checkScreen(commissioner, 'publishing-compare');

        // Version 2, then the provider who read version 1 is offered what changed.
        await commissioner.goto(`${specificationPath}/publish`);
        await commissioner.getByLabel('Name of this version').fill('After the families’ sessions');
        await commissioner.getByRole('button', { name: 'Continue' }).click();
        await commissioner.getByRole('button', { name: 'Publish version' }).click();
        await commissioner.getByRole('heading', { name: 'Version 2 published' }).waitFor();

        const draftRequests = watchForDraftRequests(provider);
        await openDemoSpecification(provider, DEMO_EMAIL.provider);
        await provider.getByText('Published specification, version 2').waitFor();
        await provider
          .getByRole('link', { name: 'What changed since the version you last read' })
          .click();
        await provider.getByRole('heading', { name: /What changed from Version 1/ }).waitFor();
        expect((await provider.locator('ins').allTextContents()).join(' ')).toContain(
          ADDED_WORDS.slice(0, 20),
        );
        await checkScreen(provider, 'provider-compare');
        expect(draftRequests).toEqual([]);
      }),
    ));

  it('restoring a checkpoint after confirming changes the draft in an editor someone else has open, and tells them why', () =>
    app.withPage((commissioner) =>
      app.withPage(async (steering) => {
        await openDemoSpecification(steering, DEMO_EMAIL['steering-member']);
        const editor = steering.locator('.coproduce-editor__content');
        await editor.getByText(ADDED_WORDS).waitFor();

        await openDemoSpecification(commissioner, DEMO_EMAIL.commissioner);
        await commissioner.getByRole('link', { name: 'History and checkpoints' }).click();
        await commissioner
          .getByRole('button', { name: 'Restore “Before families choose”' })
          .click();
        await checkScreen(commissioner, 'publishing-restore-confirm');
        await commissioner.getByRole('button', { name: 'Yes, restore this checkpoint' }).click();
        await commissioner.getByText('Draft restored to “Before families choose”').waitFor();

        await steering.bringToFront();
        await steering
          .getByRole('status')
          .getByText(/restored an earlier checkpoint/)
          .waitFor();
        await steering.waitForFunction(
          (words) =>
            !(document.querySelector('.coproduce-editor__content')?.textContent ?? '').includes(
              words,
            ),
          ADDED_WORDS,
        );
        await checkScreen(steering, 'publishing-restored-in-editor');
      }),
    ));

  it('someone made provider who opens the draft’s address gets the published view, and their copy of the draft leaves the browser', () =>
    app.withPage(async (page) => {
      const commissioner = await signIn(app.url, DEMO_EMAIL.commissioner);
      const person = { name: 'Sam Moved', email: 'made-provider@example.test' };
      const joined = await joinByLink(app.url, commissioner, workspaceId, person);
      await page.goto('/sign-in');
      await fillSignInForm(page, person.email, 'a long enough password');
      await openDemoWorkspace(page);
      await page
        .locator('section[aria-labelledby="specifications-heading"] table a')
        .first()
        .click();
      await page.locator('.coproduce-editor__content').waitFor();
      await eventually(page, (drafts) => drafts.length === 1, 'the copy is kept');

      const draftRequests = watchForDraftRequests(page);
      const changed = await api(
        app.url,
        'PATCH',
        `/api/workspaces/${workspaceId}/members/${joined.user.id}`,
        { token: commissioner, body: { role: 'provider', organisation: 'Moved On Ltd' } },
      );
      expect(changed.status).toBe(200);
      await page.reload();
      await page.getByText(/^Published specification, version \d+/).waitFor();
      expect(await page.locator('.coproduce-editor__content').count()).toBe(0);
      await eventually(page, (drafts) => drafts.length === 0, 'the copy is removed');
      expect(draftRequests).toEqual([]);
    }));
});
