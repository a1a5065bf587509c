// Steps a person takes in the web client, shared by the browser tests. Pages come from
// `appInBrowser().withPage`, so addresses here are relative to the app.
import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../support/api';
import { expectNoAxeViolations, expectNoPageErrors, saveScreenshot } from '../support/browser';

export { DEMO_PASSWORD } from '../support/api';

/** Checks the page a person has reached: no errors, accessible, kept as a screenshot for review. */
export async function checkScreen(page: Page, screenshotName: string): Promise<void> {
  expectNoPageErrors(page);
  await expectNoAxeViolations(page);
  await saveScreenshot(page, screenshotName);
}

export async function signInThroughPage(
  page: Page,
  email: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto('/sign-in');
  await fillSignInForm(page, email, password);
}

/** Fills in and sends the sign-in form once it is shown (reached by a link or a redirect). */
export async function fillSignInForm(
  page: Page,
  email: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  // Other pages have an "Email address" too: wait for this one before typing.
  await page.getByRole('heading', { level: 1, name: 'Sign in to Coproduce' }).waitFor();
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in and waits for the list of workspaces that follows. */
export async function signInToWorkspaces(page: Page, email: string): Promise<void> {
  await signInThroughPage(page, email);
  await page.getByRole('heading', { level: 1, name: 'Your workspaces' }).waitFor();
}

/** From the workspace list, opens the seeded demo workspace (the first and only one). */
export async function openDemoWorkspace(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Your workspaces' }).waitFor();
  await page.locator('table a').first().click();
  await page.getByRole('heading', { level: 2, name: 'Specifications' }).waitFor();
  await waitUntilLoaded(page);
}

/** Waits until no section of the page still says it is loading. */
export async function waitUntilLoaded(page: Page): Promise<void> {
  // Only loading messages: other live regions (the editor's "Saved") stay on the page.
  await page.waitForFunction(
    () => document.querySelectorAll('main .coproduce-loading').length === 0,
  );
}

/** Waits for the page's error summary ("There is a problem") and returns it. */
export async function errorSummaryOn(page: Page): Promise<Locator> {
  const summary = page.locator('.nhsuk-error-summary');
  await summary.waitFor();
  return summary;
}

/** The names of this browser's IndexedDB databases that keep a specification. */
export const localDrafts = (page: Page): Promise<string[]> =>
  page.evaluate(async () =>
    (await indexedDB.databases())
      .map((database) => database.name ?? '')
      .filter((name) => name.startsWith('coproduce-specification-')),
  );

/** Polls the databases until `holds` (page.waitForFunction would not wait on a promise). */
export async function eventually(
  page: Page,
  holds: (drafts: string[]) => boolean,
  what: string,
): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!holds(await localDrafts(page))) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
