import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../support/app';

// Starts real server processes, which on a loaded machine can take a while.
jest.setTimeout(120_000);

describe('a data directory another Coproduce is using', () => {
  it('stops the second app with exit code 1 and one plain line saying why', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'coproduce-shared-data-'));
    const first = await startApp({ dataDir });
    try {
      const second = startApp({ dataDir });
      const failure = await second.then(
        async (app) => {
          await app.stop();
          throw new Error('A second app started on a data directory already in use');
        },
        (error: Error) => error.message,
      );
      const [headline, ...output] = failure.split('\n--- server output ---\n');
      expect(headline).toBe('The server exited with code 1');
      const lines = output.join('').trim().split('\n');
      expect(lines).toEqual([
        expect.stringMatching(
          /^Coproduce could not start its embedded store: data directory .+ is in use by another embedded-mongo process \(pid \d+ on .+\)$/,
        ),
      ]);
      expect(lines[0]).toContain(dataDir);
      // The first app goes on working.
      expect((await fetch(`${first.url}/health`)).status).toBe(200);
    } finally {
      await first.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
