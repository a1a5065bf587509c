import { appInBrowser } from '../support/browser';
import { createSpecification } from '../support/collab';
import {
  checkScreen,
  errorSummaryOn,
  openDemoWorkspace,
  signInToWorkspaces,
  waitUntilLoaded,
} from './screens';

describe('managing workspaces and specifications from the app', () => {
  const app = appInBrowser();

  it('a commissioner starts a second workspace and lands in it as its commissioner', () =>
    app.withPage(async (page) => {
      await signInToWorkspaces(page, 'commissioner@demo.test');
      await page.getByText('Start a workspace').click();
      await checkScreen(page, 'start-workspace');

      await page.getByRole('button', { name: 'Start workspace' }).click();
      const summary = await errorSummaryOn(page);
      expect(await summary.textContent()).toContain('Enter a name for the workspace');

      await page.getByLabel('Workspace name').fill('Short breaks for disabled children');
      await page.getByLabel('Service area').fill('Disabled children and their families');
      await page.getByLabel('Lead organisation').fill('Riverside City Council');
      await page
        .getByLabel('Partner organisations (optional)')
        .fill('North Riverside Integrated Care Board\nRiverside Parent Carer Forum');
      await page.getByRole('button', { name: 'Start workspace' }).click();

      await page
        .getByRole('heading', { level: 1, name: /Short breaks for disabled children/ })
        .waitFor();
      await waitUntilLoaded(page);
      const details = (await page.locator('.nhsuk-summary-list').textContent()) ?? '';
      expect(details).toContain('Commissioner');
      expect(details).toContain('Riverside Parent Carer Forum');
      await checkScreen(page, 'started-workspace');

      await page.goto('/workspaces');
      await page.getByRole('link', { name: 'Short breaks for disabled children' }).waitFor();
    }));

  it('a commissioner renames a specification from its page', () =>
    app.withPage(async (page) => {
      await signInToWorkspaces(page, 'commissioner@demo.test');
      await openDemoWorkspace(page);
      await page
        .locator('section[aria-labelledby="specifications-heading"] table a')
        .first()
        .click();
      await waitUntilLoaded(page);
      await page.getByText('Rename this specification').click();
      await page.getByLabel('Title', { exact: true }).fill('Key worker service: renamed');
      await page.getByRole('button', { name: 'Rename', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: /Key worker service: renamed/ }).waitFor();
      await checkScreen(page, 'specification-renamed');
    }));

  it('renaming or archiving a specification someone is editing reaches them at once (archived: read-only; restored: editable); a never-published draft can be deleted', () =>
    app.withPage((commissioner) =>
      app.withPage(async (steering) => {
        await createSpecification(app.url, 'Short breaks: to archive');
        const open = async (page: typeof commissioner, email: string) => {
          await signInToWorkspaces(page, email);
          await openDemoWorkspace(page);
          await page.getByRole('link', { name: 'Short breaks: to archive' }).click();
          await page.locator('.coproduce-editor__content').waitFor();
          await waitUntilLoaded(page);
        };
        await open(commissioner, 'commissioner@demo.test');
        await open(steering, 'steering@demo.test');
        const editor = steering.locator('.coproduce-editor__content');
        expect(await editor.getAttribute('contenteditable')).toBe('true');

        // Renamed while the other has it open: their page shows the new title at once.
        await commissioner.getByText('Rename this specification').click();
        await commissioner.getByLabel('Title', { exact: true }).fill('Short breaks: renamed live');
        await commissioner.getByRole('button', { name: 'Rename', exact: true }).click();
        await steering
          .getByRole('heading', { level: 1, name: /Short breaks: renamed live/ })
          .waitFor();

        await commissioner.getByText('Archive this specification').click();
        await commissioner.getByRole('button', { name: 'Archive specification' }).click();
        await commissioner.getByRole('button', { name: 'Restore this specification' }).waitFor();
        await steering
          .getByText(
            'This specification is archived. Nobody can edit it until a commissioner restores it.',
          )
          .waitFor();
        await steering.waitForFunction(
          () =>
            document
              .querySelector('.coproduce-editor__content')
              ?.getAttribute('contenteditable') === 'false',
        );
        await checkScreen(steering, 'specification-archived-while-open');

        await commissioner.getByRole('button', { name: 'Restore this specification' }).click();
        await commissioner.getByText('Archive this specification').waitFor();
        await steering.waitForFunction(
          () =>
            document
              .querySelector('.coproduce-editor__content')
              ?.getAttribute('contenteditable') === 'true',
        );
        expect(await steering.getByText('This specification is archived.').count()).toBe(0);

        await commissioner.getByText('Delete this draft', { exact: true }).click();
        await commissioner.getByRole('button', { name: 'Delete draft' }).click();
        expect(await (await errorSummaryOn(commissioner)).textContent()).toContain(
          'Confirm that the draft and its comments should be deleted for good',
        );
        await commissioner.getByLabel('Yes, delete this draft and its comments for good').check();
        await commissioner.getByRole('button', { name: 'Delete draft' }).click();
        await commissioner.getByRole('heading', { name: 'Specifications' }).waitFor();
        await waitUntilLoaded(commissioner);
        expect(
          await commissioner.getByRole('link', { name: 'Short breaks: renamed live' }).count(),
        ).toBe(0);
        await steering.getByRole('heading', { name: 'Specification not found' }).waitFor();
      }),
    ));

  it('a commissioner archives a finished workspace: read-only, listed apart, restorable', () =>
    app.withPage(async (page) => {
      await signInToWorkspaces(page, 'commissioner@demo.test');
      await page.getByText('Start a workspace').click();
      await page.getByLabel('Workspace name').fill('Respite pilot, finished');
      await page.getByLabel('Service area').fill('Respite for parent carers');
      await page.getByLabel('Lead organisation').fill('Riverside City Council');
      await page.getByRole('button', { name: 'Start workspace' }).click();
      await page.getByRole('heading', { level: 1, name: /Respite pilot, finished/ }).waitFor();
      await waitUntilLoaded(page);

      await page.getByText('Archive this workspace').click();
      await page.getByRole('button', { name: 'Archive workspace' }).click();
      await page.getByText('This workspace is archived, so nothing in it can change.').waitFor();
      await page.getByRole('button', { name: 'Restore this workspace' }).waitFor();
      expect(await page.getByText('Start a new specification').count()).toBe(0);
      await checkScreen(page, 'workspace-archived');

      await page.goto('/workspaces');
      await waitUntilLoaded(page);
      expect(await page.getByRole('link', { name: 'Respite pilot, finished' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Show archived workspaces' }).click();
      await page.getByRole('link', { name: 'Respite pilot, finished' }).click();
      await page.getByRole('button', { name: 'Restore this workspace' }).click();
      await page.getByText('Archive this workspace').waitFor();
      expect(await page.getByText('This workspace is archived').count()).toBe(0);
    }));

  it('a commissioner changes the workspace’s partner organisations', () =>
    app.withPage(async (page) => {
      await signInToWorkspaces(page, 'commissioner@demo.test');
      await openDemoWorkspace(page);
      await page.getByText('Change the workspace’s details').click();
      await page
        .getByLabel('Partner organisations (optional)')
        .fill('Riverside City Council\nRiverside Parent Carer Forum');
      await page.getByRole('button', { name: 'Save details' }).click();
      await page.getByText('The workspace’s details are changed').waitFor();
      await page
        .locator('.nhsuk-summary-list', { hasText: 'Riverside Parent Carer Forum' })
        .waitFor();
      await checkScreen(page, 'workspace-details-changed');
    }));
});
