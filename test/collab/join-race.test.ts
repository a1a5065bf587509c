import type { CreatedInvitation, Role, SpecificationSummary } from '@coproduce/domain';
import { encodeSyncStep1, Y, type JoinAck } from '@coproduce/protocol';
import { api, DEMO_EMAIL, signIn } from '../support/api';
import {
  collabApp,
  demoWorkspaceId,
  eventually,
  insertionFrame,
  openSpecification,
  rawClient,
  type RawCollabClient,
} from '../support/collab';

/**
 * A membership change in the same moment the member's socket sends `doc:join`, many times
 * over, on a real server: whatever the interleaving, once the change is stored the socket
 * is out (or only reads), nothing typed afterwards reaches it, and nothing it sends is
 * stored. Each try opens a specification nobody has open, so the join has to load it:
 * the widest window there is.
 */
describe('a membership change racing a join', () => {
  const app = collabApp();
  let commissioner: string;
  let workspaceId: string;
  const memberIds = new Map<Role, string>();
  const sockets: RawCollabClient[] = [];

  beforeAll(async () => {
    commissioner = await signIn(app.url, DEMO_EMAIL.commissioner);
    workspaceId = await demoWorkspaceId(app.url, commissioner);
    const members = await api<Array<{ userId: string; email: string }>>(
      app.url,
      'GET',
      `/api/workspaces/${workspaceId}/members`,
      { token: commissioner },
    );
    for (const role of ['engagement-lead', 'steering-member'] as const) {
      const member = members.body.find((candidate) => candidate.email === DEMO_EMAIL[role]);
      if (!member) throw new Error(`no demo ${role}`);
      memberIds.set(role, member.userId);
    }
  });

  afterAll(() => {
    for (const socket of sockets) socket.close();
  });

  const workspacePath = (path: string) => `/api/workspaces/${workspaceId}${path}`;

  async function socketOf(role: Role): Promise<{ token: string; socket: RawCollabClient }> {
    const token = await signIn(app.url, DEMO_EMAIL[role]);
    const socket = await rawClient(app.url, token);
    sockets.push(socket);
    return { token, socket };
  }

  async function newDraft(title: string): Promise<string> {
    const created = await api<SpecificationSummary>(
      app.url,
      'POST',
      workspacePath('/specifications'),
      {
        token: commissioner,
        body: { title },
      },
    );
    expect(created.status).toBe(201);
    return created.body.id;
  }

  async function setRole(role: Role, to: Role): Promise<void> {
    const changed = await api(app.url, 'PATCH', workspacePath(`/members/${memberIds.get(role)}`), {
      token: commissioner,
      body: { role: to },
    });
    expect(changed.status).toBe(200);
  }

  /**
   * Makes the change and joins `delayMs` later, while the change is on its way; resolves
   * when both are answered. The tries spread the delay across the change's own duration,
   * so the join's checks, its loading and the change's store and announcement interleave
   * in every order.
   */
  async function race(
    socket: RawCollabClient,
    docId: string,
    change: () => Promise<void>,
    delayMs: number,
  ) {
    const changed = change();
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    const [ack] = await Promise.all([socket.join(docId), changed]);
    return ack;
  }

  /**
   * After the change is stored: a socket that was admitted has been told it is out, and
   * from then on receives nothing of the document — not its content, not live edits.
   */
  async function expectShutOut(
    socket: RawCollabClient,
    docId: string,
    ack: JoinAck,
    editor: Y.Doc,
  ) {
    if (ack.ok) {
      await eventually(
        () => socket.errors.some((error) => error.docId === docId && error.code === 'forbidden'),
        'an admitted member is taken out',
      );
    }
    const framesBefore = socket.frames.filter((frame) => frame.docId === docId).length;
    editor.getText('notes').insert(0, `typed after the change to ${docId}. `);
    socket.send(docId, encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
    await eventually(
      () => socket.errors.some((error) => error.docId === docId && error.code === 'not-joined'),
      'asking for the content is answered not-joined',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(socket.frames.filter((frame) => frame.docId === docId).length).toBe(framesBefore);
  }

  it('a steering member removed as they join never keeps the draft open nor stores an edit, 8 times over', async () => {
    const { token, socket } = await socketOf('steering-member');
    const editing = await app.connect('commissioner');
    const drafts: string[] = [];
    for (let attempt = 0; attempt < 8; attempt++) {
      const docId = await newDraft(`Removal race ${attempt}`);
      drafts.push(docId);
      const editor = await openSpecification(editing, docId);
      const remove = async () => {
        const removed = await api(
          app.url,
          'DELETE',
          workspacePath(`/members/${memberIds.get('steering-member')}`),
          { token: commissioner, body: {} },
        );
        expect(removed.status).toBe(204);
      };
      const ack = await race(socket, docId, remove, attempt);
      await expectShutOut(socket, docId, ack, editor.doc);
      const notJoined = () =>
        socket.errors.filter((error) => error.docId === docId && error.code === 'not-joined')
          .length;
      const refusedBefore = notJoined();
      socket.send(docId, insertionFrame(`written after the removal ${attempt}`));
      await eventually(() => notJoined() > refusedBefore, 'the edit is refused');
      await editor.provider.whenSaved();
      editor.provider.destroy();

      // Back in the workspace for the next try, as a person would be: by invitation.
      const invited = await api<CreatedInvitation>(app.url, 'POST', workspacePath('/invitations'), {
        token: commissioner,
        body: { email: DEMO_EMAIL['steering-member'], role: 'steering-member' },
      });
      expect(invited.status).toBe(201);
      const accepted = await api(app.url, 'POST', `/api/invitations/${invited.body.token}/accept`, {
        token,
        body: {},
      });
      expect(accepted.status).toBe(200);
    }

    const reading = await app.connect('commissioner');
    for (const docId of drafts) {
      const { doc, provider } = await openSpecification(reading, docId);
      expect(doc.getText('notes').toString()).not.toContain('written after the removal');
      provider.destroy();
    }
  });

  it('a member made provider as they join never keeps the draft open, 15 times over', async () => {
    const { socket } = await socketOf('engagement-lead');
    const editing = await app.connect('commissioner');
    for (let attempt = 0; attempt < 15; attempt++) {
      const docId = await newDraft(`Provider race ${attempt}`);
      const editor = await openSpecification(editing, docId);
      const ack = await race(
        socket,
        docId,
        () => setRole('engagement-lead', 'provider'),
        attempt % 8,
      );
      await expectShutOut(socket, docId, ack, editor.doc);
      editor.provider.destroy();
      await setRole('engagement-lead', 'engagement-lead');
    }
  });

  it('an editor made observer as they join can never edit afterwards, 15 times over', async () => {
    const { socket } = await socketOf('steering-member');
    const drafts: string[] = [];
    for (let attempt = 0; attempt < 15; attempt++) {
      const docId = await newDraft(`Demotion race ${attempt}`);
      drafts.push(docId);
      const ack = await race(
        socket,
        docId,
        () => setRole('steering-member', 'observer'),
        attempt % 8,
      );
      if (ack.ok && ack.canEdit) {
        await eventually(
          () => socket.roles.some((notice) => notice.docId === docId && notice.role === 'observer'),
          'an editor admitted before the change is told they now only read',
        );
      }
      if (ack.ok) {
        const refusals = () =>
          socket.errors.filter((error) => error.docId === docId && error.code === 'forbidden')
            .length;
        const before = refusals();
        socket.send(docId, insertionFrame(`written after the demotion ${attempt}`));
        await eventually(() => refusals() > before, 'the edit is refused');
      }
      await setRole('steering-member', 'steering-member');
    }

    const reading = await app.connect('commissioner');
    for (const docId of drafts) {
      const { doc, provider } = await openSpecification(reading, docId);
      expect(doc.getText('notes').toString()).not.toContain('written after the demotion');
      provider.destroy();
    }
  });
});
