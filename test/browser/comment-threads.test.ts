import type { Page } from 'playwright-core';
import { appInBrowser } from '../support/browser';
import { checkScreen, openDemoWorkspace, signInThroughPage, waitUntilLoaded } from './screens';

/** Opens the demo workspace's draft specification and waits for its text and threads. */
async function openDemoSpecification(page: Page, email: string): Promise<void> {
  await signInThroughPage(page, email);
  await openDemoWorkspace(page);
  await page.locator('section[aria-labelledby="specifications-heading"] table a').first().click();
  await page.locator('.coproduce-editor__content').waitFor();
  await waitUntilLoaded(page);
}

/**
 * Selects the first `words` words of the first written paragraph, as a person dragging
 * over them would, and returns the text selected.
 */
async function selectWords(page: Page, words: number, paragraphIndex = 0): Promise<string> {
  const paragraph = page.locator('.coproduce-editor__content p:not(.is-empty)').nth(paragraphIndex);
  await paragraph.click();
  return paragraph.evaluate((element, count) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const text = walker.nextNode() as Text;
    const match = new RegExp(`^\\s*(?:\\S+\\s+){${count - 1}}\\S+`).exec(text.data);
    const end = match ? match[0].length : text.data.length;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, end);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    return text.data.slice(0, end);
  }, words);
}

/** The count of unread threads and mentions the header shows (0 when it shows none). */
async function unreadCountOn(page: Page): Promise<number> {
  const link = page.getByRole('link', { name: /^Inbox/ });
  const name = (await link.textContent()) ?? '';
  return Number(/(\d+)/.exec(name)?.[1] ?? 0);
}

const threadOn = (page: Page, quote: string) =>
  page.locator('.coproduce-thread', { hasText: quote });

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
      await signInThroughPage(page, 'steering@demo.test');
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
});
