import { execFileSync } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { startApp, type RunningApp } from '../support/app';
import { connectAs, createSpecification, openSpecification } from '../support/collab';

// Starts real server processes and waits for them to stop.
jest.setTimeout(120_000);

const SHUTDOWN_GRACE_MS = 2_000;
// The app's own margin over the grace (graceful-stop.ts), and some slack for a loaded machine.
const STOPS_WITHIN_MS = SHUTDOWN_GRACE_MS + 5_000 + 3_000;

/** Fills the unread pipe with request log lines; every request must still be answered. */
async function fillTheOutputPipe(app: RunningApp): Promise<void> {
  // About 200 bytes of log a request: 1,000 of them are several times what a pipe holds.
  for (let request = 0; request < 1_000; request++) {
    const response = await fetch(`${app.url}/api/session`, { signal: AbortSignal.timeout(5_000) });
    expect(response.status).toBe(401);
  }
}

function startWithUnreadOutput(): Promise<RunningApp> {
  return startApp({
    ownDatabase: true,
    unreadOutput: true,
    env: { LOG_LEVEL: 'info', COLLAB_SHUTDOWN_GRACE_MS: String(SHUTDOWN_GRACE_MS) },
  });
}

function childrenOf(pid: number): number[] {
  const listed = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' });
  return listed.split('\n').filter(Boolean).map(Number);
}

/**
 * Keeps the app stopping for the whole shutdown grace: a specification is open with an
 * edit its store cannot take (the store is paused). Returns what undoes it.
 */
async function holdUnsavedEdit(app: RunningApp): Promise<() => void> {
  const pid = app.databasePid;
  if (!pid) throw new Error('start the app with ownDatabase');
  const specificationId = await createSpecification(app.url, 'Edited as the app stops');
  const connection = await connectAs(app.url, 'commissioner');
  const { doc } = await openSpecification(connection, specificationId);
  process.kill(pid, 'SIGSTOP');
  doc.getText('notes').insert(0, 'not stored yet');
  await sleep(200);
  return () => {
    connection.close();
    process.kill(pid, 'SIGCONT');
  };
}

describe('stopping the app while nobody reads its output and its store does not answer', () => {
  let app: RunningApp | undefined;
  let resumeStore: (() => void) | undefined;

  afterEach(async () => {
    resumeStore?.();
    resumeStore = undefined;
    await app?.stop();
    app = undefined;
  });

  it('ends within the shutdown grace plus a margin after one SIGTERM', async () => {
    app = await startWithUnreadOutput();
    await fillTheOutputPipe(app);
    resumeStore = await holdUnsavedEdit(app);

    const started = Date.now();
    app.signal('SIGTERM');
    await app.exited();

    expect(Date.now() - started).toBeLessThan(STOPS_WITHIN_MS);
  });

  it('is ended by its watchdog when stopping never finishes (the store it started is paused)', async () => {
    app = await startApp({ env: { COLLAB_SHUTDOWN_GRACE_MS: String(SHUTDOWN_GRACE_MS) } });
    const store = childrenOf(app.pid);
    expect(store).toHaveLength(1);
    process.kill(store[0], 'SIGSTOP');
    // The store exits on its own once it runs again and finds the app gone.
    resumeStore = () => process.kill(store[0], 'SIGCONT');

    const started = Date.now();
    app.signal('SIGTERM');
    const how = await app.exited();

    expect(Date.now() - started).toBeLessThan(STOPS_WITHIN_MS);
    expect(how.signal).toBe('SIGKILL');
  });

  it('ends at once on a second signal while the first one is still stopping it', async () => {
    app = await startWithUnreadOutput();
    await fillTheOutputPipe(app);
    resumeStore = await holdUnsavedEdit(app);
    app.signal('SIGTERM');
    await sleep(500);

    const started = Date.now();
    app.signal('SIGINT');
    const how = await app.exited();

    expect(Date.now() - started).toBeLessThan(1_000);
    expect(how.signal).toBe('SIGINT');
  });
});

/** A request written in two parts on one connection, with a pause between them. */
function requestInTwoParts(url: string): { socket: Socket; finish(): Promise<string> } {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  let answer = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (answer += chunk));
  socket.write(`GET /api/session HTTP/1.1\r\nHost: ${hostname}\r\n`);
  return {
    socket,
    finish: () =>
      new Promise((resolve) => {
        const giveUp = setTimeout(() => socket.destroy(), 5_000);
        socket.once('close', () => {
          clearTimeout(giveUp);
          resolve(answer);
        });
        socket.write('Connection: keep-alive\r\n\r\n');
      }),
  };
}

describe('a request that arrives while the app is stopping', () => {
  let app: RunningApp | undefined;
  let resumeStore: (() => void) | undefined;

  afterAll(async () => {
    resumeStore?.();
    await app?.stop();
  });

  it('is answered 503 with Retry-After and a message a person can act on, not 500', async () => {
    app = await startWithUnreadOutput();
    resumeStore = await holdUnsavedEdit(app);
    const request = requestInTwoParts(app.url);
    await sleep(200);
    app.signal('SIGTERM');
    await sleep(500);

    const answer = await request.finish();

    expect(answer).toMatch(/^HTTP\/1\.1 503 /);
    expect(answer).toMatch(/\r\nRetry-After: \d+\r\n/i);
    expect(answer).toContain('"code":"unavailable"');
    expect(answer).toContain('Try again in a few seconds');
    await app.exited();
  });
});
