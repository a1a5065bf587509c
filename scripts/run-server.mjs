// Runs the built server inside this process, so the signals a terminal,
// `kill` or a supervisor sends reach the server's own shutdown handling with
// no launcher in between.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stopWhenOrphaned } from './stop-when-orphaned.mjs';
import { root } from './toolchain.mjs';

const serverEntry = join(root, 'server', 'dist', 'main.js');
const clientPage = join(root, 'client', 'dist', 'index.html');

export async function runBuiltServer() {
  if (!existsSync(serverEntry)) {
    console.error('Coproduce is not built yet: run `npm start` once (or `npm run build`).');
    process.exit(1);
  }
  if (!existsSync(clientPage)) {
    console.warn('The web client is not built (client/dist): only the API will answer.');
  }
  stopWhenOrphaned();
  await import(pathToFileURL(serverEntry).href);
}
