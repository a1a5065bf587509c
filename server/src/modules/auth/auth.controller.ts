import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { SessionResponse, UserSummary } from '@coproduce/domain';
import type { Request, Response } from 'express';
import { toUserSummary } from '../accounts/accounts.service';
import type { UserDocument } from '../accounts/user.schema';
import { Public, SignedIn } from '../../base/access-rule.decorators';
import { Audited, AuditedRefusal } from '../../base/audited.decorator';
import { AuthService } from './auth.service';
import { describeBrowser, keptUserAgent } from './browser-description';
import { CurrentUser, type AuthenticatedRequest } from './request-auth';
import { SignInDto } from './dto/sign-in.dto';
import { clearSessionCookie, setSessionCookie } from './session-cookie';
import { SignInThrottlerGuard } from './sign-in-throttler.guard';
import { WrongPasswordForAccount } from './sign-in-refused';

@ApiTags('session')
@Controller('api/session')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post()
  @HttpCode(200)
  @Public()
  @UseGuards(SignInThrottlerGuard)
  // 10 a minute for one address and email; 60 a minute for one address, whatever the emails;
  // and AuthService's back-off on wrong passwords for one email from one address (SignInBackOff).
  @Throttle({ default: { limit: 10, ttl: 60_000 }, 'per-address': { limit: 60, ttl: 60_000 } })
  @Audited('session.sign-in', ({ request, result }) => {
    const { user } = result as SessionResponse;
    return { target: { type: 'user', id: user.id }, actorId: user.id, detail: browserOf(request) };
  })
  // A wrong password for an account is recorded for its owner (their sign-in events); one
  // for an address with no account is nobody's, and leaves no trace.
  @AuditedRefusal('session.sign-in-failed', ({ request, error }) =>
    error instanceof WrongPasswordForAccount
      ? {
          target: { type: 'user', id: error.accountId },
          actorId: null,
          detail: browserOf(request),
        }
      : null,
  )
  @ApiOperation({ summary: 'Sign in: returns a bearer token and sets the session cookie' })
  async signIn(
    @Body() body: SignInDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionResponse> {
    const session = await this.auth.signIn(
      body.email,
      body.password,
      String(request.ip),
      keptUserAgent(request.headers['user-agent']),
    );
    // The browser's cookie is replaced: the session it held ends with it, sockets and all,
    // rather than living on unseen until it expires.
    if (request.auth?.via === 'cookie') await this.auth.endSession(request.auth.token);
    setSessionCookie(request, response, session.token, this.auth.sessionLifetimeMs());
    return session;
  }

  @Get()
  @SignedIn()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user' })
  current(@CurrentUser() user: UserDocument): { user: UserSummary } {
    return { user: toUserSummary(user) };
  }

  @Delete()
  @HttpCode(204)
  @SignedIn()
  @ApiBearerAuth()
  @Audited<AuthenticatedRequest>('session.sign-out', ({ request }) => ({
    target: { type: 'user', id: request.auth?.user.id as string | undefined },
  }))
  @ApiOperation({ summary: 'Sign out: ends this session and clears the cookie' })
  async signOut(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    if (request.auth) await this.auth.endSession(request.auth.token);
    clearSessionCookie(request, response);
  }
}

/** The audit detail naming the browser a sign-in came from, when it said. */
function browserOf(request: Request): Record<string, string> {
  const browser = describeBrowser(keptUserAgent(request.headers['user-agent']));
  return browser ? { browser } : {};
}
