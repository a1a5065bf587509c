import { launchEmbeddedMongo } from '@coproduce/embedded-mongo';
import { MongoClient } from 'mongodb';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../support/app';
import { runServerUntilExit } from '../support/server-exit';

// Starts real server processes, which on a loaded machine can take a while.
jest.setTimeout(120_000);

// 192.0.2.1 is kept for documentation (RFC 5737) and no machine has it, so the app
// gets as far as seeding, which happens before it listens, and then cannot listen.
// Nothing in this test ever listens beyond this machine.
const ADDRESS_NO_MACHINE_HAS = '192.0.2.1';

/** The emails of the accounts stored in a data directory, read with the app stopped. */
async function storedAccounts(dataDir: string): Promise<string[]> {
  const store = await launchEmbeddedMongo({ dbpath: dataDir });
  const client = await new MongoClient(store.uri).connect();
  try {
    const users = await client.db('coproduce').collection('users').find().toArray();
    return users.map((user) => String(user['email']));
  } finally {
    await client.close();
    await store.stop();
  }
}

describe('the published demo password on an address other machines reach', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'coproduce-demo-exposure-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is never given to the demo accounts: the app refuses to start and says what to set', async () => {
    const { code, output } = await runServerUntilExit({
      HOST: ADDRESS_NO_MACHINE_HAS,
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
    });
    expect(code).toBe(1);
    expect(output).toContain(
      `Coproduce could not start: SEED_DEMO is on and the app would listen on ${ADDRESS_NO_MACHINE_HAS}`,
    );
    expect(output).toContain('Set DEMO_PASSWORD to a password of your own, or SEED_DEMO=false');
    // Refused before listening, and before a single account was written.
    expect(output).not.toContain('EADDRNOTAVAIL');
    expect(await storedAccounts(dataDir)).toEqual([]);
  });

  it('is not needed when the demo has a password of its own', async () => {
    const { code, output } = await runServerUntilExit({
      HOST: ADDRESS_NO_MACHINE_HAS,
      SEED_DEMO: 'true',
      DEMO_PASSWORD: 'a secret only this test knows',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
    });
    expect(code).toBe(1);
    expect(output).toContain('Coproduce could not start: listen EADDRNOTAVAIL');
    expect(output).not.toContain('published password');
    expect(output).not.toContain('a secret only this test knows');
    expect(await storedAccounts(dataDir)).toContain('commissioner@demo.test');
  });

  it('is warned about when accounts seeded on this machine are later exposed', async () => {
    const local = await startApp({ dataDir, env: { LOG_LEVEL: 'warn' } });
    await local.stop();
    const { code, output } = await runServerUntilExit({
      HOST: ADDRESS_NO_MACHINE_HAS,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
    });
    expect(code).toBe(1);
    expect(output).toContain('commissioner@demo.test (a commissioner) still has the published');
    expect(output).toContain(`the app listens on ${ADDRESS_NO_MACHINE_HAS}, so anyone`);
    expect(output).toContain(
      `Coproduce could not start: listen EADDRNOTAVAIL: address not available ${ADDRESS_NO_MACHINE_HAS}\n`,
    );
  });

  it('is kept on this machine only, with the demo as before and no warning', async () => {
    const app = await startApp({ env: { LOG_LEVEL: 'warn' } });
    try {
      expect(app.output()).toContain('Demo sign-ins (password: coproduce-demo)');
      expect(app.output()).not.toContain('published password');
    } finally {
      await app.stop();
    }
  });
});
