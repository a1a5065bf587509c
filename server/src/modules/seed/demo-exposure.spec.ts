import {
  isLoopbackHost,
  publishedDemoPasswordRefusal,
  publishedDemoPasswordWarning,
} from './demo-exposure';

describe('whether other machines can reach the demo accounts', () => {
  it.each(['127.0.0.1', '127.8.0.1', 'localhost', 'LOCALHOST', '::1', '[::1]', '::ffff:127.0.0.1'])(
    'sees %s as this machine only',
    async (host) => expect(await isLoopbackHost(host)).toBe(true),
  );

  it.each(['0.0.0.0', '::', '10.0.0.4', '192.168.1.20', '128.0.0.1', '::ffff:10.0.0.4'])(
    'sees %s as reachable from elsewhere',
    async (host) => expect(await isLoopbackHost(host)).toBe(false),
  );

  it('does not take a name that does not resolve for this machine', async () => {
    // The ".invalid" top-level domain never resolves (RFC 2606): it is not known to be local.
    expect(await isLoopbackHost('coproduce.invalid')).toBe(false);
  });

  it('names the account, the password, the address and the ways out', () => {
    const warning = publishedDemoPasswordWarning('0.0.0.0', 'commissioner@demo.test');
    expect(warning).toContain('commissioner@demo.test');
    expect(warning).toContain('"coproduce-demo"');
    expect(warning).toContain('listens on 0.0.0.0');
    for (const setting of ['HOST', 'SEED_DEMO=false', 'DEMO_PASSWORD']) {
      expect(warning).toContain(setting);
    }
  });

  it('says, when refusing to seed, what to set to start', () => {
    const refusal = publishedDemoPasswordRefusal('0.0.0.0');
    expect(refusal).toContain('would listen on 0.0.0.0');
    expect(refusal).toContain('"coproduce-demo"');
    for (const setting of ['DEMO_PASSWORD', 'SEED_DEMO=false', 'HOST=127.0.0.1']) {
      expect(refusal).toContain(setting);
    }
  });
});
