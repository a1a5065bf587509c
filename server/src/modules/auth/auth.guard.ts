import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS_RULE, type AccessRule } from '../../base/access-rule.decorators';
import { CsrfRejected, Forbidden, Unauthorized } from '../../base/errors';
import { AuthService } from './auth.service';
import type { AuthenticatedRequest, RequestAuth } from './request-auth';
import { keptUserAgent } from './browser-description';
import { SESSION_COOKIE } from './session-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Works out who is calling — `Authorization: Bearer <token>` first, else the
 * session cookie — and refuses routes that need a signed-in user.
 *
 * CSRF: a browser attaches the cookie to cross-site form posts but cannot add
 * a custom header to a cross-site request without a CORS preflight, which
 * this server never grants. So a cookie-authenticated write must carry
 * `X-Requested-With`; bearer requests need nothing more.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('AuthGuard');

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) {
      this.logger.error(
        `${context.getClass().name}.${context.getHandler().name} declares no access rule`,
      );
      throw new Forbidden('This route is not open to anyone.');
    }
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const auth = await this.authenticate(request);
    if (auth) {
      if (auth.via === 'cookie' && !SAFE_METHODS.has(request.method) && !hasCsrfHeader(request)) {
        throw new CsrfRejected();
      }
      request.auth = auth;
    } else if (rule.kind !== 'public') {
      throw new Unauthorized();
    }
    return true;
  }

  private async authenticate(request: AuthenticatedRequest): Promise<RequestAuth | undefined> {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer +(\S+)\s*$/i.exec(header);
      const session = match ? await this.auth.activeSession(match[1]) : null;
      // A bad bearer token is an error even on public routes: the caller meant to sign in.
      if (!session || !match)
        throw new Unauthorized('Your session has ended or the token is not valid. Sign in again.');
      this.noteUse(request, session);
      return { user: session.user, via: 'bearer', token: match[1], sessionId: session.sessionId };
    }
    const cookies = request.cookies as Record<string, unknown> | undefined;
    const cookie = cookies?.[SESSION_COOKIE];
    if (typeof cookie !== 'string') return undefined;
    // A stale cookie on a public route (the sign-in page) is simply ignored.
    const session = await this.auth.activeSession(cookie);
    if (!session) return undefined;
    this.noteUse(request, session);
    return { user: session.user, via: 'cookie', token: cookie, sessionId: session.sessionId };
  }

  /** When and from what browser the session was last used; never holds the request up. */
  private noteUse(
    request: AuthenticatedRequest,
    session: { sessionId: string; lastUsedAt: Date | null },
  ): void {
    this.auth
      .noteUse(session.sessionId, session.lastUsedAt, keptUserAgent(request.headers['user-agent']))
      .catch((error: unknown) =>
        this.logger.warn(`noting a session's use failed: ${String(error)}`),
      );
  }
}

function hasCsrfHeader(request: AuthenticatedRequest): boolean {
  const value = request.headers['x-requested-with'];
  return typeof value === 'string' && value.trim().length > 0;
}
