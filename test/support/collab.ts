// Collab clients for end-to-end tests: real socket.io connections to a running app,
// each with its own Y.Doc, through the same provider the web client uses.
import type { Role, SpecificationSummary, WorkspaceSummary } from '@coproduce/domain';
import { CollabConnection, CollabProvider } from '@coproduce/collab-provider';
import {
  COLLAB_NAMESPACE,
  CollabEvent,
  encodeUpdate,
  Y,
  type JoinAck,
  type RoleNotice,
} from '@coproduce/protocol';
import { specificationFragment } from '@coproduce/specification-document';
import { MongoClient } from 'mongodb';
import { io, type Socket } from 'socket.io-client';
import { api, DEMO_EMAIL, signIn } from './api';
import { startApp, type RunningApp, type StartOptions } from './app';

/**
 * The app for the enclosing `describe` block (started before its tests, stopped after),
 * and collab connections to it that are closed after each test.
 */
export function collabApp(options: StartOptions = {}) {
  let running: RunningApp | undefined;
  const connections: CollabConnection[] = [];
  beforeAll(async () => {
    running = await startApp(options);
  });
  afterEach(() => {
    for (const connection of connections.splice(0)) connection.close();
  });
  afterAll(async () => {
    await running?.stop();
  });
  return {
    get app(): RunningApp {
      if (!running) throw new Error('the app has not started');
      return running;
    },
    get url(): string {
      return this.app.url;
    },
    /** The database the app writes to: only with `ownDatabase`. */
    get databaseUri(): string {
      if (!this.app.databaseUri) throw new Error('start the app with ownDatabase to reach it');
      return this.app.databaseUri;
    },
    /** Signs in as a demo role and connects; the connection closes after the test. */
    async connect(role: Role): Promise<CollabConnection> {
      const connection = await connectAs(this.url, role);
      connections.push(connection);
      return connection;
    },
  };
}

/** Signs in as a demo role and opens a collab connection; resolves once connected. */
export async function connectAs(baseUrl: string, role: Role): Promise<CollabConnection> {
  const token = await signIn(baseUrl, DEMO_EMAIL[role]);
  return connectWithToken(baseUrl, token);
}

export function connectWithToken(baseUrl: string, token: string): Promise<CollabConnection> {
  const connection = CollabConnection.connect(baseUrl, { token, reconnectionDelayMax: 200 });
  return new Promise((resolve, reject) => {
    connection.socket.once('connect', () => resolve(connection));
    connection.socket.once('connect_error', (error) => {
      connection.close();
      reject(error);
    });
  });
}

export interface OpenSpecification {
  doc: Y.Doc;
  provider: CollabProvider;
}

/**
 * Opens a specification on a connection (into `doc`, a new replica unless given) and waits
 * until it is synced with the server.
 */
export async function openSpecification(
  connection: CollabConnection,
  docId: string,
  doc = new Y.Doc(),
): Promise<OpenSpecification> {
  const provider = new CollabProvider(connection, docId, doc);
  await new Promise<void>((resolve, reject) => {
    provider.once('join-failed', (error) =>
      reject(new Error(`join failed: ${error.code} ${error.message}`)),
    );
    provider.whenSynced().then(resolve, reject);
  });
  return { doc, provider };
}

/** The demo workspace the seed creates. */
export async function demoWorkspaceId(baseUrl: string, token: string): Promise<string> {
  const response = await api<WorkspaceSummary[]>(baseUrl, 'GET', '/api/workspaces', { token });
  const workspace = response.body[0];
  if (!workspace) throw new Error('The demo workspace is missing');
  return workspace.id;
}

/** The demo commissioner changes a demo member's role; resolves once the change is stored. */
export async function changeDemoRole(baseUrl: string, email: string, role: Role): Promise<void> {
  const token = await signIn(baseUrl, DEMO_EMAIL.commissioner);
  const workspaceId = await demoWorkspaceId(baseUrl, token);
  const members = await api<Array<{ userId: string; email: string }>>(
    baseUrl,
    'GET',
    `/api/workspaces/${workspaceId}/members`,
    { token },
  );
  const member = members.body.find((candidate) => candidate.email === email);
  if (!member) throw new Error(`${email} is not a member of the demo workspace`);
  const changed = await api(
    baseUrl,
    'PATCH',
    `/api/workspaces/${workspaceId}/members/${member.userId}`,
    { token, body: { role } },
  );
  if (changed.status !== 200) throw new Error(`changing ${email}'s role: ${changed.status}`);
}

/** Creates a fresh draft specification (as a commissioner) and returns its id, the docId. */
export async function createSpecification(baseUrl: string, title: string): Promise<string> {
  const token = await signIn(baseUrl, DEMO_EMAIL.commissioner);
  const workspaceId = await demoWorkspaceId(baseUrl, token);
  const response = await api<SpecificationSummary>(
    baseUrl,
    'POST',
    `/api/workspaces/${workspaceId}/specifications`,
    { token, body: { title } },
  );
  if (response.status !== 201) {
    throw new Error(
      `Creating a specification failed: ${response.status} ${JSON.stringify(response.body)}`,
    );
  }
  return response.body.id;
}

/** Waits until `check` holds, polling; fails with `what` after `timeoutMs`. */
export async function eventually(
  check: () => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A document's whole content as one comparable string. */
export function contentOf(doc: Y.Doc): string {
  return specificationFragment(doc).toString();
}

/** A bare socket on `/collab`, for sending frames no honest provider would send. */
export interface RawCollabClient {
  socket: Socket;
  /** Every `doc:error` received, in order. */
  errors: Array<{ docId: string; code: string; message: string }>;
  /** Every `yjs` frame received, in order. */
  frames: Array<{ docId: string; payload: Uint8Array }>;
  /** Every `doc:role` received, in order. */
  roles: Array<{ docId: string } & RoleNotice>;
  join(docId: string): Promise<JoinAck>;
  send(docId: unknown, payload: unknown): void;
  close(): void;
}

export async function rawClient(baseUrl: string, token: string): Promise<RawCollabClient> {
  const socket = io(`${baseUrl}${COLLAB_NAMESPACE}`, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  const client: RawCollabClient = {
    socket,
    errors: [],
    frames: [],
    roles: [],
    join: (docId) =>
      socket.timeout(10_000).emitWithAck(CollabEvent.join, { docId }) as Promise<JoinAck>,
    send: (docId, payload) => socket.emit(CollabEvent.yjs, docId, payload),
    close: () => socket.disconnect(),
  };
  socket.on(CollabEvent.error, (docId: string, error: { code: string; message: string }) =>
    client.errors.push({ docId, ...error }),
  );
  socket.on(CollabEvent.role, (docId: string, notice: RoleNotice) =>
    client.roles.push({ docId, ...notice }),
  );
  socket.on(CollabEvent.yjs, (docId: string, payload: Uint8Array) =>
    client.frames.push({ docId, payload: new Uint8Array(payload) }),
  );
  return client;
}

/** A `yjs` update frame that inserts `text` into a fresh replica's `notes` text. */
export function insertionFrame(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('notes').insert(0, text);
  return encodeUpdate(Y.encodeStateAsUpdate(doc));
}

/**
 * A specification's state as stored in MongoDB — snapshot plus log, merged — read
 * straight from the database, not through the app.
 */
export async function storedState(databaseUri: string, docId: string): Promise<Y.Doc> {
  const client = new MongoClient(databaseUri);
  try {
    // The app names its database `coproduce` unless the URI names one.
    const db = client.db(new URL(databaseUri).pathname.slice(1) || 'coproduce');
    const snapshot = await db
      .collection('specification_snapshots')
      .findOne({ specificationId: docId });
    // Yjs updates commute: the log's order does not matter, and an entry the snapshot
    // holds already applies as nothing.
    const log = await db
      .collection('specification_updates')
      .find({ specificationId: docId })
      .toArray();
    const doc = new Y.Doc();
    const parts = [snapshot?.['state'], ...log.map((entry) => entry['update'])] as Array<
      { buffer: Uint8Array } | undefined
    >;
    for (const part of parts) if (part) Y.applyUpdate(doc, part.buffer);
    return doc;
  } finally {
    await client.close();
  }
}
