// Sending a drop-in's offline queue on reconnect (issue 14): 500 entries (400 taps counting
// people, 100 things people said) wait on the phone's IndexedDB while it is offline; the
// connection comes back, and the clock runs until the page says "All sent" and the server
// has every entry exactly once (checked through the API). Debian's Chromium through
// playwright-core, a phone-sized page; the app as the collab benchmark starts it (built
// server and client, embedded store, throwaway data), on 127.0.0.1 only. Each run uses a
// new event and a new browser profile.
//
// The queue is written into the page's own store (`coproduce-drop-in`), in the records the
// page keeps, rather than tapped 500 times: this measures sending, not tapping.
//
//   npx -y pnpm@10.34.9 exec tsc -b
//   npx -y pnpm@10.34.9 --filter @coproduce/client exec vite build
//   node bench/engagement/drop-in-queue.bench.mjs > drop-in-queue-result.json   # progress on stderr
import { createRequire } from 'node:module';
import { startCoproduce } from '../collab/coproduce-target.mjs';
import { millisecondsSince, percentile, round } from '../embedded-mongo/latency-stats.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const CHROMIUM_PATH = '/usr/bin/chromium';
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 500);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const LIMIT_MS = 300_000;
const PASSWORD = 'coproduce-demo';
const EMAIL = 'engagement@demo.test';
/** Every fifth entry is something someone said; the rest are taps. */
const SAID_EVERY = 5;
const GROUPS = [
  { audience: 'children-and-young-people', ageBand: '11-15' },
  { audience: 'children-and-young-people', ageBand: '16-18' },
  { audience: 'parents-and-carers' },
  { audience: 'professionals' },
];

const log = (message) => process.stderr.write(`${message}\n`);
const deadline = setTimeout(() => {
  log(`the benchmark ran past ${LIMIT_MS / 1000} s; stopping`);
  process.exit(2);
}, LIMIT_MS + 10_000);
deadline.unref();

async function call(url, token, method, path, body) {
  const response = await fetch(`${url}/api${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** The queue as the drop-in page keeps it (client/src/features/drop-in/outbox.ts). */
function queue(userId, workspaceId, eventId, run) {
  const madeAt = Date.now();
  return Array.from({ length: ENTRIES }, (_, index) => {
    const base = {
      id: `bench-${run}-${index}-${Math.random().toString(36).slice(2, 10)}`,
      userId,
      workspaceId,
      eventId,
      madeAt: madeAt + index,
      state: 'waiting',
    };
    if (index % SAID_EVERY === SAID_EVERY - 1) {
      return {
        ...base,
        kind: 'feedback',
        text: `Queued offline ${run}-${index}: please keep the same key worker.`,
        audience: 'parents-and-carers',
        themes: [],
        verbatim: false,
      };
    }
    return { ...base, kind: 'count', ...GROUPS[index % GROUPS.length], change: 1 };
  });
}

async function oneRun(browser, url, token, userId, workspaceId, run) {
  const event = await call(url, token, 'POST', `/workspaces/${workspaceId}/engagement-events`, {
    type: 'drop-in',
    title: `Queue benchmark, run ${run + 1}`,
    startsAt: '2027-05-01T10:00:00Z',
    reach: [],
  });
  const context = await browser.newContext({
    baseURL: url,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  context.setDefaultTimeout(30_000);
  try {
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(EMAIL);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your workspaces' }).waitFor();
    await page.goto(`/workspaces/${workspaceId}/engagement/events/${event.id}/drop-in`);
    await page.getByRole('heading', { level: 1, name: event.title }).waitFor();

    await context.setOffline(true);
    const entries = queue(userId, workspaceId, event.id, run);
    // Runs in the page, where indexedDB is.
    await page.evaluate(async (records) => {
      const { indexedDB } = globalThis;
      const db = await new Promise((resolve, reject) => {
        const opening = indexedDB.open('coproduce-drop-in', 1);
        opening.onsuccess = () => resolve(opening.result);
        opening.onerror = () => reject(opening.error);
      });
      await new Promise((resolve, reject) => {
        const tx = db.transaction('entries', 'readwrite', { durability: 'strict' });
        for (const record of records) tx.objectStore('entries').put(record);
        tx.oncomplete = resolve;
        tx.onerror = tx.onabort = () => reject(tx.error);
      });
      db.close();
    }, entries);

    log(`run ${run + 1}: ${ENTRIES} entries waiting; back online`);
    const started = process.hrtime.bigint();
    await context.setOffline(false);
    await page
      .locator('.coproduce-drop-in__status [role="status"]')
      .getByText('All sent')
      .waitFor({ timeout: 120_000 });
    const allSentMs = millisecondsSince(started);

    // The server has each exactly once.
    const counted = ENTRIES - Math.floor(ENTRIES / SAID_EVERY);
    const after = await call(
      url,
      token,
      'GET',
      `/workspaces/${workspaceId}/engagement-events/${event.id}`,
    );
    const said = await call(
      url,
      token,
      'GET',
      `/workspaces/${workspaceId}/feedback?eventId=${event.id}&pageSize=200`,
    );
    const texts = new Set(said.map((item) => item.text));
    if (after.total !== counted) throw new Error(`counted ${after.total}, expected ${counted}`);
    if (said.length !== ENTRIES - counted || texts.size !== said.length) {
      throw new Error(
        `${said.length} things said stored (${texts.size} different), expected ${ENTRIES - counted}`,
      );
    }
    return { allSentMs, checkedMs: millisecondsSince(started) };
  } finally {
    await context.close();
  }
}

async function main() {
  log('starting the app');
  const app = await startCoproduce({ timeoutMs: 30_000 });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const session = await fetch(`${app.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    }).then((response) => response.json());
    const results = [];
    for (let run = 0; run < RUNS; run++) {
      results.push(
        await oneRun(browser, app.url, session.token, session.user.id, app.workspaceId, run),
      );
    }
    const summary = (samples) => ({
      p50Ms: round(percentile(samples, 0.5), 1),
      maxMs: round(Math.max(...samples), 1),
    });
    process.stdout.write(
      `${JSON.stringify(
        {
          entries: ENTRIES,
          counts: ENTRIES - Math.floor(ENTRIES / SAID_EVERY),
          saidItems: Math.floor(ENTRIES / SAID_EVERY),
          runs: RUNS,
          untilAllSent: summary(results.map((result) => result.allSentMs)),
          untilServerChecked: summary(results.map((result) => result.checkedMs)),
          usage: app.usage(),
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await browser.close();
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
