import type {
  CommentThread,
  EngagementEvent,
  MemberSummary,
  RoundChange,
  RoundView,
  SpecificationSummary,
} from '@coproduce/domain';
import {
  encodeAwareness,
  encodeAwarenessStates,
  encodeQueryAwareness,
  encodeSyncStep1,
  Y,
} from '@coproduce/protocol';
import { specificationFragment } from '@coproduce/specification-document';
import { api, DEMO_EMAIL, signIn } from '../support/api';
import { anchorOnWords, startThread } from '../support/comments';
import {
  collabApp,
  contentOf,
  createSpecification,
  eventually,
  openSpecification,
  rawClient,
} from '../support/collab';
import { openWordDocument, pdfText } from '../support/exported-files';
import { demoPublishing, publish } from '../support/publishing';

const SENTINEL = 'Zanzibarquill';
/** Written into the draft and deleted again before a round's fork: not shared either. */
const DELETED_BEFORE_FORK = 'Marrowglint';
/** Written into a market engagement round's copy, which its providers do see. */
const COPY_WORD = 'Quorndelphine';

/** A socket event's argument as text: binary as its bytes, anything else as JSON. */
function asText(value: unknown): string {
  if (value instanceof ArrayBuffer) return Buffer.from(value).toString('latin1');
  if (ArrayBuffer.isView(value)) {
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('latin1');
  }
  return JSON.stringify(value);
}

/** The text of a response as a reader of it would get it: files opened, JSON as written. */
async function readable(response: Response): Promise<string> {
  const type = response.headers.get('content-type') ?? '';
  const bytes = Buffer.from(await response.arrayBuffer());
  if (type.includes('wordprocessingml')) return (await openWordDocument(bytes)).body;
  if (type.includes('pdf')) return (await pdfText(bytes)).pages.join(' ');
  return bytes.toString('utf8');
}

describe('a provider, whatever they ask for, never receives a draft', () => {
  const collab = collabApp();

  it('walks every GET route and socket event with every id in the workspace: no sentinel word', async () => {
    const demo = await demoPublishing(collab.url);
    const specificationId = await createSpecification(collab.url, 'Published, then drafted on');
    const commissioner = await collab.connect('commissioner');
    const { doc, provider } = await openSpecification(commissioner, specificationId);
    await publish(collab.url, demo, specificationId, { name: 'Version one', notes: 'Read me.' });
    await api(collab.url, 'POST', `${demo.base(specificationId)}/versions/1/questions`, {
      token: demo.provider,
      body: { body: 'What counts as a short break?' },
    });
    // Words written and deleted before the fork: the fork shares the text, not its history.
    const scratch = new Y.XmlText(`${DELETED_BEFORE_FORK} was never meant to stay. `);
    specificationFragment(doc).insert(0, [scratch]);
    await provider.whenSaved();
    specificationFragment(doc).delete(0, 1);
    await provider.whenSaved();
    // A market engagement round the provider takes part in forks the draft before the
    // sentinel is written: the copy is theirs to edit, the draft's later words never.
    const marketEvents = await api<EngagementEvent[]>(
      collab.url,
      'GET',
      `/api/workspaces/${demo.workspaceId}/engagement-events`,
      { token: demo.commissioner },
    );
    const everyone = await api<MemberSummary[]>(
      collab.url,
      'GET',
      `/api/workspaces/${demo.workspaceId}/members`,
      { token: demo.commissioner },
    );
    const round = await api<RoundView>(
      collab.url,
      'POST',
      `/api/workspaces/${demo.workspaceId}/engagement-rounds`,
      {
        token: demo.commissioner,
        body: {
          specificationId,
          eventId: marketEvents.body.find((event) => event.type === 'market-engagement')!.id,
          title: 'Round forked before the sentinel',
          closesAt: new Date(Date.now() + 3_600_000).toISOString(),
          participantIds: everyone.body
            .filter((member) => member.role === 'provider')
            .map((member) => member.userId),
        },
      },
    );
    expect(round.status).toBe(201);
    const copy = await openSpecification(commissioner, round.body.copyId);
    expect(contentOf(copy.doc)).not.toContain(SENTINEL);

    // After publishing: the draft gets the sentinel, in its text and in a comment thread.
    const paragraph = new Y.XmlElement('paragraph');
    const words = new Y.XmlText();
    words.insert(0, `Draft only: ${SENTINEL} must never reach a provider.`);
    paragraph.insert(0, [words]);
    specificationFragment(doc).insert(1, [paragraph]);
    await provider.whenSaved();
    await startThread(collab.url, 'commissioner', demo.workspaceId, specificationId, SENTINEL);
    // And feedback linked to those words: what it shaped quotes the draft.
    const linked = await api(collab.url, 'POST', `/api/workspaces/${demo.workspaceId}/feedback`, {
      token: demo.commissioner,
      body: {
        text: 'Name the thing plainly.',
        audience: 'parents-and-carers',
        themes: ['Plain words'],
        links: [{ specificationId, anchor: anchorOnWords(doc, SENTINEL), quote: SENTINEL }],
      },
    });
    expect(linked.status).toBe(201);

    // The sentinel is there for anyone who may read the draft: the walk below would see it.
    const draftFile = await fetch(`${collab.url}${demo.base(specificationId)}/export?format=pdf`, {
      headers: { authorization: `Bearer ${demo.commissioner}` },
    });
    expect(await readable(draftFile)).toContain(SENTINEL);

    // Every id in the workspace, as the commissioner can list them.
    const commissionerGet = async <T>(path: string) =>
      (await api<T>(collab.url, 'GET', path, { token: demo.commissioner })).body;
    const specifications = await commissionerGet<SpecificationSummary[]>(
      `/api/workspaces/${demo.workspaceId}/specifications`,
    );
    const threads = (
      await Promise.all(
        specifications.map((each) =>
          commissionerGet<CommentThread[]>(`${demo.base(each.id)}/threads`),
        ),
      )
    ).flat();
    const members = await commissionerGet<MemberSummary[]>(
      `/api/workspaces/${demo.workspaceId}/members`,
    );
    const questions = await commissionerGet<Array<{ id: string }>>(
      `${demo.base(specificationId)}/questions`,
    );
    const events = await commissionerGet<Array<{ id: string }>>(
      `/api/workspaces/${demo.workspaceId}/engagement-events`,
    );
    const feedback = await commissionerGet<Array<{ id: string }>>(
      `/api/workspaces/${demo.workspaceId}/feedback?pageSize=200`,
    );
    const themes = await commissionerGet<Array<{ id: string }>>(
      `/api/workspaces/${demo.workspaceId}/feedback-themes`,
    );
    // The copy holds its own words too, so its round has a change to list.
    specificationFragment(copy.doc).insert(0, [new Y.XmlText(`${COPY_WORD} in the copy. `)]);
    await copy.provider.whenSaved();
    const rounds = await commissionerGet<RoundView[]>(
      `/api/workspaces/${demo.workspaceId}/engagement-rounds`,
    );
    const changes = (
      await Promise.all(
        rounds.map((each) =>
          commissionerGet<RoundChange[]>(
            `/api/workspaces/${demo.workspaceId}/engagement-rounds/${each.id}/changes`,
          ),
        ),
      )
    ).flat();
    const candidates: Record<string, string[]> = {
      workspaceId: [demo.workspaceId],
      specificationId: specifications.map((each) => each.id),
      threadId: threads.map((thread) => thread.id),
      commentId: threads.flatMap((thread) => thread.comments.map((comment) => comment.id)),
      userId: members.map((member) => member.userId),
      questionId: questions.map((question) => question.id),
      eventId: events.map((event) => event.id),
      feedbackId: feedback.map((item) => item.id),
      themeId: themes.map((theme) => theme.id),
      roundId: rounds.map((each) => each.id),
      key: [...new Set(['start', ...changes.map((change) => change.key)])],
      number: ['1', '2'],
      invitationId: ['0'.repeat(24)],
      token: ['A'.repeat(43)],
    };
    const queries: Record<string, string[]> = {
      compare: ['?from=version:1&to=draft', '?from=version:1&to=version:1'],
      'you-said-we-did': ['', '?format=html', '?format=csv', '?format=pdf'],
      'market-notice': ['?format=md'],
      export: ['?format=docx', '?format=pdf', '?format=md', '?data=events', '?data=feedback'],
    };

    const document = await commissionerGet<{ paths: Record<string, Record<string, unknown>> }>(
      '/api/docs-json',
    );
    const getRoutes = Object.entries(document.paths)
      .filter(([, methods]) => 'get' in methods)
      .map(([path]) => path);
    let requests = 0;
    const leaks: string[] = [];
    for (const template of getRoutes) {
      let paths = [template];
      for (const [, name] of template.matchAll(/\{(\w+)\}/g)) {
        const values = candidates[name!] ?? [];
        expect([template, name, values.length > 0]).toEqual([template, name, true]);
        paths = paths.flatMap((path) => values.map((value) => path.replace(`{${name}}`, value)));
      }
      const last = template.split('/').pop()!;
      paths = paths.flatMap((path) => (queries[last] ?? ['']).map((query) => path + query));
      for (const path of paths) {
        const response = await fetch(`${collab.url}${path}`, {
          headers: { authorization: `Bearer ${demo.provider}` },
        });
        requests++;
        const text = await readable(response);
        if (text.includes(SENTINEL) || text.includes(DELETED_BEFORE_FORK)) {
          leaks.push(`GET ${path}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(requests).toBeGreaterThan(50);

    // The socket: every specification, joined and asked for; and live typing meanwhile.
    // The round's copy is the provider's to join: its words arrive, the draft's never.
    const socket = await rawClient(collab.url, await signIn(collab.url, DEMO_EMAIL.provider));
    const received: string[] = [];
    // Binary frames arrive as Buffers, which JSON.stringify would turn into lists of numbers
    // before a replacer sees them: their bytes are read as text here, as the words are UTF-8.
    socket.socket.onAny((event: string, ...args: unknown[]) =>
      received.push(`${event} ${args.map(asText).join(' ')}`),
    );
    for (const each of specifications) {
      const answer = await socket.join(each.id);
      expect([each.id, answer]).toEqual([each.id, expect.objectContaining({ ok: false })]);
      socket.send(each.id, new Uint8Array([0, 0, 1, 0]));
    }
    const copyId = round.body.copyId;
    expect(await socket.join(copyId)).toMatchObject({ ok: true, canEdit: true });
    socket.send(copyId, encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
    socket.send(copyId, encodeQueryAwareness());
    await eventually(
      () => received.some((each) => each.includes(COPY_WORD)),
      'the copy’s own words reach the provider',
    );
    // Presence in the draft and in the copy, and typing in both while the provider watches.
    provider.awareness.setLocalStateField('user', { name: 'Priya Shah', color: '#d5281b' });
    copy.provider.awareness.setLocalStateField('user', { name: 'In the copy', color: '#005eb8' });
    words.insert(0, `${SENTINEL} again, typed live. `);
    specificationFragment(copy.doc).insert(0, [new Y.XmlText('Typed live in the copy. ')]);
    await provider.whenSaved();
    await copy.provider.whenSaved();
    await eventually(
      () => received.some((each) => each.includes('Typed live in the copy.')),
      'the copy’s live typing reaches the provider',
    );
    // A reply to the provider's own presence in the copy, and the room's presence again.
    const presence = { user: { name: 'Provider', color: '#007f3b' } };
    socket.send(
      copyId,
      encodeAwareness(
        encodeAwarenessStates([{ clientId: 4242, clock: 1, json: JSON.stringify(presence) }]),
      ),
    );
    socket.send(copyId, encodeQueryAwareness());
    const before = received.length;
    await eventually(() => received.length > before, 'the copy’s presence answers the provider');
    await new Promise((resolve) => setTimeout(resolve, 500));
    socket.close();
    expect(
      received.filter((each) => each.includes(SENTINEL) || each.includes(DELETED_BEFORE_FORK)),
    ).toEqual([]);
  });
});
