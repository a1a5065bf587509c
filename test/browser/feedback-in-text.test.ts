import type { Page } from 'playwright-core';
import { appInBrowser } from '../support/browser';
import { checkScreen, openDemoWorkspace, signInThroughPage, waitUntilLoaded } from './screens';
import { selectFirstWords } from './text-selection';

/** Opens the demo workspace's draft specification and waits for its text. */
async function openDemoSpecification(page: Page, email: string): Promise<void> {
  await signInThroughPage(page, email);
  await openDemoWorkspace(page);
  await page.locator('section[aria-labelledby="specifications-heading"] table a').first().click();
  await page.locator('.coproduce-editor__content').waitFor();
  await waitUntilLoaded(page);
}

// Words of the demo draft that demo feedback shaped (server/src/modules/seed/demo-engagement.ts).
const NAMED_PERSON = 'one named person who gets to know them';
const NAMED_PERSON_SAID = 'We have had five different workers in three years.';
const STORY_AGAIN = 'they are tired of telling their story again to every new service';

/** The words marked as shaped by one item, read from the text (they may be split by other marks). */
const markedWords = (page: Page, selector: string): Promise<string> =>
  page.evaluate(
    (each) =>
      Array.from(document.querySelectorAll(`.coproduce-editor__content ${each}`))
        .map((element) => element.textContent ?? '')
        .join(''),
    selector,
  );

/** The id of the feedback item whose marked words hold `words`. */
async function feedbackIdOn(page: Page, words: string): Promise<string> {
  const id = await page
    .locator('.coproduce-feedback-text', { hasText: words.split(' ').slice(0, 3).join(' ') })
    .first()
    .getAttribute('data-feedback-id');
  if (!id) throw new Error(`No feedback marks "${words}"`);
  return id;
}

const cardOf = (page: Page, feedbackId: string) =>
  page.locator(`.coproduce-feedback-item[data-feedback-id="${feedbackId}"]`);

/** Selects the first `words` words of the first written paragraph no feedback has shaped. */
function selectWordsOutsideFeedback(page: Page, words: number): Promise<string> {
  return selectFirstWords(
    page
      .locator('.coproduce-editor__content p:not(.is-empty)')
      .filter({ hasNot: page.locator('.coproduce-feedback-text') })
      .first(),
    words,
  );
}

describe('the feedback behind a specification’s text, in the browser', () => {
  const app = appInBrowser();

  it('a commissioner sees the words feedback shaped, goes between them and the feedback, opens an item by its address, and links another', () =>
    app.withPage(async (page) => {
      await openDemoSpecification(page, 'commissioner@demo.test');

      // The words the demo feedback shaped are marked, with a marker in the margin.
      const namedPersonId = await feedbackIdOn(page, NAMED_PERSON);
      expect(await markedWords(page, `[data-feedback-id="${namedPersonId}"]`)).toBe(NAMED_PERSON);
      expect(
        await page.getByRole('img', { name: /^Feedback: \d+ items?$/ }).count(),
      ).toBeGreaterThan(3);
      // Its paragraph's marker counts two items: this one, and "coordinates the support around them".
      const marker = page.locator(
        `.coproduce-feedback-marker[data-feedback-ids~="${namedPersonId}"]`,
      );
      expect(await marker.getAttribute('aria-label')).toBe('Feedback: 2 items');

      // The panel, switched to from the comments, lists the feedback in the order of the text.
      await page.getByRole('button', { name: /^Show feedback/ }).click();
      const panel = page.getByRole('complementary', { name: 'Feedback behind this text' });
      await panel.waitFor();
      expect(await page.getByRole('complementary', { name: 'Comment threads' }).count()).toBe(0);
      const card = cardOf(page, namedPersonId);
      await card.waitFor();
      expect(await card.textContent()).toContain(NAMED_PERSON_SAID);
      expect(await card.textContent()).toContain('Reflected in the specification');
      expect(await card.textContent()).toContain('Parents and carers');
      expect(await card.textContent()).toContain('One person who stays');
      const order = await panel
        .locator('.coproduce-feedback-item')
        .evaluateAll((cards) => cards.map((each) => each.getAttribute('data-feedback-id')));
      const storyAgainId = await feedbackIdOn(page, STORY_AGAIN);
      // Section 1.2 comes before section 3.1.
      expect(order.indexOf(storyAgainId)).toBeLessThan(order.indexOf(namedPersonId));
      await checkScreen(page, 'specification-feedback-panel');

      // Choosing an item selects its words in the text; "Go to the words" takes focus there.
      await card.click();
      await page
        .locator(
          `.coproduce-feedback-item[aria-current="true"][data-feedback-id="${namedPersonId}"]`,
        )
        .waitFor();
      await page.waitForFunction(
        (words) =>
          Array.from(document.querySelectorAll('.coproduce-feedback-text--selected'))
            .map((element) => element.textContent)
            .join('') === words,
        NAMED_PERSON,
      );
      await card.getByRole('button', { name: /^Go to the words/ }).click();
      await page.waitForFunction(
        (words) =>
          document.activeElement?.classList.contains('coproduce-editor__content') === true &&
          window.getSelection()?.toString() === words,
        NAMED_PERSON,
      );

      // Clicking words feedback shaped chooses their item in the panel.
      await page
        .locator(`.coproduce-feedback-text[data-feedback-id="${storyAgainId}"]`)
        .first()
        .click();
      await page
        .locator(
          `.coproduce-feedback-item[aria-current="true"][data-feedback-id="${storyAgainId}"]`,
        )
        .waitFor();

      // The feedback list's link: the address names the item; the panel opens with it chosen
      // and its words scrolled into view.
      const address = new URL(page.url());
      expect(address.searchParams.get('feedback')).toBe(storyAgainId);
      await page.goto(`${address.pathname}?feedback=${namedPersonId}`);
      await page.locator('.coproduce-editor__content').waitFor();
      await page
        .locator(
          `.coproduce-feedback-item[aria-current="true"][data-feedback-id="${namedPersonId}"]`,
        )
        .waitFor();
      await page.waitForFunction((words) => {
        const selected = Array.from(
          document.querySelectorAll('.coproduce-feedback-text--selected'),
        );
        const box = selected[0]?.getBoundingClientRect();
        return (
          selected.map((element) => element.textContent).join('') === words &&
          box !== undefined &&
          box.top >= 0 &&
          box.bottom <= window.innerHeight
        );
      }, NAMED_PERSON);
      await waitUntilLoaded(page);

      // Linking: words selected, an item found by its words, chosen and linked.
      const quote = await selectWordsOutsideFeedback(page, 4);
      const toolbar = page.getByRole('toolbar', { name: 'Feedback' });
      await page.waitForFunction(
        () =>
          document
            .querySelector('[role="toolbar"][aria-label="Feedback"] button')
            ?.getAttribute('aria-disabled') !== 'true',
      );
      await toolbar.getByRole('button', { name: 'Link feedback' }).click();
      const form = page.locator('section[aria-labelledby="link-feedback-heading"]');
      await form.waitFor();
      expect(await form.textContent()).toContain(`To the words “${quote}”`);
      const search = form.getByRole('searchbox', { name: 'Find feedback' });
      expect(await search.evaluate((element) => element === document.activeElement)).toBe(true);

      // Nothing chosen: told in plain words.
      await form.locator('.coproduce-feedback-link__found:not(:empty)').waitFor();
      await form.getByRole('button', { name: 'Link feedback' }).click();
      await form.getByText('Choose the feedback to link to these words').first().waitFor();

      await search.fill('Text me');
      await form.getByRole('button', { name: 'Search' }).click();
      await form.getByText('1 item has the words “Text me”.').waitFor();
      const choice = form.getByRole('radio', { name: /Text me\. Don’t send letters/ });
      await checkScreen(page, 'specification-link-feedback');
      await choice.check();
      await form.getByRole('button', { name: 'Link feedback' }).click();
      await form.waitFor({ state: 'detached' });

      // The panel lists it, chosen, with the words it now shaped; the words are marked.
      const linked = page.locator('.coproduce-feedback-item[aria-current="true"]', {
        hasText: 'Text me. Don’t send letters to my mum.',
      });
      await linked.waitFor();
      expect(await linked.locator('q').allTextContents()).toContain(quote);
      const linkedId = (await linked.getAttribute('data-feedback-id')) ?? '';
      await page.waitForFunction(
        ({ id, words }) =>
          Array.from(
            document.querySelectorAll(
              `.coproduce-editor__content .coproduce-feedback-text[data-feedback-id="${id}"]`,
            ),
          )
            .map((element) => element.textContent)
            .join('') === words,
        { id: linkedId, words: quote },
      );
      await checkScreen(page, 'specification-feedback-linked');
    }));

  it('an observer sees the marked words and the panel, but has nothing to link with', () =>
    app.withPage(async (page) => {
      await openDemoSpecification(page, 'observer@demo.test');
      const namedPersonId = await feedbackIdOn(page, NAMED_PERSON);
      await page
        .getByRole('img', { name: /^Feedback: \d items?$/ })
        .first()
        .waitFor();
      await page.getByRole('button', { name: /^Show feedback/ }).click();
      await cardOf(page, namedPersonId).waitFor();
      expect(await page.getByRole('button', { name: 'Link feedback' }).count()).toBe(0);
      expect(await page.getByRole('toolbar', { name: 'Feedback' }).count()).toBe(0);

      // Hiding the panel gives the comments their place back, and focus to the way back.
      await page.getByRole('button', { name: 'Hide feedback' }).click();
      await page.getByRole('complementary', { name: 'Comment threads' }).waitFor();
      const show = page.getByRole('button', { name: /^Show feedback/ });
      expect(await show.evaluate((element) => element === document.activeElement)).toBe(true);
      await show.click();
      await cardOf(page, namedPersonId).waitFor();
      await checkScreen(page, 'specification-feedback-observer');

      // The keyboard: J (or Alt+Down) moves to the next item, Escape to its words, selected.
      const ids = await page
        .locator('.coproduce-feedback-item')
        .evaluateAll((cards) => cards.map((each) => each.getAttribute('data-feedback-id') ?? ''));
      const [first = '', second = ''] = ids;
      await cardOf(page, first).locator('h3').click();
      await page
        .locator(`.coproduce-feedback-item[aria-current="true"][data-feedback-id="${first}"]`)
        .waitFor();
      await page.keyboard.press('j');
      await page.waitForFunction(
        (id) =>
          document.activeElement?.getAttribute('data-feedback-id') === id &&
          document.activeElement.getAttribute('aria-current') === 'true',
        second,
      );
      const words = await markedWords(page, `[data-feedback-id="${second}"]`);
      await page.keyboard.press('Escape');
      await page.waitForFunction(
        (expected) =>
          document.activeElement?.classList.contains('coproduce-editor__content') === true &&
          window.getSelection()?.toString() === expected,
        words,
      );
    }));
});
