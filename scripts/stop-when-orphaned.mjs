/**
 * npm runs a script through `sh -c`; `kill <npm pid>` (a supervisor's or
 * `timeout`'s SIGTERM) reaches that shell, which dies without passing it on,
 * and would leave this process running, holding its port and data directory.
 * When our parent goes away, stop as if we had been sent SIGTERM ourselves.
 * Outside npm (started straight from a shell, perhaps under nohup) a new
 * parent means nothing, so only npm scripts watch.
 */
export function stopWhenOrphaned() {
  if (!process.env.npm_lifecycle_event) return;
  const parent = process.ppid;
  // A stop already under way (a signal to the whole process group, then the parent
  // exits) is not signalled again: a second signal means "stop at once".
  const stopWatching = () => {
    clearInterval(watch);
    process.removeListener('SIGTERM', signalled);
    process.removeListener('SIGINT', signalled);
  };
  const watch = setInterval(() => {
    if (process.ppid === parent) return;
    stopWatching();
    process.kill(process.pid, 'SIGTERM');
  }, 500);
  watch.unref();
  const signalled = (signal) => {
    stopWatching();
    // Nobody else handles it yet (still starting): let it do what it would have done.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  process.on('SIGTERM', signalled);
  process.on('SIGINT', signalled);
}
