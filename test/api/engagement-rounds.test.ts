// Market engagement rounds (issue 15) over real connections: the engagement copy is a
// fork of the draft at that moment that providers taking part co-edit live; later draft
// edits never reach it; closing turns every open copy read-only at once; then each
// changed section is taken into the draft as a new edit or recorded as feedback, once.
import type {
  CommentInbox,
  CommentThread,
  Feedback,
  RoundChange,
  RoundView,
} from '@coproduce/domain';
import { Y } from '@coproduce/protocol';
import {
  sectionBlocksOf,
  specificationFragment,
  type SectionBlocks,
} from '@coproduce/specification-document';
import { api } from '../support/api';
import {
  collabApp,
  connectWithToken,
  contentOf,
  createSpecification,
  eventually,
  insertionFrame,
  openSpecification,
  rawClient,
} from '../support/collab';
import { anchorOnWords } from '../support/comments';
import {
  addSecondProvider,
  roundsTeam,
  type DemoTeam,
  type RoundsTeam,
} from '../support/engagement';

jest.setTimeout(180_000);

const app = collabApp();
let rounds: RoundsTeam;
let team: DemoTeam;
let secondProvider: RoundsTeam['secondProvider'];
let marketEvent: string;

beforeAll(async () => {
  rounds = await roundsTeam(app.url);
  ({ team, secondProvider, marketEvent } = rounds);
});

const startRound = (specificationId: string, fields: Record<string, unknown> = {}) =>
  rounds.startRound(specificationId, fields);

/** Writes `words` at the start of the first paragraph of a document's section `key`. */
function writeInto(doc: Y.Doc, key: string, words: string): void {
  const section = sectionBlocksOf(doc).find((each) => each.key === key)!;
  const paragraph = firstParagraph(section)!;
  const text = paragraph.get(0);
  if (text instanceof Y.XmlText) text.insert(0, words);
  else paragraph.insert(0, [new Y.XmlText(words)]);
}

function firstParagraph(section: SectionBlocks): Y.XmlElement | undefined {
  return section.blocks.find(
    (block) => block instanceof Y.XmlElement && block.nodeName === 'paragraph',
  ) as Y.XmlElement | undefined;
}

describe('a market engagement round', () => {
  it('forks the draft as it is; later draft edits never reach the copy; participants co-edit it live', async () => {
    const specificationId = await createSpecification(app.url, 'Round: forked text');
    const steering = await connectWithToken(app.url, team.tokens['steering-member']);
    const draft = await openSpecification(steering, specificationId);
    specificationFragment(draft.doc).insert(0, [new Y.XmlText('Written before the fork. ')]);
    await eventually(() => draft.provider.status === 'saved', 'the draft’s words are saved');

    const round = await startRound(specificationId);
    expect(round.status).toBe(201);
    expect(round.body).toMatchObject({ status: 'open', namesShown: false });
    specificationFragment(draft.doc).insert(0, [new Y.XmlText('LATER-DRAFT-WORD ')]);

    const first = await connectWithToken(app.url, team.tokens.provider);
    const second = await connectWithToken(app.url, secondProvider.token);
    const one = await openSpecification(first, round.body.copyId);
    const two = await openSpecification(second, round.body.copyId);
    expect(contentOf(one.doc)).toContain('Written before the fork.');
    expect(contentOf(one.doc)).not.toContain('LATER-DRAFT-WORD');

    specificationFragment(one.doc).insert(0, [new Y.XmlText('From the first provider. ')]);
    await eventually(
      () => contentOf(two.doc).includes('From the first provider.'),
      'the second provider sees the first one’s words',
    );
    expect(contentOf(two.doc)).not.toContain('LATER-DRAFT-WORD');
    for (const connection of [steering, first, second]) connection.close();
  });

  it('the demo has a closed round whose changes wait, each with the provider who made it', async () => {
    const rounds = await team.request<RoundView[]>('commissioner', 'GET', '/engagement-rounds');
    const demo = rounds.body.find((round) => round.title.startsWith('Providers’ wording'))!;
    expect(demo).toMatchObject({ status: 'closed', namesShown: false });
    const changes = await team.request<RoundChange[]>(
      'commissioner',
      'GET',
      `/engagement-rounds/${demo.id}/changes`,
    );
    const byAuthor = changes.body.map((change) => ({
      authors: change.authors.map((author) => author.name),
      added: change.runs.filter((run) => run.kind === 'added').map((run) => run.text.trim()),
      removed: change.runs.filter((run) => run.kind === 'removed').map((run) => run.text.trim()),
    }));
    expect(byAuthor).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          authors: ['Chris Morgan'],
          added: [expect.stringContaining('help them stay in their local school')],
        }),
        expect.objectContaining({
          authors: ['Chris Morgan'],
          removed: [expect.stringContaining('more families use a personal budget')],
        }),
      ]),
    );
    expect(changes.body.every((change) => change.decision === null)).toBe(true);
  });

  it('is named, with its dates, in the preliminary market engagement notice of its event', async () => {
    const specificationId = await createSpecification(app.url, 'Round: in the notice');
    const round = await startRound(specificationId, { title: 'Notice round' });
    const notice = await fetch(
      `${app.url}${team.at(`/engagement-events/${marketEvent}/market-notice?format=md`)}`,
      { headers: { authorization: `Bearer ${team.tokens.commissioner}` } },
    );
    const text = await notice.text();
    expect(text).toContain('Shaping the specification together');
    const closes = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(new Date(round.body.closesAt));
    expect(text).toMatch(new RegExp(`Notice round: open from .+ to .*${closes}`));
  });

  it('is not found for a provider not taking part, by REST and on the socket', async () => {
    const specificationId = await createSpecification(app.url, 'Round: not for everyone');
    const round = await startRound(specificationId, { participantIds: [secondProvider.id] });
    const asProvider = await team.request('provider', 'GET', `/engagement-rounds/${round.body.id}`);
    expect(asProvider.status).toBe(404);
    const raw = await rawClient(app.url, team.tokens.provider);
    const ack = await raw.join(round.body.copyId);
    expect(ack).toMatchObject({ ok: false, error: { code: 'not-found' } });
    raw.close();
    const mine = await api<RoundView[]>(app.url, 'GET', team.at('/engagement-rounds'), {
      token: secondProvider.token,
    });
    const seen = mine.body.find((each) => each.id === round.body.id)!;
    expect(seen.specification).toBeUndefined();
  });

  it('closes for everyone at once; a participant’s frame afterwards is refused and nothing is stored', async () => {
    const specificationId = await createSpecification(app.url, 'Round: closing');
    const round = await startRound(specificationId);
    const raw = await rawClient(app.url, team.tokens.provider);
    expect(await raw.join(round.body.copyId)).toMatchObject({ ok: true, canEdit: true });

    const closed = await team.request<RoundView>(
      'commissioner',
      'POST',
      `/engagement-rounds/${round.body.id}/close`,
    );
    expect(closed.body.status).toBe('closed');
    await eventually(
      () => raw.roles.some((notice) => notice.closed === true),
      'the copy turns read-only',
    );
    expect(raw.roles.at(-1)).toMatchObject({ canEdit: false, closed: true });

    raw.send(round.body.copyId, insertionFrame('AFTER-CLOSING'));
    await eventually(() => raw.errors.length > 0, 'the frame is refused');
    expect(raw.errors[0]).toMatchObject({ code: 'forbidden' });
    raw.close();
    const reader = await connectWithToken(app.url, secondProvider.token);
    const copy = await openSpecification(reader, round.body.copyId);
    expect(contentOf(copy.doc)).not.toContain('AFTER-CLOSING');
    reader.close();
  });

  it('brings changes back one by one: taken into the draft while others edit it, or recorded as not taken forward', async () => {
    const specificationId = await createSpecification(app.url, 'Round: bringing back');
    const round = await startRound(specificationId);
    const first = await connectWithToken(app.url, team.tokens.provider);
    const second = await connectWithToken(app.url, secondProvider.token);
    const one = await openSpecification(first, round.body.copyId);
    const two = await openSpecification(second, round.body.copyId);
    const [firstKey, secondKey] = sectionBlocksOf(one.doc)
      .filter((section) => section.heading && firstParagraph(section))
      .map((section) => section.key);
    writeInto(one.doc, firstKey!, 'Key workers meet families within ten days. ');
    writeInto(two.doc, secondKey!, 'Providers may subcontract advocacy. ');
    await eventually(
      () => contentOf(one.doc).includes('Providers may subcontract advocacy.'),
      'both providers’ words reach each other',
    );
    await one.provider.whenSaved();
    await two.provider.whenSaved();

    const early = await team.request(
      'commissioner',
      'POST',
      `/engagement-rounds/${round.body.id}/changes/${firstKey}/take`,
    );
    expect(early.status).toBe(409);
    await team.request('commissioner', 'POST', `/engagement-rounds/${round.body.id}/close`);

    const changes = await team.request<RoundChange[]>(
      'commissioner',
      'GET',
      `/engagement-rounds/${round.body.id}/changes`,
    );
    expect(changes.status).toBe(200);
    const byKey = new Map(changes.body.map((change) => [change.key, change]));
    expect(byKey.get(firstKey!)?.authors.map((author) => author.name)).toEqual(['Chris Morgan']);
    expect(byKey.get(secondKey!)?.authors.map((author) => author.name)).toEqual(['Sam Patel']);

    const steering = await connectWithToken(app.url, team.tokens['steering-member']);
    const draft = await openSpecification(steering, specificationId);
    writeInto(draft.doc, firstKey!, 'Meanwhile in the draft. ');
    const taken = await team.request<RoundChange>(
      'commissioner',
      'POST',
      `/engagement-rounds/${round.body.id}/changes/${firstKey}/take`,
    );
    expect(taken.status).toBe(200);
    expect(taken.body.decision).toMatchObject({ kind: 'taken', by: { name: 'Priya Shah' } });
    await eventually(
      () => contentOf(draft.doc).includes('Key workers meet families within ten days.'),
      'the taken change reaches the draft’s editor',
    );
    expect(contentOf(draft.doc)).toContain('Meanwhile in the draft.');
    expect(contentOf(draft.doc)).not.toContain('Providers may subcontract advocacy.');
    const roundPage = await team.request<RoundView>(
      'commissioner',
      'GET',
      `/engagement-rounds/${round.body.id}`,
    );
    expect(roundPage.body.changes).toEqual({ total: 2, decided: 1 });

    const again = await team.request(
      'commissioner',
      'POST',
      `/engagement-rounds/${round.body.id}/changes/${firstKey}/take`,
    );
    expect(again.status).toBe(409);

    const noReason = await team.request(
      'commissioner',
      'POST',
      `/engagement-rounds/${round.body.id}/changes/${secondKey}/feedback`,
      { status: 'not-taken-forward' },
    );
    expect(noReason.status).toBe(400);
    const recorded = await team.request<RoundChange>(
      'commissioner',
      'POST',
      `/engagement-rounds/${round.body.id}/changes/${secondKey}/feedback`,
      {
        status: 'not-taken-forward',
        reason: 'Advocacy stays with the independent provider already commissioned.',
        audience: 'voluntary-sector-providers',
      },
    );
    expect(recorded.status).toBe(201);
    expect(recorded.body.decision).toMatchObject({ kind: 'feedback', status: 'not-taken-forward' });
    const feedbackId = (recorded.body.decision as { feedbackId: string }).feedbackId;
    const feedback = await team.request<Feedback>(
      'engagement-lead',
      'GET',
      `/feedback/${feedbackId}`,
    );
    expect(feedback.body).toMatchObject({
      status: 'not-taken-forward',
      eventId: marketEvent,
    });
    expect(feedback.body.text).toContain('Providers may subcontract advocacy.');
    expect(feedback.body.links[0]).toMatchObject({ specificationId });
    for (const connection of [first, second, steering]) connection.close();
  });

  it('a change of formatting alone is listed, with who made it, and taken into the draft', async () => {
    const specificationId = await createSpecification(app.url, 'Round: formatting');
    const steering = await connectWithToken(app.url, team.tokens['steering-member']);
    const draft = await openSpecification(steering, specificationId);
    const key = sectionBlocksOf(draft.doc).find(
      (each) => each.heading && firstParagraph(each),
    )!.key;
    writeInto(draft.doc, key, 'Key workers meet families within ten days.');
    await draft.provider.whenSaved();
    const round = await startRound(specificationId);
    const provider = await connectWithToken(app.url, team.tokens.provider);
    const copy = await openSpecification(provider, round.body.copyId);
    const section = sectionBlocksOf(copy.doc).find((each) => each.key === key)!;
    const words = firstParagraph(section)!.get(0) as Y.XmlText;
    words.format(0, 8, { bold: {} });
    await copy.provider.whenSaved();
    await team.request('commissioner', 'POST', `/engagement-rounds/${round.body.id}/close`);

    const changes = await team.request<RoundChange[]>(
      'commissioner',
      'GET',
      `/engagement-rounds/${round.body.id}/changes`,
    );
    expect(changes.body).toHaveLength(1);
    expect(changes.body[0]).toMatchObject({
      key,
      change: 'changed',
      formattingChanged: true,
      wordsAdded: 0,
      wordsRemoved: 0,
      authors: [{ name: 'Chris Morgan' }],
    });

    const taken = await team.request(
      'commissioner',
      'POST',
      `/engagement-rounds/${round.body.id}/changes/${section.key}/take`,
    );
    expect(taken.status).toBe(200);
    const inDraft = () => {
      const drafted = sectionBlocksOf(draft.doc).find((each) => each.key === section.key)!;
      return (firstParagraph(drafted)!.get(0) as Y.XmlText).toDelta() as {
        insert: string;
        attributes?: object;
      }[];
    };
    await eventually(
      () => inDraft()[0]?.attributes !== undefined,
      'the bold words reach the draft’s editor',
    );
    expect(inDraft()[0]).toEqual({ insert: 'Key work', attributes: { bold: {} } });
    for (const connection of [provider, steering]) connection.close();
  });

  it('has comment threads of its own: participants write them, names hidden, none after closing', async () => {
    const specificationId = await createSpecification(app.url, 'Round: comments');
    const round = await startRound(specificationId);
    const connection = await connectWithToken(app.url, team.tokens.provider);
    const copy = await openSpecification(connection, round.body.copyId);
    specificationFragment(copy.doc).insert(0, [
      new Y.XmlText('Key workers are available at weekends. '),
    ]);
    await eventually(() => copy.provider.status === 'saved', 'the copy’s words are saved');
    const threads = team.at(`/specifications/${round.body.copyId}/threads`);
    const words = 'available at weekends';
    const started = await api<CommentThread>(app.url, 'POST', threads, {
      token: team.tokens.provider,
      body: { body: 'Is this funded?', quote: words, anchor: anchorOnWords(copy.doc, words) },
    });
    expect(started.status).toBe(201);
    // Names are hidden in this round: the other provider and the team see "A provider".
    const seen = await api<CommentThread[]>(app.url, 'GET', threads, {
      token: secondProvider.token,
    });
    expect(seen.body[0]!.comments[0]!.author.name).toBe('A provider');
    const reply = await api(
      app.url,
      'POST',
      team.at(`/specifications/${round.body.copyId}/threads/${started.body.id}/comments`),
      {
        token: secondProvider.token,
        body: { body: 'It should be.' },
      },
    );
    expect(reply.status).toBe(201);
    const mention = await team.request(
      'commissioner',
      'POST',
      `/specifications/${round.body.copyId}/threads/${started.body.id}/comments`,
      { body: 'Noted.', mentions: [team.ids['steering-member']] },
    );
    expect(mention.status).toBe(400);
    // A copy's threads stay with its round: none reaches a team member's inbox, even one
    // they wrote in and others answered since.
    const comments = `/specifications/${round.body.copyId}/threads/${started.body.id}/comments`;
    const noted = await team.request('commissioner', 'POST', comments, { body: 'Noted.' });
    expect(noted.status).toBe(201);
    const answer = await api(app.url, 'POST', team.at(comments), {
      token: secondProvider.token,
      body: { body: 'Thank you.' },
    });
    expect(answer.status).toBe(201);
    const inbox = await api<CommentInbox>(app.url, 'GET', '/api/inbox', {
      token: team.tokens.commissioner,
    });
    expect(inbox.body.items.map((item) => item.threadId)).not.toContain(started.body.id);
    // Not taking part: as for nothing at all.
    const outsider = await addSecondProvider(
      team,
      { name: 'Jo Outside', email: 'jo.outside@example.test' },
      'Outside Care',
    );
    const refused = await api(app.url, 'GET', threads, { token: outsider.token });
    expect(refused.status).toBe(404);

    await team.request('commissioner', 'POST', `/engagement-rounds/${round.body.id}/close`);
    const late = await api(
      app.url,
      'POST',
      team.at(`/specifications/${round.body.copyId}/threads/${started.body.id}/comments`),
      {
        token: team.tokens.provider,
        body: { body: 'One more thing.' },
      },
    );
    expect(late.status).toBe(403);
    connection.close();
  });
});
