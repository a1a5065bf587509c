// Feedback from a survey tool's CSV file, as the engagement lead brings it in: a bad row
// is named with what is wrong and nothing can be imported; a file whose headings are
// unusual is put right by choosing the columns; a good file imports and its feedback is
// listed; a file over the limit is refused before any of it is sent.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_EMAIL } from '../support/api';
import { appInBrowser } from '../support/browser';
import {
  checkScreen,
  errorSummaryOn,
  openDemoWorkspace,
  signInToWorkspaces,
  waitUntilLoaded,
} from './screens';

/** From the demo workspace through engagement and the feedback list to the import page. */
async function openImport(page: Page): Promise<void> {
  await signInToWorkspaces(page, DEMO_EMAIL['engagement-lead']);
  await openDemoWorkspace(page);
  await page.getByRole('link', { name: 'Engagement', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /Engagement/ }).waitFor();
  await page.getByRole('link', { name: 'Feedback', exact: true }).click();
  await page.getByRole('link', { name: 'Import feedback from a CSV file' }).click();
  await page.getByRole('heading', { level: 1, name: /Import feedback from a CSV file/ }).waitFor();
  await waitUntilLoaded(page);
}

async function chooseFile(page: Page, name: string, csv: string | Buffer): Promise<void> {
  const bytes = typeof csv === 'string' ? Buffer.from(csv, 'utf8') : csv;
  const input = page.getByLabel('Upload a CSV file');
  if (bytes.length <= LARGE_FILE_BYTES) {
    await input.setInputFiles({ name, mimeType: 'text/csv', buffer: bytes });
    return;
  }
  // A big file goes by its path: as bytes it crosses to the browser in base64, which on a
  // busy machine takes longer than the action may. The page reads it when it sends it, so
  // it stays until the tests end.
  bigFiles ??= await mkdtemp(join(tmpdir(), 'coproduce-import-'));
  const path = join(bigFiles, name);
  await writeFile(path, bytes);
  await input.setInputFiles(path);
}

const LARGE_FILE_BYTES = 1024 * 1024;
let bigFiles: string | undefined;
afterAll(async () => {
  if (bigFiles) await rm(bigFiles, { recursive: true, force: true });
});

/** Waits for feedback to be listed (its text is also in the card's heading and buttons). */
const listed = (page: Page, text: string) =>
  page.locator('.coproduce-feedback-list').getByText(text).first().waitFor();

const importButton = (page: Page) => page.getByRole('button', { name: /^Import [\d,]+ rows?$/ });

describe('importing feedback from a CSV file', () => {
  const app = appInBrowser();

  it('names a bad row and what is wrong with it, and offers no import', async () => {
    await app.withPage(async (page) => {
      await openImport(page);
      await chooseFile(
        page,
        'survey.csv',
        [
          'What was said,Audience,Age band',
          'More evening sessions please,Parents and carers,',
          'I like the youth worker,Aliens,',
        ].join('\r\n'),
      );
      await page.getByRole('button', { name: 'Check the file' }).click();
      const problems = page.locator('.coproduce-import-problems');
      await problems.getByRole('heading', { name: '1 row has a problem' }).waitFor();
      const cells = await problems.getByRole('row').nth(1).getByRole('cell').allInnerTexts();
      expect(cells[0]).toBe('3');
      expect(cells[1]).toMatch(/“Aliens” is not an audience/);
      await page.getByText('The file has 2 rows of feedback.').waitFor();
      expect(await importButton(page).count()).toBe(0);
      await checkScreen(page, 'feedback-import-problems');
    });
  });

  it('reads a file with unusual headings once its columns are chosen, then imports it', async () => {
    const marker = `Q${Date.now()}`;
    await app.withPage(async (page) => {
      await openImport(page);
      await chooseFile(
        page,
        'survey-tool.csv',
        [
          'Q1 Tell us what you think,Q2 Which best describes you',
          `"${marker}: the bus to the clinic, is too early",Parents and carers`,
          `${marker}: I want to talk to someone my age,Children and young people`,
        ].join('\n'),
      );
      await page.getByRole('button', { name: 'Check the file' }).click();
      const summary = await errorSummaryOn(page);
      await summary.getByText(/No column holds what was said or the audience/).waitFor();
      expect(await importButton(page).count()).toBe(0);

      await page.getByLabel('What was said').selectOption('Q1 Tell us what you think');
      await page.getByLabel('Who said it (audience)').selectOption('Q2 Which best describes you');
      await page.getByRole('button', { name: 'Use these columns and check again' }).click();
      await page.getByText('The file has 2 rows of feedback. Every row can be imported.').waitFor();
      expect(await page.getByLabel('What was said').inputValue()).toBe('Q1 Tell us what you think');
      await checkScreen(page, 'feedback-import-checked');

      await importButton(page).click();
      const banner = page.locator('.nhsuk-notification-banner--success');
      await banner.getByText('2 rows of feedback imported').waitFor();
      await checkScreen(page, 'feedback-import-done');
      await banner.getByRole('link', { name: 'See the feedback' }).click();
      await page.getByRole('heading', { level: 1, name: /Feedback/ }).waitFor();
      await listed(page, `${marker}: the bus to the clinic, is too early`);
      await listed(page, `${marker}: I want to talk to someone my age`);
    });
  });

  it('imports a good file, and its feedback appears in the list', async () => {
    const marker = `Good${Date.now()}`;
    await app.withPage(async (page) => {
      await openImport(page);
      await chooseFile(
        page,
        'good.csv',
        [
          'What was said,Audience,Age band,Themes,Verbatim',
          `${marker} one: longer opening hours,Children and young people,11-15,Opening hours,yes`,
          `${marker} two: a quiet room to wait in,Professionals,,Waiting,no`,
          `${marker} three: text reminders,Parents and carers,,Reminders;Waiting,no`,
        ].join('\n'),
      );
      await page.getByRole('button', { name: 'Check the file' }).click();
      await importButton(page).waitFor();
      expect(await page.locator('.coproduce-import-problems').count()).toBe(0);
      await importButton(page).click();
      await page.getByText('3 rows of feedback imported').waitFor();
      await page.getByRole('link', { name: 'See the feedback' }).click();
      await page.getByRole('heading', { level: 1, name: /Feedback/ }).waitFor();
      for (const text of ['one: longer opening hours', 'two: a quiet room', 'three: text']) {
        await listed(page, `${marker} ${text}`);
      }
      await page.getByRole('link', { name: 'Download feedback (CSV)' }).waitFor();
    });
  });

  it('shows how much of a big file has gone up, then checks all of its rows', async () => {
    await app.withPage(async (page) => {
      await openImport(page);
      const rows = Array.from(
        { length: 20_000 },
        (_, index) => `Row ${index + 1}: the waiting room needs more seats,Parents and carers`,
      );
      await chooseFile(page, 'big.csv', ['What was said,Audience', ...rows].join('\n'));
      await page.getByRole('button', { name: 'Check the file' }).click();
      const progress = page.getByRole('progressbar', { name: 'Checking the file' });
      await progress.waitFor();
      await page
        .getByRole('status')
        .filter({ hasText: /^Uploaded \d+%/ })
        .waitFor();
      await page
        .getByText('The file has 20,000 rows of feedback. Every row can be imported.')
        .waitFor();
      await progress.waitFor({ state: 'detached' });
      await importButton(page).waitFor();
    });
  });

  it('refuses a file over 20 MB on the page, before sending any of it', async () => {
    await app.withPage(async (page) => {
      await openImport(page);
      const sent: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/feedback/import')) sent.push(request.url());
      });
      const huge = Buffer.alloc(21 * 1024 * 1024, 'a');
      await chooseFile(page, 'huge.csv', huge);
      await page
        .getByText(/The selected file is 21 MB\. It must be 20 MB or smaller/)
        .first()
        .waitFor();
      await page.getByRole('button', { name: 'Check the file' }).click();
      const summary = await errorSummaryOn(page);
      await summary.getByRole('link', { name: /It must be 20 MB or smaller/ }).waitFor();
      expect(sent).toEqual([]);
      await checkScreen(page, 'feedback-import-too-large');
    });
  });

  it('adds who took part in one event from a survey file to its counts', async () => {
    await app.withPage(async (page) => {
      await openImport(page);
      await page.getByRole('radio', { name: 'Who took part in one event' }).check();
      const event = page.getByLabel('Which event did they take part in?');
      await event.locator('option', { hasText: 'Saturday drop-in at Central Library' }).waitFor({
        state: 'attached',
      });
      await event.selectOption({ label: 'Saturday drop-in at Central Library' });
      await chooseFile(
        page,
        'respondents.csv',
        ['Who are you?,Age group', 'Young person,11 to 15', 'Parent,', 'Professional,'].join(
          '\r\n',
        ),
      );
      await page.getByRole('button', { name: 'Check the file' }).click();
      await page
        .getByText('The file has 3 rows of who took part. Every row can be imported.')
        .waitFor();
      await checkScreen(page, 'reach-import-checked');
      await importButton(page).click();
      await page.getByRole('heading', { name: '3 people added to the event’s counts' }).waitFor();
      await checkScreen(page, 'reach-imported');
    });
  });
});
