// `npm run embedded-mongo -- --port 27017 --dbpath ./data/db`: the store on its own,
// in this process, so SIGINT and SIGTERM reach its own clean shutdown.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stopWhenOrphaned } from './stop-when-orphaned.mjs';
import { root } from './toolchain.mjs';

const cli = join(root, 'packages', 'embedded-mongo', 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error('The store is not built yet: run `npm start` once (or `npm run build`).');
  process.exit(1);
}
stopWhenOrphaned();
await import(pathToFileURL(cli).href);
