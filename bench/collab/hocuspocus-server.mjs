// The comparison server: @hocuspocus/server with no extensions (documents live in memory
// only), run in its own process the way Coproduce's server is, so that its CPU and memory
// are measured apart from the benchmark's clients.
//
// Each document it loads starts from the same bytes a new Coproduce specification starts
// from (the NHS service specification template), passed in a file, so both servers hold
// and send the same content.
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

const server = new Server({
  port: 0,
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: false,
  async onLoadDocument({ document }) {
    if (template) Y.applyUpdate(document, template);
    return document;
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
