import { Logger } from '@nestjs/common';
import type { JoinAck, Role } from '@coproduce/protocol';
import type { Socket } from 'socket.io';
import { NotFound } from '../../base/errors';
import { EventBus } from '../../base/event-bus';
import { Connection } from '../connections/connection';
import { ConnectionRegistry } from '../connections/connection-registry';
import type { SpecificationsService } from '../specifications/specifications.service';
import type { MembershipChange } from '../workspaces/workspaces.events';
import type { DocumentMember } from './document-member';
import type { DocumentRegistry } from './document-registry';
import { LiveDocumentKinds } from './live-document-kinds';
import { JoinedDocuments } from './joined-documents';
import { MembershipWatcher } from './membership-watcher';
import type { OpenDocument } from './open-document';

const WORKSPACE = 'workspace-1';
const SAM = 'user-sam';

/** A promise the test settles when it chooses: the moment a slow store or adapter answers. */
function held<T>(): { promise: Promise<T>; release: (value: T) => void } {
  let release: (value: T) => void = () => undefined;
  const promise = new Promise<T>((resolve) => (release = resolve));
  return { promise, release };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

/**
 * A join racing a membership change, through the real parts that must agree: the join
 * (JoinedDocuments), the event bus, and the membership watcher. The store and the
 * socket.io room are held on promises the test releases, so each interleaving is
 * exercised every time rather than by luck.
 */
describe('a membership change at the moment someone joins a specification', () => {
  /** The membership as stored: what a lookup reads at the moment it runs. */
  let stored: Role | null;
  let bus: EventBus;
  let joined: JoinedDocuments;
  let connection: Connection;
  let emitted: Array<[string, unknown[]]>;
  let admitted: DocumentMember[];
  let loading: ReturnType<typeof held<OpenDocument>>;
  let roomJoin: ReturnType<typeof held<void>> | null;
  let lookupsHeld: Array<ReturnType<typeof held<void>>> | null;
  /** The document the join gets once the test lets it load. */
  let loadedDocument: OpenDocument;

  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    stored = 'steering-member';
    emitted = [];
    admitted = [];
    loading = held<OpenDocument>();
    roomJoin = null;
    lookupsHeld = null;
    const document = {
      specificationId: 'spec-1',
      join: (member: DocumentMember) => admitted.push(member),
      leave: () => undefined,
    } as unknown as OpenDocument;
    const socket = {
      id: 'socket-1',
      connected: true,
      join: (room: string) => (room.includes('spec-1') && roomJoin ? roomJoin.promise : undefined),
      leave: () => undefined,
      emit: (event: string, ...args: unknown[]) => emitted.push([event, args]),
    } as unknown as Socket;
    const specifications = {
      findForMember: async () => {
        const role = stored;
        const wait = held<void>();
        if (lookupsHeld) {
          lookupsHeld.push(wait);
          await wait.promise;
        }
        if (!role || role === 'provider') throw new NotFound('that specification');
        return { role, specification: { workspaceId: { toHexString: () => WORKSPACE } } };
      },
    } as unknown as SpecificationsService;
    const registry = {
      acquire: () => loading.promise,
      released: () => undefined,
    } as unknown as DocumentRegistry;
    const connections = new ConnectionRegistry();
    bus = new EventBus();
    joined = new JoinedDocuments(new LiveDocumentKinds(specifications), registry, connections);
    new MembershipWatcher(bus, connections, joined).onModuleInit();
    connection = new Connection(socket, {
      userId: SAM,
      name: 'Sam',
      sessionKey: 'session-1',
      sessionExpiresAt: Number.MAX_SAFE_INTEGER,
    });
    connections.add(connection);
    loadedDocument = document;
  });

  afterEach(() => jest.restoreAllMocks());

  /** What the workspaces module does: store the change, then announce it. */
  function change(to: Role | null): void {
    const previousRole = stored ?? 'steering-member';
    stored = to;
    const announced: MembershipChange =
      to === null
        ? { kind: 'removed', workspaceId: WORKSPACE, userId: SAM, previousRole }
        : { kind: 'role-changed', workspaceId: WORKSPACE, userId: SAM, role: to, previousRole };
    bus.publish('membership.changed', announced);
  }

  function startJoin(): { answered: () => JoinAck | undefined; done: Promise<void> } {
    let answer: JoinAck | undefined;
    const done = joined.join(connection, 'spec-1', (ack) => (answer = ack));
    return { answered: () => answer, done };
  }

  const sent = (event: string) => emitted.filter(([name]) => name === event);

  it.each([
    ['removed', null, 'not-found'],
    ['made provider', 'provider', 'not-found'],
  ] as const)(
    'someone %s while the document loads is refused, and nothing of it reaches their socket',
    async (_what, to, code) => {
      const join = startJoin();
      await turn();
      change(to);
      loading.release(loadedDocument);
      await join.done;

      expect(join.answered()).toEqual({ ok: false, error: expect.objectContaining({ code }) });
      expect(admitted).toEqual([]);
      expect(joined.of(connection).size).toBe(0);
      expect(sent('yjs')).toEqual([]);
    },
  );

  it('an editor made observer while the document loads is admitted as an observer only', async () => {
    const join = startJoin();
    await turn();
    change('observer');
    loading.release(loadedDocument);
    await join.done;

    expect(join.answered()).toEqual({ ok: true, role: 'observer', canEdit: false });
    expect(admitted.map((member) => member.role)).toEqual(['observer']);
  });

  it('someone removed while joining the document’s room is refused and never admitted', async () => {
    roomJoin = held<void>();
    const join = startJoin();
    loading.release(loadedDocument);
    await turn();
    change(null);
    roomJoin.release();
    await join.done;

    expect(join.answered()).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'forbidden' }),
    });
    expect(admitted).toEqual([]);
    expect(joined.of(connection).size).toBe(0);
    expect(sent('doc:error')).toEqual([
      ['doc:error', ['spec-1', expect.objectContaining({ code: 'forbidden' })]],
    ]);
  });

  it('an editor made observer while joining the document’s room is admitted as an observer only', async () => {
    roomJoin = held<void>();
    const join = startJoin();
    loading.release(loadedDocument);
    await turn();
    change('observer');
    roomJoin.release();
    await join.done;

    expect(join.answered()).toEqual({ ok: true, role: 'observer', canEdit: false });
    expect(admitted.map((member) => member.role)).toEqual(['observer']);
  });

  it('a confirmation read before a later change does not bring back the role that change took away', async () => {
    stored = 'observer';
    const join = startJoin();
    loading.release(loadedDocument);
    await join.done;
    expect(join.answered()).toMatchObject({ ok: true, role: 'observer' });

    lookupsHeld = [];
    change('steering-member'); // its confirmation reads "steering member", and is slow
    await turn();
    change('observer'); // its confirmation reads "observer"
    await turn();
    const [promotion, demotion] = lookupsHeld;
    demotion?.release();
    await turn();
    promotion?.release();
    await turn();

    expect(joined.of(connection).get('spec-1')?.member.role).toBe('observer');
    expect(sent('doc:role').at(-1)).toEqual([
      'doc:role',
      ['spec-1', { role: 'observer', canEdit: false }],
    ]);
  });

  it('a change overtaken by a later one never applies its role to a document it reaches afterwards', async () => {
    stored = 'observer';
    loading.release(loadedDocument);
    for (const docId of ['spec-1', 'spec-2']) await joined.join(connection, docId, () => undefined);
    const roleOf = (docId: string) => joined.of(connection).get(docId)?.member.role;

    lookupsHeld = [];
    change('steering-member'); // its confirmations are slow
    await turn();
    change('observer');
    await turn();
    const afterDemotion = sent('doc:role').length;
    // The demotion's confirmations answer first, every one of them; then the promotion's.
    const [promotionFirst] = lookupsHeld;
    for (let index = 1; index < lookupsHeld.length; index++) {
      lookupsHeld[index]?.release();
      await turn();
    }
    promotionFirst?.release();
    await turn();
    // The moment an edit could arrive: still only an observer in both documents.
    expect([roleOf('spec-1'), roleOf('spec-2')]).toEqual(['observer', 'observer']);
    for (let round = 0; round < 5; round++) {
      for (const lookup of lookupsHeld) lookup.release();
      await turn();
    }

    expect([roleOf('spec-1'), roleOf('spec-2')]).toEqual(['observer', 'observer']);
    expect(sent('doc:role').slice(afterDemotion)).not.toContainEqual([
      'doc:role',
      [expect.any(String), { role: 'steering-member', canEdit: true }],
    ]);
  });
});
