// Comment threads live: a second person with the specification open sees every change
// to a thread as it happens, and an anchor stays on its words through everyone's edits.
import type { CommentThread, Role } from '@coproduce/domain';
import {
  CollabEvent,
  type InboxChangedNotice,
  type ThreadChangedNotice,
} from '@coproduce/protocol';
import { resolveAnchor } from '@coproduce/specification-document';
import { api, DEMO_EMAIL, signIn } from '../support/api';
import {
  collabApp,
  createSpecification,
  demoWorkspaceId,
  eventually,
  openSpecification,
} from '../support/collab';
import { anchorOnWords, findWords } from '../support/comments';

jest.setTimeout(120_000);

describe('comment threads, live', () => {
  const app = collabApp({ env: { COLLAB_UNLOAD_GRACE_MS: '100' } });
  let workspace: string;
  const tokens = {} as Record<Role, string>;
  beforeAll(async () => {
    for (const role of ['commissioner', 'steering-member', 'expert-by-experience'] as const) {
      tokens[role] = await signIn(app.url, DEMO_EMAIL[role]);
    }
    workspace = await demoWorkspaceId(app.url, tokens.commissioner);
  });

  const threadsOf = (docId: string) =>
    `/api/workspaces/${workspace}/specifications/${docId}/threads`;
  const threadPath = (id: string) => `/api/workspaces/${workspace}/threads/${id}`;
  const listed = async (docId: string) =>
    (await api<CommentThread[]>(app.url, 'GET', threadsOf(docId), { token: tokens.commissioner }))
      .body;

  it('a second person sees start, reply, edit, delete and resolve as thread:changed, and mentions reach the inbox', async () => {
    const docId = await createSpecification(app.url, 'Seen live');
    const expertConnection = await app.connect('expert-by-experience');
    const expert = await openSpecification(expertConnection, docId);
    const watcherConnection = await app.connect('commissioner');
    await openSpecification(watcherConnection, docId);
    const seen: ThreadChangedNotice[] = [];
    watcherConnection.socket.on(
      CollabEvent.threadChanged,
      (id: string, notice: ThreadChangedNotice) => {
        if (id === docId) seen.push(notice);
      },
    );
    const counts: number[] = [];
    watcherConnection.socket.on(CollabEvent.inboxChanged, (notice: InboxChangedNotice) =>
      counts.push(notice.unreadCount),
    );
    const commissionerId = (
      await api<{ user: { id: string } }>(app.url, 'GET', '/api/session', {
        token: tokens.commissioner,
      })
    ).body.user.id;

    const as = (body?: unknown) => ({ token: tokens['expert-by-experience'], body });
    const started = await api<CommentThread>(
      app.url,
      'POST',
      threadsOf(docId),
      as({
        body: 'What does this mean?',
        quote: 'Population needs',
        anchor: anchorOnWords(expert.doc, 'Population needs'),
        mentions: [commissionerId],
      }),
    );
    expect(started.status).toBe(201);
    const thread = started.body.id;
    const reply = await api<{ id: string }>(
      app.url,
      'POST',
      `${threadPath(thread)}/comments`,
      as({ body: 'And who decides?' }),
    );
    await api(
      app.url,
      'PATCH',
      `${threadPath(thread)}/comments/${reply.body.id}`,
      as({ body: 'And who decides who is on it?' }),
    );
    await api(app.url, 'DELETE', `${threadPath(thread)}/comments/${reply.body.id}`, as());
    await api(app.url, 'PATCH', threadPath(thread), as({ status: 'resolved' }));

    await eventually(() => seen.length === 5, 'the commissioner saw five changes');
    expect(
      seen.map((notice) => [notice.threadId, notice.change, notice.by.name.length > 0]),
    ).toEqual([
      [thread, 'started', true],
      [thread, 'replied', true],
      [thread, 'comment-edited', true],
      [thread, 'comment-deleted', true],
      [thread, 'resolved', true],
    ]);
    expect(seen[4]!.thread).toEqual((await listed(docId)).find((t) => t.id === thread));
    expect(seen[2]!.thread.comments[1]!.body).toBe('And who decides who is on it?');
    expect(seen[3]!.thread.comments[1]).toMatchObject({ deleted: true, body: '' });
    // The mention made the commissioner's count go up, live.
    await eventually(() => counts.length > 0, 'the commissioner was told their inbox changed');
    const inbox = await api<{ unreadCount: number }>(app.url, 'GET', '/api/inbox', {
      token: tokens.commissioner,
    });
    expect(counts.at(-1)).toBe(inbox.body.unreadCount);
    expect(inbox.body.unreadCount).toBeGreaterThan(0);
  });

  it('an anchor stays on its words through inserts and deletes before, after and inside it', async () => {
    const docId = await createSpecification(app.url, 'Anchors follow');
    const steering = await openSpecification(await app.connect('steering-member'), docId);
    const expert = await openSpecification(await app.connect('expert-by-experience'), docId);
    const words = 'National and local context';
    const anchor = anchorOnWords(steering.doc, words);
    const started = await api<CommentThread>(app.url, 'POST', threadsOf(docId), {
      token: tokens['steering-member'],
      body: { body: 'Say which policies.', quote: words, anchor },
    });
    expect(started.status).toBe(201);

    const { text, index } = findWords(expert.doc, words);
    expert.doc.transact(() => {
      text.insert(index + words.length, ' (2025)'); // after
      text.insert(index + 'National and'.length, ' the'); // inside
      text.insert(index, 'Our '); // before
    });
    const other = findWords(expert.doc, 'the local');
    expert.doc.transact(() => other.text.delete(other.index, 'the '.length)); // inside, deleted again
    const before = findWords(expert.doc, 'Our ');
    expert.doc.transact(() => before.text.delete(before.index, 'Our '.length)); // before, deleted again
    await expert.provider.whenSaved();
    await eventually(
      () => resolveAnchor(steering.doc, anchor).quote === words,
      'the steering member has the edits',
    );
    expect(resolveAnchor(steering.doc, anchor)).toEqual({ quote: words, textRemoved: false });
    expect((await listed(docId)).find((t) => t.id === started.body.id)).toMatchObject({
      textRemoved: false,
      quote: words,
    });
  });

  it('deleting the anchored text keeps the thread, as text removed, with its quote', async () => {
    const docId = await createSpecification(app.url, 'Text removed');
    const steering = await openSpecification(await app.connect('steering-member'), docId);
    const words = 'Evidence base';
    const started = await api<CommentThread>(app.url, 'POST', threadsOf(docId), {
      token: tokens['steering-member'],
      body: { body: 'Which evidence?', quote: words, anchor: anchorOnWords(steering.doc, words) },
    });
    expect(started.status).toBe(201);
    const { text, index } = findWords(steering.doc, words);
    text.delete(index, words.length);
    await steering.provider.whenSaved();
    const thread = (await listed(docId)).find((t) => t.id === started.body.id);
    expect(thread).toMatchObject({ textRemoved: true, quote: words, status: 'open' });
    expect(thread!.comments).toHaveLength(1);
    // Removed text's threads come after the others.
    const other = await api<CommentThread>(app.url, 'POST', threadsOf(docId), {
      token: tokens['steering-member'],
      body: {
        body: 'Later on.',
        quote: 'Outcomes',
        anchor: anchorOnWords(steering.doc, 'Outcomes'),
      },
    });
    expect((await listed(docId)).map((t) => t.id)).toEqual([other.body.id, started.body.id]);
  });
});
