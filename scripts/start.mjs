// `npm start`: install what is missing, build what changed, then run the built app.
import { build, installDependencies, step } from './toolchain.mjs';
import { runBuiltServer } from './run-server.mjs';

installDependencies();
build({ skipFreshClient: true });
step('Starting Coproduce');
await runBuiltServer();
