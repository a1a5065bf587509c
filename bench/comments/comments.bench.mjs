// Comment threads at scale (issue 11): a specification with 500 threads and 5,000
// comments. Measures the server's time to list them (GET …/threads) and, in Chromium, the
// time from navigating to the specification until the panel lists every thread and the
// text shows every highlight (goal: under 1 s). The app runs as the collab benchmark runs
// it (built server, embedded store, throwaway data directory), on 127.0.0.1 only.
//
//   npx -y pnpm@10.34.9 exec tsc -b && npx -y pnpm@10.34.9 --filter @coproduce/client exec vite build
//   node bench/comments/comments.bench.mjs > comments-result.json   # progress on stderr
import { createRequire } from 'node:module';
import { startCoproduce } from '../collab/coproduce-target.mjs';
import {
  millisecondsSince,
  percentile,
  round,
  runConcurrently,
} from '../embedded-mongo/latency-stats.mjs';

const require = createRequire(import.meta.url);
const { Y } = require('@coproduce/protocol');
const {
  anchorFromTextPositions,
  specificationFragment,
} = require('@coproduce/specification-document');
// The browser tests' copy: Debian's Chromium through playwright-core, never a download.
const { chromium } = createRequire(new URL('../../test/package.json', import.meta.url))(
  'playwright-core',
);

const THREADS = Number(process.env.BENCH_THREADS ?? 500);
const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 5_000);
// `spread`: each reply from the next of the three people in turn, so every reply concerns
// several people's inboxes; otherwise from the person who started the thread.
const REPLIES_SPREAD = process.env.BENCH_REPLIERS === 'spread';
const PARAGRAPHS = 100;
const LIST_RUNS = 20;
const PAGE_RUNS = 5;
const LIMIT_MS = 170_000;
const CONCURRENCY = 8;
const PASSWORD = 'coproduce-demo';
const COMMENTERS = ['commissioner@demo.test', 'steering@demo.test', 'expert@demo.test'];
const WORDS =
  'Every child and young person on the dynamic support register has a named key worker who ' +
  'knows them, coordinates their care across health, education and social care, and stays ' +
  'with them through a crisis and afterwards, listening to them and their family.';

const log = (message) => process.stderr.write(`${message}\n`);
const began = process.hrtime.bigint();
const deadline = setTimeout(() => {
  log(`the benchmark ran past ${LIMIT_MS / 1000} s; stopping`);
  process.exit(2);
}, LIMIT_MS + 10_000);
deadline.unref();

async function signIn(url, email) {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign in as ${email}: ${response.status}`);
  return (await response.json()).token;
}

async function call(url, token, method, path, body) {
  const response = await fetch(`${url}/api${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  }
  return response.status === 204 ? undefined : response.json();
}

/** Writes PARAGRAPHS paragraphs of text through a Yjs client; the texts to anchor on. */
async function writeText(app, specificationId) {
  const client = await app.openClient(specificationId);
  const fragment = specificationFragment(client.doc);
  const texts = [];
  client.doc.transact(() => {
    const paragraphs = Array.from({ length: PARAGRAPHS }, (_, i) => {
      const paragraph = new Y.XmlElement('paragraph');
      const text = new Y.XmlText(`${i + 1}. ${WORDS}`);
      paragraph.insert(0, [text]);
      texts.push(text);
      return paragraph;
    });
    fragment.insert(fragment.length, paragraphs);
  });
  await client.whenFlushed();
  return { client, texts };
}

/** Thread `i`'s stretch: a few words somewhere in one paragraph, so threads rarely overlap. */
function stretchFor(texts, i) {
  const text = texts[i % texts.length];
  const content = text.toString().replace(/<[^>]*>/g, '');
  const slot = Math.floor(i / texts.length);
  const from = Math.min(4 + slot * 40, content.length - 30);
  const to = from + 24;
  return {
    quote: content.slice(from, to),
    anchor: anchorFromTextPositions({ text, index: from }, { text, index: to }),
  };
}

async function measurePage(url, specificationId, workspaceId) {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const runs = [];
  try {
    for (let run = 0; run < PAGE_RUNS; run++) {
      // A fresh profile each time: no cached assets, no copy of the text kept on the device.
      const context = await browser.newContext({
        baseURL: url,
        viewport: { width: 1280, height: 900 },
      });
      try {
        const signedIn = await context.request.post('/api/session', {
          data: { email: COMMENTERS[0], password: PASSWORD },
        });
        if (!signedIn.ok()) throw new Error(`browser sign in: ${signedIn.status()}`);
        const page = await context.newPage();
        page.setDefaultTimeout(30_000);
        await page.goto(`/workspaces/${workspaceId}/specifications/${specificationId}`, {
          waitUntil: 'commit',
        });
        // Milliseconds from the start of navigation until every thread is listed and every
        // open thread's text is highlighted, read in the page on the frame it first holds.
        const shownAt = await page.waitForFunction(
          (expected) => {
            // Runs in the page, where the document is.
            const { document } = globalThis;
            if (document.querySelectorAll('.coproduce-thread').length < expected) return false;
            const highlighted = new Set();
            for (const span of document.querySelectorAll('.coproduce-comment[data-thread-id]')) {
              highlighted.add(span.getAttribute('data-thread-id'));
            }
            return highlighted.size >= expected ? performance.now() : false;
          },
          THREADS,
          { polling: 'raf' },
        );
        runs.push(round(await shownAt.jsonValue(), 1));
        log(`  page run ${run + 1}: ${runs.at(-1)} ms`);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return runs;
}

async function main() {
  log('starting the app');
  const app = await startCoproduce({ timeoutMs: 30_000 });
  try {
    const tokens = [];
    for (const email of COMMENTERS) tokens.push(await signIn(app.url, email));
    const [{ id: workspaceId }] = await call(app.url, tokens[0], 'GET', '/workspaces');
    const [specificationId] = await app.newDocuments(1);
    const { client, texts } = await writeText(app, specificationId);
    client.close();

    log(`creating ${THREADS} threads`);
    const threadIds = [];
    const threadsPath = `/workspaces/${workspaceId}/specifications/${specificationId}/threads`;
    const starting = await runConcurrently({
      concurrency: CONCURRENCY,
      maxOperations: THREADS,
      maxMilliseconds: 40_000,
      operation: async (i) => {
        const thread = await call(app.url, tokens[i % tokens.length], 'POST', threadsPath, {
          body: `Thread ${i + 1}: could we say this more plainly for families?`,
          ...stretchFor(texts, i),
        });
        threadIds[i] = thread.id;
      },
    });
    const replies = COMMENTS - THREADS;
    log(`adding ${replies} replies`);
    const replying = await runConcurrently({
      concurrency: CONCURRENCY,
      maxOperations: replies,
      maxMilliseconds: 100_000,
      // The list and the page measured below are the same whoever wrote the replies; who
      // wrote them changes what each reply costs the server (inbox counts, RESULTS.md).
      operation: (i) =>
        call(
          app.url,
          tokens[(REPLIES_SPREAD ? i : i % THREADS) % tokens.length],
          'POST',
          `/workspaces/${workspaceId}/threads/${threadIds[i % THREADS]}/comments`,
          { body: `Reply ${i + 1}: agreed, and the young people's group said the same.` },
        ),
    });
    if (starting.operations < THREADS || replying.operations < replies) {
      throw new Error(
        `only ${starting.operations} threads and ${replying.operations} replies within the time`,
      );
    }

    log('listing the threads');
    const listMs = [];
    let bytes = 0;
    for (let run = 0; run < LIST_RUNS; run++) {
      const start = process.hrtime.bigint();
      const response = await fetch(`${app.url}/api${threadsPath}`, {
        headers: { authorization: `Bearer ${tokens[0]}` },
      });
      const body = await response.text();
      listMs.push(millisecondsSince(start));
      bytes = body.length;
      const listed = JSON.parse(body);
      const comments = listed.reduce((sum, thread) => sum + thread.comments.length, 0);
      if (listed.length !== THREADS || comments !== COMMENTS) {
        throw new Error(`listed ${listed.length} threads and ${comments} comments`);
      }
    }

    log('opening the specification in Chromium');
    const pageMs = await measurePage(app.url, specificationId, workspaceId);

    const result = {
      benchmark: 'comment threads',
      threads: THREADS,
      comments: COMMENTS,
      replies: REPLIES_SPREAD ? 'spread over three people' : 'by whoever started the thread',
      paragraphs: PARAGRAPHS,
      create: {
        threadsPerSecond: starting.perSecond,
        threadLatencyMs: starting.latencyMs,
        repliesPerSecond: replying.perSecond,
        replyLatencyMs: replying.latencyMs,
      },
      list: {
        runs: LIST_RUNS,
        responseBytes: bytes,
        p50Ms: round(percentile(listMs, 0.5), 1),
        p95Ms: round(percentile(listMs, 0.95), 1),
        maxMs: round(percentile(listMs, 1), 1),
      },
      pageUntilPanelAndHighlights: {
        runs: pageMs,
        p50Ms: round(percentile(pageMs, 0.5), 1),
        maxMs: round(percentile(pageMs, 1), 1),
        goalMs: 1_000,
      },
      seconds: round(millisecondsSince(began) / 1000, 1),
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await app.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    log(error.stack ?? String(error));
    process.exit(1);
  },
);
