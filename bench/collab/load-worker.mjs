// One worker process of the multi-process load generator (process-fleet.mjs forks several).
// Its clients are not the project's own: each is one raw connection speaking y-protocols
// sync directly with a Y.Doc of its own, as a stranger's load generator would.
//
// - Coproduce: socket.io-client on `/collab` (`auth: { token }`), `doc:join { docId }` with
//   ack, then `yjs (docId, frame)` with y-websocket framing (packages/protocol/README.md).
// - Hocuspocus: one `ws` WebSocket; every message is the document name (varString), then
//   Hocuspocus's message type, then y-protocols (as @hocuspocus/provider frames it): an
//   Auth message (type 2, token, provider version) first, then sync (type 0).
//
// Both reply to the server's sync step 1 with step 2 and count a client synced when its
// sync step 2 arrives. No presence is sent. Commands come from the parent over IPC:
// `prepare` (clients to make), `start` (connect them all at `startAt`, epoch ms), `run`
// (edit at a rate, recording how late other processes' edits arrive), `close`.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// CommonJS builds throughout, so y-protocols and this process share one copy of Yjs.
const require = createRequire(import.meta.url);
const Y = require('yjs');
const syncProtocol = require('y-protocols/sync');
const encoding = require('lib0/encoding');
const decoding = require('lib0/decoding');
const { io } = require('socket.io-client');
const WebSocket = require('ws');

const MESSAGE_SYNC = 0;
const HOCUSPOCUS_AUTH = 2;
const HOCUSPOCUS_AUTH_TOKEN = 0;
const HOCUSPOCUS_AUTH_PERMISSION_DENIED = 1;
const STAMPS = 'fan-out-stamps';
const TEXT = 'fan-out-text';
/** What @hocuspocus/provider sends as its version in the Auth message. */
const HOCUSPOCUS_PROVIDER_VERSION = JSON.parse(
  readFileSync(join(dirname(require.resolve('@hocuspocus/provider')), '..', 'package.json')),
).version;

/** The wall clock with sub-millisecond resolution: the one clock every process shares. */
const wallNow = () => performance.timeOrigin + performance.now();

let clients = [];
let recording = null;

process.on('message', (message) => {
  handle(message).then(
    (result) => process.send({ id: message.id, result }),
    (error) => process.send({ id: message.id, error: String(error?.stack ?? error) }),
  );
});
// The parent went away (finished or died): nothing here outlives it.
process.on('disconnect', () => {
  for (const client of clients) client.close();
  process.exit(0);
});

async function handle(message) {
  switch (message.type) {
    case 'prepare':
      clients = message.clients.map((spec, index) =>
        makeClient({ ...spec, server: message.server, url: message.url, key: `${index}` }),
      );
      return { prepared: clients.length };
    case 'start':
      return start(message);
    case 'run':
      return run(message);
    case 'close':
      for (const client of clients) client.close();
      clients = [];
      return { closed: true };
    default:
      throw new Error(`unknown command ${message.type}`);
  }
}

/** Every client connects at `startAt`; resolves when each has synced or failed. */
async function start({ startAt, timeoutMs }) {
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())));
  const lateByMs = wallNow() - startAt;
  const cpuBefore = process.cpuUsage();
  const outcomes = await Promise.all(
    clients.map((client) =>
      client.connect(timeoutMs).then(
        () => ({
          syncedMs: client.syncedAt - startAt,
          hasContent: client.covers(),
        }),
        (error) => ({ error: String(error?.message ?? error) }),
      ),
    ),
  );
  return { lateByMs, outcomes, cpuSeconds: cpuSecondsSince(cpuBefore) };
}

/**
 * Open loop: every synced client edits `perClientRate` times a second from `startAt`
 * (a late timer catches up, it does not skip); edits made in the measured window are
 * counted and their deliveries to this process's clients recorded, and those of edits
 * made in the warm-up apart from them (`atStart`: everyone starting to type at once);
 * then `drainMs` to deliver what was sent. An edit stamps the shared map with the wall
 * clock, which every process on the machine reads alike.
 */
async function run({ startAt, perClientRate, warmupMs, measureMs, drainMs }) {
  const live = clients.filter((client) => client.syncedAt !== undefined);
  const interval = 1000 / perClientRate;
  const window = {
    start: startAt + warmupMs,
    end: startAt + warmupMs + measureMs,
    latencies: [],
    savedLatencies: [],
    atStart: { from: startAt, latencies: [], savedLatencies: [] },
  };
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())));
  recording = window;
  for (const client of live) client.nextAt = startAt + Math.random() * interval;
  let sent = 0;
  let sentInAll = 0;
  let sendLagMaxMs = 0;
  let cpuBefore;
  await new Promise((resolve) => {
    const tick = () => {
      const now = wallNow();
      if (cpuBefore === undefined && now >= window.start) cpuBefore = process.cpuUsage();
      if (now >= window.end) return resolve();
      for (const client of live) {
        while (client.nextAt <= now) {
          const sentAt = client.edit();
          sentInAll++;
          if (sentAt >= window.start && sentAt < window.end) {
            sent++;
            sendLagMaxMs = Math.max(sendLagMaxMs, sentAt - client.nextAt);
          }
          client.nextAt += interval;
        }
      }
      setTimeout(tick, 1);
    };
    tick();
  });
  const cpuSeconds = cpuSecondsSince(cpuBefore ?? process.cpuUsage());
  await new Promise((resolve) => setTimeout(resolve, drainMs));
  recording = null;
  return {
    sent,
    sentInAll,
    clients: live.length,
    sendLagMaxMs,
    latencies: window.latencies,
    savedLatencies: window.savedLatencies,
    atStart: window.atStart,
    cpuSeconds,
  };
}

function cpuSecondsSince(before) {
  const { user, system } = process.cpuUsage(before);
  return (user + system) / 1e6;
}

/**
 * One client of one document. `expect`: the state vector (as [client, clock] pairs) a
 * synced replica must cover, i.e. the seeded content.
 */
function makeClient({ server, url, docId, token, expect, key }) {
  const doc = new Y.Doc();
  const wire = server === 'hocuspocus' ? hocuspocusWire(url, docId) : socketIoWire(url, docId);
  const client = {
    doc,
    syncedAt: undefined,
    nextAt: 0,
    seq: 0,
    pendingSaves: [],
    covers: () => {
      const held = Y.decodeStateVector(Y.encodeStateVector(doc));
      return (expect ?? []).every(([id, clock]) => (held.get(id) ?? 0) >= clock);
    },
    connect: (timeoutMs) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          fail(new Error(`${docId} was not synced within ${timeoutMs} ms`));
        }, timeoutMs);
        const fail = (error) => {
          clearTimeout(timer);
          wire.close();
          reject(error);
        };
        wire.open({
          token,
          onOpen: () => {
            // Sync step 1: what this replica holds (nothing yet).
            const encoder = wire.encoder(MESSAGE_SYNC);
            syncProtocol.writeSyncStep1(encoder, doc);
            wire.send(encoding.toUint8Array(encoder));
          },
          onSync: (decoder) => {
            const encoder = wire.encoder(MESSAGE_SYNC);
            const empty = encoding.length(encoder);
            const kind = syncProtocol.readSyncMessage(decoder, encoder, doc, wire);
            // Step 1 from the server is answered with step 2.
            if (encoding.length(encoder) > empty) wire.send(encoding.toUint8Array(encoder));
            if (kind === syncProtocol.messageYjsSyncStep2 && client.syncedAt === undefined) {
              client.syncedAt = wallNow();
              clearTimeout(timer);
              resolve();
            }
          },
          onSaved: (clock) => settleSaves(client, clock),
          onFailure: fail,
        });
      }),
    edit: () => {
      const sentAt = wallNow();
      const seq = ++client.seq;
      doc.transact(() => {
        const text = doc.getText(TEXT);
        text.insert(Math.floor(Math.random() * (text.length + 1)), 'x');
        doc.getMap(STAMPS).set(`${process.pid}:${key}:${seq}`, sentAt);
      });
      if (wire.reportsSaved) {
        client.pendingSaves.push({ clock: Y.getState(doc.store, doc.clientID), sentAt });
      }
      return sentAt;
    },
    close: () => wire.close(),
  };
  wire.clientId = doc.clientID;
  // Local edits go out as sync updates; what the server sent (origin: the wire) does not.
  doc.on('update', (update, origin) => {
    if (origin === wire || client.syncedAt === undefined) return;
    const encoder = wire.encoder(MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, update);
    wire.send(encoding.toUint8Array(encoder));
  });
  const stamps = doc.getMap(STAMPS);
  stamps.observe((event) => {
    const window = recording;
    if (event.transaction.local || !window) return;
    const now = wallNow();
    for (const changed of event.keysChanged) {
      const sentAt = stamps.get(changed);
      latenciesFor(window, sentAt)?.latencies.push(now - sentAt);
    }
  });
  return client;
}

/** Where a delivery of an edit made at `sentAt` is recorded: the window, its warm-up, or nowhere. */
function latenciesFor(window, sentAt) {
  if (sentAt >= window.start && sentAt < window.end) return window;
  if (sentAt >= window.atStart.from && sentAt < window.start) return window.atStart;
  return undefined;
}

/** `doc:saved` covered this replica's clock up to `clock`: its edits up to there are durable. */
function settleSaves(client, clock) {
  const now = wallNow();
  while (client.pendingSaves.length > 0 && client.pendingSaves[0].clock <= clock) {
    const { sentAt } = client.pendingSaves.shift();
    if (recording) latenciesFor(recording, sentAt)?.savedLatencies.push(now - sentAt);
  }
}

/** Coproduce's `/collab`: one socket.io connection per client, one document on it. */
function socketIoWire(url, docId) {
  let socket;
  const wire = {
    reportsSaved: true,
    encoder: (type) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, type);
      return encoder;
    },
    send: (frame) => socket?.emit('yjs', docId, frame),
    open: ({ token, onOpen, onSync, onSaved, onFailure }) => {
      socket = io(`${url}/collab`, {
        auth: { token },
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
      });
      socket.once('connect_error', (error) => onFailure(new Error(`connect: ${error.message}`)));
      socket.on('disconnect', (reason) => onFailure(new Error(`disconnected: ${reason}`)));
      socket.on('doc:error', (id, error) => {
        if (id === docId) onFailure(new Error(`doc:error ${error?.code}: ${error?.message}`));
      });
      socket.on('yjs', (id, payload) => {
        if (id !== docId) return;
        const decoder = decoding.createDecoder(new Uint8Array(payload));
        if (decoding.readVarUint(decoder) === MESSAGE_SYNC) onSync(decoder);
        // Awareness and query-awareness frames: this generator shares no presence.
      });
      socket.on('doc:saved', (id, notice) => {
        if (id !== docId || !notice?.stateVector) return;
        const clocks = Y.decodeStateVector(new Uint8Array(notice.stateVector));
        onSaved(clocks.get(wire.clientId) ?? 0);
      });
      socket.once('connect', () => {
        socket.emit('doc:join', { docId }, (answer) => {
          if (answer?.ok) onOpen();
          else onFailure(new Error(`join: ${answer?.error?.code} ${answer?.error?.message}`));
        });
      });
    },
    close: () => socket?.disconnect(),
  };
  return wire;
}

/** Hocuspocus: one WebSocket per client; every message starts with the document's name. */
function hocuspocusWire(url, documentName) {
  let socket;
  const wire = {
    reportsSaved: false,
    encoder: (type) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarString(encoder, documentName);
      encoding.writeVarUint(encoder, type);
      return encoder;
    },
    send: (frame) => {
      if (socket?.readyState === WebSocket.OPEN) socket.send(frame);
    },
    open: ({ token, onOpen, onSync, onFailure }) => {
      socket = new WebSocket(url);
      socket.binaryType = 'nodebuffer';
      socket.on('error', (error) => onFailure(new Error(`socket: ${error.message}`)));
      socket.on('close', (code) => onFailure(new Error(`closed: ${code}`)));
      socket.on('message', (data) => {
        const decoder = decoding.createDecoder(new Uint8Array(data));
        if (decoding.readVarString(decoder) !== documentName) return;
        const type = decoding.readVarUint(decoder);
        if (type === MESSAGE_SYNC) onSync(decoder);
        else if (type === HOCUSPOCUS_AUTH) {
          if (decoding.readVarUint(decoder) === HOCUSPOCUS_AUTH_PERMISSION_DENIED) {
            onFailure(new Error(`permission denied: ${decoding.readVarString(decoder)}`));
          }
        }
        // Awareness, sync status and the rest: not needed to sync or to measure.
      });
      socket.once('open', () => {
        // Authentication first (the server queues everything else until it has it).
        const auth = wire.encoder(HOCUSPOCUS_AUTH);
        encoding.writeVarUint(auth, HOCUSPOCUS_AUTH_TOKEN);
        encoding.writeVarString(auth, token ?? '');
        encoding.writeVarString(auth, HOCUSPOCUS_PROVIDER_VERSION);
        wire.send(encoding.toUint8Array(auth));
        onOpen();
      });
    },
    close: () => {
      if (!socket) return;
      socket.removeAllListeners('close');
      socket.on('error', () => {});
      socket.terminate();
    },
  };
  return wire;
}
