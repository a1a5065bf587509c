// A drop-in on a phone: the engagement lead counts who came and writes down what people
// said, loses the connection, keeps going, reloads the page with no connection (the app
// comes from the service worker, the entries from the device), gets the connection back,
// and every entry arrives exactly once; a second phone counting at the same event adds up.
import type { EngagementEvent, Feedback } from '@coproduce/domain';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { api, DEMO_EMAIL } from '../support/api';
import { appInBrowser } from '../support/browser';
import { demoTeam, type DemoTeam } from '../support/engagement';
import { checkScreen, fillSignInForm, signInToWorkspaces } from './screens';

const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
};

const dropInPath = (team: DemoTeam, eventId: string) =>
  `/workspaces/${team.workspace}/engagement/events/${eventId}/drop-in`;

/** The button that counts one more in a group, found by what a screen reader says of it. */
const counter = (page: Page, group: string) =>
  page.getByRole('button', { name: new RegExp(`^${group} \\d+$`) });

/** The count a group's button shows. */
async function countShown(page: Page, group: string): Promise<number> {
  const shown = await counter(page, group)
    .locator('.coproduce-drop-in__counter-count')
    .textContent();
  return Number(/\d+/.exec(shown ?? '')?.[0]);
}

/** Waits until a group's button shows `expected`. */
async function waitForCount(page: Page, group: string, expected: number): Promise<void> {
  await page.waitForFunction(
    ([wanted, count]) =>
      Array.from(document.querySelectorAll('.coproduce-drop-in__counter')).some(
        (button) =>
          button.querySelector('.coproduce-drop-in__counter-name')?.textContent === wanted &&
          Number(
            /\d+/.exec(
              button.querySelector('.coproduce-drop-in__counter-count')?.textContent ?? '',
            )?.[0],
          ) === count,
      ),
    [group, expected] as const,
  );
}

/**
 * How many counts this phone has recorded, sent or waiting ("Counts: 3 sent, 2 waiting to
 * be sent"): each tap adds one once it is kept on the device. Not a group's figure, which
 * also moves whenever this phone hears another phone's counts back from the server, even
 * between a tap and its showing.
 */
async function countsRecordedHere(page: Page): Promise<number> {
  const line = page.getByText(/^Counts: \d+ sent, \d+ waiting to be sent/);
  if ((await line.count()) === 0) return 0;
  const [sent = 0, waiting = 0] = ((await line.innerText()).match(/\d+/g) ?? []).map(Number);
  return sent + waiting;
}

/** Taps a group's button, waiting each time until the tap is kept on the device. */
async function tap(page: Page, group: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) {
    const before = await countsRecordedHere(page);
    await counter(page, group).tap();
    const deadline = Date.now() + 10_000;
    while ((await countsRecordedHere(page)) !== before + 1) {
      if (Date.now() > deadline) throw new Error(`A tap on “${group}” was not kept on the phone`);
      await page.waitForTimeout(20);
    }
  }
}

/** Who said it and what about: two taps, then the words. */
async function writeDown(page: Page, audience: string, theme: string, words: string) {
  await page.getByRole('radio', { name: audience, exact: true }).check();
  await page.getByRole('checkbox', { name: theme, exact: true }).check();
  await page.getByLabel('What they said').fill(words);
  await page.getByRole('button', { name: 'Save what they said' }).click();
  await page.locator('.coproduce-drop-in__said-item', { hasText: words }).waitFor();
  // The form empties once it is kept, a moment after the entry is listed: the next
  // entry's taps must come after that, or the emptying takes them back.
  await page.waitForFunction(
    () => document.querySelector<HTMLTextAreaElement>('#drop-in-text')?.value === '',
  );
  await page
    .getByText('Saved on this device. It will be sent when the connection allows.')
    .waitFor();
}

const status = (page: Page) => page.locator('.coproduce-drop-in__status [role="status"]');

async function waitForStatus(page: Page, text: string | RegExp, timeout = 30_000): Promise<void> {
  await status(page).getByText(text).waitFor({ timeout });
}

async function eventNow(team: DemoTeam, eventId: string): Promise<EngagementEvent> {
  const got = await api<EngagementEvent>(
    team.url,
    'GET',
    team.at(`/engagement-events/${eventId}`),
    {
      token: team.tokens.commissioner,
    },
  );
  return got.body;
}

async function feedbackOf(team: DemoTeam, eventId: string): Promise<Feedback[]> {
  const got = await api<Feedback[]>(
    team.url,
    'GET',
    team.at(`/feedback?eventId=${eventId}&pageSize=200`),
    { token: team.tokens.commissioner },
  );
  return got.body;
}

const countIn = (event: EngagementEvent, audience: string, ageBand?: string) =>
  event.reach.find((row) => row.audience === audience && row.ageBand === ageBand)?.count ?? 0;

describe('a drop-in on a phone', () => {
  const app = appInBrowser();
  jest.setTimeout(180_000);

  it('keeps counting and writing offline, survives a reload with no connection, and sends everything exactly once', async () => {
    const team = await demoTeam(app.url);
    const events = await api<EngagementEvent[]>(app.url, 'GET', team.at('/engagement-events'), {
      token: team.tokens['engagement-lead'],
    });
    const event = events.body.find((each) => each.type === 'drop-in')!;
    const before = await eventNow(team, event.id);
    const feedbackBefore = (await feedbackOf(team, event.id)).length;
    const stamp = Date.now().toString(36);
    const said = {
      online: `Online ${stamp}: the key worker should text before they visit.`,
      offline1: `Offline ${stamp}: my son needs the same person every time.`,
      offline2: `Offline ${stamp}: waiting lists are too long.`,
      afterReload: `After reload ${stamp}: please meet us somewhere quiet.`,
    };

    await app.withPage(async (page) => {
      await signInToWorkspaces(page, DEMO_EMAIL['engagement-lead']);
      await page.goto(dropInPath(team, event.id));
      await page.getByRole('heading', { level: 1, name: event.title }).waitFor();
      // The app shell is kept by the service worker before the connection goes.
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });

      await tap(page, '11 to 15 years', 3);
      await tap(page, 'Parents and carers', 2);
      await page.getByRole('button', { name: /^Undo last count/ }).click();
      await page.getByText('Undone. Parents and carers: ').waitFor();
      const theme = await page.locator('.nhsuk-checkboxes__label').first().innerText();
      await writeDown(page, 'Parents and carers', theme, said.online);
      await waitForStatus(page, 'All sent');
      await checkScreen(page, 'drop-in-online');

      await page.context().setOffline(true);
      await tap(page, '16 to 18 years', 2);
      await tap(page, 'Professionals');
      await writeDown(page, 'Children and young people', theme, said.offline1);
      await writeDown(page, 'Parents and carers', theme, said.offline2);
      await waitForStatus(page, '5 waiting to be sent');
      await status(page).getByText('You are offline.').waitFor();
      await checkScreen(page, 'drop-in-offline');

      // A reload with no connection: the page comes from the service worker, the entries
      // and counts from the device.
      const reloaded = await page.reload();
      expect(reloaded?.fromServiceWorker()).toBe(true);
      await page.getByRole('heading', { level: 1, name: event.title }).waitFor();
      await waitForStatus(page, '5 waiting to be sent');
      expect(await countShown(page, '16 to 18 years')).toBe(
        countIn(before, 'children-and-young-people', '16-18') + 2,
      );
      await page.locator('.coproduce-drop-in__said-item', { hasText: said.offline2 }).waitFor();
      await tap(page, '16 to 18 years');
      await writeDown(page, 'Professionals', theme, said.afterReload);
      await waitForStatus(page, '7 waiting to be sent');
      await checkScreen(page, 'drop-in-offline-reloaded');

      await page.context().setOffline(false);
      // A page reloaded with no connection may not hear that it is back (Chromium's
      // emulation, like a poor connection, fires no "online" there): the sender's next
      // try sends them, at most a minute after the last (retryDelay in outbox.ts).
      await waitForStatus(page, 'All sent', 75_000);
    }, PHONE);

    const after = await eventNow(team, event.id);
    expect(countIn(after, 'children-and-young-people', '11-15')).toBe(
      countIn(before, 'children-and-young-people', '11-15') + 3,
    );
    expect(countIn(after, 'parents-and-carers')).toBe(countIn(before, 'parents-and-carers') + 1);
    expect(countIn(after, 'children-and-young-people', '16-18')).toBe(
      countIn(before, 'children-and-young-people', '16-18') + 3,
    );
    expect(countIn(after, 'professionals')).toBe(countIn(before, 'professionals') + 1);
    expect(after.total).toBe(before.total + 8);
    const feedback = await feedbackOf(team, event.id);
    expect(feedback).toHaveLength(feedbackBefore + 4);
    for (const words of Object.values(said)) {
      expect([words, feedback.filter((item) => item.text === words).length]).toEqual([words, 1]);
    }
    expect(feedback.find((item) => item.text === said.afterReload)).toMatchObject({
      audience: 'professionals',
      createdBy: { id: team.ids['engagement-lead'] },
    });
  });

  it('two phones counting at one drop-in add up', async () => {
    const team = await demoTeam(app.url);
    const events = await api<EngagementEvent[]>(app.url, 'GET', team.at('/engagement-events'), {
      token: team.tokens['engagement-lead'],
    });
    const event = events.body.filter((each) => each.type === 'drop-in').at(-1)!;
    const before = await eventNow(team, event.id);

    await app.withPage(async (lead) => {
      await app.withPage(async (commissioner) => {
        await signInToWorkspaces(lead, DEMO_EMAIL['engagement-lead']);
        await signInToWorkspaces(commissioner, DEMO_EMAIL.commissioner);
        for (const page of [lead, commissioner]) {
          await page.goto(dropInPath(team, event.id));
          await page.getByRole('heading', { level: 1, name: event.title }).waitFor();
        }
        // The two phones at once; on each, one tap after another, as one person taps.
        await Promise.all([
          tap(lead, '5 to 10 years', 4),
          tap(commissioner, '5 to 10 years', 3).then(() => tap(commissioner, 'Other', 2)),
        ]);
        await Promise.all([
          waitForStatus(lead, 'All sent'),
          waitForStatus(commissioner, 'All sent'),
        ]);
        // Each phone hears the other's counts the next time it reads the event.
        await lead.reload();
        await lead.getByRole('heading', { level: 1, name: event.title }).waitFor();
        await waitForCount(
          lead,
          '5 to 10 years',
          countIn(before, 'children-and-young-people', '5-10') + 7,
        );
      }, PHONE);
    }, PHONE);

    const after = await eventNow(team, event.id);
    expect(countIn(after, 'children-and-young-people', '5-10')).toBe(
      countIn(before, 'children-and-young-people', '5-10') + 7,
    );
    expect(countIn(after, 'other')).toBe(countIn(before, 'other') + 2);
    expect(after.total).toBe(before.total + 9);
  });

  it('keeps what was recorded after the session ended, asks to sign in again, and sends it as the same person', async () => {
    const team = await demoTeam(app.url);
    const events = await api<EngagementEvent[]>(app.url, 'GET', team.at('/engagement-events'), {
      token: team.tokens['engagement-lead'],
    });
    const event = events.body.find((each) => each.type === 'drop-in')!;
    const before = await eventNow(team, event.id);
    const words = `After the session ended ${Date.now().toString(36)}: more evening sessions.`;

    await app.withPage(async (page) => {
      await signInToWorkspaces(page, DEMO_EMAIL['engagement-lead']);
      await page.goto(dropInPath(team, event.id));
      await page.getByRole('heading', { level: 1, name: event.title }).waitFor();
      // The session ends on the server (signed out elsewhere, or expired).
      const ended = await page.request.delete('/api/session', {
        headers: { 'X-Requested-With': 'coproduce' },
      });
      expect(ended.status()).toBe(204);

      await tap(page, '0 to 4 years', 2);
      const theme = await page.locator('.nhsuk-checkboxes__label').first().innerText();
      await writeDown(page, 'Parents and carers', theme, words);
      await waitForStatus(page, '3 waiting to be sent');
      await status(page).getByText('Your session has ended.').waitFor();
      await checkScreen(page, 'drop-in-signed-out');

      await page.getByRole('link', { name: 'Sign in again' }).click();
      await fillSignInForm(page, DEMO_EMAIL['engagement-lead']);
      await page.getByRole('heading', { level: 1, name: event.title }).waitFor();
      await waitForStatus(page, 'All sent');
    }, PHONE);

    const after = await eventNow(team, event.id);
    expect(countIn(after, 'children-and-young-people', '0-4')).toBe(
      countIn(before, 'children-and-young-people', '0-4') + 2,
    );
    const feedback = (await feedbackOf(team, event.id)).filter((item) => item.text === words);
    expect(feedback).toHaveLength(1);
    expect(feedback[0]!.createdBy.id).toBe(team.ids['engagement-lead']);
  });
});
