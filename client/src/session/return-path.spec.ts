import { safeReturnPath } from './return-path';

describe('where signing in returns you to', () => {
  it('returns to the page inside the app that asked you to sign in', () => {
    expect(safeReturnPath('/workspaces/abc/audit?x=1')).toBe('/workspaces/abc/audit?x=1');
  });

  it.each([
    ['another site', 'https://evil.example/'],
    ['a protocol-relative address', '//evil.example/'],
    ['a backslash trick', '/\\evil.example'],
    ['a relative path', 'workspaces'],
    ['the sign-in page itself', '/sign-in'],
    ['nothing', undefined],
    ['something that is not text', 42],
  ])('goes to your workspaces instead of %s', (_, candidate) => {
    expect(safeReturnPath(candidate)).toBe('/workspaces');
  });
});
