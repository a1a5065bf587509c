import { errorFromResponse, networkError } from './api-error';

describe('what a person reads when an API call fails', () => {
  it('shows the server’s own message and keeps its code', () => {
    const error = errorFromResponse(409, {
      error: { code: 'last-commissioner', message: 'A workspace needs at least one commissioner.' },
    });
    expect(error.status).toBe(409);
    expect(error.code).toBe('last-commissioner');
    expect(error.message).toBe('A workspace needs at least one commissioner.');
  });

  it('says how long to wait when rate limited, in the server’s words when it is ours', () => {
    const ours = errorFromResponse(429, {
      error: {
        code: 'too-many-requests',
        message: 'Too many attempts. Wait 2 minutes, then try again.',
      },
    });
    expect(ours.message).toBe('Too many attempts. Wait 2 minutes, then try again.');
    const proxys = errorFromResponse(429, '<html>Slow down</html>');
    expect(proxys.message).toBe('Too many attempts. Wait a few minutes and try again.');
  });

  it('never shows a server failure’s details, only that the service has a problem', () => {
    const error = errorFromResponse(500, { error: { code: 'internal', message: 'stack trace' } });
    expect(error.message).toBe('Sorry, there is a problem with the service. Try again later.');
  });

  it.each([
    ['no body', undefined],
    ['an HTML page', '<html>Bad gateway</html>'],
    ['a body of another shape', { message: 'not ours' }],
    ['an empty message', { error: { code: 'x', message: '  ' } }],
  ])('falls back to plain words for the status when the body is %s', (_, body) => {
    expect(errorFromResponse(403, body).message).toBe(
      'You do not have permission to do that in this workspace.',
    );
    expect(errorFromResponse(404, body).code).toBe('http-404');
  });

  it('shows the words of a code it does not know, without claiming to know the code', () => {
    const error = errorFromResponse(409, {
      error: { code: 'from-a-newer-server', message: 'Something the server explains.' },
    });
    expect(error.code).toBe('http-409');
    expect(error.message).toBe('Something the server explains.');
  });

  it('treats 401 as the end of the session', () => {
    expect(errorFromResponse(401, undefined).isUnauthenticated).toBe(true);
    expect(errorFromResponse(403, undefined).isUnauthenticated).toBe(false);
  });

  it('tells someone offline to check their connection', () => {
    expect(networkError().status).toBe(0);
    expect(networkError().message).toContain('Check your internet connection');
  });
});
