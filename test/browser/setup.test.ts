// First run without the demo: the person who started Coproduce finds the set-up
// page from sign-in, creates the first commissioner with the printed code, and
// lands in their new workspace.
import type { Browser, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../support/app';
import { launchBrowser, newBrowserContext } from '../support/browser';
import { checkScreen, errorSummaryOn, waitUntilLoaded } from './screens';

jest.setTimeout(120_000);

const PRINTED_CODE = /enter the code ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/;

let app: RunningApp | undefined;
let launching: Promise<Browser> | undefined;

beforeAll(async () => {
  launching = launchBrowser();
  const [started] = await Promise.allSettled([
    startApp({ env: { SEED_DEMO: 'false' } }),
    launching,
  ]);
  if (started.status === 'fulfilled') app = started.value;
  else throw started.reason;
  await launching;
});
afterAll(async () => {
  const launched = await launching?.catch(() => undefined);
  await launched?.close();
  await app?.stop();
});

async function withPage(use: (page: Page) => Promise<void>): Promise<void> {
  const browser = await launching!;
  const context = await newBrowserContext(browser, { baseURL: app!.url });
  try {
    await use(await context.newPage());
  } finally {
    await context.close();
  }
}

async function printedCode(): Promise<string> {
  for (let tries = 0; tries < 100; tries += 1) {
    const code = PRINTED_CODE.exec(app!.output())?.[1];
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No set-up code was printed:\n${app!.output()}`);
}

describe('setting up Coproduce for the first time', () => {
  it('from the sign-in page to the first workspace, with plain errors on the way', () =>
    withPage(async (page) => {
      const code = await printedCode();
      await page.goto('/sign-in');
      await page.getByText('Setting up Coproduce for the first time?').waitFor();
      await checkScreen(page, 'sign-in-first-run');
      await page
        .getByRole('link', { name: 'Create the first account with your set-up code' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Set up Coproduce' }).waitFor();
      await checkScreen(page, 'setup');

      // Nothing filled in: every field is named in the summary, each a link to its field.
      await page.getByRole('button', { name: 'Create account and workspace' }).click();
      const summary = await errorSummaryOn(page);
      expect(await page.title()).toMatch(/^Error: /);
      expect(await summary.getByRole('link').count()).toBe(7);
      await summary.getByRole('link', { name: 'Enter the set-up code' }).click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('code');
      await checkScreen(page, 'setup-empty');

      // A code of the right shape that is not the printed one: the server says so, at the code.
      const wrong = code.startsWith('A') ? `C${code.slice(1)}` : `A${code.slice(1)}`;
      await page.getByLabel('Set-up code').fill(wrong);
      await page.getByLabel('Full name').fill('Priya Shah');
      await page.getByLabel('Email address').fill('priya.shah@example.org');
      await page.getByLabel('Create a password').fill('kite river lantern');
      await page.getByLabel('Workspace name').fill('Short breaks for disabled children');
      await page.getByLabel('Service area').fill('Disabled children and their families');
      await page.getByLabel('Lead organisation').fill('North Riverside Integrated Care Board');
      await page.getByRole('button', { name: 'Create account and workspace' }).click();
      await page.locator('#code-error').waitFor();
      expect(await (await errorSummaryOn(page)).textContent()).toContain(
        'set-up code is not right',
      );
      await checkScreen(page, 'setup-wrong-code');

      // The right code, typed loosely; the password was cleared after the refusal.
      await page.getByLabel('Set-up code').fill(code.toLowerCase().replace(/-/g, ' '));
      await page.getByLabel('Create a password').fill('kite river lantern');
      await page.getByRole('button', { name: 'Create account and workspace' }).click();
      await page.getByRole('heading', { level: 2, name: 'Specifications' }).waitFor();
      await waitUntilLoaded(page);
      expect(await page.locator('h1').textContent()).toContain(
        'Short breaks for disabled children',
      );
      expect(await page.locator('.nhsuk-summary-list').textContent()).toContain('Commissioner');
      expect(await page.locator('header').textContent()).toContain('Priya Shah');
      await checkScreen(page, 'setup-done-workspace');
    }));

  it('afterwards the page says set-up is done, and sign-in no longer offers it', () =>
    withPage(async (page) => {
      await page.goto('/setup');
      await page.getByRole('heading', { level: 1, name: 'Coproduce is already set up' }).waitFor();
      await checkScreen(page, 'setup-closed');
      await page.getByRole('link', { name: 'Sign in' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sign in to Coproduce' }).waitFor();
      await waitUntilLoaded(page);
      expect(await page.getByText('Setting up Coproduce for the first time?').count()).toBe(0);
    }));
});
