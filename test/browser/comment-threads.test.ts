import type { Locator, Page } from 'playwright-core';
import { appInBrowser } from '../support/browser';
import { selectPhrase, startThread, threadOn } from './comment-steps';
import {
  checkScreen,
  openDemoWorkspace,
  signInThroughPage,
  signInToWorkspaces,
  waitUntilLoaded,
} from './screens';
import { selectFirstWords } from './text-selection';

/** Opens the demo workspace's draft specification and waits for its text and threads. */
async function openDemoSpecification(page: Page, email: string): Promise<void> {
  await signInThroughPage(page, email);
  await openDemoWorkspace(page);
  await page.locator('section[aria-labelledby="specifications-heading"] table a').first().click();
  await page.locator('.coproduce-editor__content').waitFor();
  await waitUntilLoaded(page);
}

/** Selects the first `words` words of a written paragraph and returns the text selected. */
function selectWords(page: Page, words: number, paragraphIndex = 0): Promise<string> {
  return selectFirstWords(
    page.locator('.coproduce-editor__content p:not(.is-empty)').nth(paragraphIndex),
    words,
  );
}

/** The count of unread threads and mentions the header shows (0 when it shows none). */
async function unreadCountOn(page: Page): Promise<number> {
  const link = page.getByRole('link', { name: /^Inbox/ });
  const name = (await link.textContent()) ?? '';
  return Number(/(\d+)/.exec(name)?.[1] ?? 0);
}

/** The thread whose heading quotes exactly `quote` (not one merely mentioning it in a comment). */
const threadQuoted = (page: Page, quote: string) =>
  page.locator('.coproduce-thread').filter({ has: page.locator('h3', { hasText: `“${quote}”` }) });

/** One comment of a thread, by words it holds. */
const commentIn = (thread: Locator, words: string) =>
  thread.locator('.coproduce-comment-item', { hasText: words });

/** The highlight of a thread's text in the editor. */
const highlightOn = (page: Page, threadId: string | null) =>
  page.locator(`.coproduce-comment[data-thread-id="${threadId ?? ''}"]`);

describe('comment threads in the browser, between two people at once', () => {
  const app = appInBrowser();

  it('one starts a thread on a selection, the other sees it at once and replies, it is resolved, an observer only reads', () =>
    app.withPage((commissioner) =>
      app.withPage((steering) =>
        app.withPage(async (observer) => {
          await openDemoSpecification(commissioner, 'commissioner@demo.test');
          await openDemoSpecification(steering, 'steering@demo.test');
          const unreadBefore = await unreadCountOn(steering);

          // Nothing selected: the Comment button says it cannot be used yet.
          const commentButton = commissioner.getByRole('button', { name: 'Comment', exact: true });
          expect(await commentButton.getAttribute('aria-disabled')).toBe('true');

          const quote = await selectWords(commissioner, 3);
          await commissioner.waitForFunction(
            () =>
              document
                .querySelector('[aria-label="Comments"] button')
                ?.getAttribute('aria-disabled') !== 'true',
          );
          await commentButton.click();

          // The composer: typing "@Tom" offers Tom Okafor in a listbox, Enter picks him.
          const composer = commissioner.getByRole('combobox', { name: 'New comment' });
          await composer.pressSequentially('Could this be plainer? @Tom');
          await commissioner.getByRole('option', { name: 'Tom Okafor' }).waitFor();
          expect(await composer.getAttribute('aria-expanded')).toBe('true');
          await composer.press('Enter');
          expect(await composer.inputValue()).toBe('Could this be plainer? @Tom Okafor ');
          await composer.pressSequentially('what do you think?');
          await commissioner.getByRole('button', { name: 'Comment', exact: true }).last().click();
          await threadOn(commissioner, quote).waitFor();
          // The person who started it has it selected, in the text and in the panel.
          const threadId = await commissioner
            .locator('.coproduce-thread[aria-current="true"]')
            .getAttribute('data-thread-id');
          expect(await threadOn(commissioner, quote).getAttribute('data-thread-id')).toBe(threadId);
          const highlightOf = (page: Page) =>
            page.locator(`.coproduce-comment[data-thread-id="${threadId ?? ''}"]`);
          expect(await highlightOf(commissioner).first().getAttribute('class')).toContain(
            'coproduce-comment--selected',
          );

          // The other person sees the highlight and the thread without reloading, and is
          // told they were mentioned. (Each person looks at their own window: Chromium
          // holds back drawing in a window nobody is looking at.)
          await steering.bringToFront();
          const highlight = highlightOf(steering);
          await highlight.first().waitFor();
          expect(await highlight.first().getAttribute('class')).toContain(
            'coproduce-comment--others',
          );
          expect((await highlight.allTextContents()).join('')).toBe(quote.trim());
          const thread = threadOn(steering, quote);
          await thread.getByText('what do you think?').waitFor();
          await steering.getByRole('link', { name: `Inbox ${unreadBefore + 1} unread` }).waitFor();

          // Clicking the highlighted text selects its thread in the panel.
          await highlight.first().click();
          await steering.locator('.coproduce-thread[aria-current="true"]').waitFor();
          await thread.getByRole('button', { name: /^Reply/ }).click();
          await thread.getByRole('combobox', { name: 'Reply' }).fill('Yes: “named worker”.');
          await thread.getByRole('button', { name: 'Reply', exact: true }).click();
          await commissioner.bringToFront();
          await threadOn(commissioner, quote).getByText('Yes: “named worker”.').waitFor();
          await steering.bringToFront();
          await checkScreen(steering, 'specification-comment-threads');

          // Resolved by the commissioner: gone from the other's open list and text at once.
          await threadOn(commissioner, quote)
            .getByRole('button', { name: /^Resolve/ })
            .click();
          await steering.bringToFront();
          await highlight.first().waitFor({ state: 'detached' });
          await steering.getByRole('button', { name: /^Resolved \(/ }).click();
          await threadOn(steering, quote).getByText('Resolved by Priya Shah').waitFor();

          // An observer reads the thread but has nothing to comment with.
          await openDemoSpecification(observer, 'observer@demo.test');
          await observer.getByRole('button', { name: /^Resolved \(/ }).click();
          await threadOn(observer, quote).getByText('Yes: “named worker”.').waitFor();
          expect(await observer.getByRole('button', { name: 'Comment', exact: true }).count()).toBe(
            0,
          );
          expect(await observer.getByRole('button', { name: /^(Reply|Reopen)/ }).count()).toBe(0);
          await checkScreen(observer, 'specification-comment-threads-observer');
        }),
      ),
    ));

  it('the inbox lists a mention and opens the specification with that thread selected', () =>
    app.withPage(async (page) => {
      // The sign-in's own move to the workspaces must land first, or it overtakes the click.
      await signInToWorkspaces(page, 'steering@demo.test');
      await page.getByRole('link', { name: /^Inbox/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
      await waitUntilLoaded(page);
      const item = page
        .locator('.coproduce-inbox__item', { hasText: 'what do you think?' })
        .first();
      expect(await item.textContent()).toContain('Mentioned you');
      await checkScreen(page, 'inbox');

      await item.getByRole('link').click();
      await page.locator('.coproduce-thread[aria-current="true"]').waitFor();
      expect(new URL(page.url()).searchParams.get('thread')).toBeTruthy();
    }));

  it('someone who may comment but not edit starts threads; the keyboard moves between them and back to the text', () =>
    app.withPage(async (page) => {
      // The engagement lead comments on the text without being able to change it.
      await openDemoSpecification(page, 'engagement@demo.test');
      expect(await page.getByRole('toolbar', { name: 'Formatting' }).count()).toBe(0);
      const quotes: string[] = [];
      for (const paragraph of [1, 2]) {
        quotes.push(await selectWords(page, 2, paragraph));
        await page.getByRole('button', { name: 'Comment', exact: true }).click();
        await page.getByRole('combobox', { name: 'New comment' }).fill(`Point ${paragraph}`);
        await page.getByRole('button', { name: 'Comment', exact: true }).last().click();
        await threadOn(page, quotes[paragraph - 1] ?? '').waitFor();
      }
      // The thread selected in the panel once the selection has settled (it lives in the address).
      const selectedAfterMove = async (before: string | null) => {
        await page.waitForFunction((previous) => {
          const selected = document.querySelector('.coproduce-thread[aria-current="true"]');
          const id = selected?.getAttribute('data-thread-id') ?? null;
          return id !== null && id !== previous && selected === document.activeElement;
        }, before);
        return page.evaluate(() => document.activeElement?.getAttribute('data-thread-id') ?? null);
      };

      // The thread just started is selected, and it is the last in the text: "Previous
      // thread" goes to the first, then j and k (or Alt+Down and Alt+Up) move.
      await page.getByRole('button', { name: 'Previous thread' }).click();
      const first = await selectedAfterMove(null);
      await page.keyboard.press('j');
      const second = await selectedAfterMove(first);
      await page.keyboard.press('Alt+ArrowUp');
      expect(await selectedAfterMove(second)).toBe(first);
      await page.keyboard.press('Alt+ArrowDown');
      expect(await selectedAfterMove(first)).toBe(second);
      await page.keyboard.press('k');
      expect(await selectedAfterMove(second)).toBe(first);

      // Enter on a thread opens its reply box; Escape closes it, and again goes to the text.
      await page.keyboard.press('Enter');
      const reply = page.locator('.coproduce-thread[aria-current="true"]').getByRole('combobox');
      await reply.waitFor();
      expect(await reply.evaluate((element) => element === document.activeElement)).toBe(true);
      await page.keyboard.press('Escape');
      expect(
        await page.evaluate(() => document.activeElement?.getAttribute('data-thread-id')),
      ).toBe(first);
      await page.keyboard.press('Escape');
      expect(
        await page.evaluate(() =>
          document.activeElement?.classList.contains('coproduce-editor__content'),
        ),
      ).toBe(true);
    }));

  it('the panel can be put away for the width of the text, stays away on reload, and comes back to comment', () =>
    app.withPage(async (page) => {
      await openDemoSpecification(page, 'steering@demo.test');
      const panel = page.getByRole('complementary', { name: 'Comment threads' });
      await panel.waitFor();

      await page.getByRole('button', { name: 'Hide comments' }).click();
      await panel.waitFor({ state: 'detached' });
      const show = page.getByRole('button', { name: /^Show comments/ });
      expect(await show.evaluate((element) => element === document.activeElement)).toBe(true);
      await checkScreen(page, 'comments-hidden');

      await page.reload();
      await page.locator('.coproduce-editor__content').waitFor();
      await waitUntilLoaded(page);
      expect(await panel.count()).toBe(0);

      // Starting a comment brings the panel back, where the comment is written.
      await selectWords(page, 2);
      await page.getByRole('button', { name: 'Comment', exact: true }).click();
      await page.getByRole('combobox', { name: 'New comment' }).waitFor();
      await page.getByRole('button', { name: 'Cancel' }).click();

      await page.getByRole('button', { name: /^Show comments/ }).click();
      await panel.waitFor();
      await page.reload();
      await panel.waitFor();
    }));
  it('someone deletes the words a thread is on: the other person sees it marked "Text removed" at once, with its quote', () =>
    app.withPage((expert) =>
      app.withPage(async (steering) => {
        await openDemoSpecification(expert, 'expert@demo.test');
        await openDemoSpecification(steering, 'steering@demo.test');
        const quote = 'more families use a personal budget';

        await expert.bringToFront();
        await selectPhrase(expert, quote);
        await startThread(expert, 'Which budgets does this count?');
        const thread = threadQuoted(expert, quote);
        await thread.waitFor();
        const threadId = await thread.getAttribute('data-thread-id');
        expect(await thread.getByText('Text removed', { exact: true }).count()).toBe(0);

        // The other person, editing, deletes exactly those words.
        await steering.bringToFront();
        await highlightOn(steering, threadId).first().waitFor();
        await selectPhrase(steering, quote);
        await steering.keyboard.press('Backspace');
        await highlightOn(steering, threadId).first().waitFor({ state: 'detached' });

        // The first person's panel says so without a reload, and still quotes the words.
        await expert.bringToFront();
        await thread.getByText('Text removed', { exact: true }).waitFor();
        expect(await thread.locator('h3').textContent()).toBe(`Comments on “${quote}”`);
        await thread.getByText('Which budgets does this count?').waitFor();
        expect(await highlightOn(expert, threadId).count()).toBe(0);
        expect(await expert.locator('.coproduce-editor__content').textContent()).not.toContain(
          quote,
        );
        await checkScreen(expert, 'comment-thread-text-removed');
      }),
    ));

  it('the author changes and deletes their comment, the other person sees both at once, and neither may touch the other’s', () =>
    app.withPage((steering) =>
      app.withPage(async (expert) => {
        await openDemoSpecification(steering, 'steering@demo.test');
        await openDemoSpecification(expert, 'expert@demo.test');
        const quote = 'tired of telling their story again';

        await steering.bringToFront();
        await selectPhrase(steering, quote);
        await startThread(steering, 'Could we quote a parent here?');
        const onSteering = threadQuoted(steering, quote);
        await commentIn(onSteering, 'Could we quote a parent here?').waitFor();

        // The other person replies; each has Change and Delete on their own comment only.
        await expert.bringToFront();
        const onExpert = threadQuoted(expert, quote);
        await commentIn(onExpert, 'Could we quote a parent here?').waitFor();
        await onExpert.getByRole('button', { name: /^Reply/ }).click();
        await onExpert.getByRole('combobox', { name: 'Reply' }).fill('Yes, one from the drop-ins.');
        await onExpert.getByRole('button', { name: 'Reply', exact: true }).click();
        const ownControls = /^(Change|Delete) your comment$/;
        const reply = commentIn(onExpert, 'Yes, one from the drop-ins.');
        await reply.waitFor();
        expect(await reply.getByRole('button', { name: ownControls }).count()).toBe(2);
        expect(
          await commentIn(onExpert, 'Could we quote')
            .getByRole('button', { name: ownControls })
            .count(),
        ).toBe(0);

        await steering.bringToFront();
        const replySeen = commentIn(onSteering, 'Yes, one from the drop-ins.');
        await replySeen.waitFor();
        expect(await replySeen.getByRole('button', { name: ownControls }).count()).toBe(0);

        // Changed: the other person sees the new words, marked as edited.
        await commentIn(onSteering, 'Could we quote a parent here?')
          .getByRole('button', { name: 'Change your comment' })
          .click();
        await onSteering
          .getByRole('combobox', { name: 'Change your comment' })
          .fill('Could we quote a parent or carer here?');
        await onSteering.getByRole('button', { name: 'Save comment' }).click();
        await commentIn(onSteering, 'Could we quote a parent or carer here?').waitFor();
        await expert.bringToFront();
        const changed = commentIn(onExpert, 'Could we quote a parent or carer here?');
        await changed.waitFor();
        expect(await changed.textContent()).toContain('(edited)');
        expect(await changed.getByRole('button', { name: ownControls }).count()).toBe(0);

        // Deleted: both see "Comment deleted" in its place; the reply and the thread stay.
        await steering.bringToFront();
        await commentIn(onSteering, 'or carer')
          .getByRole('button', { name: 'Delete your comment' })
          .click();
        await onSteering
          .getByRole('group', { name: 'Delete comment' })
          .getByRole('button', { name: 'Yes, delete it' })
          .click();
        await onSteering.getByText('Comment deleted', { exact: true }).waitFor();
        expect(await commentIn(onSteering, 'or carer').count()).toBe(0);
        await expert.bringToFront();
        await onExpert.getByText('Comment deleted', { exact: true }).waitFor();
        expect(await commentIn(onExpert, 'or carer').count()).toBe(0);
        expect(await reply.getByRole('button', { name: ownControls }).count()).toBe(2);
        await checkScreen(expert, 'comment-deleted');
      }),
    ));

  it('a commissioner resolves a thread someone else started, who sees it and by whom at once; reopened, it is open again for both', () =>
    app.withPage((commissioner) =>
      app.withPage(async (expert) => {
        // The seeded thread the expert by experience started, on the register's name.
        const quote = 'dynamic support register';
        await openDemoSpecification(expert, 'expert@demo.test');
        await openDemoSpecification(commissioner, 'commissioner@demo.test');

        // The expert has the thread selected (as after following a link to it).
        await expert.bringToFront();
        const onExpert = threadQuoted(expert, quote);
        await onExpert.locator('h3').click();
        await expert
          .locator('.coproduce-thread[aria-current="true"]', { hasText: quote })
          .waitFor();
        const threadId = await onExpert.getAttribute('data-thread-id');
        await highlightOn(expert, threadId).first().waitFor();

        await commissioner.bringToFront();
        const onCommissioner = threadQuoted(commissioner, quote);
        // Pressed for as long as a person presses, with the button mid-panel and the top of
        // the card (taller than the panel) out of view: selecting the card on the press must
        // not move the button from under the pointer before it is let go.
        const resolve = onCommissioner.getByRole('button', { name: /^Resolve/ });
        await resolve.evaluate((button) => button.scrollIntoView({ block: 'center' }));
        await resolve.click({ delay: 200 });
        await onCommissioner.getByText(/^Resolved by Priya Shah on /).waitFor();

        // The expert's panel follows the thread into the resolved ones, saying who resolved it.
        await expert.bringToFront();
        await onExpert.getByText(/^Resolved by Priya Shah on /).waitFor();
        expect(await onExpert.getByText('Resolved', { exact: true }).count()).toBe(1);
        expect(
          await expert
            .getByRole('group', { name: 'Show threads' })
            .getByRole('button', { name: /^Resolved \(/ })
            .getAttribute('aria-pressed'),
        ).toBe('true');
        await highlightOn(expert, threadId).first().waitFor({ state: 'detached' });
        await checkScreen(expert, 'comment-thread-resolved-by-someone-else');

        // Reopened: open again on both pages, highlighted in the text again.
        await commissioner.bringToFront();
        await onCommissioner.getByRole('button', { name: /^Reopen/ }).click();
        await onCommissioner.getByRole('button', { name: /^Resolve/ }).waitFor();
        await expert.bringToFront();
        await onExpert.getByRole('button', { name: /^Resolve/ }).waitFor();
        expect(await onExpert.getByText(/^Resolved by/).count()).toBe(0);
        await highlightOn(expert, threadId).first().waitFor();
        expect(
          await expert
            .getByRole('group', { name: 'Show threads' })
            .getByRole('button', { name: /^Open \(/ })
            .getAttribute('aria-pressed'),
        ).toBe('true');
      }),
    ));

  it('the filters show open, resolved, yours and those mentioning you; a new mention joins its filter at once', () =>
    app.withPage((engagement) =>
      app.withPage(async (steering) => {
        // Seeded: Aisha (engagement lead) is mentioned in, and replied to, Tom's open thread
        // on "one named person…"; the expert's on the register is open; the one on the
        // contract is resolved.
        const named = 'one named person who gets to know them';
        const register = 'dynamic support register';
        const contract = 'The contract is for five years from the day the service starts.';
        await openDemoSpecification(engagement, 'engagement@demo.test');
        const filters = engagement.getByRole('group', { name: 'Show threads' });
        const listed = async (label: string) => {
          const button = filters.getByRole('button', { name: new RegExp(`^${label} \\(`) });
          await button.click();
          const list = engagement.getByRole('list', { name: `${label} threads` });
          await list.waitFor();
          expect(await button.getAttribute('aria-pressed')).toBe('true');
          const count = Number(/\((\d+)\)/.exec((await button.textContent()) ?? '')?.[1]);
          const threads = await list.locator('.coproduce-thread').evaluateAll((cards) =>
            cards.map((card) => ({
              quote: /“(.*)”/s.exec(card.querySelector('h3')?.textContent ?? '')?.[1],
              resolved: card.classList.contains('coproduce-thread--resolved'),
            })),
          );
          expect(threads).toHaveLength(count);
          return {
            quotes: threads.map((thread) => thread.quote),
            statuses: new Set(threads.map((thread) => thread.resolved)),
          };
        };

        const open = await listed('Open');
        expect(open.statuses).toEqual(new Set([false]));
        expect(open.quotes).toEqual(expect.arrayContaining([named, register]));
        expect(open.quotes).not.toContain(contract);

        const resolved = await listed('Resolved');
        expect(resolved.statuses).toEqual(new Set([true]));
        expect(resolved.quotes).toContain(contract);
        expect(resolved.quotes).not.toContain(named);

        const yours = await listed('Yours');
        expect(yours.quotes).toContain(named);
        expect(yours.quotes).not.toContain(register);
        expect(yours.quotes).not.toContain(contract);

        const mentioning = await listed('Mentioning you');
        expect(mentioning.quotes).toContain(named);
        expect(mentioning.quotes).not.toContain(register);
        expect(mentioning.quotes).not.toContain(contract);
        await checkScreen(engagement, 'comment-threads-mentioning-you');

        // Someone mentions her in a new thread: it joins the list she is looking at.
        const quote = 'share what they know';
        await openDemoSpecification(steering, 'steering@demo.test');
        await selectPhrase(steering, quote);
        await steering.getByRole('button', { name: 'Comment', exact: true }).click();
        const composer = steering.getByRole('combobox', { name: 'New comment' });
        await composer.pressSequentially('@Aisha');
        await steering.getByRole('option', { name: 'Aisha Begum' }).waitFor();
        await composer.press('Enter');
        await composer.pressSequentially('could we name the events?');
        await steering.getByRole('button', { name: 'Comment', exact: true }).last().click();
        await threadQuoted(steering, quote).waitFor();

        await engagement.bringToFront();
        await threadQuoted(engagement, quote).waitFor();
        const after = await listed('Mentioning you');
        expect(after.quotes).toHaveLength(mentioning.quotes.length + 1);
        // It is not hers: she has not written in it.
        expect((await listed('Yours')).quotes).not.toContain(quote);
      }),
    ));
});
