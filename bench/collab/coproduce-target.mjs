// Coproduce as the app runs: the built server (`node server/dist/main.js`) in a child
// process on the embedded store (which it starts as its own child), with a throwaway data
// directory, the demo accounts seeded. Started the way test/support/app.ts starts it.
// Clients are real: one socket.io connection each, through the provider the web client uses.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  childrenOf,
  cpuSeconds,
  directoryBytes,
  highWaterMiB,
  privateMiB,
  residentMiB,
} from './process-usage.mjs';

// CommonJS builds throughout, so the benchmark has one copy of Yjs (see hocuspocus-target.mjs).
const require = createRequire(import.meta.url);
const { CollabConnection, CollabProvider } = require('@coproduce/collab-provider');
const { CollabEvent, Y, readStateVector, toBytes } = require('@coproduce/protocol');

const SERVER_MAIN = new URL('../../server/dist/main.js', import.meta.url).pathname;
const STARTUP_LIMIT_MS = 60_000;
const OUTPUT_KEPT = 64 * 1024;
const UNLOAD_GRACE_MS = 5_000;
const DEMO_PASSWORD = 'coproduce-demo';
/** Demo members who may edit a draft; clients take turns between their sessions. */
const EDITOR_EMAILS = ['commissioner@demo.test', 'steering@demo.test'];

/**
 * `databaseUri`: a store the benchmark started itself (to fill it directly); by default
 * the app starts its own embedded store. `env`: more settings for the server.
 */
export async function startCoproduce({ timeoutMs, databaseUri, env = {} }) {
  const workDir = mkdtempSync(join(tmpdir(), 'coproduce-collab-bench-'));
  const inherited = { ...process.env };
  delete inherited['MONGODB_URI'];
  const child = spawn(process.execPath, [...profileFlags(), ...experimentArgs(), SERVER_MAIN], {
    env: {
      ...inherited,
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'true',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: join(workDir, 'data'),
      // The app's default, stated so the benchmark knows when a document has been unloaded.
      COLLAB_UNLOAD_GRACE_MS: String(UNLOAD_GRACE_MS),
      // One account sets up every document of a run: far more than a person's hourly quota.
      SPECIFICATIONS_PER_HOUR: '100000',
      ...(databaseUri ? { MONGODB_URI: databaseUri } : {}),
      // The store the app starts is profiled with it.
      ...(process.env.BENCH_PROFILE_DIR
        ? { EMBEDDED_MONGO_PROFILE_DIR: process.env.BENCH_PROFILE_DIR }
        : {}),
      ...(process.env.BENCH_SERVER_NODE_OPTIONS
        ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS }
        : {}),
      ...env,
    },
    // The IPC channel lets the server notice if the benchmark dies and stop with it.
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-OUTPUT_KEPT);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const stop = async () => {
    await stopProcess(child);
    rmSync(workDir, { recursive: true, force: true });
  };

  let url;
  try {
    url = await waitUntilHealthy(child, () => output);
  } catch (error) {
    await stop();
    throw new Error(`${error.message}\n--- server output ---\n${output}`);
  }
  const tokens = [];
  for (const email of EDITOR_EMAILS) tokens.push(await signIn(url, email));
  const workspaceId = await demoWorkspaceId(url, tokens[0]);
  let nextToken = 0;
  let accountCount = 0;

  /** `token`: whose session the connection uses; by default the demo editors take turns. */
  const openConnection = ({ token = tokens[nextToken++ % tokens.length] } = {}) =>
    connectCollab(url, token, timeoutMs);

  return {
    name: 'coproduce',
    url,
    /** How the multi-process load generator speaks to it (load-worker.mjs). */
    wire: 'socket.io',
    hasAccounts: true,
    workspaceId,
    /** The demo commissioner's session. */
    token: tokens[0],
    pid: child.pid,
    output: () => output,
    /** After this long without clients a document is out of memory, read again from the store. */
    unloadedAfterMs: UNLOAD_GRACE_MS + 1_000,
    reportsSaved: true,

    /** Creates `count` draft specifications (each starts from the template); their ids. */
    async newDocuments(count) {
      const ids = [];
      for (let i = 0; i < count; i++) {
        const response = await fetch(`${url}/api/workspaces/${workspaceId}/specifications`, {
          method: 'POST',
          headers: { authorization: `Bearer ${tokens[0]}`, 'content-type': 'application/json' },
          body: JSON.stringify({ title: `Benchmark specification ${i + 1}` }),
        });
        if (response.status !== 201) {
          throw new Error(`creating a specification: ${response.status} ${await response.text()}`);
        }
        ids.push((await response.json()).id);
      }
      return ids;
    },

    openConnection,

    /** The whole state a new specification starts from (the template), as one update. */
    async templateUpdate() {
      const [docId] = await this.newDocuments(1);
      const client = await this.openClient(docId);
      const update = Y.encodeStateAsUpdate(client.doc);
      client.close();
      return update;
    },

    /** One client: its own connection, one document, synced (`options`: openConnection's). */
    openClient: (docId, options) => openCollabClient(openConnection(options), docId),

    /** The server process, and the embedded store it started, separately. */
    usage() {
      const database = childrenOf(child.pid).map((pid) => ({ pid, resident: residentMiB(pid) }));
      const sum = (read) => database.reduce((total, store) => total + read(store), 0);
      return {
        serverRssMiB: residentMiB(child.pid),
        serverCpuSeconds: cpuSeconds(child.pid),
        serverHighWaterMiB: highWaterMiB(child.pid),
        databaseRssMiB: sum(({ resident }) => resident),
        databasePrivateMiB: sum(({ pid, resident }) => privateMiB(pid, resident)),
        databaseCpuSeconds: sum(({ pid }) => cpuSeconds(pid)),
        databaseHighWaterMiB: sum(({ pid }) => highWaterMiB(pid)),
      };
    },

    /** Bytes the embedded store keeps on disk (its data directory). */
    dataDirectoryBytes: () => directoryBytes(join(workDir, 'data')),

    /**
     * `count` new accounts, each a steering group member of the demo workspace (who may
     * edit drafts) through a link invitation; their session tokens. Invitations are rate
     * limited by address: start the server with `TRUST_PROXY: 'loopback'` and each request
     * here comes from an address of its own (`X-Forwarded-For`).
     */
    async newAccounts(count, { concurrency = 4 } = {}) {
      const made = [];
      let next = 0;
      const makeOne = async (index) => {
        const from = {
          'x-forwarded-for': `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`,
        };
        const link = await fetch(`${url}/api/workspaces/${workspaceId}/invitations`, {
          method: 'POST',
          headers: {
            ...from,
            authorization: `Bearer ${tokens[0]}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ role: 'steering-member' }),
        });
        if (link.status !== 201) throw new Error(`inviting: ${link.status} ${await link.text()}`);
        const { token: invitation } = await link.json();
        const accepted = await fetch(`${url}/api/invitations/${invitation}/accept`, {
          method: 'POST',
          headers: { ...from, 'content-type': 'application/json' },
          body: JSON.stringify({
            name: `Load ${index + 1}`,
            email: `load-${++accountCount}@bench.test`,
            password: 'a long enough benchmark password',
          }),
        });
        const body = await accepted.json();
        if (!body.session) throw new Error(`accepting: ${accepted.status} ${JSON.stringify(body)}`);
        return body.session.token;
      };
      await Promise.all(
        Array.from({ length: Math.min(concurrency, count) }, async () => {
          while (next < count) made.push(await makeOne(next++));
        }),
      );
      return made;
    },

    stop,
  };
}

/** A connection to a server speaking Coproduce's `/collab` wire, once connected. */
export async function connectCollab(url, token, timeoutMs) {
  const connection = CollabConnection.connect(url, {
    token,
    forceNew: true,
    reconnection: false,
  });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no connection within time')), timeoutMs);
    connection.socket.once('connect', () => {
      clearTimeout(timer);
      resolve();
    });
    connection.socket.once('connect_error', (error) => {
      clearTimeout(timer);
      connection.close();
      reject(error);
    });
  });
  return {
    open: (docId) => openDocument(connection, docId, timeoutMs),
    /** The socket itself, to hear the features' events (thread:changed, …). */
    socket: connection.socket,
    close: () => connection.close(),
  };
}

/** One client on a connection of its own (`opening`: connectCollab's promise), synced. */
export async function openCollabClient(opening, docId) {
  const connection = await opening;
  try {
    const client = await connection.open(docId);
    return { ...client, close: () => connection.close() };
  } catch (error) {
    connection.close();
    throw error;
  }
}

function openDocument(connection, docId, timeoutMs) {
  const doc = new Y.Doc();
  const provider = new CollabProvider(connection, docId, doc, { joinTimeoutMs: timeoutMs });
  const savedListeners = [];
  const onSaved = (savedDocId, notice) => {
    if (savedDocId !== docId) return;
    const bytes = toBytes(notice?.stateVector);
    if (!bytes) return;
    const clocks = readStateVector(bytes);
    for (const listener of savedListeners) listener(clocks.get(doc.clientID) ?? 0);
  };
  connection.socket.on(CollabEvent.saved, onSaved);
  const client = {
    doc,
    provider,
    /** Size of the whole document as one update, i.e. what a new client is sent. */
    stateBytes: () => Y.encodeStateAsUpdate(doc).length,
    /** Calls `listener(clock)` with this replica's clock covered by every `doc:saved`. */
    onSaved: (listener) => savedListeners.push(listener),
    /** Resolves when the server has stored everything this replica holds. */
    whenFlushed: (limitMs = timeoutMs) => provider.whenSaved(limitMs),
    leave: () => {
      connection.socket.off(CollabEvent.saved, onSaved);
      provider.destroy();
    },
  };
  return new Promise((resolve, reject) => {
    provider.once('join-failed', (error) => {
      provider.destroy();
      reject(new Error(`join failed: ${error.code} ${error.message}`));
    });
    provider.whenSynced(timeoutMs).then(
      () => resolve(client),
      (error) => {
        provider.destroy();
        reject(error);
      },
    );
  });
}

async function signIn(url, email) {
  return (await signInAs(url, email)).token;
}

/** A session (`{ token, user }`) for a demo account, or another with its `password`. */
export async function signInAs(url, email, password = DEMO_PASSWORD) {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`signing in as ${email}: ${response.status}`);
  return response.json();
}

async function demoWorkspaceId(url, token) {
  const response = await fetch(`${url}/api/workspaces`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const workspaces = await response.json();
  if (!Array.isArray(workspaces) || !workspaces[0]) throw new Error('no demo workspace');
  return workspaces[0].id;
}

async function waitUntilHealthy(child, output) {
  const deadline = Date.now() + STARTUP_LIMIT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    const port = /running at http:\/\/localhost:(\d+)/.exec(output())?.[1];
    if (port) {
      const url = `http://127.0.0.1:${port}`;
      const response = await fetch(`${url}/health`).catch(() => undefined);
      if (response?.ok) return url;
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`the server was not healthy within ${STARTUP_LIMIT_MS / 1000} s`);
}

/**
 * Stops a server the benchmark started: by closing its IPC channel first (both servers
 * then shut down and exit by themselves, which lets `--cpu-prof` write its profile), then
 * SIGTERM, then SIGKILL.
 */
export function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const terminate = setTimeout(() => child.kill('SIGTERM'), 5_000);
    const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(terminate);
      clearTimeout(kill);
      resolve();
    });
    if (child.connected) child.disconnect();
    else child.kill('SIGTERM');
  });
}

/** `BENCH_SERVER_ARGS`: Node and V8 flags for the app alone, many of which NODE_OPTIONS refuses. */
function experimentArgs() {
  return (process.env.BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean);
}

/** With BENCH_PROFILE_DIR set, servers write a V8 CPU profile there when they stop. */
export function profileFlags() {
  const directory = process.env.BENCH_PROFILE_DIR;
  return directory ? ['--cpu-prof', `--cpu-prof-dir=${directory}`] : [];
}
