import type { Role } from '@coproduce/domain';
import { io } from 'socket.io-client';
import { api, DEMO_EMAIL, signIn } from '../support/api';
import { startApp, type RunningApp } from '../support/app';
import {
  createSpecification,
  demoWorkspaceId,
  rawClient,
  type RawCollabClient,
} from '../support/collab';

/**
 * The server remembers who a session signs in and what each person may do in each
 * document, so that a storm of reconnecting sockets asks the store once (issue 17).
 * What it remembers must never outlive what it was decided on: each test warms it with
 * a socket, changes what it rests on, and opens another.
 */
describe('what the collab server remembers between sockets', () => {
  let app: RunningApp;
  let commissioner: string;
  let workspaceId: string;
  let docId: string;
  const closers: Array<{ close(): void }> = [];

  beforeAll(async () => {
    app = await startApp({ ownDatabase: true });
    commissioner = await signIn(app.url, DEMO_EMAIL.commissioner);
    workspaceId = await demoWorkspaceId(app.url, commissioner);
    docId = await createSpecification(app.url, 'Remembered access');
  });

  afterEach(() => {
    for (const closer of closers.splice(0)) closer.close();
  });

  afterAll(async () => {
    await app?.stop();
  });

  async function open(token: string): Promise<RawCollabClient> {
    const client = await rawClient(app.url, token);
    closers.push(client);
    return client;
  }

  function refusedConnection(token: string): Promise<string> {
    const socket = io(`${app.url}/collab`, {
      auth: { token },
      transports: ['websocket'],
      reconnection: false,
    });
    closers.push(socket);
    return new Promise<string>((resolve, reject) => {
      socket.once('connect', () => reject(new Error('the socket was let in')));
      socket.once('connect_error', (error) => resolve(error.message));
    });
  }

  async function setRole(email: string, role: Role): Promise<void> {
    const members = await api<Array<{ userId: string; email: string }>>(
      app.url,
      'GET',
      `/api/workspaces/${workspaceId}/members`,
      { token: commissioner },
    );
    const userId = members.body.find((member) => member.email === email)?.userId;
    const changed = await api(
      app.url,
      'PATCH',
      `/api/workspaces/${workspaceId}/members/${userId}`,
      {
        token: commissioner,
        body: { role },
      },
    );
    expect(changed.status).toBe(200);
  }

  it('a signed-out session opens no socket, though its identity was remembered a moment before', async () => {
    const token = await signIn(app.url, DEMO_EMAIL['steering-member']);
    const first = await open(token);
    expect(await first.join(docId)).toMatchObject({ ok: true });
    const second = await open(token); // the identity is remembered now
    expect(second.socket.connected).toBe(true);

    const signedOut = await api(app.url, 'DELETE', '/api/session', { token });
    expect(signedOut.status).toBe(204);
    expect(await refusedConnection(token)).toBe('unauthorized');
  });

  it('ending every other session of a person refuses each of them at once', async () => {
    const kept = await signIn(app.url, DEMO_EMAIL.observer);
    const ended = await signIn(app.url, DEMO_EMAIL.observer);
    expect((await open(ended)).socket.connected).toBe(true);
    expect((await open(kept)).socket.connected).toBe(true);

    const response = await api(app.url, 'DELETE', '/api/account/sessions', { token: kept });
    expect(response.status).toBeLessThan(300);
    expect(await refusedConnection(ended)).toBe('unauthorized');
    expect((await open(kept)).socket.connected).toBe(true);
  });

  it('a role changed after a join is what the next join is decided on', async () => {
    const token = await signIn(app.url, DEMO_EMAIL['expert-by-experience']);
    const email = DEMO_EMAIL['expert-by-experience'];
    try {
      const before = await open(token);
      expect(await before.join(docId)).toEqual({
        ok: true,
        role: 'expert-by-experience',
        canEdit: true,
      });
      before.close();

      await setRole(email, 'observer');
      expect(await (await open(token)).join(docId)).toEqual({
        ok: true,
        role: 'observer',
        canEdit: false,
      });

      await setRole(email, 'provider');
      expect(await (await open(token)).join(docId)).toMatchObject({
        ok: false,
        error: { code: 'not-found' },
      });
    } finally {
      await setRole(email, 'expert-by-experience');
    }
    expect(await (await open(token)).join(docId)).toMatchObject({ ok: true, canEdit: true });
  });
});
