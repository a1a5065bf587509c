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
async function selectWords(page: Page, words: number): Promise<string> {
  const paragraph = page.locator('.coproduce-editor__content p:not(.is-empty)').first();
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

          // The other person sees the highlight and the thread without reloading, and is
          // told they were mentioned.
          const highlight = steering.locator('.coproduce-comment--others');
          await highlight.waitFor();
          expect((await highlight.allTextContents()).join('')).toBe(quote.trim());
          const thread = threadOn(steering, quote);
          await thread.getByText('what do you think?').waitFor();
          await steering.getByRole('link', { name: /Inbox 1 unread/ }).waitFor();
          // The person who started it has it selected, in the text and in the panel.
          await commissioner.locator('.coproduce-comment--selected').first().waitFor();
          await commissioner.locator('.coproduce-thread[aria-current="true"]').waitFor();

          // Clicking the highlighted text selects its thread in the panel.
          await highlight.first().click();
          await steering.locator('.coproduce-thread[aria-current="true"]').waitFor();
          await thread.getByRole('button', { name: /^Reply/ }).click();
          await thread.getByRole('combobox', { name: 'Reply' }).fill('Yes: “named worker”.');
          await thread.getByRole('button', { name: 'Reply', exact: true }).click();
          await threadOn(commissioner, quote).getByText('Yes: “named worker”.').waitFor();
          await checkScreen(steering, 'specification-comment-threads');

          // Resolved by the commissioner: gone from the other's open list and text at once.
          await threadOn(commissioner, quote)
            .getByRole('button', { name: /^Resolve/ })
            .click();
          await steering.locator('.coproduce-comment').waitFor({ state: 'detached' });
          await steering.getByRole('button', { name: 'Resolved (1)' }).click();
          await threadOn(steering, quote).getByText('Resolved by Priya Shah').waitFor();

          // An observer reads the thread but has nothing to comment with.
          await openDemoSpecification(observer, 'observer@demo.test');
          await observer.getByRole('button', { name: 'Resolved (1)' }).click();
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
      const item = page.locator('.coproduce-inbox__item').first();
      expect(await item.textContent()).toContain('Mentioned you');
      await checkScreen(page, 'inbox');

      await item.getByRole('link').click();
      await page.locator('.coproduce-thread[aria-current="true"]').waitFor();
      expect(new URL(page.url()).searchParams.get('thread')).toBeTruthy();
    }));
});
