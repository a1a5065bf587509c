// Reads a child process's memory from /proc, for the server the benchmark launched.
import { readdirSync, readFileSync } from 'node:fs';

/** Pids of this process's direct children (Linux: /proc/self/task/<tid>/children). */
export function childPids() {
  const pids = [];
  for (const task of readdirSync('/proc/self/task')) {
    const listed = readFileSync(`/proc/self/task/${task}/children`, 'utf8').trim();
    if (listed) pids.push(...listed.split(/\s+/).map(Number));
  }
  return pids;
}

/** Resident and peak resident memory of `pid`, in MiB. */
export function residentMemory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return { rssMiB: Math.round(kib('VmRSS') / 1024), peakRssMiB: Math.round(kib('VmHWM') / 1024) };
}
