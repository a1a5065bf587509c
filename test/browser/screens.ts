// Steps a person takes in the web client, shared by the browser tests.
import type { Page } from 'playwright-core';
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
  appUrl: string,
  email: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(`${appUrl}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
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
  await page.waitForFunction(() => document.querySelectorAll('main [role="status"]').length === 0);
}
