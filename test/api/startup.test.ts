import type { SpecificationSummary, WorkspaceSummary } from '@coproduce/domain';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../support/app';
import { api, DEMO_EMAIL, DEMO_PASSWORD, errorWithCode, signIn } from '../support/api';

// Each file starts real server processes, which on a loaded machine can take a while; the
// root configuration's testTimeout is for unit tests.
jest.setTimeout(120_000);

const SERVER_MAIN = join(__dirname, '..', '..', 'server', 'dist', 'main.js');

/** Runs the server with a setting and returns how it ended, expecting it to refuse to start. */
function startWith(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'coproduce-config-'));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SERVER_MAIN], {
      env: { ...process.env, PORT: '0', DATA_DIR: dataDir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      rmSync(dataDir, { recursive: true, force: true });
      resolve({ code, output });
    });
  });
}

describe('configuration', () => {
  it.each([
    ['PORT', 'eighty'],
    ['LOG_LEVEL', 'chatty'],
    ['COLLAB_MAX_FRAME_BYTES', '-5'],
    ['MONGODB_URI', 'http://not-a-database'],
    ['DEMO_PASSWORD', ''],
  ])('a bad %s stops start-up with a message naming it', async (name, value) => {
    const { code, output } = await startWith({ [name]: value });
    expect(code).not.toBe(0);
    expect(output).toContain(name);
    expect(output).not.toMatch(/running at/);
  });
});

describe('demo data', () => {
  it('SEED_DEMO=false starts without demo accounts', async () => {
    const app = await startApp({ env: { SEED_DEMO: 'false' } });
    try {
      const response = await api(app.url, 'POST', '/api/session', {
        body: { email: DEMO_EMAIL.commissioner, password: DEMO_PASSWORD },
      });
      expect(response.status).toBe(401);
      expect(app.output()).not.toContain('Demo sign-ins');
    } finally {
      await app.stop();
    }
  });

  it('DEMO_PASSWORD sets the demo password and is printed with the sign-ins', async () => {
    const app = await startApp({ env: { DEMO_PASSWORD: 'another-demo-password' } });
    try {
      expect(app.output()).toContain('another-demo-password');
      expect(app.output()).toContain('provider@demo.test');
      await expect(
        signIn(app.url, DEMO_EMAIL.provider, 'another-demo-password'),
      ).resolves.toBeTruthy();
    } finally {
      await app.stop();
    }
  });

  it('is seeded once: a restart on the same data keeps what was written and adds no second copy', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'coproduce-restart-'));
    try {
      const first = await startApp({ dataDir });
      let workspaceId: string;
      try {
        const token = await signIn(first.url, DEMO_EMAIL.commissioner);
        const [workspace] = (
          await api<WorkspaceSummary[]>(first.url, 'GET', '/api/workspaces', { token })
        ).body;
        workspaceId = workspace!.id;
        const created = await api(
          first.url,
          'POST',
          `/api/workspaces/${workspaceId}/specifications`,
          {
            token,
            body: { title: 'Written before the restart' },
          },
        );
        expect(created.status).toBe(201);
      } finally {
        await first.stop();
      }
      const second = await startApp({ dataDir });
      try {
        const token = await signIn(second.url, DEMO_EMAIL.commissioner);
        const workspaces = await api<WorkspaceSummary[]>(second.url, 'GET', '/api/workspaces', {
          token,
        });
        expect(workspaces.body.map((w) => w.id)).toEqual([workspaceId]);
        const specifications = await api<SpecificationSummary[]>(
          second.url,
          'GET',
          `/api/workspaces/${workspaceId}/specifications`,
          { token },
        );
        expect(specifications.body.map((s) => s.title)).toEqual([
          'Key worker service for children and young people with a learning disability and/or autism',
          'Short breaks for disabled children and young people',
          'Written before the restart',
        ]);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('health', () => {
  it('/health turns 503 when the database goes away, and requests get 503 rather than 500', async () => {
    const app = await startApp({ ownDatabase: true });
    try {
      const token = await signIn(app.url, DEMO_EMAIL.observer);
      expect((await api(app.url, 'GET', '/health')).status).toBe(200);
      await app.stopDatabase();
      const health = await api(app.url, 'GET', '/health');
      expect(health.status).toBe(503);
      expect(health.body).toEqual(errorWithCode('unavailable'));
      const request = await api(app.url, 'GET', '/api/workspaces', { token });
      expect(request.status).toBe(503);
    } finally {
      await app.stop();
    }
  });
});
