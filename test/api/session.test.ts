import type { UserSummary } from '@coproduce/domain';
import { startApp, type RunningApp } from '../support/app';
import {
  api,
  DEMO_EMAIL,
  DEMO_PASSWORD,
  errorWithCode,
  rawRequest,
  sessionCookieOf,
  signIn,
  signInAs,
} from '../support/api';

// Each file starts real server processes, which on a loaded machine can take a while; the
// root configuration's testTimeout is for unit tests.
jest.setTimeout(120_000);

let app: RunningApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

describe('signing in and out', () => {
  it('a demo commissioner signs in and gets a token, their details and an httpOnly Lax cookie', async () => {
    const response = await signInAs(app.url, DEMO_EMAIL.commissioner);
    expect(response.body).toEqual({
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      user: { id: expect.any(String), email: 'commissioner@demo.test', name: expect.any(String) },
    });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/coproduce_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toContain(response.body.token);
  });

  it('the email is matched whatever its case', async () => {
    await expect(signIn(app.url, ' Commissioner@Demo.TEST ')).resolves.toHaveLength(43);
  });

  it('a wrong password or unknown email is 401 with the same message', async () => {
    const wrong = await api(app.url, 'POST', '/api/session', {
      body: { email: DEMO_EMAIL.observer, password: 'not-the-password' },
    });
    const unknown = await api(app.url, 'POST', '/api/session', {
      body: { email: 'nobody@demo.test', password: DEMO_PASSWORD },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual(errorWithCode('wrong-credentials'));
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it.each([
    ['no body', undefined],
    ['a missing password', { email: DEMO_EMAIL.observer }],
    ['an email that is not one', { email: 'observer', password: DEMO_PASSWORD }],
    ['a number for the password', { email: DEMO_EMAIL.observer, password: 12345678 }],
    ['an unknown field', { email: DEMO_EMAIL.observer, password: DEMO_PASSWORD, admin: true }],
    ['an operator instead of an email', { email: { $gt: '' }, password: DEMO_PASSWORD }],
    ['an array', [DEMO_EMAIL.observer, DEMO_PASSWORD]],
  ])('%s is 400 with a message', async (_, body) => {
    const response = await api(app.url, 'POST', '/api/session', { body });
    expect(response.status).toBe(400);
    expect(response.body).toEqual(errorWithCode('bad-request'));
  });

  it('malformed JSON is 400', async () => {
    const response = await api(app.url, 'POST', '/api/session', { rawBody: '{"email": "a@b.c",' });
    expect(response.status).toBe(400);
    expect(response.body).toEqual(errorWithCode('malformed-json'));
  });

  it('an oversized body is 413', async () => {
    const response = await api(app.url, 'POST', '/api/session', {
      body: { email: DEMO_EMAIL.observer, password: 'x'.repeat(200 * 1024) },
    });
    expect(response.status).toBe(413);
    expect(response.body).toEqual(errorWithCode('payload-too-large'));
  });

  it('GET /api/session tells who is signed in; signing out ends the token at once', async () => {
    const token = await signIn(app.url, DEMO_EMAIL['steering-member']);
    const me = await api<{ user: UserSummary }>(app.url, 'GET', '/api/session', { token });
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe('steering@demo.test');

    const signOut = await api(app.url, 'DELETE', '/api/session', { token });
    expect(signOut.status).toBe(204);
    expect(signOut.headers.get('set-cookie')).toMatch(/coproduce_session=;/);
    const after = await api(app.url, 'GET', '/api/workspaces', { token });
    expect(after.status).toBe(401);
    expect(after.body).toEqual(errorWithCode('unauthorized'));
  });

  it('no credentials, a malformed bearer header or a made-up token is 401', async () => {
    expect((await api(app.url, 'GET', '/api/workspaces')).status).toBe(401);
    for (const authorization of ['Bearer', 'Basic abc', `Bearer ${'A'.repeat(43)}`, 'Bearer x y']) {
      const response = await api(app.url, 'GET', '/api/workspaces', { headers: { authorization } });
      expect(response.status).toBe(401);
    }
  });
});

describe('cookie sessions and cross-site request protection', () => {
  it('the cookie alone authenticates reads', async () => {
    const cookie = sessionCookieOf(await signInAs(app.url, DEMO_EMAIL.commissioner));
    const response = await api<unknown[]>(app.url, 'GET', '/api/workspaces', { cookie });
    expect(response.status).toBe(200);
    expect(response.body).toHaveLength(1);
  });

  it('a cookie-authenticated write without X-Requested-With is refused with 403 and changes nothing', async () => {
    const signedIn = await signInAs(app.url, DEMO_EMAIL.commissioner);
    const cookie = sessionCookieOf(signedIn);
    const [workspace] = (await api<{ id: string }[]>(app.url, 'GET', '/api/workspaces', { cookie }))
      .body;
    const path = `/api/workspaces/${workspace!.id}/specifications`;
    const before = await api<unknown[]>(app.url, 'GET', path, { cookie });

    const forged = await api(app.url, 'POST', path, { cookie, body: { title: 'Forged' } });
    expect(forged.status).toBe(403);
    expect(forged.body).toEqual(errorWithCode('csrf'));
    expect((await api<unknown[]>(app.url, 'GET', path, { cookie })).body).toEqual(before.body);

    const genuine = await api(app.url, 'POST', path, {
      cookie,
      headers: { 'x-requested-with': 'coproduce' },
      body: { title: 'Short breaks for disabled children' },
    });
    expect(genuine.status).toBe(201);
  });

  it('signing out with the cookie needs the header too', async () => {
    const cookie = sessionCookieOf(await signInAs(app.url, DEMO_EMAIL.observer));
    expect((await api(app.url, 'DELETE', '/api/session', { cookie })).status).toBe(403);
    const out = await api(app.url, 'DELETE', '/api/session', {
      cookie,
      headers: { 'x-requested-with': 'coproduce' },
    });
    expect(out.status).toBe(204);
    expect((await api(app.url, 'GET', '/api/session', { cookie })).status).toBe(401);
  });
});

describe('signing in again in the same browser', () => {
  it('ends the session the browser held before, while sessions elsewhere go on', async () => {
    const older = sessionCookieOf(await signInAs(app.url, DEMO_EMAIL.observer));
    const elsewhere = await signIn(app.url, DEMO_EMAIL.observer);
    const again = await api(app.url, 'POST', '/api/session', {
      cookie: older,
      headers: { 'x-requested-with': 'coproduce' },
      body: { email: DEMO_EMAIL.observer, password: DEMO_PASSWORD },
    });
    expect(again.status).toBe(200);
    const newer = sessionCookieOf(again);
    expect(newer).not.toBe(older);

    expect((await api(app.url, 'GET', '/api/session', { cookie: older })).status).toBe(401);
    expect((await api(app.url, 'GET', '/api/session', { cookie: newer })).status).toBe(200);
    expect((await api(app.url, 'GET', '/api/session', { token: elsewhere })).status).toBe(200);
  });
});

describe('the service around the API', () => {
  it('GET /health is 200 with the database up', async () => {
    const response = await api<{ status: string }>(app.url, 'GET', '/health');
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('ok');
  });

  it('serves the OpenAPI description at /api/docs', async () => {
    const page = await api<string>(app.url, 'GET', '/api/docs');
    expect(page.status).toBe(200);
    expect(page.body).toContain('swagger');
    const document = await api<{ paths: Record<string, unknown> }>(
      app.url,
      'GET',
      '/api/docs-json',
    );
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/session',
        '/api/workspaces',
        '/api/workspaces/{workspaceId}/specifications',
      ]),
    );
  });

  it('sends security headers', async () => {
    const response = await api(app.url, 'GET', '/health');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('serves the web client at / and its pages by path, but never for API paths', async () => {
    for (const path of ['/', '/workspaces/anything', '/invitations/some-token']) {
      const page = await api<string>(app.url, 'GET', path);
      expect([path, page.status]).toEqual([path, 200]);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.body).toContain('<div id="root">');
    }
    const api404 = await api(app.url, 'GET', '/api/workspaces/x/y/z');
    expect(api404.headers.get('content-type')).toContain('application/json');
  });

  it('an unknown API route is a JSON 404', async () => {
    const response = await api(app.url, 'GET', '/api/nothing-here');
    expect(response.status).toBe(404);
    expect(response.body).toEqual(errorWithCode('not-found'));
    expect((await api(app.url, 'POST', '/api/nothing-here', { body: {} })).status).toBe(404);
  });

  it('invitation links cannot be guessed at speed: the 31st look-up in a minute is 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i += 1) {
      statuses.push((await api(app.url, 'GET', `/api/invitations/${'C'.repeat(43)}`)).status);
    }
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(404));
    expect(statuses[30]).toBe(429);
    const limited = await api(app.url, 'GET', `/api/invitations/${'C'.repeat(43)}`);
    expect(limited.body).toEqual(errorWithCode('too-many-requests'));
  });

  it('wrong passwords are slowed per email and address, saying the real wait, and never lock the owner out elsewhere', async () => {
    // Linux answers on all of 127/8, so each side can have an address of its own; where
    // the system cannot, both are the same address and the owner's part is skipped.
    const addressOf = (address: string) =>
      rawRequest(app.url, { method: 'GET', path: '/health', localAddress: address }).then(
        () => address,
        () => undefined,
      );
    const guesser = await addressOf('127.0.8.1');
    const owner = await addressOf('127.0.8.2');
    const attempt = (password: string, localAddress: string | undefined) =>
      rawRequest(app.url, {
        method: 'POST',
        path: '/api/session',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: DEMO_EMAIL['engagement-lead'], password }),
        localAddress,
      });

    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await attempt('guess-again', guesser)).status);
    expect(statuses).toEqual(Array(5).fill(401));
    const held = await attempt('guess-again', guesser);
    expect(held.status).toBe(429);
    expect(held.body).toEqual(errorWithCode('too-many-requests'));
    expect(held.headers.get('retry-after')).toBe('1');
    expect((held.body as { error: { message: string } }).error.message).toBe(
      'Too many attempts. Wait 1 second, then try again.',
    );
    // Even the right password waits there: the wait is not a hint that it was right.
    expect((await attempt(DEMO_PASSWORD, guesser)).status).toBe(429);

    if (guesser && owner) {
      expect((await attempt(DEMO_PASSWORD, owner)).status).toBe(200);
    }

    // Once the wait is over one more try is let through, then the wait doubles.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await attempt('guess-again', guesser)).status).toBe(401);
    const longer = await attempt('guess-again', guesser);
    expect(longer.status).toBe(429);
    expect(longer.headers.get('retry-after')).toBe('2');
  });

  it('sign-in attempts from one address are limited whatever the emails: the 61st in a minute is 429', async () => {
    // From an address of its own where the system allows (Linux answers on all of 127/8),
    // so the attempts above do not count; otherwise this is the file's last sign-in.
    const spread = await rawRequest(app.url, {
      method: 'GET',
      path: '/health',
      localAddress: '127.0.9.1',
    }).then(
      () => '127.0.9.1',
      () => undefined,
    );
    const attempt = (email: string, password: string) =>
      rawRequest(app.url, {
        method: 'POST',
        path: '/api/session',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
        localAddress: spread,
      });
    const statuses: number[] = [];
    for (let i = 0; i < 60; i += 1) {
      // Malformed, so no password is hashed; each is a different tracker for the per-email limit.
      statuses.push((await attempt(`stuffed-${i}`, 'guess')).status);
    }
    if (spread) expect(statuses).toEqual(Array(60).fill(400));
    const genuine = await attempt(DEMO_EMAIL.commissioner, DEMO_PASSWORD);
    expect(genuine.status).toBe(429);
    expect(genuine.body).toEqual(errorWithCode('too-many-requests'));
  });
});
