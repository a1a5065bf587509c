// Issue 15's "Done when", as new users would do it: the demo commissioner opens a market
// engagement round for the demo's next market engagement event; the demo provider and a
// second provider co-edit its engagement copy live; the commissioner closes it (both
// editors turn read-only at once); then one provider's wording is taken into the draft
// and another's recorded as "not taken forward" with a reason.
import type { EngagementEvent, SpecificationSummary } from '@coproduce/domain';
import type { Locator, Page } from 'playwright-core';
import { api, DEMO_EMAIL } from '../support/api';
import { appInBrowser } from '../support/browser';
import { addSecondProvider, demoTeam, type DemoTeam } from '../support/engagement';
import { selectPhrase, startThread, threadOn } from './comment-steps';
import {
  checkScreen,
  errorSummaryOn,
  openDemoWorkspace,
  signInThroughPage,
  waitUntilLoaded,
} from './screens';
import { fillDateInput } from './date-input';

const ROUND_TITLE = 'Short breaks: shaping the specification with providers';
const DEMO_PROVIDER_WORDS = 'Providers offer evening sessions for working parents.';
const SECOND_PROVIDER_WORDS = 'A partner organisation covers weekends.';
const STEERING_WORDS = 'Key workers meet each family within ten working days.';
const REASON = 'Weekend cover is outside the budget for this contract.';

/** The demo's next market engagement event: seeded a fortnight ahead, for a round on the draft. */
const NEXT_EVENT_TITLE = 'Market engagement event 4: shaping the specification together';
/** A second provider organisation, invited as a commissioner would (the demo seeds one a role). */
const SECOND_PROVIDER = { name: 'Sam Patel', email: 'sam.patel@vale-autism.example' };
/** What joinByLink signs them up with. */
const SECOND_PROVIDER_PASSWORD = 'a long enough password';

/** Types at the end of a paragraph of the copy, with the caret placed through the DOM. */
async function typeAtEnd(page: Page, paragraph: Locator, words: string): Promise<void> {
  await paragraph.click();
  await paragraph.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    range.collapse(false);
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
    // ProseMirror reads the DOM selection on selectionchange, which the browser fires later.
    document.dispatchEvent(new Event('selectionchange'));
  });
  await page.keyboard.type(` ${words}`);
}

const copyText = (page: Page) => page.locator('.coproduce-editor__content');

/** A provider opens the round from their workspace: their one way in. */
async function openRoundAsProvider(page: Page, email: string, password?: string): Promise<void> {
  await signInThroughPage(page, email, password);
  await openDemoWorkspace(page);
  await page.getByRole('link', { name: 'Market engagement rounds you take part in' }).click();
  await page.getByRole('heading', { level: 1, name: /Market engagement rounds/ }).waitFor();
  await waitUntilLoaded(page);
  await page.getByRole('link', { name: ROUND_TITLE }).click();
  await copyText(page).waitFor();
  await page.locator('.coproduce-save-status--saved').waitFor();
}

describe('a market engagement round from start to bringing its changes back', () => {
  const app = appInBrowser();
  let team: DemoTeam;
  let event: EngagementEvent;
  let draftTitle: string;

  beforeAll(async () => {
    team = await demoTeam(app.url);
    await addSecondProvider(team, SECOND_PROVIDER, 'Vale Autism Partnership');
    const events = await api<EngagementEvent[]>(app.url, 'GET', team.at('/engagement-events'), {
      token: team.tokens.commissioner,
    });
    event = events.body.find((each) => each.title === NEXT_EVENT_TITLE)!;
    expect(event).toBeDefined();
    expect(Date.parse(event.startsAt)).toBeGreaterThan(Date.now());
    const specifications = await api<SpecificationSummary[]>(
      app.url,
      'GET',
      team.at('/specifications'),
      { token: team.tokens.commissioner },
    );
    draftTitle = specifications.body.find((each) => each.id === team.draft)!.title;
  });

  it('providers co-edit the copy live, closing turns it read-only at once, and the commissioner brings changes back one by one', () =>
    app.withPage((commissioner) =>
      app.withPage((provider) =>
        app.withPage((secondProvider) =>
          app.withPage(async (steering) => {
            // The commissioner starts the round from the market engagement event's page.
            await signInThroughPage(commissioner, DEMO_EMAIL.commissioner);
            await commissioner
              .getByRole('heading', { level: 1, name: 'Your workspaces' })
              .waitFor();
            await commissioner.goto(`/workspaces/${team.workspace}/engagement/events/${event.id}`);
            await commissioner
              .getByRole('link', { name: 'Start a market engagement round' })
              .click();
            await commissioner
              .getByRole('heading', { level: 1, name: /Start a market engagement round/ })
              .waitFor();
            await waitUntilLoaded(commissioner);
            expect(await commissioner.getByLabel('Market engagement event').inputValue()).toBe(
              event.id,
            );

            // Sent with nothing filled in: the problems are listed, each linked to its field.
            await commissioner.getByRole('button', { name: 'Start the round' }).click();
            const summary = await errorSummaryOn(commissioner);
            expect(await summary.textContent()).toContain('Enter a title for the round');
            await checkScreen(commissioner, 'round-start-problems');

            await commissioner.getByLabel('Specification').selectOption(team.draft);
            await commissioner.getByLabel('Title').fill(ROUND_TITLE);
            // A closing date with its month left out is named for what it lacks, and the
            // summary's link lands on the date's first box.
            const closing = commissioner.getByRole('group', { name: 'Closing date', exact: true });
            await closing.getByLabel('Day').fill('3');
            await closing.getByLabel('Year').fill('2027');
            await commissioner.getByRole('button', { name: 'Start the round' }).click();
            await summary.getByRole('link', { name: 'Closing date must include a month' }).click();
            expect(
              await closing.getByLabel('Day').evaluate((box) => box === document.activeElement),
            ).toBe(true);
            const inTwoDays = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
            await fillDateInput(commissioner, 'Closing date', inTwoDays);
            await commissioner.getByLabel('Closing time').fill('17:00');
            const providers = commissioner.getByRole('group', { name: /Providers taking part/ });
            for (const box of await providers.getByRole('checkbox').all()) await box.check();
            expect(
              await commissioner.getByLabel('Providers see each other’s names').isChecked(),
            ).toBe(false);
            await commissioner.getByRole('button', { name: 'Start the round' }).click();
            await commissioner
              .getByRole('heading', { level: 1, name: new RegExp(ROUND_TITLE) })
              .waitFor();
            await copyText(commissioner).waitFor();
            await checkScreen(commissioner, 'round-started');

            // Both providers open it from their rounds and write, each in a different section.
            await openRoundAsProvider(provider, DEMO_EMAIL.provider);
            await checkScreen(provider, 'round-copy-provider');
            await openRoundAsProvider(
              secondProvider,
              SECOND_PROVIDER.email,
              SECOND_PROVIDER_PASSWORD,
            );
            const paragraphs = (page: Page) => copyText(page).locator('p:not(.is-empty)');
            await typeAtEnd(provider, paragraphs(provider).first(), DEMO_PROVIDER_WORDS);
            await typeAtEnd(
              secondProvider,
              paragraphs(secondProvider).last(),
              SECOND_PROVIDER_WORDS,
            );
            // A steering member co-edits the copy with them, live, under their own name.
            await signInThroughPage(steering, DEMO_EMAIL['steering-member']);
            await steering.getByRole('heading', { level: 1, name: 'Your workspaces' }).waitFor();
            await steering.goto(`/workspaces/${team.workspace}/engagement-rounds`);
            await waitUntilLoaded(steering);
            await steering.getByRole('link', { name: ROUND_TITLE }).click();
            await copyText(steering).waitFor();
            await steering.locator('.coproduce-save-status--saved').waitFor();
            await typeAtEnd(steering, paragraphs(steering).nth(1), STEERING_WORDS);
            for (const page of [provider, secondProvider]) {
              await copyText(page).getByText(STEERING_WORDS).waitFor();
            }
            await copyText(steering).getByText(DEMO_PROVIDER_WORDS).waitFor();
            // Each sees the other's typing, live, and the other only as "A provider".
            await copyText(secondProvider).getByText(DEMO_PROVIDER_WORDS).waitFor();
            await copyText(provider).getByText(SECOND_PROVIDER_WORDS).waitFor();
            for (const page of [provider, secondProvider]) {
              await page.locator('.coproduce-people__person', { hasText: 'A provider' }).waitFor();
              // Nor does the list of who takes part name the other provider.
              await page.locator('.nhsuk-summary-list li', { hasText: /^A provider$/ }).waitFor();
            }
            expect(await provider.locator('main').textContent()).not.toContain('Sam Patel');
            expect(await secondProvider.locator('main').textContent()).not.toContain(
              'Chris Morgan',
            );
            await provider.locator('.coproduce-save-status--saved').waitFor();
            await secondProvider.locator('.coproduce-save-status--saved').waitFor();
            // The copy has comment threads of its own, names hidden there too.
            await selectPhrase(secondProvider, 'covers weekends');
            await startThread(secondProvider, 'Could two organisations share the weekends?');
            const thread = threadOn(provider, 'covers weekends');
            await thread.getByText('Could two organisations share the weekends?').waitFor();
            expect(await thread.locator('.coproduce-comment-item').first().textContent()).toContain(
              'A provider',
            );
            await checkScreen(secondProvider, 'round-copy-second-provider');

            // The commissioner closes it: both providers' editors turn read-only at once.
            await commissioner.getByRole('button', { name: /^Close the round now/ }).click();
            await commissioner.getByRole('button', { name: /^Yes, close the round now/ }).click();
            for (const page of [provider, secondProvider]) {
              await page.waitForFunction(
                () =>
                  document
                    .querySelector('.coproduce-editor__content')
                    ?.getAttribute('contenteditable') === 'false',
              );
              await page
                .getByText(
                  /^This round closed at .*The engagement copy is kept as the round’s record\.$/,
                )
                .waitFor();
            }
            await checkScreen(provider, 'round-closed-provider');

            // Bringing it back: one provider's wording into the draft, the other's as feedback.
            await commissioner.getByText(/^This round closed at/).waitFor();
            await commissioner
              .getByRole('link', { name: 'Review the changes made in the engagement copy' })
              .click();
            await commissioner
              .getByRole('heading', { level: 1, name: /Changes made in the engagement copy/ })
              .waitFor();
            await waitUntilLoaded(commissioner);
            await checkScreen(commissioner, 'round-changes');
            const taken = commissioner.locator('section.coproduce-compared-section', {
              hasText: DEMO_PROVIDER_WORDS,
            });
            await taken.getByRole('button', { name: /^Take into the draft/ }).click();
            await taken.getByText(/^Taken into the draft by /).waitFor();

            const declined = commissioner.locator('section.coproduce-compared-section', {
              hasText: SECOND_PROVIDER_WORDS,
            });
            await declined.locator('summary').click();
            await declined.getByLabel('Not taken forward').check();
            await declined.getByLabel('Why is it not being taken forward?').fill(REASON);
            await declined.getByLabel('Voluntary and community sector providers').check();
            await declined.getByRole('button', { name: 'Record as feedback', exact: true }).click();
            await declined
              .getByText(`Recorded as feedback: not taken forward — ${REASON}`, { exact: false })
              .waitFor();
            await checkScreen(commissioner, 'round-changes-decided');

            // The feedback is in engagement, with its reason and a link to the specification.
            await declined.getByRole('link', { name: /^See it in the feedback from / }).click();
            await commissioner.getByRole('heading', { level: 1, name: /Feedback/ }).waitFor();
            await waitUntilLoaded(commissioner);
            const recorded = commissioner.locator('li.coproduce-feedback', {
              hasText: SECOND_PROVIDER_WORDS,
            });
            await recorded.locator('p', { hasText: REASON }).waitFor();
            await recorded.locator('.nhsuk-tag', { hasText: 'Not taken forward' }).waitFor();
            // Linked to the specification it came from (the draft's title, from the workspace).
            await recorded
              .locator('.coproduce-feedback-links a', { hasText: draftTitle })
              .waitFor();
            await checkScreen(commissioner, 'round-feedback-recorded');

            // The draft now holds the words taken, and not the ones declined.
            await commissioner.goto(`/workspaces/${team.workspace}/specifications/${team.draft}`);
            await copyText(commissioner).getByText(DEMO_PROVIDER_WORDS).waitFor();
            expect(await copyText(commissioner).textContent()).not.toContain(SECOND_PROVIDER_WORDS);

            // The event's page lists the round where it began, closed.
            await commissioner.goto(`/workspaces/${team.workspace}/engagement/events/${event.id}`);
            const listed = commissioner.locator('li', {
              has: commissioner.getByRole('link', { name: ROUND_TITLE }),
            });
            await listed.getByText('Closed', { exact: true }).waitFor();
            await waitUntilLoaded(commissioner);
            await checkScreen(commissioner, 'round-on-event-page');
          }),
        ),
      ),
    ));
});
