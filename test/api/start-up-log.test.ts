import { startApp, type RunningApp } from '../support/app';
import { eventually } from '../support/collab';

// Starts real server processes, which on a loaded machine can take a while.
jest.setTimeout(120_000);

/** The JSON log lines a server printed, parsed. */
function logLines(app: RunningApp): Array<{ level: number; context?: string; msg?: string }> {
  return (
    app
      .output()
      .split('\n')
      // A line still being written has no closing brace yet.
      .filter((line) => line.startsWith('{') && line.endsWith('}'))
      .map((line) => JSON.parse(line) as { level: number; context?: string; msg?: string })
  );
}

async function startedWith(level: string): Promise<RunningApp> {
  const app = await startApp({ env: { LOG_LEVEL: level } });
  // Logged after Nest's own start-up lines, so once it is there they are too.
  await eventually(() => app.output().includes('Seeded the demo workspace'), 'the seed is logged');
  return app;
}

describe('the start-up log', () => {
  it('at LOG_LEVEL=info is the welcome message and a few lines of our own', async () => {
    const app = await startedWith('info');
    try {
      expect(app.output()).toContain('Coproduce is running at http://localhost:');
      const lines = logLines(app);
      expect(lines.map((line) => line.context)).toEqual(
        expect.arrayContaining(['Database', 'DemoSeed']),
      );
      expect(lines.length).toBeLessThanOrEqual(5);
      expect(app.output()).not.toMatch(/Mapped \{|dependencies initialized|subscribed to/);
    } finally {
      await app.stop();
    }
  });

  it('at LOG_LEVEL=debug still has Nest’s module and route lines, as debug', async () => {
    const app = await startedWith('debug');
    try {
      const nest = logLines(app).filter((line) =>
        ['InstanceLoader', 'RouterExplorer'].includes(line.context ?? ''),
      );
      expect(nest.map((line) => line.msg)).toEqual(
        expect.arrayContaining([
          'AppModule dependencies initialized',
          'Mapped {/api/session, POST} route',
        ]),
      );
      expect(new Set(nest.map((line) => line.level))).toEqual(new Set([20]));
    } finally {
      await app.stop();
    }
  });
});
