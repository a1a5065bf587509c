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
  const watch = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(watch);
    process.kill(process.pid, 'SIGTERM');
  }, 500);
  watch.unref();
}
