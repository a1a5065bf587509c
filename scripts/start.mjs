// `npm start`: install what is missing, build, then run the built app.
import { build, installDependencies, root, step } from './toolchain.mjs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';

installDependencies();
build();
step('Starting Coproduce');
const server = spawn(process.execPath, [join(root, 'server', 'dist', 'main.js')], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
