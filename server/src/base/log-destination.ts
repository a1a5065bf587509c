import { destination } from 'pino';

/** Log lines kept waiting for a slow reader before new ones are dropped. */
const MOST_BUFFERED_BYTES = 8 * 1024 * 1024;

type LogDestination = ReturnType<typeof destination>;

let made: { stream: LogDestination; exiting: boolean } | undefined;

/**
 * Where the app's log lines go: standard output, written without blocking. A reader that
 * falls behind (or stops reading a pipe) costs dropped lines, never a stuck app; pino's
 * default would buffer without bound and then, at exit, retry a full pipe for ever.
 */
export function logDestination(): LogDestination {
  if (made) return made.stream;
  const state = { exiting: false } as { stream: LogDestination; exiting: boolean };
  state.stream = destination({
    fd: 1,
    sync: false,
    maxLength: MOST_BUFFERED_BYTES,
    // While running, a full pipe is waited for; at exit it is given up on.
    retryEAGAIN: () => !state.exiting,
  });
  // A reader that went away, or a pipe still full at exit: the lines are lost, the app goes on.
  state.stream.on('error', () => undefined);
  made = state;
  return state.stream;
}

/** Writes what can be written now and lets the rest go, so the process can exit. */
export function releaseLogDestination(): void {
  if (!made) return;
  made.exiting = true;
  try {
    made.stream.flushSync();
  } catch {
    // Nobody is reading: what is left is dropped.
  }
  made.stream.destroy();
}
