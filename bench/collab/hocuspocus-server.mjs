// The comparison server: @hocuspocus/server with no extensions (documents live in memory
// only), run in its own process the way Coproduce's server is, so that its CPU and memory
// are measured apart from the benchmark's clients.
//
// Each document it loads starts from the same bytes a new Coproduce specification starts
// from (the NHS service specification template), passed in a file, so both servers hold
// and send the same content.
//
// Documents whose name starts with `kept-` are kept when they unload, in a Map in this
// process (what a database extension would keep, without the database), and loaded from
// there when opened again: the multi-process storm seeds documents, lets them unload and
// then opens them again, as Coproduce reads its specifications from its store. Others are
// not kept, so the rest of the benchmark measures Hocuspocus with no extensions at all.
//
// Usage (by hocuspocus-target.mjs): node hocuspocus-server.mjs <template-update-file>
// Reports { port } over IPC once listening and stops when its parent goes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// CommonJS builds throughout, so this process has one copy of Yjs.
const require = createRequire(import.meta.url);
const { Server } = require('@hocuspocus/server');
const Y = require('yjs');

const templatePath = process.argv[2];
const template = templatePath ? new Uint8Array(readFileSync(templatePath)) : null;

/** Name → the document's whole state when it was last stored. */
const kept = new Map();
const KEPT_PREFIX = 'kept-';

const server = new Server({
  port: 0,
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: false,
  async onLoadDocument({ document, documentName }) {
    const stored = kept.get(documentName);
    if (stored) Y.applyUpdate(document, stored);
    else if (template) Y.applyUpdate(document, template);
    return document;
  },
  async onStoreDocument({ document, documentName }) {
    if (documentName.startsWith(KEPT_PREFIX))
      kept.set(documentName, Y.encodeStateAsUpdate(document));
  },
});

await server.listen();
process.send?.({ port: server.address.port });

// The IPC channel closes when the benchmark ends, however it ends.
process.on('disconnect', () => {
  void server.destroy().finally(() => process.exit(0));
});
process.on('SIGTERM', () => {
  void server.destroy().finally(() => process.exit(0));
});
