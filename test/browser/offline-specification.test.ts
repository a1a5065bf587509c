// A specification's unsaved edits on a device with no connection: typed offline, the page
// reloaded while still offline (the app from the service worker, the edits from the
// device's copy), and sent once the connection is back.
import type { Page } from 'playwright-core';
import { DEMO_EMAIL, signIn } from '../support/api';
import { appInBrowser } from '../support/browser';
import { currentText } from '../support/comments';
import { contentOf, createSpecification, demoWorkspaceId } from '../support/collab';
import { checkScreen, signInToWorkspaces } from './screens';

const OFFLINE_MESSAGE =
  'Offline – your changes are kept on this device and will be sent when you reconnect';

async function typeAtEnd(page: Page, text: string): Promise<void> {
  await page.locator('.coproduce-editor__content p').last().click();
  await page.keyboard.press('End');
  await page.keyboard.type(text, { delay: 5 });
}

describe('a specification edited with no connection', () => {
  const app = appInBrowser();

  it('keeps unsaved edits through a reload while offline, and sends them when back online', async () => {
    const token = await signIn(app.url, DEMO_EMAIL.commissioner);
    const workspaceId = await demoWorkspaceId(app.url, token);
    const docId = await createSpecification(app.url, 'Written on a train');
    const words = ` Written with no connection ${Date.now().toString(36)}.`;

    await app.withPage(async (page) => {
      await signInToWorkspaces(page, DEMO_EMAIL['steering-member']);
      await page.goto(`/workspaces/${workspaceId}/specifications/${docId}`);
      await page.locator('.coproduce-editor__content').waitFor();
      await page
        .getByRole('status')
        .filter({ hasText: /^Saved$/ })
        .waitFor();
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });

      await page.context().setOffline(true);
      await page.getByText(OFFLINE_MESSAGE).waitFor({ timeout: 15_000 });
      await typeAtEnd(page, words);
      await page.locator('.coproduce-editor__content', { hasText: words.trim() }).waitFor();

      const reloaded = await page.reload();
      expect(reloaded?.fromServiceWorker()).toBe(true);
      await page
        .locator('.coproduce-editor__content', { hasText: words.trim() })
        .waitFor({ timeout: 15_000 });
      await checkScreen(page, 'specification-offline-reloaded');

      await page.context().setOffline(false);
      await page
        .getByRole('status')
        .filter({ hasText: /^Saved$/ })
        .waitFor({ timeout: 30_000 });
    });

    // "Saved" means the server has them: anyone opening it now reads them.
    const doc = await currentText(app.url, await signIn(app.url, DEMO_EMAIL.observer), docId);
    try {
      expect(contentOf(doc)).toContain(words.trim());
    } finally {
      doc.destroy();
    }
  });
});
