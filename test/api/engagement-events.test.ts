// Engagement events over REST: recording one with who took part, the list, changing and
// deleting, what is refused, what a provider may see of market engagement, and the
// preliminary market engagement notice as a file.
import type { EngagementEvent, Feedback } from '@coproduce/domain';
import { startApp, type RunningApp } from '../support/app';
import { api, errorWithCode } from '../support/api';
import {
  auditOf,
  demoTeam,
  dropIn,
  giveFeedback,
  recordEvent,
  type DemoTeam,
} from '../support/engagement';
import { openWordDocument, pdfText } from '../support/exported-files';
import { anotherProvider, demoPublishing } from '../support/publishing';

jest.setTimeout(180_000);

let app: RunningApp;
let team: DemoTeam;

beforeAll(async () => {
  app = await startApp();
  team = await demoTeam(app.url);
});
afterAll(async () => {
  await app?.stop();
});

const events = () => team.at('/engagement-events');
const eventPath = (id: string) => team.at(`/engagement-events/${id}`);
const record = (request = dropIn('A drop-in')) =>
  recordEvent(app.url, team.tokens['engagement-lead'], team.workspace, request);

describe('recording an event', () => {
  it('stores type, times, place, people, notes and reach by audience and age band, with the total', async () => {
    const created = await api<EngagementEvent>(
      app.url,
      'POST',
      events(),
      team.as('engagement-lead', {
        type: 'drop-in',
        title: '  Drop-in at Vale Youth Club  ',
        startsAt: '2027-03-04T15:30:00Z',
        endsAt: '2027-03-04T17:00:00Z',
        place: 'Vale Youth Club',
        online: false,
        facilitators: ['  Sam Patel ', 'Jo Evans'],
        partnerOrganisations: ['Vale Youth Trust'],
        notes: 'Pizza helped.',
        accessibilityNotes: 'Step-free; quiet room.',
        safeguardingNotes: 'Two staff throughout.',
        // Out of reading order, and a row of none: stored in order, the empty row left out.
        reach: [
          { audience: 'parents-and-carers', count: 4 },
          { audience: 'children-and-young-people', ageBand: '16-18', count: 3 },
          { audience: 'children-and-young-people', ageBand: '11-15', count: 7 },
          { audience: 'children-and-young-people', count: 2 },
          { audience: 'professionals', count: 0 },
        ],
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      type: 'drop-in',
      title: 'Drop-in at Vale Youth Club',
      startsAt: '2027-03-04T15:30:00.000Z',
      endsAt: '2027-03-04T17:00:00.000Z',
      place: 'Vale Youth Club',
      online: false,
      facilitators: ['Sam Patel', 'Jo Evans'],
      partnerOrganisations: ['Vale Youth Trust'],
      notes: 'Pizza helped.',
      accessibilityNotes: 'Step-free; quiet room.',
      safeguardingNotes: 'Two staff throughout.',
      reach: [
        { audience: 'children-and-young-people', count: 2 },
        { audience: 'children-and-young-people', ageBand: '11-15', count: 7 },
        { audience: 'children-and-young-people', ageBand: '16-18', count: 3 },
        { audience: 'parents-and-carers', count: 4 },
      ],
      total: 16,
      tookPart: null,
      attendingOrganisations: [],
      providerParticipants: [],
      marketNotice: null,
      feedbackCount: 0,
      createdBy: { id: team.ids['engagement-lead'], name: expect.any(String) },
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const read = await api<EngagementEvent>(
      app.url,
      'GET',
      eventPath(created.body.id),
      team.as('observer'),
    );
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
  });

  it('keeps a total who took part above the counts by audience (some were not asked who they are)', async () => {
    const event = await record(dropIn('Counted at the door', { tookPart: 25 }));
    expect(event).toMatchObject({ tookPart: 25, total: 25 });
    const fewer = await api(
      app.url,
      'POST',
      events(),
      team.as('engagement-lead', dropIn('Fewer than counted', { tookPart: 9 })),
    );
    expect(fewer.status).toBe(400);
    expect((fewer.body as { error: { message: string } }).error.message).toMatch(
      /total who took part \(9\) is less than the 10 counted/,
    );
  });

  it('lists events newest first, for every member of the team', async () => {
    const older = await record(dropIn('Older', { startsAt: '2026-01-10T10:00:00Z', endsAt: null }));
    const newest = await record(
      dropIn('Newest', { startsAt: '2026-03-10T10:00:00Z', endsAt: null }),
    );
    const middle = await record(
      dropIn('Middle', { startsAt: '2026-02-10T10:00:00Z', endsAt: null }),
    );
    for (const role of ['observer', 'expert-by-experience', 'commissioner'] as const) {
      const listed = await api<EngagementEvent[]>(app.url, 'GET', events(), team.as(role));
      expect(listed.status).toBe(200);
      const starts = listed.body.map((event) => event.startsAt);
      expect(starts).toEqual([...starts].sort().reverse());
      const mine = listed.body.filter((event) =>
        [older.id, newest.id, middle.id].includes(event.id),
      );
      expect(mine.map((event) => event.title)).toEqual(['Newest', 'Middle', 'Older']);
    }
  });

  // prettier-ignore
  it.each([
    ['an end before the start', { endsAt: '2027-03-04T15:00:00Z' }, /end after it starts/],
    ['an end at the start', { endsAt: '2027-03-04T15:30:00Z' }, /end after it starts/],
    ['attending organisations at a drop-in', { attendingOrganisations: ['Riverside Care Ltd'] }, /Only a market engagement event/],
    ['providers who took part in a drop-in', { providerParticipants: ['PROVIDER'] }, /Only a market engagement event/],
    ['a market engagement notice for a drop-in', { marketNotice: { purpose: 'To learn.', howToTakePart: 'Register.' } }, /Only a market engagement event/],
    ['an age band for parents', { reach: [{ audience: 'parents-and-carers', ageBand: '5-10', count: 1 }] }, /age band is only for children and young people/],
    ['the same group counted twice', { reach: [{ audience: 'professionals', count: 1 }, { audience: 'professionals', count: 2 }] }, /counted twice/],
    ['a count below 0', { reach: [{ audience: 'professionals', count: -1 }] }, /cannot be below 0/],
    ['a count that is not whole', { reach: [{ audience: 'professionals', count: 1.5 }] }, /whole number/],
    ['an audience not in the list', { reach: [{ audience: 'governors', count: 1 }] }, /audience must be one of/],
    ['an age band not in the list', { reach: [{ audience: 'children-and-young-people', ageBand: '12-14', count: 1 }] }, /ageBand must be one of/],
    ['a type not in the list', { type: 'party' }, /type must be one of/],
    ['a start that is not a date and time', { startsAt: '4 March 2027' }, /startsAt must be a date and time/],
    ['no title', { title: '   ' }, /Enter the event’s title/],
    ['no reach', { reach: undefined }, /reach must be a list/],
    ['a provider who is not one', { type: 'market-engagement', providerParticipants: ['OBSERVER'] }, /not a provider in this workspace/],
  ])('refuses %s with 400, storing nothing', async (_, change, message) => {
    const substitute = (value: unknown): unknown =>
      value === 'PROVIDER' ? team.ids.provider : value === 'OBSERVER' ? team.ids.observer : value;
    const body: Record<string, unknown> = { ...dropIn('Refused') };
    for (const [key, value] of Object.entries(change)) {
      body[key] = Array.isArray(value) ? value.map(substitute) : value;
    }
    const before = await api<EngagementEvent[]>(app.url, 'GET', events(), team.as('commissioner'));
    const response = await api<{ error: { message: string } }>(app.url, 'POST', events(), team.as('engagement-lead', body));
    expect(response.status).toBe(400);
    expect(response.body).toEqual(errorWithCode('bad-request'));
    expect(response.body.error.message).toMatch(message);
    const after = await api<EngagementEvent[]>(app.url, 'GET', events(), team.as('commissioner'));
    expect(after.body.length).toBe(before.body.length);
  });
});

describe('changing an event', () => {
  it('changes the fields given and keeps the rest', async () => {
    const event = await record(dropIn('Before the change', { notes: 'Kept.' }));
    const changed = await api<EngagementEvent>(
      app.url,
      'PATCH',
      eventPath(event.id),
      team.as('commissioner', {
        title: 'After the change',
        endsAt: null,
        reach: [{ audience: 'professionals', count: 12 }],
      }),
    );
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({
      ...event,
      title: 'After the change',
      endsAt: null,
      reach: [{ audience: 'professionals', count: 12 }],
      total: 12,
      updatedAt: expect.any(String),
    });
    expect(changed.body.notes).toBe('Kept.');
  });

  it('checks the event as it would be after the change', async () => {
    const market = await record({
      ...dropIn('Market event to retype'),
      type: 'market-engagement',
      attendingOrganisations: ['Riverside Care Ltd'],
    });
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ type: 'drop-in' }, /Only a market engagement event has attending organisations/],
      [{ endsAt: '2027-03-04T14:00:00Z' }, /end after it starts/],
      [{ startsAt: '2027-03-04T18:00:00Z' }, /end after it starts/],
      [{ tookPart: 3 }, /less than the 10 counted/],
      [{}, /Say what to change/],
    ];
    for (const [change, message] of cases) {
      const response = await api<{ error: { message: string } }>(
        app.url,
        'PATCH',
        eventPath(market.id),
        team.as('engagement-lead', change),
      );
      expect([change, response.status]).toEqual([change, 400]);
      expect(response.body.error.message).toMatch(message);
    }
    const unchanged = await api<EngagementEvent>(
      app.url,
      'GET',
      eventPath(market.id),
      team.as('commissioner'),
    );
    expect(unchanged.body).toEqual(market);
    // Leaving market engagement is fine once its organisations go with it.
    const retyped = await api<EngagementEvent>(
      app.url,
      'PATCH',
      eventPath(market.id),
      team.as('engagement-lead', { type: 'workshop', attendingOrganisations: [] }),
    );
    expect(retyped.status).toBe(200);
    expect(retyped.body).toMatchObject({ type: 'workshop', attendingOrganisations: [] });
  });
});

describe('deleting an event', () => {
  it('is refused with 409 while it has feedback, and done once it has none; each change is audited', async () => {
    const event = await record(dropIn('Recorded by mistake'));
    await api(
      app.url,
      'PATCH',
      eventPath(event.id),
      team.as('commissioner', { title: 'Recorded by mistake, renamed' }),
    );
    const feedback: Feedback = await giveFeedback(
      app.url,
      team.tokens['engagement-lead'],
      team.workspace,
      { eventId: event.id, text: 'It was fine.', audience: 'parents-and-carers', themes: [] },
    );
    const counted = await api<EngagementEvent>(
      app.url,
      'GET',
      eventPath(event.id),
      team.as('observer'),
    );
    expect(counted.body.feedbackCount).toBe(1);

    const refused = await api<{ error: { message: string } }>(
      app.url,
      'DELETE',
      eventPath(event.id),
      team.as('engagement-lead'),
    );
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual(errorWithCode('conflict'));
    expect(refused.body.error.message).toMatch(/1 piece of feedback/);
    expect(
      (await api(app.url, 'GET', eventPath(event.id), team.as('engagement-lead'))).status,
    ).toBe(200);

    expect(
      (
        await api(
          app.url,
          'DELETE',
          team.at(`/feedback/${feedback.id}`),
          team.as('engagement-lead'),
        )
      ).status,
    ).toBe(204);
    const deleted = await api(app.url, 'DELETE', eventPath(event.id), team.as('engagement-lead'));
    expect(deleted.status).toBe(204);
    const gone = await api(app.url, 'GET', eventPath(event.id), team.as('engagement-lead'));
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual(errorWithCode('not-found'));
    expect(
      (await api(app.url, 'DELETE', eventPath(event.id), team.as('commissioner'))).status,
    ).toBe(404);

    expect(await auditOf(app.url, team.tokens.commissioner, team.workspace, event.id)).toEqual([
      ['engagement-event.delete', team.ids['engagement-lead']],
      ['engagement-event.change', team.ids.commissioner],
      ['engagement-event.create', team.ids['engagement-lead']],
    ]);
  });
});

describe('what a provider sees', () => {
  let theirs: EngagementEvent;
  let notTheirs: EngagementEvent;
  let dropInEvent: EngagementEvent;
  let secondProvider: string;
  let secondProviderId: string;

  beforeAll(async () => {
    const demo = await demoPublishing(app.url);
    secondProvider = await anotherProvider(app.url, demo, {
      name: 'Alex Morgan',
      email: 'alex.morgan@example.org',
      organisation: 'Vale Care Partnership',
    });
    secondProviderId = (
      await api<{ user: { id: string } }>(app.url, 'GET', '/api/session', {
        token: secondProvider,
      })
    ).body.user.id;
    const market = (title: string, providerParticipants: string[]) =>
      record({
        type: 'market-engagement',
        title,
        startsAt: '2027-05-12T09:30:00Z',
        endsAt: '2027-05-12T12:30:00Z',
        place: 'Riverside Civic Centre',
        online: true,
        notes: 'Team only: who seemed keen.',
        safeguardingNotes: 'Team only: no children present.',
        accessibilityNotes: 'Hearing loop in the main hall.',
        reach: [
          { audience: 'statutory-providers', count: 3 },
          { audience: 'voluntary-sector-providers', count: 5 },
        ],
        attendingOrganisations: ['Riverside Care Ltd', 'Vale Care Partnership'],
        providerParticipants,
        marketNotice: {
          purpose: 'To hear how providers would run a key worker service.',
          howToTakePart: 'Register by email to keyworker.engagement@example.org.',
        },
      });
    theirs = await market('Market engagement: the service we want', [
      team.ids.provider,
      secondProviderId,
    ]);
    notTheirs = await market('Market engagement: for another provider', [secondProviderId]);
    dropInEvent = await record(dropIn('A drop-in no provider sees'));
  });

  it('lists only the market engagement events they took part in, without the team’s own notes', async () => {
    const listed = await api<EngagementEvent[]>(app.url, 'GET', events(), team.as('provider'));
    expect(listed.status).toBe(200);
    expect(listed.body.every((event) => event.type === 'market-engagement')).toBe(true);
    const ids = listed.body.map((event) => event.id);
    expect(ids).toContain(theirs.id);
    expect(ids).not.toContain(notTheirs.id);
    expect(ids).not.toContain(dropInEvent.id);
    const shown = listed.body.find((event) => event.id === theirs.id)!;
    expect(shown).toEqual({
      ...theirs,
      notes: '',
      safeguardingNotes: '',
      // Themselves, never which other providers came.
      providerParticipants: [{ id: team.ids.provider, name: expect.any(String) }],
      feedbackCount: 0,
    });
    expect(shown.accessibilityNotes).toBe('Hearing loop in the main hall.');
    expect(shown.attendingOrganisations).toEqual(['Riverside Care Ltd', 'Vale Care Partnership']);
    // The team sees both providers.
    expect(theirs.providerParticipants.map((person) => person.id)).toEqual([
      team.ids.provider,
      secondProviderId,
    ]);
  });

  it('gets 404 for any other event, as for an id that names nothing, and 403 for changing one', async () => {
    for (const event of [notTheirs, dropInEvent]) {
      for (const path of [eventPath(event.id), `${eventPath(event.id)}/market-notice?format=md`]) {
        const response = await api(app.url, 'GET', path, team.as('provider'));
        expect([path, response.status]).toEqual([path, 404]);
        expect(response.body).toEqual(errorWithCode('not-found'));
      }
    }
    const own = await api(app.url, 'GET', eventPath(theirs.id), team.as('provider'));
    expect(own.status).toBe(200);
    const other = await api<EngagementEvent>(app.url, 'GET', eventPath(notTheirs.id), {
      token: secondProvider,
    });
    expect(other.status).toBe(200);
    expect(other.body.providerParticipants).toEqual([
      { id: secondProviderId, name: 'Alex Morgan' },
    ]);
    for (const [method, path, body] of [
      ['POST', events(), dropIn('By a provider')],
      ['PATCH', eventPath(theirs.id), { title: 'Renamed by a provider' }],
      ['DELETE', eventPath(theirs.id), undefined],
    ] as const) {
      const response = await api(app.url, method, path, team.as('provider', body));
      expect([method, response.status]).toEqual([method, 403]);
      expect(response.body).toEqual(errorWithCode('forbidden'));
    }
  });

  it('downloads the notice of their event as Markdown, Word and PDF, with what it is for and how to take part', async () => {
    const notice = `${eventPath(theirs.id)}/market-notice`;
    const download = async (format: string) => {
      const response = await fetch(`${app.url}${notice}?format=${format}`, {
        headers: { authorization: `Bearer ${team.tokens.provider}` },
      });
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        disposition: response.headers.get('content-disposition'),
        bytes: Buffer.from(await response.arrayBuffer()),
      };
    };
    const markdown = await download('md');
    expect(markdown.status).toBe(200);
    expect(markdown.type).toBe('text/markdown; charset=utf-8');
    expect(markdown.disposition).toMatch(
      /^attachment; filename="Preliminary market engagement notice.*\.md"/,
    );
    const text = markdown.bytes.toString('utf8');
    for (const words of [
      'Preliminary market engagement notice: Market engagement: the service we want',
      'What this engagement is for',
      'To hear how providers would run a key worker service.',
      'How to take part',
      'Register by email to keyworker.engagement@example.org.',
      'At Riverside Civic Centre. Or online.',
      'Hearing loop in the main hall.',
    ]) {
      expect(text).toContain(words);
    }
    // The team's notes are not the public's.
    expect(text).not.toContain('Team only');

    const word = await download('docx');
    expect(word.status).toBe(200);
    expect(word.type).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(word.disposition).toMatch(/\.docx"/);
    const paragraphs = (await openWordDocument(word.bytes)).paragraphs.map((p) => p.text);
    expect(paragraphs).toContain('To hear how providers would run a key worker service.');
    expect(paragraphs).toContain('Register by email to keyworker.engagement@example.org.');

    const pdf = await download('pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.disposition).toMatch(/\.pdf"/);
    const pages = (await pdfText(pdf.bytes)).pages.join('\n').replace(/\s+/g, ' ');
    expect(pages).toContain('To hear how providers would run a key worker service.');
    expect(pages).toContain('Register by email to keyworker.engagement@example.org.');
  });

  it('a notice not yet written says so; a non-market event has no notice (404); the format is required', async () => {
    const bare = await record({
      ...dropIn('Market event, notice to write'),
      type: 'market-engagement',
    });
    const unwritten = await api<string>(
      app.url,
      'GET',
      `${eventPath(bare.id)}/market-notice?format=md`,
      team.as('observer'),
    );
    expect(unwritten.status).toBe(200);
    expect(unwritten.body).toContain('Not written yet');
    const none = await api(
      app.url,
      'GET',
      `${eventPath(dropInEvent.id)}/market-notice?format=md`,
      team.as('commissioner'),
    );
    expect(none.status).toBe(404);
    expect(none.body).toEqual(errorWithCode('not-found'));
    const noFormat = await api(
      app.url,
      'GET',
      `${eventPath(theirs.id)}/market-notice`,
      team.as('commissioner'),
    );
    expect(noFormat.status).toBe(400);
  });
});
