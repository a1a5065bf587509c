// The floor under Coproduce's collab path: what a server speaking Coproduce's wire
// (socket.io on `/collab`, `doc:join`, `yjs` frames, `doc:saved`) costs when it does
// nothing else: no session or membership checks, no admission of updates, no database,
// "Saved" sent as soon as a frame is applied. It uses the app's own socket.io and its
// one-write relay (server/dist), so the gap between it and Coproduce is what the app adds,
// and the gap between it and Hocuspocus is what the wire itself costs on this machine.
// Unlike Coproduce and Hocuspocus it does not merge the updates of one event-loop turn
// (at the benchmarks' rates few turns hold more than one), and a malformed frame ends it.
// Not a server anyone should run: the benchmark's yardstick (BENCH_FLOOR=1).
//
// Usage (by socket-io-floor-target.mjs): node socket-io-floor-server.mjs <template-update-file>
// Reports { port } over IPC once listening and stops when its parent goes.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';

// The app's own packages, as built: its socket.io, its adapter, one copy of Yjs.
const require = createRequire(new URL('../../server/package.json', import.meta.url));
const { Server } = require('socket.io');
const {
  COLLAB_NAMESPACE,
  CollabEvent,
  Y,
  decodeFrame,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
} = require('@coproduce/protocol');
const { SingleWriteAdapter } = require('./dist/modules/collab/single-write-adapter.js');
const { emitInOneWrite } = require('./dist/modules/connections/one-write-frames.js');

const template = new Uint8Array(readFileSync(process.argv[2]));
/** docId → Y.Doc; documents stay in memory for the life of the process. */
const documents = new Map();

const httpServer = createServer();
const io = new Server(httpServer, { serveClient: false });
io.adapter(SingleWriteAdapter);
const namespace = io.of(COLLAB_NAMESPACE);

function documentFor(docId) {
  let doc = documents.get(docId);
  if (doc) return doc;
  doc = new Y.Doc();
  Y.applyUpdate(doc, template);
  doc.on('update', (update, origin) => {
    const except = typeof origin === 'string' ? origin : undefined;
    const room = namespace.to(docId);
    (except ? room.except(except) : room).emit(CollabEvent.yjs, docId, encodeUpdate(update));
  });
  documents.set(docId, doc);
  return doc;
}

namespace.on('connection', (socket) => {
  /** docId → frames carrying updates since the join, as `updatesSaved` counts them. */
  const updatesSent = new Map();
  socket.on(CollabEvent.join, (request, ack) => {
    const docId = request?.docId;
    if (typeof docId !== 'string') return;
    const doc = documentFor(docId);
    socket.join(docId);
    updatesSent.set(docId, 0);
    ack?.({ ok: true, role: 'commissioner', canEdit: true });
    emitInOneWrite(socket, CollabEvent.yjs, [docId, encodeSyncStep1(Y.encodeStateVector(doc))]);
  });
  socket.on(CollabEvent.yjs, (docId, payload) => {
    const doc = documents.get(docId);
    if (!doc || !updatesSent.has(docId)) return;
    const frame = decodeFrame(new Uint8Array(payload));
    if (frame.kind === 'sync-step-1') {
      const answer = Y.encodeStateAsUpdate(doc, frame.stateVector);
      emitInOneWrite(socket, CollabEvent.yjs, [docId, encodeSyncStep2(answer)]);
    } else if (frame.kind === 'sync-step-2' || frame.kind === 'update') {
      Y.applyUpdate(doc, frame.update, socket.id);
      const count = updatesSent.get(docId) + 1;
      updatesSent.set(docId, count);
      emitInOneWrite(socket, CollabEvent.saved, [
        docId,
        { stateVector: Y.encodeStateVector(doc), updatesSaved: count },
      ]);
    } else if (frame.kind === 'awareness') {
      socket.to(docId).emit(CollabEvent.yjs, docId, payload);
    }
  });
});

httpServer.listen(0, '127.0.0.1', () => {
  process.send?.({ port: httpServer.address().port });
});

const stop = () => io.close(() => process.exit(0));
// The IPC channel closes when the benchmark ends, however it ends.
process.on('disconnect', stop);
process.on('SIGTERM', stop);
