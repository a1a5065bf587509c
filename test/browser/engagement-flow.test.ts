import type { Page } from 'playwright-core';
import { DEMO_EMAIL } from '../support/api';
import { appInBrowser } from '../support/browser';
import { checkScreen, openDemoWorkspace, signInToWorkspaces, waitUntilLoaded } from './screens';
import { fillDateInput } from './date-input';

const SAID = 'Families want evening sessions at the family hub.';
const WORDS = 'The NHS Long Term Plan';

/** Selects `words` at the start of the first paragraph that begins with them, as a person dragging over them. */
async function selectStartOfParagraph(page: Page, words: string): Promise<void> {
  const paragraph = page.locator('.coproduce-editor__content p', { hasText: words }).first();
  await paragraph.click();
  await paragraph.evaluate((element, length) => {
    const text = document.createTreeWalker(element, NodeFilter.SHOW_TEXT).nextNode() as Text;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, length);
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
  }, words.length);
}

describe('from what people said at an event to the words of the specification, and the report', () => {
  const app = appInBrowser();

  it('the engagement lead records an event and its feedback, links it to words of the draft, and the commissioner shows its path and prints the report', async () => {
    await app.withPage(async (lead) => {
      await signInToWorkspaces(lead, DEMO_EMAIL['engagement-lead']);
      await openDemoWorkspace(lead);
      const workspacePath = new URL(lead.url()).pathname;
      await lead.getByRole('link', { name: 'Engagement', exact: true }).click();
      await lead.getByRole('link', { name: 'Record an engagement event' }).click();
      await lead.getByLabel('Drop-in session').check();
      await lead.getByLabel('Title').fill('Evening drop-in at the family hub');
      await fillDateInput(lead, 'Date', '2026-11-19');
      await lead.getByLabel('Start time').fill('18:00');
      await lead.getByRole('textbox', { name: 'Place' }).fill('Riverside Family Hub');
      await lead.getByLabel('Parents and carers').fill('11');
      await lead.getByRole('button', { name: 'Record event' }).click();
      await lead
        .getByRole('heading', { level: 1, name: 'Evening drop-in at the family hub' })
        .waitFor();
      await lead.getByText('11 people took part in all').waitFor();

      await lead.getByLabel('What was said').fill(SAID);
      await lead.getByLabel('A summary').check();
      await lead
        .getByRole('group', { name: 'Who said it?' })
        .getByLabel('Parents and carers')
        .check();
      await lead.getByLabel('Or add a new theme (optional)').fill('Evening sessions');
      await lead.getByRole('button', { name: 'Add feedback' }).click();
      await lead.getByText('Feedback added').waitFor();

      // In the draft: the words it shaped, selected, and the feedback linked to them.
      await lead.goto(workspacePath);
      await lead
        .locator('section[aria-labelledby="specifications-heading"] table a')
        .first()
        .click();
      await lead.locator('.coproduce-editor__content').waitFor();
      await waitUntilLoaded(lead);
      await selectStartOfParagraph(lead, WORDS);
      const toolbar = lead.getByRole('toolbar', { name: 'Feedback' });
      await lead.waitForFunction(
        () =>
          document
            .querySelector('[role="toolbar"][aria-label="Feedback"] button')
            ?.getAttribute('aria-disabled') !== 'true',
      );
      await toolbar.getByRole('button', { name: 'Link feedback' }).click();
      const form = lead.locator('section[aria-labelledby="link-feedback-heading"]');
      await form.getByRole('searchbox', { name: 'Find feedback' }).fill('evening sessions');
      await form.getByRole('button', { name: 'Search' }).click();
      await form.getByRole('radio', { name: new RegExp(SAID.slice(0, 30)) }).check();
      await form.getByRole('button', { name: 'Link feedback' }).click();
      await form.waitFor({ state: 'detached' });
      const linked = lead.locator('.coproduce-feedback-item', { hasText: SAID });
      await linked.waitFor();
      expect(await linked.locator('q').allTextContents()).toContain(WORDS);
    });

    await app.withPage(async (commissioner) => {
      // The commissioner finds the feedback in the list and follows its path into the text.
      await signInToWorkspaces(commissioner, DEMO_EMAIL.commissioner);
      await openDemoWorkspace(commissioner);
      await commissioner.getByRole('link', { name: 'Engagement', exact: true }).click();
      await commissioner.getByRole('link', { name: 'Feedback', exact: true }).click();
      await waitUntilLoaded(commissioner);
      const item = commissioner.locator('li, article', { hasText: SAID }).last();
      await item
        .getByRole('link', { name: /Key worker service/ })
        .first()
        .click();
      await commissioner.locator('.coproduce-editor__content').waitFor();
      // The panel opens with it chosen, and the words it shaped are marked as chosen.
      await commissioner
        .locator('.coproduce-feedback-item[aria-current="true"]', { hasText: SAID })
        .waitFor();
      await commissioner.waitForFunction(
        (words) =>
          Array.from(document.querySelectorAll('.coproduce-feedback-text--selected'))
            .map((element) => element.textContent)
            .join('') === words,
        WORDS,
      );
      await checkScreen(commissioner, 'engagement-feedback-path-into-text');

      // And prints "You said, we did", quoting the words as they read now.
      await commissioner.getByRole('link', { name: 'You said, we did' }).click();
      await commissioner.getByRole('heading', { level: 1, name: /You said, we did/ }).waitFor();
      await waitUntilLoaded(commissioner);
      const reported = commissioner.locator('.coproduce-yswd__item', { hasText: SAID });
      await reported.waitFor();
      expect(await reported.locator('q').allTextContents()).toContain(WORDS);
      expect(
        await commissioner.getByRole('heading', { name: 'Evening sessions' }).count(),
      ).toBeGreaterThan(0);
      await checkScreen(commissioner, 'engagement-you-said-we-did-with-new-feedback');
    });
  });
});
