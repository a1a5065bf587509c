// The socket.io floor (socket-io-floor-server.mjs, a child process): Coproduce's wire with
// nothing behind it, reached by the same clients as Coproduce. BENCH_FLOOR=1 adds it.
import { connectCollab, openCollabClient } from './coproduce-target.mjs';
import { forkServer } from './forked-server.mjs';

const SERVER_SCRIPT = new URL('./socket-io-floor-server.mjs', import.meta.url).pathname;
/** How reports name it. */
export const FLOOR_NAME = 'socket.io-floor';

/** `template`: the update every document starts from (a new Coproduce specification's). */
export async function startSocketIoFloor({ template, timeoutMs }) {
  const { child, port, usage, stop } = await forkServer(SERVER_SCRIPT, template, 'floor');
  const url = `http://127.0.0.1:${port}`;
  let documentCount = 0;
  const openConnection = () => connectCollab(url, 'anyone', timeoutMs);
  return {
    name: FLOOR_NAME,
    url,
    wire: 'socket.io',
    pid: child.pid,
    reportsSaved: true,
    async newDocuments(count) {
      return Array.from({ length: count }, () => `floor-specification-${++documentCount}`);
    },
    openConnection,
    openClient: (docId) => openCollabClient(openConnection(), docId),
    usage,
    stop,
  };
}
