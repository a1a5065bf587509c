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
import { fillDateInput } from './date-input';

/** From the demo workspace to the engagement overview, by its link. */
async function openEngagement(page: Page, email: string): Promise<void> {
  await signInToWorkspaces(page, email);
  await openDemoWorkspace(page);
  await page.getByRole('link', { name: 'Engagement', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /Engagement/ }).waitFor();
  await waitUntilLoaded(page);
}

describe('engagement pages, as the people who use them', () => {
  const app = appInBrowser();

  it('shows the engagement lead the figures as charts, each also a table', async () => {
    await app.withPage(async (page) => {
      await openEngagement(page, DEMO_EMAIL['engagement-lead']);
      const charts = page.locator('svg[role="img"][aria-label^="Chart:"]');
      expect(await charts.count()).toBe(4);
      // The charts of counts draw their bars, not only their axes.
      for (const title of [
        'Feedback by status',
        'Feedback by theme',
        'Who has been heard, against the target cohort',
      ]) {
        const bars = page.locator(`svg[aria-label="Chart: ${title}"] .recharts-bar-rectangle`);
        await bars.first().waitFor();
        expect(await bars.count()).toBeGreaterThan(1);
      }
      await checkScreen(page, 'engagement-overview');

      const toggle = page.getByRole('button', { name: /Show as a table.*feedback by status/ });
      await toggle.focus();
      await page.keyboard.press('Enter');
      const table = page.getByRole('table', { name: 'Feedback by status' });
      await table.waitFor();
      expect(await table.getByRole('row').count()).toBe(5);
      // The switch keeps focus, now offering the chart back.
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
        'Show as a chart: feedback by status',
      );
      await checkScreen(page, 'engagement-overview-table');
    });
  });

  it('records an event, says what is wrong first, and takes feedback from it', async () => {
    await app.withPage(async (page) => {
      await openEngagement(page, DEMO_EMAIL['engagement-lead']);
      await page.getByRole('link', { name: 'Record an engagement event' }).click();
      await page.getByRole('heading', { level: 1, name: /Record an engagement event/ }).waitFor();
      await page.getByRole('button', { name: 'Record event' }).click();
      const summary = await errorSummaryOn(page);
      expect(await summary.getByRole('link').allInnerTexts()).toContain('Choose the type of event');
      await checkScreen(page, 'engagement-record-event-problems');

      await page.getByLabel('Drop-in session').check();
      await page.getByLabel('Title').fill('Drop-in at the youth club');
      await fillDateInput(page, 'Date', '2026-11-12');
      await page.getByLabel('Start time').fill('16:00');
      await page.getByRole('textbox', { name: 'Place' }).fill('Hillside youth club');
      await page.getByLabel(/Aged 11 to 15 years/).fill('9');
      await page.getByLabel('Parents and carers').fill('4');
      await page.getByText('The numbers above add up to 13.').waitFor();
      await page.getByRole('button', { name: 'Record event' }).click();
      await page.getByRole('heading', { level: 1, name: 'Drop-in at the youth club' }).waitFor();
      await page.getByText('13 people took part in all').waitFor();
      await checkScreen(page, 'engagement-event');

      await page.getByLabel('What was said').fill('I want to meet my key worker after school.');
      await page.getByLabel('Their own words').check();
      await page
        .getByRole('group', { name: 'Who said it?' })
        .getByLabel('Children and young people')
        .check();
      await page.getByLabel('Or add a new theme (optional)').fill('Meeting times');
      await page.getByRole('button', { name: 'Add feedback' }).click();
      await page.getByText('Feedback added').waitFor();
      await page.getByText('“I want to meet my key worker after school.”').waitFor();

      await page.getByText('Change status').click();
      await page.getByLabel('Not taken forward').check();
      await page.getByRole('button', { name: 'Save status' }).click();
      expect(await (await errorSummaryOn(page)).innerText()).toContain(
        'Enter why this feedback is not being taken forward',
      );
      await checkScreen(page, 'engagement-event-feedback-problem');
    });
  });

  it('filters feedback in the address and keeps themes and the cohort tidy', async () => {
    await app.withPage(async (page) => {
      await openEngagement(page, DEMO_EMAIL['engagement-lead']);
      await page.getByRole('link', { name: 'Feedback', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: /Feedback/ }).waitFor();
      await waitUntilLoaded(page);
      await page.getByRole('combobox', { name: 'Status' }).selectOption('reflected');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(/status=reflected/);
      await waitUntilLoaded(page);
      const specificationLink = page.locator('.coproduce-feedback-links a').first();
      expect(await specificationLink.getAttribute('href')).toMatch(
        /\/specifications\/[^/?]+\?feedback=/,
      );
      await checkScreen(page, 'engagement-feedback');

      await page.goto(page.url().replace(/feedback\?.*$/, 'themes'));
      await page.getByRole('heading', { level: 1, name: /Themes/ }).waitFor();
      await waitUntilLoaded(page);
      await checkScreen(page, 'engagement-themes');

      await page.goto(page.url().replace(/themes$/, 'cohort'));
      await page.getByRole('heading', { level: 1, name: /Target cohort/ }).waitFor();
      await waitUntilLoaded(page);
      await page.getByLabel('Professionals').fill('a lot');
      await page.getByRole('button', { name: 'Save target cohort' }).click();
      await errorSummaryOn(page);
      await checkScreen(page, 'engagement-cohort-problem');
    });
  });

  it('prints "You said, we did" from the specification page', async () => {
    await app.withPage(async (page) => {
      await signInToWorkspaces(page, DEMO_EMAIL.commissioner);
      await openDemoWorkspace(page);
      await page
        .locator('section[aria-labelledby="specifications-heading"] table a')
        .first()
        .click();
      await page.getByRole('link', { name: 'You said, we did' }).click();
      await page.getByRole('heading', { level: 1, name: /You said, we did/ }).waitFor();
      await waitUntilLoaded(page);
      await checkScreen(page, 'engagement-you-said-we-did');
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.nhsuk-header').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    });
  });

  it('shows an observer engagement without the controls to change it', async () => {
    await app.withPage(async (page) => {
      await openEngagement(page, DEMO_EMAIL.observer);
      expect(await page.getByRole('link', { name: 'Record an engagement event' }).count()).toBe(0);
      await page.getByRole('link', { name: 'Feedback', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: /Feedback/ }).waitFor();
      await waitUntilLoaded(page);
      await page.locator('.coproduce-feedback').first().waitFor();
      expect(await page.getByText('Change status').count()).toBe(0);
      await checkScreen(page, 'engagement-feedback-observer');
    });
  });
});
