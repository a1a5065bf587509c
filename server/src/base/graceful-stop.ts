import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Worker } from 'node:worker_threads';

/** What the app is given on top of the collab grace to close its store and sockets. */
export const STOP_MARGIN_MS = 5_000;

/** Seconds a client is told to wait before trying again while the app stops. */
export const RETRY_AFTER_STOPPING_SECONDS = 5;

const STOP_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/** The answer to a request the app cannot serve because it is stopping. */
export const STOPPING_REPLY = {
  error: {
    code: 'unavailable',
    message: 'Coproduce is restarting. Try again in a few seconds; nothing you saved is lost.',
  },
} as const;

let stopping = false;

/** Whether the app has begun to stop: requests are refused from then on. */
export function isStopping(): boolean {
  return stopping;
}

/**
 * Requests that reach the app once it has begun to stop (on a kept-alive connection,
 * or behind a proxy that has not noticed yet) get 503 with `Retry-After`, and the
 * connection is closed so the client goes back to whoever answers next.
 */
export function refuseWhileStopping(
  _request: Request,
  response: Response,
  next: NextFunction,
): void {
  if (!stopping) return next();
  response.setHeader('Retry-After', String(RETRY_AFTER_STOPPING_SECONDS));
  response.setHeader('Connection', 'close');
  response.status(503).json(STOPPING_REPLY);
}

export interface GracefulStopOptions {
  /** How long the collab documents get to store their edits (COLLAB_SHUTDOWN_GRACE_MS). */
  graceMs: number;
  /** Called before the process exits, e.g. to flush logs without waiting on a reader. */
  beforeExit?: () => void;
}

/**
 * SIGTERM or SIGINT starts an orderly stop: new requests get 503, open documents store
 * what they can within the grace, the store closes, and the process exits. It always
 * exits within the grace plus a margin, whatever holds it up (a store that does not
 * answer, or a log line written to a pipe nobody reads any more, which blocks the main
 * thread so no timer of its could fire): a watchdog on its own thread ends it then.
 * A second signal ends it at once: after the first one the signal handlers are removed,
 * so the operating system's default action applies even if the main thread is stuck.
 */
export function stopGracefullyOnSignals(app: INestApplication, options: GracefulStopOptions): void {
  const begin = (): void => {
    for (const name of STOP_SIGNALS) process.removeListener(name, begin);
    void stopApp(app, options);
  };
  for (const name of STOP_SIGNALS) process.on(name, begin);
}

/** Stops as a first signal would: for a parent that went away, or a test. */
export function stopApp(app: INestApplication, options: GracefulStopOptions): Promise<void> {
  if (stopping) return Promise.resolve();
  stopping = true;
  const deadlineMs = options.graceMs + STOP_MARGIN_MS;
  startWatchdog(deadlineMs);
  const exit = (code: number): void => {
    try {
      options.beforeExit?.();
    } finally {
      process.exit(code);
    }
  };
  return app.close().then(
    () => exit(0),
    (error: unknown) => {
      process.stderr.write(`Coproduce did not stop cleanly: ${String(error)}\n`);
      exit(1);
    },
  );
}

/**
 * A thread of its own that kills the process at the deadline. It is unreferenced, so
 * it never keeps a process alive that is otherwise done.
 */
function startWatchdog(deadlineMs: number): void {
  // Nothing is written first: a write to a full, blocking pipe would hold this thread too.
  const watchdog = new Worker(
    `const { workerData } = require('node:worker_threads');
     setTimeout(() => process.kill(process.pid, 'SIGKILL'), workerData.deadlineMs);`,
    { eval: true, workerData: { deadlineMs }, stdout: true, stderr: true },
  );
  watchdog.unref();
}
