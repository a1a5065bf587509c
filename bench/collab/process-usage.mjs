// What a server process costs, read from /proc so that the server itself needs no hooks:
// resident memory and CPU time of one process, and the children it started (Coproduce's
// server starts its embedded store as a child).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const CLOCK_TICKS_PER_SECOND = 100; // Linux USER_HZ; /proc/<pid>/stat counts in these

/** Resident memory of `pid` in MiB (VmRSS). */
export function residentMiB(pid) {
  return statusMiB(pid, 'VmRSS');
}

/** The most resident memory `pid` has held since it started, in MiB (VmHWM). */
export function highWaterMiB(pid) {
  return statusMiB(pid, 'VmHWM');
}

/**
 * Memory `pid` holds that no other process shares, in MiB. The embedded store is a second
 * Node process: its resident size includes the pages of the Node binary and shared
 * libraries the app has resident too (about 40 MiB), which are one copy in memory. The
 * app's resident size plus the store's private memory is what the two hold together
 * (checked page by page against /proc/PID/pagemap: 170.0 against 169.9 MiB at rest), the
 * same measure as Hocuspocus's one process's resident size.
 *
 * Reading smaps_rollup walks the process's page tables under its memory lock (about 1 ms
 * for the store), too much for every sample; the shared part is the binary's and libraries'
 * pages, which hardly move once the store has started, so it is read again only after
 * `SHARED_PAGES_MAX_AGE_MS` and subtracted from the resident size read each time
 * (`resident`, when the caller has just read it).
 */
export function privateMiB(pid, resident = residentMiB(pid)) {
  const now = Date.now();
  let shared = sharedPages.get(pid);
  if (!shared || now - shared.readAt > SHARED_PAGES_MAX_AGE_MS) {
    shared = { mib: sharedMiB(pid), readAt: now };
    sharedPages.set(pid, shared);
  }
  return resident - shared.mib;
}

const SHARED_PAGES_MAX_AGE_MS = 2_000;
const sharedPages = new Map();

function sharedMiB(pid) {
  const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const kib = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? 0);
  return (kib('Shared_Clean') + kib('Shared_Dirty')) / 1024;
}

function statusMiB(pid, field) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return kib / 1024;
}

/**
 * Reads `target.usage()` every `intervalMs` until stopped; `stop()` gives the most
 * resident memory each process held while sampled (VmHWM covers the process's whole
 * life, so a phase's own peak is the largest VmRSS seen during it), the most all of them
 * held at one moment with shared pages counted in each (`totalRssMiB`), and, for a server
 * with a store, the most the two held at one moment with shared pages counted once
 * (`togetherMiB`: the server's resident memory plus the store's private memory).
 */
export function sampleUsage(target, intervalMs = 100) {
  const peaks = {};
  const sample = () => {
    let usage;
    try {
      usage = target.usage();
    } catch {
      return; // a process was stopping; the next sample will do
    }
    let total = 0;
    for (const [name, value] of Object.entries(usage)) {
      if (!name.endsWith('RssMiB')) continue;
      peaks[name] = Math.max(peaks[name] ?? 0, value);
      total += value;
    }
    peaks.totalRssMiB = Math.max(peaks.totalRssMiB ?? 0, total);
    if (usage.databasePrivateMiB !== undefined) {
      const together = usage.serverRssMiB + usage.databasePrivateMiB;
      peaks.togetherMiB = Math.max(peaks.togetherMiB ?? 0, together);
    }
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peaks;
    },
  };
}

/** Bytes of the files under `path` (a data directory on disk). */
export function directoryBytes(path) {
  let total = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const full = join(path, entry.name);
    if (entry.isDirectory()) total += directoryBytes(full);
    else if (entry.isFile()) total += statSync(full, { throwIfNoEntry: false })?.size ?? 0;
  }
  return total;
}

/** User + system CPU seconds `pid` has used so far. */
export function cpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at state, field 3.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14, 15)
  return ticks / CLOCK_TICKS_PER_SECOND;
}

/** The read and write system calls `pid` has made so far, all its threads (/proc/PID/io). */
export function systemCalls(pid) {
  const io = readFileSync(`/proc/${pid}/io`, 'utf8');
  const count = (field) => Number(new RegExp(`^${field}: (\\d+)$`, 'm').exec(io)?.[1]);
  return { reads: count('syscr'), writes: count('syscw') };
}

/** Direct children of `pid`. */
export function childrenOf(pid) {
  const children = [];
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    const listed = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
    if (listed) children.push(...listed.split(/\s+/).map(Number));
  }
  return children;
}

/** CPU seconds this benchmark process (the clients) has used so far. */
export function ownCpuSeconds() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}
