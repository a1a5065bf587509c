// Steps with comment threads in the editor, shared by the pages that have them (a
// specification's draft, an engagement copy).
import type { Page } from 'playwright-core';

/** Whether the "Comment" button over the text can be used, i.e. the editor has a selection. */
export const commentButtonUsable = (page: Page, usable: boolean) =>
  page.waitForFunction(
    (wanted) =>
      (document.querySelector('[aria-label="Comments"] button')?.getAttribute('aria-disabled') !==
        'true') ===
      wanted,
    usable,
  );

/**
 * Selects `phrase` in the first paragraph of the text holding it, as a person dragging
 * over it would, and waits until the editor has taken the selection.
 */
export async function selectPhrase(page: Page, phrase: string): Promise<void> {
  const paragraph = page.locator('.coproduce-editor__content p', { hasText: phrase }).first();
  await paragraph.click();
  await commentButtonUsable(page, false);
  await paragraph.evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const texts: Text[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
    const start = texts
      .map((text) => text.data)
      .join('')
      .indexOf(wanted);
    if (start < 0) throw new Error(`The paragraph has no "${wanted}"`);
    // The text node and offset `offset` characters into the paragraph (highlights split it).
    const at = (offset: number): [Text, number] => {
      let left = offset;
      for (const text of texts) {
        if (left <= text.data.length) return [text, left];
        left -= text.data.length;
      }
      throw new Error('Past the end of the paragraph');
    };
    const range = document.createRange();
    range.setStart(...at(start));
    range.setEnd(...at(start + wanted.length));
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  }, phrase);
  await commentButtonUsable(page, true);
}

/** Starts a thread on what is selected, with `body` as its first comment. */
export async function startThread(page: Page, body: string): Promise<void> {
  await page.getByRole('button', { name: 'Comment', exact: true }).click();
  await page.getByRole('combobox', { name: 'New comment' }).fill(body);
  await page.getByRole('button', { name: 'Comment', exact: true }).last().click();
}

/** A thread in the comments panel, by words it quotes or holds. */
export const threadOn = (page: Page, quote: string) =>
  page.locator('.coproduce-thread', { hasText: quote });
