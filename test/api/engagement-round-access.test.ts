// Market engagement rounds (issue 15), who may do what in the engagement copy and when:
// names hidden or shown, the round opening and closing on time, providers taken off the
// round or given another role, every round action in the audit log, and the fork being
// exactly the draft at that moment.
import type {
  AuditEntry,
  Feedback,
  RoundChange,
  Role,
  RoundView,
  SpecificationSummary,
} from '@coproduce/domain';
import { HIDDEN_PROVIDER_NAME } from '@coproduce/domain';
import { Y } from '@coproduce/protocol';
import { sectionBlocksOf, specificationFragment } from '@coproduce/specification-document';
import { api } from '../support/api';
import {
  collabApp,
  connectWithToken,
  contentOf,
  eventually,
  insertionFrame,
  openSpecification,
  rawClient,
  storedState,
} from '../support/collab';
import { roundsTeam, type DemoTeam, type RoundsTeam } from '../support/engagement';

jest.setTimeout(180_000);

const app = collabApp({ ownDatabase: true });
let rounds: RoundsTeam;
let team: DemoTeam;
let secondProvider: RoundsTeam['secondProvider'];
let marketEvent: string;

beforeAll(async () => {
  rounds = await roundsTeam(app.url);
  ({ team, secondProvider, marketEvent } = rounds);
});

/** A new draft, made with the commissioner's session (signing in each time meets the rate limit). */
async function createSpecification(title: string): Promise<string> {
  const created = await api<SpecificationSummary>(
    app.url,
    'POST',
    team.at('/specifications'),
    team.as('commissioner', { title }),
  );
  expect(created.status).toBe(201);
  return created.body.id;
}

async function startRound(title: string, extra: Record<string, unknown> = {}) {
  const specificationId = await createSpecification(title);
  const round = await rounds.startRound(specificationId, { title, ...extra });
  expect(round.status).toBe(201);
  return { ...round.body, specificationId };
}

function changeRole(userId: string, role: Role) {
  return api(app.url, 'PATCH', team.at(`/members/${userId}`), team.as('commissioner', { role }));
}

function roundAs(roundId: string, token: string) {
  return api<RoundView>(app.url, 'GET', team.at(`/engagement-rounds/${roundId}`), { token });
}

function changeRound(roundId: string, body: Record<string, unknown>) {
  return api<RoundView>(
    app.url,
    'PATCH',
    team.at(`/engagement-rounds/${roundId}`),
    team.as('commissioner', body),
  );
}

/** The names another participant's presence carries, as a participant receives them. */
function namesSeenBy(
  awareness: { getStates(): Map<number, Record<string, unknown>> },
  self: number,
) {
  return [...awareness.getStates()]
    .filter(([clientId]) => clientId !== self)
    .map(([, state]) => (state['user'] as { name?: string } | undefined)?.name);
}

/** Writes `words` at the start of the first paragraph of the copy's section `key`. */
function writeInto(doc: Y.Doc, key: string, words: string): void {
  const section = sectionBlocksOf(doc).find((each) => each.key === key)!;
  const paragraph = section.blocks.find(
    (block) => block instanceof Y.XmlElement && block.nodeName === 'paragraph',
  ) as Y.XmlElement;
  const text = paragraph.get(0);
  if (text instanceof Y.XmlText) text.insert(0, words);
  else paragraph.insert(0, [new Y.XmlText(words)]);
}

function writableSections(doc: Y.Doc): string[] {
  return sectionBlocksOf(doc)
    .filter(
      (section) =>
        section.heading &&
        section.blocks.some(
          (block) => block instanceof Y.XmlElement && block.nodeName === 'paragraph',
        ),
    )
    .map((section) => section.key);
}

describe('names in a round', () => {
  it('hides providers’ names from each other as "A provider" until the commissioner shows them, live', async () => {
    const round = await startRound('Round: names hidden');
    expect(round.namesShown).toBe(false);
    const first = await connectWithToken(app.url, team.tokens.provider);
    const second = await connectWithToken(app.url, secondProvider.token);
    const one = await openSpecification(first, round.copyId);
    const two = await openSpecification(second, round.copyId);
    one.provider.awareness.setLocalStateField('user', { name: 'Chris Morgan', color: '#005eb8' });
    await eventually(
      () => namesSeenBy(two.provider.awareness, two.doc.clientID).length > 0,
      'the first provider’s presence reaches the second',
    );
    expect(namesSeenBy(two.provider.awareness, two.doc.clientID)).toEqual([HIDDEN_PROVIDER_NAME]);

    // The round as the second provider reads it: their own name, the other hidden.
    const hidden = await roundAs(round.id, secondProvider.token);
    expect(hidden.body.participants).toEqual(
      expect.arrayContaining([
        { name: HIDDEN_PROVIDER_NAME },
        expect.objectContaining({ id: secondProvider.id, name: 'Sam Patel' }),
      ]),
    );
    expect(JSON.stringify(hidden.body)).not.toContain('Chris Morgan');
    expect(JSON.stringify(hidden.body)).not.toContain(team.ids.provider);
    // The team sees everyone's name.
    const asTeam = await roundAs(round.id, team.tokens['steering-member']);
    expect(asTeam.body.participants.map((each) => each.name).sort()).toEqual([
      'Chris Morgan',
      'Sam Patel',
    ]);

    const shown = await changeRound(round.id, { namesShown: true });
    expect(shown.status).toBe(200);
    expect(shown.body.namesShown).toBe(true);
    one.provider.awareness.setLocalStateField('user', { name: 'Chris Morgan', color: '#007f3b' });
    await eventually(
      () => namesSeenBy(two.provider.awareness, two.doc.clientID).includes('Chris Morgan'),
      'the first provider’s name shows to the second once names are shown',
    );
    const named = await roundAs(round.id, secondProvider.token);
    expect(named.body.participants.map((each) => each.name).sort()).toEqual([
      'Chris Morgan',
      'Sam Patel',
    ]);
    for (const connection of [first, second]) connection.close();
  });
  it('hides the names of those already present as soon as the commissioner hides them', async () => {
    const round = await startRound('Round: names hidden again', { namesShown: true });
    const first = await connectWithToken(app.url, team.tokens.provider);
    const one = await openSpecification(first, round.copyId);
    one.provider.awareness.setLocalStateField('user', { name: 'Chris Morgan', color: '#005eb8' });
    const second = await connectWithToken(app.url, secondProvider.token);
    const two = await openSpecification(second, round.copyId);
    await eventually(
      () => namesSeenBy(two.provider.awareness, two.doc.clientID).includes('Chris Morgan'),
      'the first provider’s name shows while names are shown',
    );
    expect((await changeRound(round.id, { namesShown: false })).status).toBe(200);
    await eventually(
      () => namesSeenBy(two.provider.awareness, two.doc.clientID).join() === HIDDEN_PROVIDER_NAME,
      'the name already shown is hidden',
    );
    // Someone joining afterwards gets the presences as they are now.
    const third = await connectWithToken(app.url, secondProvider.token);
    const three = await openSpecification(third, round.copyId);
    await eventually(
      () => namesSeenBy(three.provider.awareness, three.doc.clientID).length > 0,
      'the presences reach whoever joins next',
    );
    expect(namesSeenBy(three.provider.awareness, three.doc.clientID)).not.toContain('Chris Morgan');
    for (const connection of [first, second, third]) connection.close();
  });
});

describe('a round’s times', () => {
  it('closes by itself at its closing time: open editors turn read-only and a later frame stores nothing', async () => {
    const round = await startRound('Round: closing on time', {
      closesAt: new Date(Date.now() + 3_000).toISOString(),
    });
    const raw = await rawClient(app.url, team.tokens.provider);
    expect(await raw.join(round.copyId)).toMatchObject({ ok: true, canEdit: true });
    const reader = await connectWithToken(app.url, secondProvider.token);
    const copy = await openSpecification(reader, round.copyId);
    await eventually(
      () => raw.roles.some((notice) => notice.closed === true),
      'the copy turns read-only at the closing time',
      15_000,
    );
    expect(raw.roles.at(-1)).toMatchObject({ canEdit: false, closed: true });
    raw.send(round.copyId, insertionFrame('AFTER-CLOSING-TIME'));
    await eventually(() => raw.errors.length > 0, 'the frame is refused');
    expect(raw.errors[0]).toMatchObject({ code: 'forbidden' });

    const closed = await roundAs(round.id, team.tokens.commissioner);
    expect(closed.body).toMatchObject({ status: 'closed', closedAt: round.closesAt });
    // A closing the round's own doing: in the audit log with nobody as its actor.
    const audit = await api<AuditEntry[]>(
      app.url,
      'GET',
      team.at(`/audit?targetId=${round.id}`),
      team.as('commissioner'),
    );
    expect(
      audit.body.find((entry) => entry.action === 'engagement-round.closed-on-time'),
    ).toMatchObject({
      actor: null,
    });
    expect(copy.doc.getText('notes').toString()).not.toContain('AFTER-CLOSING-TIME');
    raw.close();
    reader.close();
    const stored = await storedState(app.databaseUri, round.copyId);
    expect(stored.getText('notes').toString()).not.toContain('AFTER-CLOSING-TIME');
  });

  it('once the commissioner’s close is answered, a participant’s next frame is refused and stores nothing', async () => {
    const round = await startRound('Round: frame at closing');
    const raw = await rawClient(app.url, team.tokens.provider);
    expect(await raw.join(round.copyId)).toMatchObject({ ok: true, canEdit: true });
    const closed = await api(
      app.url,
      'POST',
      team.at(`/engagement-rounds/${round.id}/close`),
      team.as('commissioner'),
    );
    expect(closed.status).toBe(200);
    raw.send(round.copyId, insertionFrame('RIGHT-AFTER-CLOSING'));
    await eventually(() => raw.errors.length > 0, 'the frame is refused');
    expect(raw.errors[0]).toMatchObject({ code: 'forbidden' });
    raw.close();
    const stored = await storedState(app.databaseUri, round.copyId);
    expect(stored.getText('notes').toString()).not.toContain('RIGHT-AFTER-CLOSING');
  });

  it('keeps providers out until it opens, with the opening time; the team may prepare the copy', async () => {
    const round = await startRound('Round: not open yet', {
      opensAt: new Date(Date.now() + 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + 7_200_000).toISOString(),
    });
    expect(round.status).toBe('upcoming');
    const raw = await rawClient(app.url, team.tokens.provider);
    const ack = await raw.join(round.copyId);
    expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((ack as { error: { message: string } }).error.message).toMatch(/opens at/);
    raw.close();
    const steering = await rawClient(app.url, team.tokens['steering-member']);
    expect(await steering.join(round.copyId)).toMatchObject({ ok: true, canEdit: true });
    steering.close();
  });
});

describe('who takes part', () => {
  it('a provider taken off the round leaves the open copy at once, and cannot come back', async () => {
    const round = await startRound('Round: taken off');
    const raw = await rawClient(app.url, secondProvider.token);
    expect(await raw.join(round.copyId)).toMatchObject({ ok: true, canEdit: true });
    const changed = await changeRound(round.id, { participantIds: [team.ids.provider] });
    expect(changed.status).toBe(200);
    await eventually(
      () => raw.errors.some((error) => error.docId === round.copyId),
      'the provider taken off is put out of the copy',
    );
    raw.send(round.copyId, insertionFrame('AFTER-REMOVAL'));
    expect(await raw.join(round.copyId)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    raw.close();
    expect((await roundAs(round.id, secondProvider.token)).status).toBe(404);
    const commissioner = await connectWithToken(app.url, team.tokens.commissioner);
    const copy = await openSpecification(commissioner, round.copyId);
    expect(copy.doc.getText('notes').toString()).not.toContain('AFTER-REMOVAL');
    commissioner.close();
  });

  it('a participant whose role changes from provider to observer finds the copy read-only', async () => {
    const round = await startRound('Round: role changed');
    const raw = await rawClient(app.url, secondProvider.token);
    expect(await raw.join(round.copyId)).toMatchObject({ ok: true, canEdit: true });
    try {
      expect((await changeRole(secondProvider.id, 'observer')).status).toBe(200);
      await eventually(
        () => raw.roles.some((notice) => notice.canEdit === false),
        'the copy turns read-only for them',
      );
      raw.send(round.copyId, insertionFrame('AS-AN-OBSERVER'));
      await eventually(() => raw.errors.length > 0, 'their frame is refused');
      expect(raw.errors.at(-1)).toMatchObject({ code: 'forbidden' });
    } finally {
      raw.close();
      expect((await changeRole(secondProvider.id, 'provider')).status).toBe(200);
    }
    const stored = await storedState(app.databaseUri, round.copyId);
    expect(stored.getText('notes').toString()).not.toContain('AS-AN-OBSERVER');
  });
});

describe('a round’s record', () => {
  it('is the draft exactly as it was at the fork, stored as the copy’s own document', async () => {
    const specificationId = await createSpecification('Round: fork equals draft');
    const steering = await connectWithToken(app.url, team.tokens['steering-member']);
    const draft = await openSpecification(steering, specificationId);
    specificationFragment(draft.doc).insert(0, [new Y.XmlText('Before the fork. ')]);
    await draft.provider.whenSaved();
    const atFork = await storedState(app.databaseUri, specificationId);
    const round = await api<RoundView>(
      app.url,
      'POST',
      team.at('/engagement-rounds'),
      team.as('commissioner', {
        specificationId,
        eventId: marketEvent,
        title: 'Round: fork equals draft',
        closesAt: new Date(Date.now() + 3_600_000).toISOString(),
        participantIds: [team.ids.provider],
      }),
    );
    expect(round.status).toBe(201);
    specificationFragment(draft.doc).insert(0, [new Y.XmlText('After the fork. ')]);
    await draft.provider.whenSaved();

    const copy = await storedState(app.databaseUri, round.body.copyId);
    expect(Y.encodeStateVector(copy)).toEqual(Y.encodeStateVector(atFork));
    expect(Y.encodeStateAsUpdate(copy)).toEqual(Y.encodeStateAsUpdate(atFork));
    expect(contentOf(copy)).toBe(contentOf(atFork));
    expect(contentOf(copy)).not.toContain('After the fork.');
    steering.close();
  });

  it('records every round action in the audit log; a refused decision leaves nothing behind', async () => {
    const round = await startRound('Round: audited');
    const first = await connectWithToken(app.url, team.tokens.provider);
    const one = await openSpecification(first, round.copyId);
    const [firstKey, secondKey] = writableSections(one.doc);
    writeInto(one.doc, firstKey!, 'Audited words one. ');
    writeInto(one.doc, secondKey!, 'Audited words two. ');
    await one.provider.whenSaved();
    first.close();
    expect((await changeRound(round.id, { title: 'Round: audited, renamed' })).status).toBe(200);
    const closing = await api(
      app.url,
      'POST',
      team.at(`/engagement-rounds/${round.id}/close`),
      team.as('commissioner'),
    );
    expect(closing.status).toBe(200);
    const changes = await api<RoundChange[]>(
      app.url,
      'GET',
      team.at(`/engagement-rounds/${round.id}/changes`),
      team.as('commissioner'),
    );
    expect(changes.body.map((change) => change.key)).toEqual(
      expect.arrayContaining([firstKey, secondKey]),
    );
    const taken = await api(
      app.url,
      'POST',
      team.at(`/engagement-rounds/${round.id}/changes/${firstKey}/take`),
      team.as('commissioner'),
    );
    expect(taken.status).toBe(200);

    // Not taken forward needs a reason: refused, with no feedback item left behind.
    const feedbackBefore = await api<Feedback[]>(
      app.url,
      'GET',
      team.at('/feedback?pageSize=200'),
      team.as('commissioner'),
    );
    const noReason = await api(
      app.url,
      'POST',
      team.at(`/engagement-rounds/${round.id}/changes/${secondKey}/feedback`),
      team.as('commissioner', { status: 'not-taken-forward' }),
    );
    expect(noReason.status).toBe(400);
    const feedbackAfter = await api<Feedback[]>(
      app.url,
      'GET',
      team.at('/feedback?pageSize=200'),
      team.as('commissioner'),
    );
    expect(feedbackAfter.body.map((each) => each.id)).toEqual(
      feedbackBefore.body.map((each) => each.id),
    );
    const recorded = await api(
      app.url,
      'POST',
      team.at(`/engagement-rounds/${round.id}/changes/${secondKey}/feedback`),
      team.as('commissioner', { status: 'considering' }),
    );
    expect(recorded.status).toBe(201);

    const audit = await api<AuditEntry[]>(
      app.url,
      'GET',
      team.at(`/audit?targetId=${round.id}`),
      team.as('commissioner'),
    );
    const entries = audit.body.map((entry) => [entry.action, entry.actor?.name]);
    expect(entries).toEqual(
      expect.arrayContaining([
        ['engagement-round.create', 'Priya Shah'],
        ['engagement-round.change', 'Priya Shah'],
        ['engagement-round.close', 'Priya Shah'],
        ['engagement-round.take-change', 'Priya Shah'],
        ['engagement-round.record-change', 'Priya Shah'],
      ]),
    );
    expect(entries.filter(([action]) => action === 'engagement-round.record-change')).toHaveLength(
      1,
    );
  });
});
