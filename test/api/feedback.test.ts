// Feedback over REST: recording what was said (from an event or another source), themes by
// name or id, resends, links into the specification's words, moving it on (status, the
// reason when not taken forward), the list's filters and pages, deleting; the workspace's
// themes (rename, merge); the target cohort and the dashboard's figures.
import type {
  AuditEntry,
  EngagementEvent,
  EngagementReport,
  Feedback,
  FeedbackTheme,
  SpecificationSummary,
  TargetCohort,
  WorkspaceDetail,
} from '@coproduce/domain';
import { startApp, type RunningApp } from '../support/app';
import { api, errorWithCode } from '../support/api';
import { createSpecification } from '../support/collab';
import { anchorOnWords, currentText } from '../support/comments';
import {
  auditOf,
  demoTeam,
  dropIn,
  giveFeedback,
  recordEvent,
  type DemoTeam,
} from '../support/engagement';

jest.setTimeout(180_000);

let app: RunningApp;
let team: DemoTeam;
let event: EngagementEvent;
/** A new specification of the demo workspace, from the template. */
let specification: string;
/** Another workspace (the demo commissioner's too) and a specification of it. */
let elsewhere: { workspace: string; specification: string; event: string };

beforeAll(async () => {
  app = await startApp();
  team = await demoTeam(app.url);
  event = await recordEvent(
    app.url,
    team.tokens['engagement-lead'],
    team.workspace,
    dropIn('Drop-in for the feedback tests'),
  );
  specification = await createSpecification(app.url, 'Feedback links');
  const workspace = await api<WorkspaceDetail>(app.url, 'POST', '/api/workspaces', {
    token: team.tokens.commissioner,
    body: {
      name: 'Short breaks',
      serviceArea: 'Disabled children',
      leadOrganisation: 'Riverside City Council',
    },
  });
  const other = await api<SpecificationSummary>(
    app.url,
    'POST',
    `/api/workspaces/${workspace.body.id}/specifications`,
    { token: team.tokens.commissioner, body: { title: 'Short breaks' } },
  );
  const otherEvent = await recordEvent(
    app.url,
    team.tokens.commissioner,
    workspace.body.id,
    dropIn('Elsewhere'),
  );
  elsewhere = {
    workspace: workspace.body.id,
    specification: other.body.id,
    event: otherEvent.id,
  };
});
afterAll(async () => {
  await app?.stop();
});

const feedbackPath = (id?: string) => team.at(id ? `/feedback/${id}` : '/feedback');
const themesPath = (id?: string) => team.at(id ? `/feedback-themes/${id}` : '/feedback-themes');
const give = (body: Parameters<typeof giveFeedback>[3], role = 'engagement-lead' as const) =>
  giveFeedback(app.url, team.tokens[role], team.workspace, body);
const themes = async () =>
  (await api<FeedbackTheme[]>(app.url, 'GET', themesPath(), team.as('observer'))).body;
const totalFeedback = async () =>
  Number(
    (await api(app.url, 'GET', `${feedbackPath()}?pageSize=1`, team.as('observer'))).headers.get(
      'x-total-count',
    ),
  );
const listed = async (query: string) => {
  const response = await api<Feedback[]>(
    app.url,
    'GET',
    `${feedbackPath()}?${query}`,
    team.as('observer'),
  );
  expect([query, response.status]).toEqual([query, 200]);
  return response;
};

describe('recording feedback', () => {
  it('from an event: what was said, by whom, its themes, status new', async () => {
    const created = await api<Feedback>(
      app.url,
      'POST',
      feedbackPath(),
      team.as('expert-by-experience', {
        eventId: event.id,
        // A source is for feedback from elsewhere; from an event it is the event.
        source: 'ignored',
        text: '  I want one person who knows me.  ',
        verbatim: true,
        audience: 'children-and-young-people',
        ageBand: '11-15',
        themes: ['Being known'],
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      event: { id: event.id, title: event.title, type: 'drop-in', startsAt: event.startsAt },
      eventId: event.id,
      source: '',
      text: 'I want one person who knows me.',
      verbatim: true,
      audience: 'children-and-young-people',
      ageBand: '11-15',
      themes: ['Being known'],
      themeIds: [expect.stringMatching(/^[0-9a-f]{24}$/)],
      status: 'new',
      reason: null,
      statusChangedBy: null,
      statusChangedAt: null,
      links: [],
      createdBy: { id: team.ids['expert-by-experience'], name: expect.any(String) },
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const read = await api<Feedback>(
      app.url,
      'GET',
      feedbackPath(created.body.id),
      team.as('observer'),
    );
    expect(read.body).toEqual(created.body);
    const counted = await api<EngagementEvent>(
      app.url,
      'GET',
      team.at(`/engagement-events/${event.id}`),
      team.as('observer'),
    );
    expect(counted.body.feedbackCount).toBeGreaterThanOrEqual(1);
  });

  it('from another source, summarised by default', async () => {
    const created = await give({
      source: 'Email to the commissioner',
      text: 'Parents asked for evening appointments.',
      audience: 'parents-and-carers',
      themes: [],
    });
    expect(created).toMatchObject({
      event: null,
      eventId: null,
      source: 'Email to the commissioner',
      verbatim: false,
      ageBand: null,
      themes: [],
      themeIds: [],
    });
  });

  it('names a theme once, whatever its case and spacing, and by its id', async () => {
    const first = await give({
      text: 'The bus is the hard part.',
      audience: 'parents-and-carers',
      themes: ['Transport to appointments'],
    });
    const themeId = first.themeIds[0]!;
    const again = await give({
      text: 'Getting there takes two buses.',
      audience: 'parents-and-carers',
      themes: ['  transport   TO Appointments ', 'Transport to appointments'],
    });
    const byId = await give({
      text: 'Taxis would help.',
      audience: 'parents-and-carers',
      themes: [themeId],
    });
    for (const item of [first, again, byId]) {
      expect(item.themeIds).toEqual([themeId]);
      expect(item.themes).toEqual(['Transport to appointments']);
    }
    const named = (await themes()).filter((theme) => /transport to appointments/i.test(theme.name));
    expect(named).toEqual([{ id: themeId, name: 'Transport to appointments', feedbackCount: 3 }]);
  });

  it('refuses an event or a specification not of this workspace (400), storing nothing, not even a new theme', async () => {
    const before = await totalFeedback();
    const base = {
      text: 'Refused feedback.',
      audience: 'professionals',
      themes: ['A theme that must not be stored'],
    };
    // prettier-ignore
    const refusals: Array<[string, Record<string, unknown>, RegExp]> = [
      ['an event that is not there', { eventId: '0123456789abcdef01234567' }, /eventId names no engagement event/],
      ['another workspace’s event', { eventId: elsewhere.event }, /eventId names no engagement event/],
      ['another workspace’s specification', { links: [{ specificationId: elsewhere.specification }] }, /names no specification in this workspace/],
      ['a specification that is not there', { links: [{ specificationId: '0123456789abcdef01234567' }] }, /names no specification in this workspace/],
      ['an age band for professionals', { ageBand: '5-10' }, /age band is only for feedback from children and young people/],
    ];
    for (const [what, change, message] of refusals) {
      const response = await api<{ error: { message: string } }>(
        app.url,
        'POST',
        feedbackPath(),
        team.as('engagement-lead', { ...base, ...change }),
      );
      expect([what, response.status]).toEqual([what, 400]);
      expect(response.body).toEqual(errorWithCode('bad-request'));
      expect(response.body.error.message).toMatch(message);
    }
    expect(await totalFeedback()).toBe(before);
    expect((await themes()).map((theme) => theme.name)).not.toContain(
      'A theme that must not be stored',
    );
  });

  it('answers a resend with the same clientId with 200 and the item already stored', async () => {
    const before = await totalFeedback();
    const body = {
      clientId: 'drop-in-tablet-7f3c9a2e',
      eventId: event.id,
      text: 'Captured on the tablet.',
      audience: 'children-and-young-people',
      themes: ['Being known'],
    };
    const first = await api<Feedback>(
      app.url,
      'POST',
      feedbackPath(),
      team.as('engagement-lead', body),
    );
    expect(first.status).toBe(201);
    const resent = await api<Feedback>(
      app.url,
      'POST',
      feedbackPath(),
      team.as('engagement-lead', body),
    );
    expect(resent.status).toBe(200);
    expect(resent.body).toEqual(first.body);
    // Sent at the same time: still one.
    const together = await Promise.all(
      [1, 2, 3].map(() =>
        api<Feedback>(
          app.url,
          'POST',
          feedbackPath(),
          team.as('engagement-lead', { ...body, clientId: 'drop-in-tablet-sent-together' }),
        ),
      ),
    );
    expect(together.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(together.map((r) => r.body.id)).size).toBe(1);
    expect(await totalFeedback()).toBe(before + 2);
  });
});

describe('links into the specification', () => {
  it('keeps the words an anchor was made on, and a link to the whole specification', async () => {
    const doc = await currentText(app.url, team.tokens['engagement-lead'], specification);
    const anchor = anchorOnWords(doc, 'National and local context');
    doc.destroy();
    const created = await give({
      text: 'Say which local plans this follows.',
      audience: 'professionals',
      themes: [],
      links: [
        { specificationId: specification, anchor, quote: 'National and local context' },
        { specificationId: specification },
      ],
    });
    expect(created.links).toEqual([
      {
        specificationId: specification,
        specificationName: 'Feedback links',
        anchor,
        quote: 'National and local context',
        currentText: 'National and local context',
        textRemoved: false,
      },
      {
        specificationId: specification,
        specificationName: 'Feedback links',
        anchor: null,
        quote: null,
        currentText: null,
        textRemoved: false,
      },
    ]);
    // Without a quote the words are read from the text.
    const unquoted = await give({
      text: 'Outcomes need numbers.',
      audience: 'professionals',
      themes: [],
      links: [{ specificationId: specification, anchor }],
    });
    expect(unquoted.links[0]!.quote).toBe('National and local context');
  });

  it('refuses an anchor whose quote is not the words it covers, or an anchor of another text (400)', async () => {
    const before = await totalFeedback();
    const doc = await currentText(app.url, team.tokens['engagement-lead'], specification);
    const anchor = anchorOnWords(doc, 'Population needs');
    doc.destroy();
    const demo = await currentText(app.url, team.tokens['engagement-lead'], team.draft);
    const foreign = anchorOnWords(demo, 'key worker');
    demo.destroy();
    for (const link of [
      { specificationId: specification, anchor, quote: 'Population wants' },
      { specificationId: specification, anchor: foreign, quote: 'key worker' },
      { specificationId: specification, anchor: { start: 'not base64!', end: 'AAAA' } },
    ]) {
      const response = await api<{ error: { message: string } }>(
        app.url,
        'POST',
        feedbackPath(),
        team.as('engagement-lead', {
          text: 'Mislinked.',
          audience: 'professionals',
          themes: [],
          links: [link],
        }),
      );
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/select the text again/i);
    }
    expect(await totalFeedback()).toBe(before);
  });
});

describe('moving feedback on', () => {
  it('needs a reason for not taken forward, and keeps who decided and when', async () => {
    const item = await give({
      text: 'Open all night.',
      audience: 'parents-and-carers',
      themes: [],
    });
    const noReason = await api<{ error: { message: string } }>(
      app.url,
      'PATCH',
      feedbackPath(item.id),
      team.as('engagement-lead', { status: 'not-taken-forward' }),
    );
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toMatch(/Say why this feedback is not being taken forward/);
    const blank = await api(
      app.url,
      'PATCH',
      feedbackPath(item.id),
      team.as('engagement-lead', { status: 'not-taken-forward', reason: '   ' }),
    );
    expect(blank.status).toBe(400);
    const unchanged = await api<Feedback>(
      app.url,
      'GET',
      feedbackPath(item.id),
      team.as('observer'),
    );
    expect(unchanged.body).toEqual(item);

    const declined = await api<Feedback>(
      app.url,
      'PATCH',
      feedbackPath(item.id),
      team.as('engagement-lead', {
        status: 'not-taken-forward',
        reason: 'A night service is outside the budget; the crisis line covers nights.',
      }),
    );
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({
      status: 'not-taken-forward',
      reason: 'A night service is outside the budget; the crisis line covers nights.',
      statusChangedBy: { id: team.ids['engagement-lead'], name: expect.any(String) },
      statusChangedAt: expect.any(String),
    });
    // Changing the words keeps the decision and who made it.
    const reworded = await api<Feedback>(
      app.url,
      'PATCH',
      feedbackPath(item.id),
      team.as('commissioner', { text: 'Open all night, every night.' }),
    );
    expect(reworded.body).toMatchObject({
      text: 'Open all night, every night.',
      status: 'not-taken-forward',
      reason: 'A night service is outside the budget; the crisis line covers nights.',
      statusChangedBy: { id: team.ids['engagement-lead'] },
      statusChangedAt: declined.body.statusChangedAt,
    });
    const reflected = await api<Feedback>(
      app.url,
      'PATCH',
      feedbackPath(item.id),
      team.as('commissioner', { status: 'reflected' }),
    );
    expect(reflected.body).toMatchObject({
      status: 'reflected',
      reason: null,
      statusChangedBy: { id: team.ids.commissioner },
    });
    // A reason alone is not a change; one whose status is not "not taken forward" is no use.
    const reasonOnly = await api(
      app.url,
      'PATCH',
      feedbackPath(item.id),
      team.as('commissioner', { reason: 'Why not.' }),
    );
    expect(reasonOnly.status).toBe(400);
    // Giving is not managing: the expert by experience may give feedback, not move it on.
    const expert = await api(
      app.url,
      'PATCH',
      feedbackPath(item.id),
      team.as('expert-by-experience', { status: 'considering' }),
    );
    expect(expert.status).toBe(403);
    expect(await auditOf(app.url, team.tokens.commissioner, team.workspace, item.id)).toEqual([
      ['feedback.change', team.ids.commissioner],
      ['feedback.change', team.ids.commissioner],
      ['feedback.change', team.ids['engagement-lead']],
      ['feedback.give', team.ids['engagement-lead']],
    ]);
  });

  it('changes its words, audience, themes and links; a refused change stores nothing, not even a new theme', async () => {
    const item = await give({
      text: 'Evenings.',
      audience: 'children-and-young-people',
      ageBand: '16-18',
      themes: ['Being known'],
    });
    // A parent has no age band: a new audience without one says so.
    const keptBand = await api<{ error: { message: string } }>(
      app.url,
      'PATCH',
      feedbackPath(item.id),
      team.as('engagement-lead', { audience: 'parents-and-carers' }),
    );
    expect(keptBand.status).toBe(400);
    expect(keptBand.body.error.message).toMatch(/age band is only for feedback from children/);
    const moved = await api<Feedback>(
      app.url,
      'PATCH',
      feedbackPath(item.id),
      team.as('engagement-lead', {
        audience: 'parents-and-carers',
        ageBand: null,
        themes: ['Evening opening'],
        links: [{ specificationId: specification }],
      }),
    );
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      audience: 'parents-and-carers',
      ageBand: null,
      themes: ['Evening opening'],
      links: [{ specificationId: specification, anchor: null }],
    });
    const refused = await api(
      app.url,
      'PATCH',
      feedbackPath(item.id),
      team.as('engagement-lead', {
        themes: ['A theme from a refused change'],
        links: [{ specificationId: elsewhere.specification }],
      }),
    );
    expect(refused.status).toBe(400);
    const ageBand = await api(
      app.url,
      'PATCH',
      feedbackPath(item.id),
      team.as('engagement-lead', { ageBand: '5-10' }),
    );
    expect(ageBand.status).toBe(400);
    expect((await themes()).map((theme) => theme.name)).not.toContain(
      'A theme from a refused change',
    );
    const after = await api<Feedback>(app.url, 'GET', feedbackPath(item.id), team.as('observer'));
    expect(after.body).toEqual(moved.body);
  });

  it('refuses null for a field a change may only leave out (400), changing nothing', async () => {
    const item = await give({
      text: 'Nothing to null.',
      audience: 'professionals',
      themes: ['Being known'],
    });
    for (const field of ['status', 'reason', 'text', 'verbatim', 'audience', 'themes', 'links']) {
      const response = await api(
        app.url,
        'PATCH',
        feedbackPath(item.id),
        team.as('engagement-lead', { [field]: null }),
      );
      expect([field, response.status]).toEqual([field, 400]);
      expect(response.body).toEqual(errorWithCode('bad-request'));
    }
    const after = await api<Feedback>(app.url, 'GET', feedbackPath(item.id), team.as('observer'));
    expect(after.body).toEqual(item);
    // An age band may be taken away.
    const cleared = await api<Feedback>(
      app.url,
      'PATCH',
      feedbackPath(item.id),
      team.as('engagement-lead', { ageBand: null }),
    );
    expect(cleared.status).toBe(200);
  });
});

describe('the list', () => {
  it('filters by event, theme, status, audience, specification and words', async () => {
    const own = await recordEvent(
      app.url,
      team.tokens['engagement-lead'],
      team.workspace,
      dropIn('Drop-in for the filters'),
    );
    const linked = await createSpecification(app.url, 'Filtered links');
    const a = await give({
      eventId: own.id,
      text: 'Buses stop at six (after school).',
      audience: 'parents-and-carers',
      themes: ['Filter theme'],
    });
    const themeId = a.themeIds[0]!;
    const b = await give({
      eventId: own.id,
      text: 'Somewhere to go in the evenings.',
      audience: 'children-and-young-people',
      themes: [],
      links: [{ specificationId: linked }],
    });
    await api(
      app.url,
      'PATCH',
      feedbackPath(b.id),
      team.as('commissioner', { status: 'considering' }),
    );
    const c = await give({
      text: 'Shared records, please.',
      audience: 'professionals',
      themes: [themeId],
    });
    const ids = async (query: string) => (await listed(query)).body.map((item) => item.id);
    expect(await ids(`eventId=${own.id}`)).toEqual([b.id, a.id]);
    expect(await ids(`themeId=${themeId}`)).toEqual([c.id, a.id]);
    expect(await ids(`eventId=${own.id}&status=considering`)).toEqual([b.id]);
    expect(await ids(`eventId=${own.id}&status=new`)).toEqual([a.id]);
    expect(await ids(`themeId=${themeId}&audience=professionals`)).toEqual([c.id]);
    expect(await ids(`specificationId=${linked}`)).toEqual([b.id]);
    expect(await ids(`search=${encodeURIComponent('BUSES stop')}`)).toEqual([a.id]);
    // The words are words, not a pattern.
    expect(await ids(`search=${encodeURIComponent('six (after')}`)).toEqual([a.id]);
    expect(await ids(`search=${encodeURIComponent('.*')}`)).toEqual([]);
    expect(await ids(`eventId=${'0123456789abcdef01234567'}`)).toEqual([]);
    const everything = await listed('');
    const times = everything.body.map((item) => item.createdAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('comes in pages, newest first, with X-Total-Count', async () => {
    const own = await recordEvent(
      app.url,
      team.tokens['engagement-lead'],
      team.workspace,
      dropIn('Drop-in for the pages'),
    );
    const given: string[] = [];
    for (let n = 1; n <= 5; n += 1) {
      given.push(
        (
          await give({
            eventId: own.id,
            text: `Item ${n}.`,
            audience: 'parents-and-carers',
            themes: [],
          })
        ).id,
      );
    }
    const newest = [...given].reverse();
    const page = async (n: number) => {
      const response = await listed(`eventId=${own.id}&pageSize=2&page=${n}`);
      expect(response.headers.get('x-total-count')).toBe('5');
      return response.body.map((item) => item.id);
    };
    expect(await page(1)).toEqual(newest.slice(0, 2));
    expect(await page(2)).toEqual(newest.slice(2, 4));
    expect(await page(3)).toEqual(newest.slice(4));
    expect(await page(4)).toEqual([]);
    const whole = await listed(`eventId=${own.id}`);
    expect(whole.body.map((item) => item.id)).toEqual(newest);
    // prettier-ignore
    for (const query of ['pageSize=0', 'pageSize=201', 'page=0', 'page=0x2', 'page=1e1', 'pageSize=%202', 'status=done', 'eventId=abc', 'search=a%00b', `search=${'x'.repeat(201)}`]) {
      const response = await api(app.url, 'GET', `${feedbackPath()}?${query}`, team.as('observer'));
      expect([query, response.status]).toEqual([query, 400]);
    }
  });

  it('is the team’s: a provider may not read it (403)', async () => {
    const response = await api(app.url, 'GET', feedbackPath(), team.as('provider'));
    expect(response.status).toBe(403);
    expect(response.body).toEqual(errorWithCode('forbidden'));
  });
});

describe('deleting feedback', () => {
  it('removes it (commissioners and engagement leads), audited', async () => {
    const item = await give({ text: 'Recorded twice.', audience: 'other', themes: [] });
    expect(
      (await api(app.url, 'DELETE', feedbackPath(item.id), team.as('expert-by-experience'))).status,
    ).toBe(403);
    expect(
      (await api(app.url, 'DELETE', feedbackPath(item.id), team.as('commissioner'))).status,
    ).toBe(204);
    expect((await api(app.url, 'GET', feedbackPath(item.id), team.as('commissioner'))).status).toBe(
      404,
    );
    expect(
      (await api(app.url, 'DELETE', feedbackPath(item.id), team.as('commissioner'))).status,
    ).toBe(404);
    expect(await auditOf(app.url, team.tokens.commissioner, team.workspace, item.id)).toEqual([
      ['feedback.delete', team.ids.commissioner],
      ['feedback.give', team.ids['engagement-lead']],
    ]);
  });
});

describe('themes', () => {
  it('are listed by name with how much feedback each has', async () => {
    const list = await themes();
    const names = list.map((theme) => theme.name);
    expect(names).toEqual([...names].sort((x, y) => x.localeCompare(y, 'en-GB')));
    const filter = list.find((theme) => theme.name === 'Filter theme');
    expect(filter).toEqual({ id: expect.any(String), name: 'Filter theme', feedbackCount: 2 });
    expect((await api(app.url, 'GET', themesPath(), team.as('provider'))).status).toBe(403);
  });

  it('are added once: the same name again, in any case, is 409', async () => {
    const created = await api<FeedbackTheme>(
      app.url,
      'POST',
      themesPath(),
      team.as('engagement-lead', { name: ' Moving to adult services soon ' }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Moving to adult services soon',
      feedbackCount: 0,
    });
    for (const name of ['Moving to adult services soon', 'MOVING  to adult services SOON']) {
      const duplicate = await api(
        app.url,
        'POST',
        themesPath(),
        team.as('engagement-lead', { name }),
      );
      expect([name, duplicate.status]).toEqual([name, 409]);
      expect(duplicate.body).toEqual(errorWithCode('conflict'));
    }
    expect(
      (await api(app.url, 'POST', themesPath(), team.as('steering-member', { name: 'Mine' })))
        .status,
    ).toBe(403);
  });

  it('are renamed (feedback shows the new name), but not onto another theme’s name (409)', async () => {
    const item = await give({
      text: 'Tell me what happens at 18.',
      audience: 'children-and-young-people',
      themes: ['Growing up'],
    });
    const themeId = item.themeIds[0]!;
    const renamed = await api<FeedbackTheme>(
      app.url,
      'PATCH',
      themesPath(themeId),
      team.as('engagement-lead', { name: 'Preparing for adulthood' }),
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body).toEqual({
      id: themeId,
      name: 'Preparing for adulthood',
      feedbackCount: 1,
    });
    const shown = await api<Feedback>(app.url, 'GET', feedbackPath(item.id), team.as('observer'));
    expect(shown.body.themes).toEqual(['Preparing for adulthood']);
    // Its own name in other letters is fine.
    const recased = await api<FeedbackTheme>(
      app.url,
      'PATCH',
      themesPath(themeId),
      team.as('engagement-lead', { name: 'Preparing for Adulthood' }),
    );
    expect(recased.status).toBe(200);
    const taken = await api(
      app.url,
      'PATCH',
      themesPath(themeId),
      team.as('engagement-lead', { name: 'being KNOWN' }),
    );
    expect(taken.status).toBe(409);
    expect(taken.body).toEqual(errorWithCode('conflict'));
    expect((await themes()).find((theme) => theme.id === themeId)!.name).toBe(
      'Preparing for Adulthood',
    );
    const missing = await api(
      app.url,
      'PATCH',
      themesPath('0123456789abcdef01234567'),
      team.as('engagement-lead', { name: 'Nothing' }),
    );
    expect(missing.status).toBe(404);
  });

  it('merge: the feedback moves to the other theme (once), and the theme goes', async () => {
    const one = await give({ text: 'Merge one.', audience: 'other', themes: ['Merge from'] });
    const from = one.themeIds[0]!;
    const both = await give({
      text: 'Merge both.',
      audience: 'other',
      themes: ['Merge into', 'Merge from'],
    });
    const into = both.themeIds[0]!;
    const merged = await api<FeedbackTheme>(
      app.url,
      'POST',
      `${themesPath(from)}/merge`,
      team.as('engagement-lead', { intoThemeId: into }),
    );
    expect(merged.status).toBe(200);
    expect(merged.body).toEqual({ id: into, name: 'Merge into', feedbackCount: 2 });
    const after = await themes();
    expect(after.find((theme) => theme.id === from)).toBeUndefined();
    for (const item of [one, both]) {
      const shown = await api<Feedback>(app.url, 'GET', feedbackPath(item.id), team.as('observer'));
      expect(shown.body.themeIds).toEqual([into]);
      expect(shown.body.themes).toEqual(['Merge into']);
    }
    const filtered = await listed(`themeId=${into}`);
    expect(filtered.body.map((item) => item.id)).toEqual([both.id, one.id]);
    // Gone: merging it again finds nothing.
    const again = await api(
      app.url,
      'POST',
      `${themesPath(from)}/merge`,
      team.as('engagement-lead', { intoThemeId: into }),
    );
    expect(again.status).toBe(404);
    const self = await api(
      app.url,
      'POST',
      `${themesPath(into)}/merge`,
      team.as('engagement-lead', { intoThemeId: into }),
    );
    expect(self.status).toBe(400);
    const nowhere = await api(
      app.url,
      'POST',
      `${themesPath(into)}/merge`,
      team.as('engagement-lead', { intoThemeId: '0123456789abcdef01234567' }),
    );
    expect(nowhere.status).toBe(400);
    expect(await auditOf(app.url, team.tokens.commissioner, team.workspace, from)).toEqual([
      ['feedback-theme.merge', team.ids['engagement-lead']],
    ]);
  });

  it('stop at 200 a workspace: feedback naming more new ones than there is room for adds none', async () => {
    const created = await api<WorkspaceDetail>(app.url, 'POST', '/api/workspaces', {
      token: team.tokens.commissioner,
      body: { name: 'Many themes', serviceArea: 'Themes', leadOrganisation: 'Theme ICB' },
    });
    const at = (rest: string) => `/api/workspaces/${created.body.id}${rest}`;
    const as = (body?: unknown) => ({ token: team.tokens.commissioner, body });
    for (let n = 1; n <= 199; n += 1) {
      const theme = await api(app.url, 'POST', at('/feedback-themes'), as({ name: `Theme ${n}` }));
      expect(theme.status).toBe(201);
    }
    const count = async () =>
      (await api<FeedbackTheme[]>(app.url, 'GET', at('/feedback-themes'), as())).body.length;
    const item = (themes: string[]) => ({ text: 'Many themes.', audience: 'other', themes });
    const tooMany = await api<{ error: { message: string } }>(
      app.url,
      'POST',
      at('/feedback'),
      as(item(['Theme 1', 'One more', 'Two more'])),
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toMatch(/at most 200 themes, and this one has 199/);
    expect(await count()).toBe(199);
    // One new name, however it is written, is room for one.
    const one = await api<Feedback>(
      app.url,
      'POST',
      at('/feedback'),
      as(item(['One more', 'ONE  more', 'Theme 2'])),
    );
    expect(one.status).toBe(201);
    expect(one.body.themes).toEqual(['One more', 'Theme 2']);
    expect(await count()).toBe(200);
    const full = await api(app.url, 'POST', at('/feedback-themes'), as({ name: 'Theme 201' }));
    expect(full.status).toBe(400);
    expect(await count()).toBe(200);
  });

  it('each change to themes is audited', async () => {
    const created = await api<FeedbackTheme>(
      app.url,
      'POST',
      themesPath(),
      team.as('commissioner', { name: 'Audited theme' }),
    );
    await api(
      app.url,
      'PATCH',
      themesPath(created.body.id),
      team.as('engagement-lead', { name: 'Audited theme, renamed' }),
    );
    expect(
      await auditOf(app.url, team.tokens.commissioner, team.workspace, created.body.id),
    ).toEqual([
      ['feedback-theme.rename', team.ids['engagement-lead']],
      ['feedback-theme.create', team.ids.commissioner],
    ]);
  });
});

describe('the target cohort and the dashboard', () => {
  // A workspace of its own, so every figure is known.
  let workspace: string;
  const at = (rest: string) => `/api/workspaces/${workspace}${rest}`;
  const as = (body?: unknown) => ({ token: team.tokens.commissioner, body });

  beforeAll(async () => {
    const created = await api<WorkspaceDetail>(app.url, 'POST', '/api/workspaces', {
      token: team.tokens.commissioner,
      body: {
        name: 'Dashboard figures',
        serviceArea: 'Children and young people',
        leadOrganisation: 'North Riverside ICB',
      },
    });
    workspace = created.body.id;
  });

  it('an empty workspace has no cohort and no figures', async () => {
    const cohort = await api<TargetCohort>(app.url, 'GET', at('/engagement/cohort'), as());
    expect(cohort.status).toBe(200);
    expect(cohort.body).toEqual({ groups: [], updatedAt: null });
    const report = await api<EngagementReport>(app.url, 'GET', at('/engagement/report'), as());
    expect(report.status).toBe(200);
    expect(report.body).toEqual({
      events: 0,
      tookPart: 0,
      reachByAudience: [],
      reachByMonth: [],
      feedback: 0,
      feedbackByStatus: [
        { status: 'new', count: 0 },
        { status: 'considering', count: 0 },
        { status: 'reflected', count: 0 },
        { status: 'not-taken-forward', count: 0 },
      ],
      feedbackByTheme: [],
      reflectedShare: 0,
    });
  });

  it('records the cohort by audience and age band, in reading order, audited', async () => {
    const refused = await api(
      app.url,
      'PUT',
      at('/engagement/cohort'),
      as({ groups: [{ audience: 'parents-and-carers', ageBand: '0-4', count: 10 }] }),
    );
    expect(refused.status).toBe(400);
    const put = await api<TargetCohort>(
      app.url,
      'PUT',
      at('/engagement/cohort'),
      as({
        groups: [
          { audience: 'parents-and-carers', count: 300 },
          { audience: 'children-and-young-people', ageBand: '19-25', count: 50 },
          { audience: 'children-and-young-people', ageBand: '11-15', count: 200 },
          { audience: 'children-and-young-people', ageBand: '16-18', count: 150 },
          { audience: 'professionals', count: 0 },
        ],
      }),
    );
    expect(put.status).toBe(200);
    expect(put.body).toEqual({
      groups: [
        { audience: 'children-and-young-people', ageBand: '11-15', count: 200 },
        { audience: 'children-and-young-people', ageBand: '16-18', count: 150 },
        { audience: 'children-and-young-people', ageBand: '19-25', count: 50 },
        { audience: 'parents-and-carers', count: 300 },
      ],
      updatedAt: expect.any(String),
    });
    const read = await api<TargetCohort>(app.url, 'GET', at('/engagement/cohort'), {
      token: team.tokens.commissioner,
    });
    expect(read.body).toEqual(put.body);
    const audit = await api<AuditEntry[]>(app.url, 'GET', at('/audit'), as());
    expect(audit.body.filter((entry) => entry.action === 'engagement.set-cohort')).toHaveLength(1);
  });

  it('reports reach against the cohort, by month in UK time, and feedback by status and theme', async () => {
    const record = (request: Parameters<typeof recordEvent>[3]) =>
      recordEvent(app.url, team.tokens.commissioner, workspace, request);
    // 23:30 on 31 January is still January in London (GMT)...
    await record({
      type: 'drop-in',
      title: 'January',
      startsAt: '2027-01-31T23:30:00Z',
      reach: [
        { audience: 'children-and-young-people', ageBand: '11-15', count: 10 },
        { audience: 'parents-and-carers', count: 5 },
      ],
    });
    // ...but 23:30 on 31 March is 00:30 on 1 April (BST from 28 March 2027).
    await record({
      type: 'drop-in',
      title: 'First of April',
      startsAt: '2027-03-31T23:30:00Z',
      reach: [
        { audience: 'children-and-young-people', count: 3 },
        { audience: 'children-and-young-people', ageBand: '11-15', count: 4 },
      ],
    });
    await record({
      type: 'survey',
      title: 'Survey',
      startsAt: '2027-04-15T10:00:00Z',
      reach: [{ audience: 'parents-and-carers', count: 20 }],
      tookPart: 30,
    });
    const feedback = async (themes: string[], status?: string) => {
      const item = await giveFeedback(app.url, team.tokens.commissioner, workspace, {
        text: `Feedback ${themes.join(', ') || 'unthemed'} ${status ?? 'new'}.`,
        audience: 'parents-and-carers',
        themes,
      });
      if (status) {
        const changed = await api(
          app.url,
          'PATCH',
          at(`/feedback/${item.id}`),
          as({ status, reason: status === 'not-taken-forward' ? 'Out of scope.' : undefined }),
        );
        expect(changed.status).toBe(200);
      }
      return item;
    };
    const evenings = (await feedback(['Evenings'], 'reflected')).themeIds[0]!;
    await feedback(['Evenings'], 'reflected');
    await feedback(['Evenings', 'Transport'], 'considering');
    const transport = (await feedback(['Transport'], 'not-taken-forward')).themeIds[0]!;
    await feedback([]);

    const report = await api<EngagementReport>(app.url, 'GET', at('/engagement/report'), as());
    expect(report.status).toBe(200);
    expect(report.body).toEqual({
      events: 3,
      tookPart: 52,
      reachByAudience: [
        { audience: 'children-and-young-people', ageBand: null, reached: 3, cohort: null },
        { audience: 'children-and-young-people', ageBand: '11-15', reached: 14, cohort: 200 },
        // Who has not been heard yet.
        { audience: 'children-and-young-people', ageBand: '16-18', reached: 0, cohort: 150 },
        { audience: 'children-and-young-people', ageBand: '19-25', reached: 0, cohort: 50 },
        { audience: 'parents-and-carers', ageBand: null, reached: 25, cohort: 300 },
      ],
      reachByMonth: [
        { month: '2027-01', type: 'drop-in', events: 1, tookPart: 15 },
        { month: '2027-04', type: 'drop-in', events: 1, tookPart: 7 },
        { month: '2027-04', type: 'survey', events: 1, tookPart: 30 },
      ],
      feedback: 5,
      feedbackByStatus: [
        { status: 'new', count: 1 },
        { status: 'considering', count: 1 },
        { status: 'reflected', count: 2 },
        { status: 'not-taken-forward', count: 1 },
      ],
      feedbackByTheme: [
        { themeId: evenings, name: 'Evenings', count: 3, reflected: 2 },
        { themeId: transport, name: 'Transport', count: 2, reflected: 0 },
      ],
      reflectedShare: 0.4,
    });
    // The dashboard is the team's.
    expect(
      (await api(app.url, 'GET', team.at('/engagement/report'), team.as('provider'))).status,
    ).toBe(403);
    expect(
      (await api(app.url, 'GET', team.at('/engagement/report'), team.as('observer'))).status,
    ).toBe(200);
  });
});
