// A comparison server in a child process of its own (Hocuspocus, the socket.io floor), so
// that its CPU and memory are measured apart from the benchmark's clients: started with
// the update every document begins from, in a file, and answering with its port over IPC.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { profileFlags, stopProcess } from './coproduce-target.mjs';
import { cpuSeconds, highWaterMiB, residentMiB } from './process-usage.mjs';

/** Forks `script` with the template's path; `{ child, port, usage, stop }` once listening. */
export async function forkServer(script, template, name) {
  const workDir = mkdtempSync(join(tmpdir(), `${name}-collab-bench-`));
  const templatePath = join(workDir, 'template.bin');
  writeFileSync(templatePath, template);
  const child = fork(script, [templatePath], {
    execArgv: profileFlags(),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const stop = async () => {
    await stopProcess(child);
    rmSync(workDir, { recursive: true, force: true });
  };
  try {
    const port = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name} did not start`)), 30_000);
      child.once('message', (message) => {
        clearTimeout(timer);
        resolve(message.port);
      });
      child.once('exit', (code) => reject(new Error(`${name} exited with code ${code}`)));
    });
    const usage = () => ({
      serverRssMiB: residentMiB(child.pid),
      serverCpuSeconds: cpuSeconds(child.pid),
      serverHighWaterMiB: highWaterMiB(child.pid),
    });
    return { child, port, usage, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
