// @hocuspocus/server in memory (hocuspocus-server.mjs, a child process), and its own
// client, @hocuspocus/provider: one WebSocket per client, as its documentation sets it up.
import { createRequire } from 'node:module';
import { forkServer } from './forked-server.mjs';

// The CommonJS builds, like @coproduce/protocol's: an ES-module import of the provider
// would load Yjs's ES build beside its CommonJS build, and two copies of Yjs do not mix.
const require = createRequire(import.meta.url);
const { HocuspocusProvider, HocuspocusProviderWebsocket } = require('@hocuspocus/provider');
const Y = require('yjs');
const WebSocket = require('ws');

const SERVER_SCRIPT = new URL('./hocuspocus-server.mjs', import.meta.url).pathname;

/** `template`: the update every document starts from (a new Coproduce specification's). */
export async function startHocuspocus({ template, timeoutMs }) {
  const { child, port, usage, stop } = await forkServer(SERVER_SCRIPT, template, 'hocuspocus');
  const url = `ws://127.0.0.1:${port}`;
  let documentCount = 0;

  const openConnection = async () => {
    const socket = new HocuspocusProviderWebsocket({
      url,
      WebSocketPolyfill: WebSocket,
      maxAttempts: 1,
    });
    return {
      open: (docId) => openDocument(socket, docId, timeoutMs),
      close: () => socket.destroy(),
    };
  };

  return {
    name: 'hocuspocus',
    url,
    /** How the multi-process load generator speaks to it (load-worker.mjs). */
    wire: 'hocuspocus',
    pid: child.pid,

    /**
     * Document names; each is created (from the template) when first opened. `kept`: the
     * server keeps its state when it unloads and loads it again (hocuspocus-server.mjs).
     */
    async newDocuments(count, { kept = false } = {}) {
      const prefix = kept ? 'kept-' : '';
      return Array.from(
        { length: count },
        () => `${prefix}benchmark-specification-${++documentCount}`,
      );
    },

    openConnection,

    async openClient(docId) {
      const socket = new HocuspocusProviderWebsocket({
        url,
        WebSocketPolyfill: WebSocket,
        maxAttempts: 1,
      });
      try {
        const client = await openDocument(socket, docId, timeoutMs);
        return { ...client, close: () => socket.destroy() };
      } catch (error) {
        socket.destroy();
        throw error;
      }
    },

    usage,

    stop,
  };
}

function openDocument(socket, docId, timeoutMs) {
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: docId,
    document: doc,
  });
  provider.attach();
  const client = {
    doc,
    provider,
    /** Size of the whole document as one update, i.e. what a new client is sent. */
    stateBytes: () => Y.encodeStateAsUpdate(doc).length,
    /** Resolves when the server has acknowledged everything this replica sent. */
    whenFlushed: (limitMs = timeoutMs) =>
      waitUntil(() => !provider.hasUnsyncedChanges, limitMs, `${docId} flushed`),
    leave: () => provider.destroy(),
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      provider.destroy();
      reject(new Error(`${docId} was not synced within ${timeoutMs} ms`));
    }, timeoutMs);
    provider.on('synced', () => {
      clearTimeout(timer);
      resolve(client);
    });
  });
}

async function waitUntil(check, limitMs, what) {
  const deadline = Date.now() + limitMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
