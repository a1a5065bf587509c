import type { WorkspaceDetail } from '@coproduce/domain';
import { COLLAB_NAMESPACE } from '@coproduce/protocol';
import { io } from 'socket.io-client';
import { api, DEMO_EMAIL, signIn } from '../support/api';
import { openDatabase, type OpenDatabase } from '../support/app';
import {
  collabApp,
  createSpecification,
  demoWorkspaceId,
  eventually,
  rawClient,
  type RawCollabClient,
} from '../support/collab';

// Each limit is set low here so that reaching it takes a handful of calls.
const UNLOAD_GRACE_MS = 300;

describe('quotas per account and per connection', () => {
  const collab = collabApp({
    ownDatabase: true,
    env: {
      COLLAB_MAX_CONNECTIONS_PER_PERSON: '3',
      COLLAB_MAX_SPECIFICATIONS_PER_CONNECTION: '2',
      COLLAB_JOIN_BURST: '4',
      COLLAB_JOINS_PER_SECOND: '1',
      COLLAB_UNLOAD_GRACE_MS: String(UNLOAD_GRACE_MS),
      WORKSPACES_PER_HOUR: '2',
      SPECIFICATIONS_PER_HOUR: '5',
    },
  });
  const clients: RawCollabClient[] = [];
  const connect = async (role: 'commissioner' | 'observer' | 'steering-member') => {
    const client = await rawClient(collab.url, await signIn(collab.url, DEMO_EMAIL[role]));
    clients.push(client);
    return client;
  };
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });

  describe('a read-only member', () => {
    let database: OpenDatabase;
    beforeAll(async () => {
      database = await openDatabase(collab.app);
    });
    afterAll(() => database.close());

    it('joins, reads and leaves a specification without a single write to the store', async () => {
      // Written by its creator: one entry in the log, to be folded by the next unload after edits.
      const id = await specificationNamed('Read, never written');
      const stored = () => storedDocumentsOf(database, id);
      const before = await stored();

      const observer = await connect('observer');
      expect(await observer.join(id)).toMatchObject({ ok: true, canEdit: false });
      await eventually(() => observer.frames.length > 0, 'the observer has the text');
      observer.close();
      // Left alone past the grace, the specification is unloaded.
      await new Promise((resolve) => setTimeout(resolve, UNLOAD_GRACE_MS + 1_000));

      expect(await stored()).toEqual(before);
    });
  });

  it('one account holds at most its number of live connections; closing one makes room', async () => {
    const token = await signIn(collab.url, DEMO_EMAIL['steering-member']);
    const open: RawCollabClient[] = [];
    for (let i = 0; i < 3; i++) open.push(await rawClient(collab.url, token));
    clients.push(...open);

    const refused = io(`${collab.url}${COLLAB_NAMESPACE}`, {
      auth: { token },
      transports: ['websocket'],
      reconnection: false,
    });
    const error = await new Promise<Error>((resolve) => refused.once('connect_error', resolve));
    refused.close();
    expect(error.message).toContain('3 live connections open, the most one account may');

    // Another person is not held back by this one's connections.
    await connect('observer');
    open[0]!.close();
    await eventually(() => !open[0]!.socket.connected, 'the first connection has closed');
    clients.push(await rawClient(collab.url, token));
  });

  it('one connection holds at most its number of specifications open; leaving one makes room', async () => {
    const ids = await Promise.all(['One', 'Two', 'Three'].map((t) => specificationNamed(t)));
    const client = await connect('commissioner');
    expect((await client.join(ids[0]!)).ok).toBe(true);
    expect((await client.join(ids[1]!)).ok).toBe(true);

    const third = await client.join(ids[2]!);
    expect(third).toEqual({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('Close one to open another') },
    });

    await client.socket.emitWithAck('doc:leave', { docId: ids[0] });
    expect((await client.join(ids[2]!)).ok).toBe(true);
  });

  it('joins faster than the allowance are answered "unavailable" with how long to wait', async () => {
    const id = await specificationNamed('Joined again and again');
    const client = await connect('commissioner');
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await client.join(id));

    expect(answers.slice(0, 4).every((answer) => answer.ok)).toBe(true);
    expect(answers[4]).toEqual({
      ok: false,
      error: {
        code: 'unavailable',
        message: expect.stringMatching(/too quickly\. Wait \d+ second/),
      },
    });
  });

  it('an account starts at most its number of workspaces an hour, told how long to wait', async () => {
    const token = await signIn(collab.url, DEMO_EMAIL.observer);
    const start = (name: string) =>
      api<WorkspaceDetail>(collab.url, 'POST', '/api/workspaces', {
        token,
        body: {
          name,
          serviceArea: 'Children and young people’s mental health',
          leadOrganisation: 'Riverside City Council',
        },
      });
    expect((await start('First')).status).toBe(201);
    expect((await start('Second')).status).toBe(201);

    const refused = await start('Third');
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      error: {
        code: 'too-many-requests',
        message: expect.stringMatching(/^Too many attempts\. Wait \d+ minutes?/),
      },
    });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(60);
    // Counted per account: someone else starts theirs.
    const other = await signIn(collab.url, DEMO_EMAIL['engagement-lead']);
    const theirs = await api(collab.url, 'POST', '/api/workspaces', {
      token: other,
      body: {
        name: 'Theirs',
        serviceArea: 'Speech and language therapy',
        leadOrganisation: 'Riverside City Council',
      },
    });
    expect(theirs.status).toBe(201);
  });

  it('an account creates at most its number of specifications an hour', async () => {
    // Five were made by the tests above, by the same commissioner.
    const token = await signIn(collab.url, DEMO_EMAIL.commissioner);
    const workspaceId = await demoWorkspaceId(collab.url, token);
    const create = () =>
      api(collab.url, 'POST', `/api/workspaces/${workspaceId}/specifications`, {
        token,
        body: { title: 'One more' },
      });
    const refused = await create();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  async function specificationNamed(title: string): Promise<string> {
    return createSpecification(collab.url, title);
  }
});

/** Everything stored for a specification's text, to compare before and after. */
async function storedDocumentsOf(database: OpenDatabase, id: string): Promise<unknown[]> {
  const snapshots = await database.db
    .collection('specification_snapshots')
    .find({ specificationId: id })
    .toArray();
  const log = await database.db
    .collection('specification_updates')
    .find({ specificationId: id })
    .toArray();
  return [...snapshots, ...log];
}
