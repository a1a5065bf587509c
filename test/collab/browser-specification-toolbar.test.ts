// The specification editor's formatting toolbar, as people use it: with a pointer, with
// the keyboard alone, next to someone else writing, and not at all when they may only read.
import type { Locator, Page } from 'playwright-core';
import { DEMO_EMAIL, signIn } from '../support/api';
import { appInBrowser } from '../support/browser';
import { changeDemoRole, createSpecification, demoWorkspaceId } from '../support/collab';
import { checkScreen, signInToWorkspaces } from '../browser/screens';

/**
 * Yjs folds one person's changes made less than 500 ms apart into one undo step; waiting
 * longer between two changes keeps them separate steps, as a person's pauses do.
 */
const BETWEEN_UNDO_STEPS_MS = 700;

describe('the formatting toolbar of the specification editor', () => {
  const app = appInBrowser();
  let workspaceId = '';

  beforeAll(async () => {
    workspaceId = await demoWorkspaceId(app.url, await signIn(app.url, DEMO_EMAIL.commissioner));
  });

  /**
   * A specification of its own for a test that writes, so no caret left by an earlier test
   * is in the text. (Few: each one is a commissioner's sign-in, and sign-ins are throttled.)
   */
  async function newSpecification(): Promise<string> {
    const docId = await createSpecification(app.url, 'Formatted together');
    return `/workspaces/${workspaceId}/specifications/${docId}`;
  }

  async function openEditor(page: Page, email: string, address: string): Promise<void> {
    await signInToWorkspaces(page, email);
    await page.goto(address);
    await page.locator('.coproduce-editor__content').waitFor();
  }

  const toolbarOf = (page: Page) => page.getByRole('toolbar', { name: 'Formatting' });
  const control = (page: Page, name: string): Locator =>
    toolbarOf(page).getByRole('button', { name, exact: true });
  const content = (page: Page) => page.locator('.coproduce-editor__content');

  async function expectAttribute(locator: Locator, name: string, value: string | null) {
    await locator
      .page()
      .waitForFunction(
        ([element, attribute, expected]) => element?.getAttribute(attribute) === expected,
        [await locator.elementHandle(), name, value] as const,
      );
  }

  /**
   * Selects the first word of the paragraph the caret is in, with the keyboard. The browser
   * tells the editor about a new selection in a later task, so this waits for that before the
   * next key (which, from a person, comes long after).
   */
  async function selectFirstWord(page: Page): Promise<void> {
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+Control+ArrowRight');
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
  }

  /**
   * Writes `text` in one of the template's empty paragraphs (numbered from 0), each person in
   * their own. A click beside a line's text (not on it) leaves placing the caret to the
   * browser, and the editor takes it from \`selectionchange\` some milliseconds later; keys a
   * test presses sooner than a person could would use the old selection.
   */
  async function writeInParagraph(page: Page, index: number, text: string): Promise<void> {
    await content(page).locator('p').nth(index).click();
    await page.keyboard.type(text, { delay: 5 });
  }

  it("formats with a pointer; the other person sees it; undo takes back only one's own changes", async () => {
    await app.withPage(async (steering) => {
      await app.withPage(async (expert) => {
        const address = await newSpecification();
        await openEditor(steering, DEMO_EMAIL['steering-member'], address);
        await openEditor(expert, DEMO_EMAIL['expert-by-experience'], address);
        await toolbarOf(steering).waitFor();
        await expectAttribute(control(steering, 'Undo'), 'aria-disabled', 'true');
        await expectAttribute(control(steering, 'Redo'), 'aria-disabled', 'true');

        await writeInParagraph(expert, 0, 'Evening drop-ins, please.');
        await content(steering).getByText('Evening drop-ins, please.').waitFor();
        await writeInParagraph(steering, 1, 'Named workers matter.');
        await content(expert).getByText('Named workers matter.').waitFor();
        await expectAttribute(control(steering, 'Undo'), 'aria-disabled', null);

        await steering.waitForTimeout(BETWEEN_UNDO_STEPS_MS);
        await selectFirstWord(steering);
        await expectAttribute(control(steering, 'Bold'), 'aria-pressed', 'false');
        await control(steering, 'Bold').click();
        await expectAttribute(control(steering, 'Bold'), 'aria-pressed', 'true');
        await content(expert).locator('strong', { hasText: 'Named' }).waitFor();

        await steering.waitForTimeout(BETWEEN_UNDO_STEPS_MS);
        await control(steering, 'Bullets').click();
        await expectAttribute(control(steering, 'Bullets'), 'aria-pressed', 'true');
        // "workers matter.": the steering member's caret, with their name, sits after "Named".
        await content(expert).locator('ul li', { hasText: 'workers matter.' }).waitFor();

        // Pressed follows the caret: out of the bold word, then back into it.
        await steering.keyboard.press('End');
        await expectAttribute(control(steering, 'Bold'), 'aria-pressed', 'false');
        await steering.keyboard.press('Home');
        await steering.keyboard.press('ArrowRight');
        await expectAttribute(control(steering, 'Bold'), 'aria-pressed', 'true');
        await checkScreen(steering, 'specification-toolbar');

        // Each undo takes back one of the steering member's own steps, newest first.
        await control(steering, 'Undo').click();
        await content(expert).locator('ul').waitFor({ state: 'detached' });
        expect(await content(expert).locator('strong').count()).toBe(1);
        await expectAttribute(control(steering, 'Redo'), 'aria-disabled', null);
        await control(steering, 'Undo').click();
        await content(expert).locator('strong').waitFor({ state: 'detached' });
        await control(steering, 'Undo').click();
        await content(expert)
          .getByText('workers matter.')
          .waitFor({ state: 'detached', timeout: 15_000 });
        expect(await content(expert).innerText()).toContain('Evening drop-ins, please.');
        expect(await content(steering).innerText()).toContain('Evening drop-ins, please.');
        await expectAttribute(control(steering, 'Undo'), 'aria-disabled', 'true');

        await control(steering, 'Redo').click();
        await content(expert).getByText('workers matter.').waitFor({ timeout: 15_000 });
      });
    });
  });

  it('is one tab stop, moved through with the arrow keys and used with Enter and Space', async () => {
    await app.withPage(async (steering) => {
      await openEditor(steering, DEMO_EMAIL['steering-member'], await newSpecification());
      await writeInParagraph(steering, 0, 'Keyboard only.');
      await selectFirstWord(steering);

      const focusedName = () =>
        steering.evaluate(() => {
          const focused = document.activeElement;
          if (!focused?.closest('[role="toolbar"]')) return null;
          return focused instanceof HTMLSelectElement ? 'Paragraph style' : focused.textContent;
        });
      // Before the text, the switch to the feedback panel (the comments panel is open), then
      // the Comment button, a toolbar of its own, between the formatting and the text.
      await steering.keyboard.press('Shift+Tab');
      expect(await steering.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(
        /^Show feedback/,
      );
      await steering.keyboard.press('Shift+Tab');
      expect(await focusedName()).toBe('Comment');
      await steering.keyboard.press('Shift+Tab');
      expect(await focusedName()).toBe('Undo');
      await steering.keyboard.press('ArrowRight');
      expect(await focusedName()).toBe('Redo');
      await steering.keyboard.press('ArrowRight');
      expect(await focusedName()).toBe('Paragraph style');
      await steering.keyboard.press('ArrowRight');
      expect(await focusedName()).toBe('Bold');
      await steering.keyboard.press('Enter');
      await expectAttribute(control(steering, 'Bold'), 'aria-pressed', 'true');
      await content(steering).locator('strong', { hasText: 'Keyboard' }).waitFor();
      await steering.keyboard.press('Space');
      await expectAttribute(control(steering, 'Bold'), 'aria-pressed', 'false');
      await steering.keyboard.press('End');
      expect(await focusedName()).toBe('Numbering');
      await steering.keyboard.press('Home');
      expect(await focusedName()).toBe('Undo');
      await steering.keyboard.press('ArrowLeft');
      expect(await focusedName()).toBe('Numbering');

      // One tab stop: Tab leaves (past Comment and the feedback panel's switch) for the text,
      // and Shift+Tab comes back to the same control.
      const focusedText = () => steering.evaluate(() => document.activeElement?.textContent ?? '');
      await steering.keyboard.press('Tab');
      expect(await focusedName()).toBe('Comment');
      await steering.keyboard.press('Tab');
      expect(await focusedText()).toMatch(/^Show feedback/);
      await steering.keyboard.press('Tab');
      expect(await focusedName()).toBeNull();
      expect(
        await steering.evaluate(() =>
          document.activeElement?.classList.contains('coproduce-editor__content'),
        ),
      ).toBe(true);
      await steering.keyboard.press('Shift+Tab');
      expect(await focusedText()).toMatch(/^Show feedback/);
      await steering.keyboard.press('Shift+Tab');
      expect(await focusedName()).toBe('Comment');
      await steering.keyboard.press('Shift+Tab');
      expect(await focusedName()).toBe('Numbering');
      await steering.keyboard.press('Space');
      await content(steering).locator('ol li', { hasText: 'Keyboard only.' }).waitFor();

      const shortcut = await control(steering, 'Bold').evaluate((button) => {
        const id = button.getAttribute('aria-describedby') ?? '';
        return document.getElementById(id)?.textContent;
      });
      expect(shortcut).toBe('Keyboard shortcut Ctrl+B');

      await toolbarOf(steering).getByLabel('Paragraph style').selectOption('Heading 4');
      await content(steering).locator('h4', { hasText: 'Keyboard only.' }).waitFor();
      await outlineHas(steering, 'Keyboard only.');
    });
  });

  async function outlineHas(page: Page, text: string): Promise<void> {
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: text })
      .waitFor();
  }

  it('has targets of at least 24 by 24 pixels, stays in view, and works in the plainer view', async () => {
    await app.withPage(async (expert) => {
      await openEditor(expert, DEMO_EMAIL['expert-by-experience'], await newSpecification());
      await expert.getByLabel('Larger text and a plainer view').check();
      await expert.locator('.coproduce-editor--plain').waitFor();
      for (const box of await toolbarOf(expert)
        .locator('button, select')
        .evaluateAll((controls) => controls.map((element) => element.getBoundingClientRect()))) {
        expect(box.width).toBeGreaterThanOrEqual(24);
        expect(box.height).toBeGreaterThanOrEqual(24);
      }
      await expert.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      const top = await toolbarOf(expert).evaluate(
        (element) => element.getBoundingClientRect().top,
      );
      expect(top).toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(5);
      await checkScreen(expert, 'specification-toolbar-plain-view');
    });
  }, 60_000);

  it('is not there for an observer, and follows their role changing while the page is open', async () => {
    await app.withPage(async (observer) => {
      await openEditor(observer, DEMO_EMAIL.observer, await newSpecification());
      await observer.getByText('Your role does not let you edit it.').waitFor();
      expect(await toolbarOf(observer).count()).toBe(0);

      await changeDemoRole(app.url, DEMO_EMAIL.observer, 'steering-member');
      try {
        await toolbarOf(observer).waitFor();
      } finally {
        await changeDemoRole(app.url, DEMO_EMAIL.observer, 'observer');
      }
      await toolbarOf(observer).waitFor({ state: 'detached' });
    });
  });
});
