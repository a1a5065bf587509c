import { readFile } from 'node:fs/promises';
import { appInBrowser } from '../support/browser';
import { openWordDocument } from '../support/exported-files';
import { checkScreen, openDemoWorkspace, signInToWorkspaces, waitUntilLoaded } from './screens';

describe('downloading a draft from its page', () => {
  const app = appInBrowser();

  it('gives a Word file of the text as it is, named after the specification', () =>
    app.withPage(
      async (page) => {
        await signInToWorkspaces(page, 'steering@demo.test');
        await openDemoWorkspace(page);
        const link = page
          .locator('section[aria-labelledby="specifications-heading"] table a')
          .first();
        const title = (await link.textContent())!.trim();
        await link.click();
        await page.locator('.coproduce-editor__content').waitFor();
        await waitUntilLoaded(page);

        await page.getByText('Download this draft').click();
        await checkScreen(page, 'draft-downloads');
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('link', { name: 'Word (.docx) of this draft' }).click(),
        ]);

        // A slash ("and/or") is no part of a file name.
        expect(download.suggestedFilename()).toBe(`${title.replace(/\//g, ' ')}.docx`);
        const word = await openWordDocument(await readFile((await download.path())!));
        expect(word.paragraphs[0]).toMatchObject({ style: 'Title', text: title });
        expect(word.paragraphs.some((paragraph) => paragraph.style === 'Heading2')).toBe(true);
      },
      { acceptDownloads: true },
    ));
});
