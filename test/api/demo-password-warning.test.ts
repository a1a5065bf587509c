import { startApp } from '../support/app';
import { runServerUntilExit } from '../support/server-exit';

// Starts real server processes, which on a loaded machine can take a while.
jest.setTimeout(120_000);

// 192.0.2.1 is kept for documentation (RFC 5737) and no machine has it, so the app
// gets as far as seeding, which happens before it listens, and then cannot listen.
// Nothing in this test ever listens beyond this machine.
const ADDRESS_NO_MACHINE_HAS = '192.0.2.1';

describe('the published demo password on an address other machines reach', () => {
  it('is warned about at start, and the app says in one line why it stopped', async () => {
    const { code, output } = await runServerUntilExit({
      HOST: ADDRESS_NO_MACHINE_HAS,
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
    });
    expect(code).toBe(1);
    expect(output).toContain('commissioner@demo.test (a commissioner) still has the published');
    expect(output).toContain(`the app listens on ${ADDRESS_NO_MACHINE_HAS}, so anyone`);
    expect(output).toContain(
      `Coproduce could not start: listen EADDRNOTAVAIL: address not available ${ADDRESS_NO_MACHINE_HAS}\n`,
    );
  });

  it('is not warned about when the demo has a password of its own', async () => {
    const { code, output } = await runServerUntilExit({
      HOST: ADDRESS_NO_MACHINE_HAS,
      SEED_DEMO: 'true',
      DEMO_PASSWORD: 'a secret only this test knows',
      LOG_LEVEL: 'warn',
    });
    expect(code).toBe(1);
    expect(output).toContain('Coproduce could not start: listen EADDRNOTAVAIL');
    expect(output).not.toContain('published password');
  });

  it('is not warned about on this machine only', async () => {
    const app = await startApp({ env: { LOG_LEVEL: 'warn' } });
    try {
      expect(app.output()).toContain('Demo sign-ins (password: coproduce-demo)');
      expect(app.output()).not.toContain('published password');
    } finally {
      await app.stop();
    }
  });
});
