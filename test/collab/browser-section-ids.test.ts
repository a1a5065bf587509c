// Stable section ids as people make them: a heading written in the editor gets one of its
// own, a split heading does not end up with two sections of one id, and the outline,
// the editor's page and every other copy of the document name each section the same way.
import type { Page } from 'playwright-core';
import { readOutline } from '@coproduce/specification-document';
import { DEMO_EMAIL, signIn } from '../support/api';
import { appInBrowser } from '../support/browser';
import {
  connectAs,
  createSpecification,
  demoWorkspaceId,
  eventually,
  openSpecification,
} from '../support/collab';
import { signInToWorkspaces } from '../browser/screens';

const SECTION_ID = /^[\w-]{12}$/;

describe('section ids in the specification editor', () => {
  const app = appInBrowser();

  const content = (page: Page) => page.locator('.coproduce-editor__content');

  /** Every heading in the editor, in order, with its HTML id. */
  function headingsOf(page: Page): Promise<{ id: string; text: string }[]> {
    return content(page)
      .locator('h2, h3, h4')
      .evaluateAll((headings) => headings.map((h) => ({ id: h.id, text: h.textContent ?? '' })));
  }

  /**
   * The browser tells the editor about a new caret position in a later task; a person's
   * next key comes long after, a test's must wait for it.
   */
  function caretSettled(page: Page): Promise<unknown> {
    return page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
  }

  it('a heading someone writes, and each half of one they split, is a section of its own', async () => {
    const token = await signIn(app.url, DEMO_EMAIL.commissioner);
    const workspaceId = await demoWorkspaceId(app.url, token);
    const docId = await createSpecification(app.url, 'Sections of our own');

    await app.withPage(async (steering) => {
      await signInToWorkspaces(steering, DEMO_EMAIL['steering-member']);
      await steering.goto(`/workspaces/${workspaceId}/specifications/${docId}`);
      await content(steering).locator('p').first().click();
      await steering.keyboard.type('Exclusions', { delay: 5 });
      await steering
        .getByRole('toolbar', { name: 'Formatting' })
        .getByLabel('Paragraph style')
        .selectOption('Heading 3');
      const written = content(steering).locator('h3', { hasText: 'Exclusions' });
      await written.waitFor();

      const headings = await headingsOf(steering);
      expect(headings.every((heading) => SECTION_ID.test(heading.id))).toBe(true);
      expect(new Set(headings.map((heading) => heading.id)).size).toBe(headings.length);
      const exclusions = headings.find((heading) => heading.text === 'Exclusions')!;
      const link = steering
        .getByRole('navigation', { name: 'Sections' })
        .getByRole('link', { name: 'Exclusions' });
      expect(await link.getAttribute('href')).toBe(`#${exclusions.id}`);

      // Enter inside a heading splits it in two headings; the first half keeps the id.
      await written.click();
      await caretSettled(steering);
      await steering.keyboard.press('End');
      for (let i = 0; i < 'usions'.length; i += 1) await steering.keyboard.press('ArrowLeft');
      await caretSettled(steering);
      await steering.keyboard.press('Enter');
      await content(steering)
        .locator('h3', { hasText: /^usions$/ })
        .waitFor();
      const split = await headingsOf(steering);
      const first = split.find((heading) => heading.text === 'Excl')!;
      const second = split.find((heading) => heading.text === 'usions')!;
      expect(first.id).toBe(exclusions.id);
      expect(second.id).toMatch(SECTION_ID);
      expect(new Set(split.map((heading) => heading.id)).size).toBe(split.length);

      // Anyone else's copy of the document names the sections as this editor does.
      const observer = await connectAs(app.url, 'observer');
      try {
        const { doc, provider } = await openSpecification(observer, docId);
        await eventually(
          () => readOutline(doc).some((entry) => entry.text === 'usions'),
          'the split heading reaches the observer',
        );
        expect(readOutline(doc).map(({ id, text }) => ({ id, text }))).toEqual(split);
        provider.destroy();
        doc.destroy();
      } finally {
        observer.close();
      }
    });
  });
});
