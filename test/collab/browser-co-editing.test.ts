import type { Page } from 'playwright-core';
import { DEMO_EMAIL, signIn } from '../support/api';
import { appInBrowser } from '../support/browser';
import { createSpecification, demoWorkspaceId } from '../support/collab';
import { signInToWorkspaces } from '../browser/screens';

const OFFLINE_MESSAGE =
  'Offline – your changes are kept on this device and will be sent when you reconnect';

describe('two people writing one specification in their browsers', () => {
  const app = appInBrowser();

  async function openEditor(page: Page, email: string, address: string): Promise<void> {
    await signInToWorkspaces(page, email);
    await page.goto(address);
    await page.locator('.coproduce-editor__content').waitFor();
  }

  function editorText(page: Page): Promise<string> {
    return page.locator('.coproduce-editor__content').innerText();
  }

  /** The editor's text without other people's carets, which are drawn inline. */
  function documentText(page: Page): Promise<string> {
    return page.locator('.coproduce-editor__content').evaluate((element) => {
      const copy = element.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
      return copy.textContent ?? '';
    });
  }

  function editorContaining(page: Page, text: string): Promise<void> {
    return page
      .locator('.coproduce-editor__content', { hasText: text })
      .waitFor({ timeout: 15_000 });
  }

  async function typeAtEnd(page: Page, text: string): Promise<void> {
    const lastParagraph = page.locator('.coproduce-editor__content p').last();
    await lastParagraph.click();
    await page.keyboard.press('End');
    await page.keyboard.type(text, { delay: 5 });
  }

  it("each sees the other's words and caret; offline edits arrive on return and Saved shows", async () => {
    const token = await signIn(app.url, DEMO_EMAIL.commissioner);
    const workspaceId = await demoWorkspaceId(app.url, token);
    const docId = await createSpecification(app.url, 'Written in two browsers');
    const address = `/workspaces/${workspaceId}/specifications/${docId}`;

    await app.withPage(async (steering) => {
      await app.withPage(async (expert) => {
        await openEditor(steering, DEMO_EMAIL['steering-member'], address);
        await openEditor(expert, DEMO_EMAIL['expert-by-experience'], address);
        expect(await editorText(steering)).toContain('1. Population needs');

        await typeAtEnd(steering, 'Young people asked for one named worker.');
        await editorContaining(expert, 'Young people asked for one named worker.');
        await typeAtEnd(expert, ' Evening drop-ins, please.');
        await editorContaining(steering, 'Evening drop-ins, please.');

        // The expert's caret, with their name, is shown to the steering member.
        await steering
          .locator('.collaboration-carets__label', { hasText: 'Jordan Reid' })
          .waitFor({ timeout: 15_000 });
        await steering.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

        await steering.context().setOffline(true);
        await steering.getByText(OFFLINE_MESSAGE).waitFor({ timeout: 15_000 });
        await typeAtEnd(steering, ' Written on the train.');
        await steering.context().setOffline(false);

        await steering
          .getByRole('status')
          .filter({ hasText: /^Saved$/ })
          .waitFor({ timeout: 30_000 });
        await editorContaining(expert, 'Written on the train.');
        expect(await documentText(expert)).toBe(await documentText(steering));
      });
    });
  });
});
