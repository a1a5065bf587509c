// Typing a date into an NHS.UK date input (day, month and year boxes under one legend).
import type { Locator, Page } from 'playwright-core';

/** Types `date` (YYYY-MM-DD) into the date input whose legend is `legend`. */
export async function fillDateInput(
  scope: Page | Locator,
  legend: string,
  date: string,
): Promise<void> {
  const [year, month, day] = date.split('-').map((part) => String(Number(part)));
  const group = scope.getByRole('group', { name: legend, exact: true });
  await group.getByLabel('Day').fill(day!);
  await group.getByLabel('Month').fill(month!);
  await group.getByLabel('Year').fill(year!);
}
