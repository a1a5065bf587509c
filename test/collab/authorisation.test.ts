import type { Role } from '@coproduce/domain';
import type { CollabConnection } from '@coproduce/collab-provider';
import { encodeSyncStep2, Y } from '@coproduce/protocol';
import { io } from 'socket.io-client';
import { api, DEMO_EMAIL, signIn } from '../support/api';
import { startApp, type RunningApp } from '../support/app';
import {
  connectAs,
  createSpecification,
  demoWorkspaceId,
  eventually,
  insertionFrame,
  openSpecification,
  rawClient,
  type RawCollabClient,
} from '../support/collab';

const EDITORS: Role[] = ['commissioner', 'steering-member', 'expert-by-experience'];
const READERS: Role[] = ['engagement-lead', 'observer'];

describe('who may open and edit a specification', () => {
  let app: RunningApp;
  let docId: string;
  // One commissioner session for the whole file: sign-in is rate limited per email.
  let commissionerToken: string;
  const closers: Array<{ close(): void }> = [];

  beforeAll(async () => {
    app = await startApp();
    docId = await createSpecification(app.url, 'Authorisation');
    commissionerToken = await signIn(app.url, DEMO_EMAIL.commissioner);
  });

  afterEach(() => {
    for (const closer of closers.splice(0)) closer.close();
  });

  afterAll(async () => {
    await app?.stop();
  });

  async function connect(role: Role): Promise<CollabConnection> {
    const connection = await connectAs(app.url, role);
    closers.push(connection);
    return connection;
  }

  /** A demo member's user id, looked up as the commissioner. */
  async function memberIdOf(workspaceId: string, email: string): Promise<string | undefined> {
    const members = await api<Array<{ userId: string; email: string }>>(
      app.url,
      'GET',
      `/api/workspaces/${workspaceId}/members`,
      { token: commissionerToken },
    );
    return members.body.find((member) => member.email === email)?.userId;
  }

  async function raw(role: Role): Promise<RawCollabClient> {
    const client = await rawClient(app.url, await signIn(app.url, DEMO_EMAIL[role]));
    closers.push(client);
    return client;
  }

  it('a socket without a session, or with a bad one, is refused as unauthorized', async () => {
    for (const auth of [{}, { token: 'not-a-token' }, { token: 'x'.repeat(43) }]) {
      const socket = io(`${app.url}/collab`, {
        auth,
        transports: ['websocket'],
        reconnection: false,
      });
      const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
      expect(error.message).toBe('unauthorized');
      socket.close();
    }
  });

  it.each(EDITORS)("a %s's edit reaches everyone in the document", async (role) => {
    const watcher = await openSpecification(await connect('observer'), docId);
    const editor = await openSpecification(await connect(role), docId);
    expect(editor.provider.canEdit).toBe(true);
    editor.doc.getText('notes').insert(0, `[${role}]`);
    await eventually(
      () => watcher.doc.getText('notes').toString().includes(`[${role}]`),
      `the observer sees the ${role}'s edit`,
    );
    await editor.provider.whenSaved();
  });

  it.each(READERS)(
    'a %s can read but their edit is refused, and nobody receives it',
    async (role) => {
      const editor = await openSpecification(await connect('commissioner'), docId);
      const reader = await raw(role);
      const ack = await reader.join(docId);
      expect(ack).toEqual({ ok: true, role, canEdit: false });
      await eventually(() => reader.frames.length > 0, 'the reader receives sync step 1');

      reader.send(docId, insertionFrame(`sneaked in by ${role}`));
      await eventually(() => reader.errors.length > 0, 'the reader is told no');
      expect(reader.errors[0]).toMatchObject({ docId, code: 'forbidden' });

      // A frame sent after the refused one arrives after it: if the refused edit had been
      // relayed, the commissioner would have it by the time this reaches them.
      const marker = await openSpecification(await connect('steering-member'), docId);
      marker.doc.getText('marker').insert(0, role);
      await eventually(
        () => editor.doc.getText('marker').toString().includes(role),
        'a later edit arrives',
      );
      expect(editor.doc.getText('notes').toString()).not.toContain('sneaked in');
      // And it was not stored: a fresh replica loads without it.
      const fresh = await openSpecification(await connect('observer'), docId);
      expect(fresh.doc.getText('notes').toString()).not.toContain('sneaked in');
    },
  );

  it('a reader whose copy has the deletions the document has already made is not refused for resending them', async () => {
    const editor = await openSpecification(await connect('commissioner'), docId);
    editor.doc.getText('notes').insert(0, 'kept wording, dropped wording');
    editor.doc.getText('notes').delete(12, 17);
    await editor.provider.whenSaved();

    const reader = await raw('observer');
    expect((await reader.join(docId)).ok).toBe(true);
    // A copy restored on the reader's device answers sync step 1 with all it has,
    // deletions included: nothing in it is new to the server.
    reader.send(docId, encodeSyncStep2(Y.encodeStateAsUpdate(editor.doc)));
    // Frames are handled in order, so the answer to this edit comes after any to the above.
    reader.send(docId, insertionFrame('an actual edit'));
    await eventually(() => reader.errors.length > 0, 'the edit is answered');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(reader.errors).toEqual([
      { docId, code: 'forbidden', message: expect.any(String) as string },
    ]);
  });

  it('signing out closes that session’s open sockets, and only that session’s', async () => {
    const token = await signIn(app.url, DEMO_EMAIL['steering-member']);
    const signedOut = await rawClient(app.url, token);
    closers.push(signedOut);
    const otherSession = await raw('steering-member');
    expect(await signedOut.join(docId)).toMatchObject({ ok: true });
    expect(await otherSession.join(docId)).toMatchObject({ ok: true });

    const closed = new Promise<string>((resolve) => signedOut.socket.once('disconnect', resolve));
    const response = await api(app.url, 'DELETE', '/api/session', { token });
    expect(response.status).toBe(204);
    expect(await closed).toBe('io server disconnect');
    expect(otherSession.socket.connected).toBe(true);
    expect(await otherSession.join(docId)).toMatchObject({ ok: true });
  });

  it('a provider cannot open a draft, nor learn that it exists', async () => {
    const provider = await raw('provider');
    const ack = await provider.join(docId);
    expect(ack).toEqual({
      ok: false,
      error: { code: 'not-found', message: expect.any(String) as string },
    });
    // The same answer as for an id that names nothing.
    expect(await provider.join('0123456789abcdef01234567')).toEqual(ack);
    provider.send(docId, insertionFrame('provider text'));
    await eventually(() => provider.errors.length > 0, 'the provider is answered');
    expect(provider.errors[0]?.code).toBe('not-joined');
    expect(provider.frames).toEqual([]);
  });

  it('a provider connected to the workspace receives nothing at all while others edit a draft', async () => {
    const provider = await raw('provider');
    const received: string[] = [];
    provider.socket.onAny((event: string) => received.push(event));
    expect((await provider.join(docId)).ok).toBe(false);

    const commissioner = await openSpecification(await connect('commissioner'), docId);
    const steering = await openSpecification(await connect('steering-member'), docId);
    commissioner.doc.getText('notes').insert(0, 'draft outcome wording');
    steering.doc.getText('notes').insert(0, 'draft eligibility wording');
    // Asking again while the draft is open and being edited changes nothing.
    expect((await provider.join(docId)).ok).toBe(false);
    await eventually(
      () =>
        commissioner.doc.getText('notes').toString().includes('eligibility') &&
        steering.doc.getText('notes').toString().includes('outcome'),
      'the editors see each other’s edits',
    );
    await Promise.all([commissioner.provider.whenSaved(), steering.provider.whenSaved()]);
    // Whatever fan-out or saved notice was on its way to the room has had time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(received).toEqual([]);
    expect(provider.frames).toEqual([]);
    expect(provider.socket.connected).toBe(true);
  });

  it('joining something that is not a specification id is a bad request, an unknown one not found', async () => {
    const client = await raw('commissioner');
    const bad = await client.socket.timeout(5000).emitWithAck('doc:join', { docId: { $ne: '' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const unknown = await client.join('0123456789abcdef01234567');
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('a member removed while connected is taken out of the document at once', async () => {
    const workspaceId = await demoWorkspaceId(app.url, commissionerToken);
    const editor = await openSpecification(await connect('commissioner'), docId);
    const observer = await raw('observer');
    expect((await observer.join(docId)).ok).toBe(true);
    await eventually(() => observer.frames.length > 0, 'the observer is synced');

    const observerId = await memberIdOf(workspaceId, DEMO_EMAIL.observer);
    const removed = await api(
      app.url,
      'DELETE',
      `/api/workspaces/${workspaceId}/members/${observerId}`,
      {
        token: commissionerToken,
        body: {},
      },
    );
    expect([removed.status, removed.body]).toEqual([204, undefined]);
    await eventually(
      () => observer.errors.some((e) => e.code === 'forbidden'),
      'the observer is told',
    );

    const framesBefore = observer.frames.length;
    editor.doc.getText('notes').insert(0, 'after the removal');
    await editor.provider.whenSaved();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(observer.frames.length).toBe(framesBefore);
    expect((await observer.join(docId)).ok).toBe(false);
  });

  it('a member whose role becomes provider leaves the draft at once and receives nothing more', async () => {
    const workspaceId = await demoWorkspaceId(app.url, commissionerToken);
    const editor = await openSpecification(await connect('expert-by-experience'), docId);
    const lead = await raw('engagement-lead');
    expect((await lead.join(docId)).ok).toBe(true);
    await eventually(() => lead.frames.length > 0, 'the engagement lead is synced');

    const leadId = await memberIdOf(workspaceId, DEMO_EMAIL['engagement-lead']);
    const changed = await api(
      app.url,
      'PATCH',
      `/api/workspaces/${workspaceId}/members/${leadId}`,
      {
        token: commissionerToken,
        body: { role: 'provider' },
      },
    );
    expect(changed.status).toBe(200);
    await eventually(() => lead.errors.some((e) => e.code === 'forbidden'), 'they are told');

    const framesBefore = lead.frames.length;
    editor.doc.getText('notes').insert(0, 'draft text a provider must never receive');
    await editor.provider.whenSaved();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(lead.frames.length).toBe(framesBefore);
    expect((await lead.join(docId)).ok).toBe(false);
  });

  it('an editor whose role becomes observer can no longer edit, on the same socket', async () => {
    const workspaceId = await demoWorkspaceId(app.url, commissionerToken);
    const steering = await raw('steering-member');
    expect(await steering.join(docId)).toMatchObject({ ok: true, canEdit: true });
    const steeringId = await memberIdOf(workspaceId, DEMO_EMAIL['steering-member']);
    const changed = await api(
      app.url,
      'PATCH',
      `/api/workspaces/${workspaceId}/members/${steeringId}`,
      {
        token: commissionerToken,
        body: { role: 'observer' },
      },
    );
    expect([changed.status, changed.body]).toEqual([
      200,
      { userId: steeringId, role: 'observer', previousRole: 'steering-member' },
    ]);
    await eventually(() => steering.roles.length > 0, 'the member is told');
    expect(steering.roles).toEqual([{ docId, role: 'observer', canEdit: false }]);

    const errorsBefore = steering.errors.length;
    steering.send(docId, insertionFrame('written after the downgrade'));
    await eventually(() => steering.errors.length > errorsBefore, 'the edit is answered');
    expect(steering.errors.at(-1)?.code).toBe('forbidden');
    const fresh = await openSpecification(await connect('commissioner'), docId);
    expect(fresh.doc.getText('notes').toString()).not.toContain('after the downgrade');
  });
});
