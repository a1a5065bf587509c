import type { Page } from 'playwright-core';
import { DEMO_EMAIL, signIn } from '../support/api';
import { appInBrowser, expectNoAxeViolations } from '../support/browser';
import { changeDemoRole, createSpecification, demoWorkspaceId } from '../support/collab';
import { signInToWorkspaces } from '../browser/screens';

const READ_ONLY_NOTE = 'You can read this specification. Your role does not let you edit it.';

/**
 * A commissioner changes someone's role while that person has the specification open:
 * their page follows at once, without a reload.
 */
describe('a role change seen on an open specification page', () => {
  const app = appInBrowser();

  function editable(page: Page): Promise<string | null> {
    return page.locator('.coproduce-editor__content').getAttribute('contenteditable');
  }

  it('a steering member made observer can only read; made steering member again, can write', async () => {
    const token = await signIn(app.url, DEMO_EMAIL.commissioner);
    const workspaceId = await demoWorkspaceId(app.url, token);
    const docId = await createSpecification(app.url, 'Roles change while open');

    await app.withPage(async (page) => {
      await signInToWorkspaces(page, DEMO_EMAIL['steering-member']);
      await page.goto(`/workspaces/${workspaceId}/specifications/${docId}`);
      await page.locator('.coproduce-editor__content').waitFor();
      expect(await editable(page)).toBe('true');

      await changeDemoRole(app.url, DEMO_EMAIL['steering-member'], 'observer');
      await page.getByText(READ_ONLY_NOTE).waitFor();
      expect(await editable(page)).toBe('false');
      await expectNoAxeViolations(page);

      await changeDemoRole(app.url, DEMO_EMAIL['steering-member'], 'steering-member');
      await page.getByText(READ_ONLY_NOTE).waitFor({ state: 'detached' });
      expect(await editable(page)).toBe('true');
      await page.locator('.coproduce-editor__content p').last().click();
      await page.keyboard.type(' Written after the role came back.');
      await page
        .getByRole('status')
        .filter({ hasText: /^Saved$/ })
        .waitFor();
    });
  });
});
