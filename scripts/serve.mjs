// `npm run serve`: start the app `npm start` built, without installing or building.
import { runBuiltServer } from './run-server.mjs';

await runBuiltServer();
