// Comment threads over REST, as each role meets them: the routes' shapes, who may do
// what (own and others' comments, resolving), the inbox, read markers, bad input, and
// the audit entries every change leaves.
import {
  ROLES,
  type AuditEntry,
  type CommentInbox,
  type CommentThread,
  type MemberSummary,
  type Role,
  type SpecificationComment,
  type SpecificationSummary,
} from '@coproduce/domain';
import { anchorFromTextPositions } from '@coproduce/specification-document';
import { startApp, type RunningApp } from '../support/app';
import { api, DEMO_EMAIL, errorWithCode, joinByLink, signIn } from '../support/api';
import { demoWorkspaceId } from '../support/collab';
import { anchorOnWords, currentText, findWords, startThread } from '../support/comments';

jest.setTimeout(180_000);

const WORDS = 'dynamic support register';
const COMMENTERS: Role[] = [
  'commissioner',
  'steering-member',
  'expert-by-experience',
  'engagement-lead',
];

let app: RunningApp;
let workspace: string;
let draft: string;
const tokens = {} as Record<Role, string>;
const ids = {} as Record<Role, string>;

beforeAll(async () => {
  app = await startApp();
  for (const role of ROLES) tokens[role] = await signIn(app.url, DEMO_EMAIL[role]);
  workspace = await demoWorkspaceId(app.url, tokens.commissioner);
  const specifications = await api<SpecificationSummary[]>(
    app.url,
    'GET',
    `/api/workspaces/${workspace}/specifications`,
    { token: tokens.commissioner },
  );
  draft = specifications.body.find((s) => s.status === 'draft')!.id;
  const members = await api<MemberSummary[]>(
    app.url,
    'GET',
    `/api/workspaces/${workspace}/members`,
    {
      token: tokens.commissioner,
    },
  );
  for (const member of members.body) {
    if (member.email === DEMO_EMAIL[member.role]) ids[member.role] = member.userId;
  }
});
afterAll(async () => {
  await app?.stop();
});

const threadsOf = (specification = draft) =>
  `/api/workspaces/${workspace}/specifications/${specification}/threads`;
const threadPath = (thread: string) => `/api/workspaces/${workspace}/threads/${thread}`;
const as = (role: Role, body?: unknown) => ({ token: tokens[role], body });

describe('the demo draft', () => {
  it('opens with its threads: a question about jargon, a proposed wording, one resolved', async () => {
    const listed = await api<CommentThread[]>(app.url, 'GET', threadsOf(), as('observer'));
    const seeded = listed.body.filter((thread) => thread.comments.length === 2);
    expect(seeded.map((thread) => [thread.quote, thread.status, thread.textRemoved])).toEqual([
      ['dynamic support register', 'open', false],
      ['one named person who gets to know them', 'open', false],
      ['The contract is for five years from the day the service starts.', 'resolved', false],
    ]);
    expect(seeded[0]!.comments[0]!.author.id).toBe(ids['expert-by-experience']);
    expect(seeded[1]!.comments[0]!.mentions).toEqual([
      { id: ids['engagement-lead'], name: expect.any(String) },
    ]);
    expect(seeded[2]!.resolvedBy).toEqual({ id: ids.commissioner, name: expect.any(String) });
  });
});

describe('starting a thread and reading it back', () => {
  it('gives the thread with its first comment, and lists it with textRemoved worked out now', async () => {
    const doc = await currentText(app.url, tokens['expert-by-experience'], draft);
    const anchor = anchorOnWords(doc, WORDS);
    const started = await api<CommentThread>(
      app.url,
      'POST',
      threadsOf(),
      as('expert-by-experience', {
        body: '  What does "dynamic support register" mean?  ',
        quote: WORDS,
        anchor,
        mentions: [ids.commissioner],
      }),
    );
    expect(started.status).toBe(201);
    expect(started.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      specificationId: draft,
      status: 'open',
      anchor,
      quote: WORDS,
      textRemoved: false,
      comments: [
        {
          id: expect.stringMatching(/^[0-9a-f]{24}$/),
          author: { id: ids['expert-by-experience'], name: expect.any(String) },
          body: 'What does "dynamic support register" mean?',
          createdAt: expect.any(String),
          editedAt: null,
          deleted: false,
          mentions: [{ id: ids.commissioner, name: expect.any(String) }],
        },
      ],
      createdBy: { id: ids['expert-by-experience'], name: expect.any(String) },
      createdAt: expect.any(String),
      resolvedBy: null,
      resolvedAt: null,
      updatedAt: expect.any(String),
    });
    const listed = await api<CommentThread[]>(app.url, 'GET', threadsOf(), as('observer'));
    expect(listed.status).toBe(200);
    expect(listed.body.find((t) => t.id === started.body.id)).toEqual(started.body);
  });

  it('lists threads in the order of the text, whatever order they were started in', async () => {
    const specification = await newSpecification('Ordering');
    const later = await startThread(
      app.url,
      'steering-member',
      workspace,
      specification,
      'Outcomes',
    );
    const earlier = await startThread(
      app.url,
      'steering-member',
      workspace,
      specification,
      'Population needs',
    );
    const listed = await api<CommentThread[]>(
      app.url,
      'GET',
      threadsOf(specification),
      as('commissioner'),
    );
    expect(listed.body.map((t) => t.id)).toEqual([earlier.id, later.id]);
  });

  it('answers the same thread routes under the specification, and 404 under another one', async () => {
    const thread = await startThread(app.url, 'commissioner', workspace, draft, 'key worker');
    const other = await newSpecification('Not this one');
    const under = (specification: string) => `${threadsOf(specification)}/${thread.id}/comments`;
    const reply = await api<SpecificationComment>(
      app.url,
      'POST',
      under(draft),
      as('steering-member', { body: 'Agreed.' }),
    );
    expect(reply.status).toBe(201);
    const wrong = await api(
      app.url,
      'POST',
      under(other),
      as('steering-member', { body: 'Agreed.' }),
    );
    expect(wrong.status).toBe(404);
    expect(wrong.body).toEqual(errorWithCode('not-found'));
    const read = await api(
      app.url,
      'POST',
      `${threadsOf(draft)}/${thread.id}/read`,
      as('steering-member'),
    );
    expect(read.status).toBe(204);
  });
});

describe('every role × every comment action', () => {
  // prettier-ignore
  it.each(ROLES)('%s', async (role) => {
    const commenter = COMMENTERS.includes(role);
    const reader = role !== 'provider';
    const expectStatus = async (what: string, method: string, path: string, body: unknown, status: number) => {
      const response = await api(app.url, method, path, as(role, body));
      expect({ what, status: response.status }).toEqual({ what, status });
    };
    const missing = reader ? 403 : 404;
    const others = await startThread(app.url, role === 'steering-member' ? 'engagement-lead' : 'steering-member', workspace, draft, 'named key worker');
    const othersComment = others.comments[0]!.id;

    await expectStatus('list', 'GET', threadsOf(), undefined, reader ? 200 : 404);
    await expectStatus('read marker', 'POST', `${threadPath(others.id)}/read`, undefined, reader ? 204 : 404);
    await expectStatus('edit another’s comment', 'PATCH', `${threadPath(others.id)}/comments/${othersComment}`, { body: 'Mine now' }, commenter ? 403 : missing);
    await expectStatus('delete another’s comment', 'DELETE', `${threadPath(others.id)}/comments/${othersComment}`, undefined, commenter ? 403 : missing);
    await expectStatus('resolve another’s thread', 'PATCH', threadPath(others.id), { status: 'resolved' }, role === 'commissioner' ? 200 : missing);
    await expectStatus('reply', 'POST', `${threadPath(others.id)}/comments`, { body: 'A reply.' }, commenter ? 201 : missing);

    const doc = await currentText(app.url, tokens.commissioner, draft);
    const anchor = anchorOnWords(doc, 'key worker');
    doc.destroy();
    const start = await api<CommentThread>(app.url, 'POST', threadsOf(), as(role, { body: 'Mine.', quote: 'key worker', anchor }));
    expect({ what: 'start', status: start.status }).toEqual({ what: 'start', status: commenter ? 201 : missing });
    if (!commenter) return;
    const own = start.body;
    const ownComment = own.comments[0]!.id;
    const edited = await api<SpecificationComment>(app.url, 'PATCH', `${threadPath(own.id)}/comments/${ownComment}`, as(role, { body: 'Mine, edited.' }));
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ id: ownComment, body: 'Mine, edited.', editedAt: expect.any(String), deleted: false });
    const resolved = await api<CommentThread>(app.url, 'PATCH', threadPath(own.id), as(role, { status: 'resolved' }));
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', resolvedBy: { id: ids[role] }, resolvedAt: expect.any(String) });
    const reopened = await api<CommentThread>(app.url, 'PATCH', threadPath(own.id), as(role, { status: 'open' }));
    expect(reopened.body).toMatchObject({ status: 'open', resolvedBy: null, resolvedAt: null });
    const deleted = await api<SpecificationComment>(app.url, 'DELETE', `${threadPath(own.id)}/comments/${ownComment}`, as(role));
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ id: ownComment, body: '', mentions: [], deleted: true });
    const again = await api(app.url, 'PATCH', `${threadPath(own.id)}/comments/${ownComment}`, as(role, { body: 'Back again' }));
    expect(again.status).toBe(410);
    const listed = await api<CommentThread[]>(app.url, 'GET', threadsOf(), as(role));
    expect(listed.body.find((t) => t.id === own.id)!.comments).toEqual([deleted.body]);
  });

  it('a non-member gets 404 for every route, as for any workspace not theirs', async () => {
    const outsider = await joinByLink(app.url, tokens.commissioner, workspace, {
      name: 'Gone soon',
      email: 'gone.soon@example.org',
    });
    await api(
      app.url,
      'DELETE',
      `/api/workspaces/${workspace}/members/${outsider.user.id}`,
      as('commissioner'),
    );
    const thread = await startThread(app.url, 'commissioner', workspace, draft, 'key worker');
    const token = outsider.token;
    for (const [method, path, body] of [
      ['GET', threadsOf(), undefined],
      ['POST', `${threadPath(thread.id)}/comments`, { body: 'Hello' }],
      ['PATCH', threadPath(thread.id), { status: 'resolved' }],
      ['POST', `${threadPath(thread.id)}/read`, undefined],
    ] as const) {
      expect([method, path, (await api(app.url, method, path, { token, body })).status]).toEqual([
        method,
        path,
        404,
      ]);
    }
    const inbox = await api<CommentInbox>(app.url, 'GET', '/api/inbox', { token });
    expect(inbox.body).toEqual({ unreadCount: 0, items: [] });
  });
});

describe('a reply to a resolved thread', () => {
  it('reopens it, as the replier', async () => {
    const thread = await startThread(app.url, 'steering-member', workspace, draft, 'key worker');
    await api(
      app.url,
      'PATCH',
      threadPath(thread.id),
      as('steering-member', { status: 'resolved' }),
    );
    const reply = await api(
      app.url,
      'POST',
      `${threadPath(thread.id)}/comments`,
      as('expert-by-experience', { body: 'Not quite yet.' }),
    );
    expect(reply.status).toBe(201);
    const listed = await api<CommentThread[]>(app.url, 'GET', threadsOf(), as('commissioner'));
    expect(listed.body.find((t) => t.id === thread.id)).toMatchObject({
      status: 'open',
      resolvedBy: null,
    });
    const audit = await api<AuditEntry[]>(
      app.url,
      'GET',
      `/api/workspaces/${workspace}/audit`,
      as('commissioner'),
    );
    const entries = audit.body
      .filter((entry) => entry.target.id === thread.id)
      .map((e) => [e.action, e.actor?.id]);
    expect(entries).toEqual([
      ['thread.reopen', ids['expert-by-experience']],
      ['comment.add', ids['expert-by-experience']],
      ['thread.resolve', ids['steering-member']],
      ['thread.start', ids['steering-member']],
    ]);
  });
});

describe('the inbox', () => {
  it('lists mentions and replies by others since last read, and a read marker clears them', async () => {
    const before = await api<CommentInbox>(app.url, 'GET', '/api/inbox', as('observer'));
    expect(before.status).toBe(200);
    const mention = await startThread(
      app.url,
      'commissioner',
      workspace,
      draft,
      'key worker',
      'Observer, have a look.',
      [ids.observer],
    );
    const mine = await startThread(
      app.url,
      'engagement-lead',
      workspace,
      draft,
      'key worker',
      'Is this clear to families?',
    );
    await api(
      app.url,
      'POST',
      `${threadPath(mine.id)}/comments`,
      as('steering-member', { body: 'I think so.' }),
    );

    const observer = await api<CommentInbox>(app.url, 'GET', '/api/inbox', as('observer'));
    expect(observer.body.unreadCount).toBe(before.body.unreadCount + 1);
    expect(observer.body.items[0]).toEqual({
      workspaceId: workspace,
      specificationId: draft,
      specificationTitle: expect.any(String),
      threadId: mention.id,
      quote: 'key worker',
      reason: 'mention',
      latest: {
        author: { id: ids.commissioner, name: expect.any(String) },
        body: 'Observer, have a look.',
        at: expect.any(String),
      },
      unread: true,
    });
    const lead = await api<CommentInbox>(app.url, 'GET', '/api/inbox', as('engagement-lead'));
    expect(lead.body.items.find((i) => i.threadId === mine.id)).toMatchObject({
      reason: 'reply',
      unread: true,
      latest: { body: 'I think so.' },
    });

    expect(
      (await api(app.url, 'POST', `${threadPath(mention.id)}/read`, as('observer'))).status,
    ).toBe(204);
    const after = await api<CommentInbox>(app.url, 'GET', '/api/inbox', as('observer'));
    expect(after.body.unreadCount).toBe(before.body.unreadCount);
    // A mention stays listed once read, no longer unread.
    expect(after.body.items.find((i) => i.threadId === mention.id)).toMatchObject({
      unread: false,
    });
  });

  it('an edit keeps the mentions it leaves out, and takes them away when given none', async () => {
    const thread = await startThread(
      app.url,
      'engagement-lead',
      workspace,
      draft,
      'key worker',
      'Helen, a look?',
      [ids.observer],
    );
    const comment = `${threadPath(thread.id)}/comments/${thread.comments[0]!.id}`;
    const kept = await api<SpecificationComment>(
      app.url,
      'PATCH',
      comment,
      as('engagement-lead', { body: 'Helen, a look please?' }),
    );
    expect(kept.body.mentions.map((person) => person.id)).toEqual([ids.observer]);
    const inbox = async () =>
      (await api<CommentInbox>(app.url, 'GET', '/api/inbox', as('observer'))).body.items;
    expect((await inbox()).some((item) => item.threadId === thread.id)).toBe(true);
    const cleared = await api<SpecificationComment>(
      app.url,
      'PATCH',
      comment,
      as('engagement-lead', { body: 'Never mind.', mentions: [] }),
    );
    expect(cleared.body.mentions).toEqual([]);
    expect((await inbox()).some((item) => item.threadId === thread.id)).toBe(false);
  });

  it('is empty for a provider', async () => {
    const inbox = await api<CommentInbox>(app.url, 'GET', '/api/inbox', as('provider'));
    expect(inbox.body).toEqual({ unreadCount: 0, items: [] });
  });
});

describe('bad input stores nothing', () => {
  // prettier-ignore
  it.each([
    ['an empty body', { body: '   ' }],
    ['a body too long', { body: 'x'.repeat(10_001) }],
    ['a body that is not text', { body: 42 }],
    ['no quote', { quote: undefined }],
    ['a quote too long', { quote: 'q'.repeat(2001) }],
    ['a quote of only spaces', { quote: '   ' }],
    ['a quote of words the anchor does not cover', { quote: 'named key worker' }],
    ['an anchor that is not base64', { anchor: { start: 'not base64!', end: 'AAAA' } }],
    ['an anchor with an extra field', { anchor: { start: 'AAAA', end: 'AAAA', extra: 1 } }],
    ['an anchor that is text', { anchor: 'AAAA' }],
    ['a mention that is not an id', { mentions: ['someone'] }],
    ['a mention twice', { mentions: ['a'.repeat(24), 'a'.repeat(24)] }],
    ['too many mentions', { mentions: Array.from({ length: 21 }, (_, i) => i.toString(16).padStart(24, '0')) }],
    ['a mention of nobody', { mentions: ['0123456789abcdef01234567'] }],
    ['a mention of a provider', { mentionProvider: true }],
    ['an unknown field', { status: 'resolved' }],
  ])('%s → 400', async (_, change) => {
    const doc = await currentText(app.url, tokens.commissioner, draft);
    const valid = { body: 'A fair question.', quote: 'key worker', anchor: anchorOnWords(doc, 'key worker') };
    doc.destroy();
    const { mentionProvider, ...rest } = change as Record<string, unknown>;
    const body = { ...valid, ...rest, ...(mentionProvider ? { mentions: [ids.provider] } : {}) };
    const before = await api<CommentThread[]>(app.url, 'GET', threadsOf(), as('commissioner'));
    const response = await api(app.url, 'POST', threadsOf(), as('commissioner', body));
    expect(response.status).toBe(400);
    expect(response.body).toEqual(errorWithCode('bad-request'));
    const after = await api<CommentThread[]>(app.url, 'GET', threadsOf(), as('commissioner'));
    expect(after.body.length).toBe(before.body.length);
  });

  it('a quote across paragraphs may join them with a line break, a space or nothing', async () => {
    const doc = await currentText(app.url, tokens.commissioner, draft);
    const start = findWords(doc, 'Population needs');
    const end = findWords(doc, 'National and local context');
    const anchor = anchorFromTextPositions(start, {
      text: end.text,
      index: end.index + 'National'.length,
    });
    doc.destroy();
    for (const quote of [
      'Population needs\n1.1. National',
      'Population needs 1.1. National',
      'Population needs1.1. National',
    ]) {
      const response = await api<CommentThread>(
        app.url,
        'POST',
        threadsOf(),
        as('commissioner', { body: 'Across two.', quote, anchor }),
      );
      expect([quote, response.status]).toEqual([quote, 201]);
      expect(response.body.quote).toBe('Population needs\n1.1. National');
    }
  });

  it('an anchor of another specification, or of deleted text, is refused with a way forward', async () => {
    const other = await newSpecification('Another one');
    const doc = await currentText(app.url, tokens.commissioner, other);
    const foreign = anchorOnWords(doc, 'Outcomes');
    doc.destroy();
    const response = await api<{ error: { message: string } }>(
      app.url,
      'POST',
      threadsOf(),
      as('commissioner', { body: 'Hmm', quote: 'Outcomes', anchor: foreign }),
    );
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/select the text again/i);
    // An empty stretch (start after end) is text that is not there either.
    const here = await currentText(app.url, tokens.commissioner, draft);
    const { text, index } = findWords(here, 'key worker');
    const empty = anchorFromTextPositions({ text, index: index + 3 }, { text, index: index + 3 });
    here.destroy();
    const emptyResponse = await api(
      app.url,
      'POST',
      threadsOf(),
      as('commissioner', { body: 'Hmm', quote: 'k', anchor: empty }),
    );
    expect(emptyResponse.status).toBe(400);
  });

  it('unknown and malformed ids are 404, never 500', async () => {
    for (const path of [
      `${threadPath('abc')}/comments`,
      `${threadPath('0123456789abcdef01234567')}/comments`,
      `${threadsOf('abc')}/x/comments`,
      `${threadsOf('0123456789abcdef01234567')}/0123456789abcdef01234567/comments`,
    ]) {
      const response = await api(app.url, 'POST', path, as('commissioner', { body: 'Hello' }));
      expect([path, response.status]).toEqual([path, 404]);
    }
    const thread = await startThread(app.url, 'commissioner', workspace, draft, 'key worker');
    for (const comment of ['abc', '0123456789abcdef01234567']) {
      const response = await api(
        app.url,
        'PATCH',
        `${threadPath(thread.id)}/comments/${comment}`,
        as('commissioner', { body: 'x' }),
      );
      expect(response.status).toBe(404);
    }
  });
});

async function newSpecification(title: string): Promise<string> {
  const created = await api<SpecificationSummary>(
    app.url,
    'POST',
    `/api/workspaces/${workspace}/specifications`,
    as('commissioner', { title }),
  );
  return created.body.id;
}
