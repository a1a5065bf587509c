import type { Page } from 'playwright-core';
import { DEMO_EMAIL } from '../support/api';
import { appInBrowser } from '../support/browser';
import { changeDemoRole } from '../support/collab';
import {
  checkScreen,
  eventually,
  localDrafts,
  openDemoWorkspace,
  signInToWorkspaces,
  waitUntilLoaded,
} from './screens';

/** Opens the demo's draft, and waits until this browser keeps a copy of it. */
async function openDemoDraftKeptHere(page: Page): Promise<void> {
  await openDemoWorkspace(page);
  await page.locator('section[aria-labelledby="specifications-heading"] table a').first().click();
  await page.locator('.coproduce-editor__content').waitFor();
  await waitUntilLoaded(page);
  await eventually(page, (drafts) => drafts.length === 1, 'the copy is kept');
}

describe('the copy of a specification kept in the browser', () => {
  const app = appInBrowser();

  it('is there while someone works, and gone once they sign out', () =>
    app.withPage(async (page) => {
      await signInToWorkspaces(page, 'steering@demo.test');
      await openDemoDraftKeptHere(page);
      expect(await localDrafts(page)).toHaveLength(1);

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sign in to Coproduce' }).waitFor();
      await eventually(page, (drafts) => drafts.length === 0, 'the copy is removed');
      expect(await localDrafts(page)).toEqual([]);
      await checkScreen(page, 'signed-out');
    }));

  it('is removed the moment its person is made provider while the specification is open', () =>
    app.withPage(async (page) => {
      await signInToWorkspaces(page, DEMO_EMAIL['engagement-lead']);
      await openDemoDraftKeptHere(page);

      // Nothing is typed on the page: the server's refusal alone must be enough.
      await changeDemoRole(app.url, DEMO_EMAIL['engagement-lead'], 'provider');

      await eventually(page, (drafts) => drafts.length === 0, 'the copy is removed');
      expect(await localDrafts(page)).toEqual([]);
    }));
});
