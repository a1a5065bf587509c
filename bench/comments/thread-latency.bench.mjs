// How fast a comment thread reaches everyone with the specification open, against how fast
// an edit does (issue 11: "within the same latency budget as edits"). 20 people have a
// specification open; 30 times in turn, one of them types a word and another starts a
// thread through the REST API; each time, how long until every other person has it (the
// edit through Yjs, the thread as `thread:changed`), measured from just before the edit or
// the request. The app runs as the collab benchmark runs it, on 127.0.0.1 only.
//
//   npx -y pnpm@10.34.9 exec tsc -b
//   node bench/comments/thread-latency.bench.mjs > thread-latency.json   # progress on stderr
import { createRequire } from 'node:module';
import { startCoproduce } from '../collab/coproduce-target.mjs';
import { millisecondsSince, percentile, round } from '../embedded-mongo/latency-stats.mjs';

const require = createRequire(import.meta.url);
const { CollabEvent, Y } = require('@coproduce/protocol');
const {
  anchorFromTextPositions,
  specificationFragment,
} = require('@coproduce/specification-document');

const VIEWERS = Number(process.env.BENCH_VIEWERS ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const LIMIT_MS = 120_000;
const log = (message) => process.stderr.write(`${message}\n`);
const deadline = setTimeout(() => {
  log(`the benchmark ran past ${LIMIT_MS / 1000} s; stopping`);
  process.exit(2);
}, LIMIT_MS + 10_000);
deadline.unref();

/** Resolves with the milliseconds since `started` once `check` holds for every viewer. */
function whenAll(viewers, subscribe, started) {
  return Promise.all(
    viewers.map(
      (viewer) =>
        new Promise((resolve) => {
          const stop = subscribe(viewer, () => {
            stop();
            resolve(millisecondsSince(started));
          });
        }),
    ),
  ).then((times) => Math.max(...times));
}

function summary(samples) {
  return {
    rounds: samples.length,
    p50Ms: round(percentile(samples, 0.5), 1),
    p95Ms: round(percentile(samples, 0.95), 1),
    maxMs: round(Math.max(...samples), 1),
  };
}

async function main() {
  log('starting the app');
  const app = await startCoproduce({ timeoutMs: 30_000 });
  try {
    const signedIn = await fetch(`${app.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'commissioner@demo.test', password: 'coproduce-demo' }),
    });
    const { token } = await signedIn.json();
    const workspaces = await (
      await fetch(`${app.url}/api/workspaces`, { headers: { authorization: `Bearer ${token}` } })
    ).json();
    const [specificationId] = await app.newDocuments(1);

    log(`opening the specification for ${VIEWERS + 1} people`);
    const connections = [];
    for (let i = 0; i <= VIEWERS; i++) connections.push(await app.openConnection());
    const clients = [];
    for (const connection of connections) clients.push(await connection.open(specificationId));
    const [writer, ...viewers] = clients.map((client, i) => ({
      ...client,
      socket: connections[i].socket,
    }));

    // A paragraph of words to start threads on.
    const words = new Y.XmlText(
      'Every family has a named key worker who knows them well. '.repeat(40),
    );
    writer.doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [words]);
      const fragment = specificationFragment(writer.doc);
      fragment.insert(fragment.length, [paragraph]);
    });
    await writer.whenFlushed();

    const edits = [];
    const threads = [];
    for (let round = 0; round < ROUNDS; round++) {
      // An edit: a word typed by the writer, until every viewer holds it.
      const started = process.hrtime.bigint();
      words.insert(0, `w${round} `);
      const clock = Y.decodeStateVector(Y.encodeStateVector(writer.doc)).get(writer.doc.clientID);
      const holds = (doc) =>
        (Y.decodeStateVector(Y.encodeStateVector(doc)).get(writer.doc.clientID) ?? 0) >= clock;
      edits.push(
        await whenAll(
          viewers,
          (viewer, done) => {
            const check = () => {
              if (holds(viewer.doc)) done();
            };
            viewer.doc.on('update', check);
            check();
            return () => viewer.doc.off('update', check);
          },
          started,
        ),
      );

      // A thread started through the REST API, until every viewer is told.
      const from = 4 + round * 10;
      const anchor = anchorFromTextPositions(
        { text: words, index: from },
        { text: words, index: from + 6 },
      );
      const quote = words.toString().slice(from, from + 6);
      // Rounds follow one another, so the one thread:changed a viewer hears now is this one.
      const threadStarted = process.hrtime.bigint();
      const arrived = whenAll(
        viewers,
        (viewer, done) => {
          const listener = (docId) => {
            if (docId === specificationId) done();
          };
          viewer.socket.on(CollabEvent.threadChanged, listener);
          return () => viewer.socket.off(CollabEvent.threadChanged, listener);
        },
        threadStarted,
      );
      const response = await fetch(
        `${app.url}/api/workspaces/${workspaces[0].id}/specifications/${specificationId}/threads`,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ body: `Round ${round}: say this plainly?`, quote, anchor }),
        },
      );
      if (response.status !== 201) {
        throw new Error(`starting a thread: ${response.status} ${await response.text()}`);
      }
      threads.push(
        await Promise.race([
          arrived,
          new Promise((resolve) => setTimeout(() => resolve(null), 10_000)),
        ]),
      );
      if (threads.at(-1) === null)
        throw new Error(`round ${round}: not every viewer heard of the thread`);
    }
    for (const connection of connections) connection.close();
    const result = {
      benchmark: 'comment thread latency against edits',
      viewers: VIEWERS,
      edit: summary(edits),
      thread: summary(threads),
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await app.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    log(String(error?.stack ?? error));
    process.exit(1);
  },
);
