import { startApp, type RunningApp } from '../support/app';
import { api, DEMO_EMAIL, DEMO_PASSWORD } from '../support/api';

// Each file starts real server processes, which on a loaded machine can take a while; the
// root configuration's testTimeout is for unit tests.
jest.setTimeout(120_000);

let direct: RunningApp;
let behindProxy: RunningApp;

beforeAll(async () => {
  // One after the other: two servers starting at once on a loaded machine are slow.
  direct = await startApp();
  behindProxy = await startApp({ env: { TRUST_PROXY: '1' } });
});
afterAll(async () => {
  await Promise.all([direct?.stop(), behindProxy?.stop()]);
});

/** A sign-in as a load balancer would pass it on: from `client`, over `protocol`. */
function signInThroughProxy(
  app: RunningApp,
  email: string,
  password: string,
  forwarded: { client?: string; protocol?: 'http' | 'https' },
) {
  const headers: Record<string, string> = {};
  if (forwarded.client) headers['x-forwarded-for'] = forwarded.client;
  if (forwarded.protocol) headers['x-forwarded-proto'] = forwarded.protocol;
  return api(app.url, 'POST', '/api/session', { body: { email, password }, headers });
}

describe('the session cookie behind a TLS-terminating proxy', () => {
  it('with TRUST_PROXY=1, a sign-in forwarded as https gets a Secure cookie', async () => {
    const response = await signInThroughProxy(behindProxy, DEMO_EMAIL.commissioner, DEMO_PASSWORD, {
      protocol: 'https',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
  });

  it('with TRUST_PROXY=1, a sign-in forwarded as plain http gets no Secure flag', async () => {
    const response = await signInThroughProxy(behindProxy, DEMO_EMAIL.commissioner, DEMO_PASSWORD, {
      protocol: 'http',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).not.toMatch(/Secure/i);
  });

  it('without TRUST_PROXY, X-Forwarded-Proto is not believed: no Secure flag', async () => {
    const response = await signInThroughProxy(direct, DEMO_EMAIL.commissioner, DEMO_PASSWORD, {
      protocol: 'https',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/coproduce_session=/);
    expect(response.headers.get('set-cookie')).not.toMatch(/Secure/i);
  });
});

describe('sign-in limits behind a proxy', () => {
  it('20 wrong passwords for one account from 20 other addresses never lock its owner out', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 20; i += 1) {
      const response = await signInThroughProxy(
        behindProxy,
        DEMO_EMAIL['engagement-lead'],
        'guess-again',
        { client: `198.51.100.${i}` },
      );
      statuses.push(response.status);
    }
    expect(statuses).toEqual(Array(20).fill(401));

    const owner = await signInThroughProxy(
      behindProxy,
      DEMO_EMAIL['engagement-lead'],
      DEMO_PASSWORD,
      { client: '203.0.113.7' },
    );
    expect(owner.status).toBe(200);
  });

  it('with TRUST_PROXY=1, the address the proxy saw is what is slowed, whatever the client forged before it', async () => {
    const statuses: number[] = [];
    const retryAfter: Array<string | null> = [];
    for (let i = 1; i <= 6; i += 1) {
      // The proxy appends the address it saw; what the client sent comes first.
      const response = await signInThroughProxy(behindProxy, DEMO_EMAIL.provider, 'guess-again', {
        client: `192.0.2.${i}, 198.51.100.200`,
      });
      statuses.push(response.status);
      retryAfter.push(response.headers.get('retry-after'));
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect(retryAfter.at(-1)).toBe('1');
  });

  it('without TRUST_PROXY, a made-up X-Forwarded-For does not escape the limit', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 7; i += 1) {
      const response = await signInThroughProxy(direct, DEMO_EMAIL.provider, 'guess-again', {
        client: `198.51.100.${i}`,
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 5)).toEqual(Array(5).fill(401));
    expect(statuses.slice(5)).toEqual([429, 429]);
  });
});

describe('the TRUST_PROXY setting', () => {
  it.each(['ture', '10.0.0.0/33', 'loopback,10.0.0.300', ''])(
    'an unusable value (%j) stops start-up with a message naming TRUST_PROXY',
    async (value) => {
      await expect(startApp({ env: { TRUST_PROXY: value } })).rejects.toThrow(
        /exited[\s\S]*TRUST_PROXY/,
      );
    },
  );

  it('a list of addresses and ranges is accepted', async () => {
    const app = await startApp({ env: { TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::/8' } });
    try {
      const response = await signInThroughProxy(app, DEMO_EMAIL.observer, DEMO_PASSWORD, {
        client: '192.0.2.1',
        protocol: 'https',
      });
      // The test connects over loopback, which the list trusts.
      expect(response.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
    } finally {
      await app.stop();
    }
  });
});
