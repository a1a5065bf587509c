import { Logger } from '@nestjs/common';
import type { JoinAck, Role } from '@coproduce/protocol';
import type { Socket } from 'socket.io';
import { NotFound } from '../../base/errors';
import { Connection } from '../connections/connection';
import { ConnectionRegistry } from '../connections/connection-registry';
import type { SpecificationsService } from '../specifications/specifications.service';
import type { DocumentRegistry } from './document-registry';
import { LiveDocumentKinds } from './live-document-kinds';
import { JoinedDocuments } from './joined-documents';
import type { OpenDocument } from './open-document';

/** The parts of a socket a join touches. */
function fakeSocket(id: string): Socket {
  return {
    id,
    connected: true,
    join: () => undefined,
    leave: () => undefined,
    emit: () => true,
  } as unknown as Socket;
}

describe('joining a specification while the person’s membership changes', () => {
  let roles: Array<Role | null>;
  let lookups: number;
  let releaseLoad: () => void;
  let document: OpenDocument & { joined: string[] };
  let joined: JoinedDocuments;
  let connection: Connection;

  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    lookups = 0;
    releaseLoad = () => undefined;
    const admitted: string[] = [];
    document = {
      joined: admitted,
      join: (member: { connectionId: string }) => admitted.push(member.connectionId),
      leave: () => undefined,
    } as unknown as OpenDocument & { joined: string[] };
    const specifications = {
      findForMember: () => {
        const role = roles[Math.min(lookups++, roles.length - 1)];
        if (!role) return Promise.reject(new NotFound('that specification'));
        return Promise.resolve({
          role,
          specification: { workspaceId: { toHexString: () => 'workspace-1' } },
        });
      },
    } as unknown as SpecificationsService;
    const registry = {
      // Loading waits for the test, as a slow store would.
      acquire: () => new Promise((resolve) => (releaseLoad = () => resolve(document))),
      released: () => undefined,
    } as unknown as DocumentRegistry;
    joined = new JoinedDocuments(
      new LiveDocumentKinds(specifications),
      registry,
      new ConnectionRegistry(),
    );
    connection = new Connection(fakeSocket('socket-1'), {
      userId: 'user-1',
      name: 'Sam',
      sessionKey: 'session-1',
      sessionExpiresAt: Number.MAX_SAFE_INTEGER,
    });
  });

  afterEach(() => jest.restoreAllMocks());

  async function joinWhile(change: () => void): Promise<JoinAck | undefined> {
    let answer: JoinAck | undefined;
    const joining = joined.join(connection, 'spec-1', (ack) => (answer = ack));
    await new Promise((resolve) => setImmediate(resolve));
    change();
    releaseLoad();
    await joining;
    return answer;
  }

  it('a person removed while their join is loading the document is not admitted', async () => {
    roles = ['steering-member', null];

    const answer = await joinWhile(() => joined.accessChanged('user-1'));

    expect(answer).toEqual({ ok: false, error: expect.objectContaining({ code: 'not-found' }) });
    expect(document.joined).toEqual([]);
    expect(joined.of(connection).size).toBe(0);
  });

  it('a person made provider while joining is not admitted to the live document', async () => {
    roles = ['steering-member', 'provider'];

    const answer = await joinWhile(() => joined.accessChanged('user-1'));

    expect(answer?.ok).toBe(false);
    expect(document.joined).toEqual([]);
  });

  it('an editor made observer while joining is admitted as an observer', async () => {
    roles = ['steering-member', 'observer'];

    const answer = await joinWhile(() => joined.accessChanged('user-1'));

    expect(answer).toEqual({ ok: true, role: 'observer', canEdit: false });
    expect(joined.of(connection).get('spec-1')?.member.role).toBe('observer');
  });

  it('someone else’s membership changing does not make the join look again', async () => {
    roles = ['steering-member', null];

    const answer = await joinWhile(() => joined.accessChanged('user-2'));

    expect(answer).toEqual({ ok: true, role: 'steering-member', canEdit: true });
    expect(lookups).toBe(1);
    expect(document.joined).toEqual(['socket-1']);
  });

  it('a provider is never admitted to a live document, even where the lookup lets them read it', async () => {
    roles = ['provider'];

    const answer = await joinWhile(() => undefined);

    expect(answer?.ok).toBe(false);
    expect(document.joined).toEqual([]);
  });

  describe('the access remembered between joins', () => {
    async function joinAgain(): Promise<JoinAck | undefined> {
      joined.evict(connection, 'spec-1');
      return joinWhile(() => undefined);
    }

    it('is looked up once for joins that nothing has changed in between', async () => {
      roles = ['steering-member'];
      await joinWhile(() => undefined);
      expect(await joinAgain()).toEqual({ ok: true, role: 'steering-member', canEdit: true });
      expect(lookups).toBe(1);
    });

    it('is looked up again after the person’s role changes', async () => {
      roles = ['steering-member', 'observer'];
      await joinWhile(() => undefined);
      joined.accessChanged('user-1');
      expect(await joinAgain()).toEqual({ ok: true, role: 'observer', canEdit: false });
      expect(lookups).toBe(2);
    });

    it('is looked up again after the document is archived, or its workspace', async () => {
      roles = ['steering-member'];
      await joinWhile(() => undefined);
      joined.archiveChanged('spec-1', true);
      await joinAgain();
      expect(lookups).toBe(2);
      // Restoring a workspace looks up how each of its open documents now stands.
      await joined.workspaceArchiveChanged('workspace-1', false);
      const afterRestoring = lookups;
      await joinAgain();
      expect(lookups).toBe(afterRestoring + 1);
    });

    it('is not kept from a lookup that a role change overtook', async () => {
      roles = ['steering-member', 'observer'];
      const answer = await joinWhile(() => joined.accessChanged('user-1'));
      expect(answer).toMatchObject({ role: 'observer' });
      expect(await joinAgain()).toMatchObject({ role: 'observer' });
      expect(lookups).toBe(2);
    });
  });
});
