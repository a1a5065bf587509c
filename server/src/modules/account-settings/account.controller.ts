import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type {
  AccountDetail,
  AccountEvent,
  AccountSession,
  PasswordChanged,
  SessionsEnded,
} from '@coproduce/domain';
import type { Response } from 'express';
import type { Types } from 'mongoose';
import { SignedIn } from '../../base/access-rule.decorators';
import { Audited } from '../../base/audited.decorator';
import { ObjectIdPipe } from '../../base/object-id.pipe';
import type { UserDocument } from '../accounts/user.schema';
import { CurrentUser, type AuthenticatedRequest } from '../auth/request-auth';
import { AccountSettingsService } from './account-settings.service';
import { AccountEventsQueryDto } from './dto/account-events-query.dto';
import { ChangeNameDto } from './dto/change-name.dto';
import { ChangePasswordDto } from './dto/change-password.dto';

/** Every change here is recorded against the account, in no workspace. */
const aboutTheAccount = ({ request }: { request: AuthenticatedRequest }) => ({
  target: { type: 'user', id: request.auth?.user.id as string | undefined },
});

/** The signed-in person's own account: their name, password, sessions and sign-in events. */
@ApiTags('account')
@ApiBearerAuth()
@Controller('api/account')
export class AccountController {
  constructor(private readonly account: AccountSettingsService) {}

  @Get()
  @SignedIn()
  @ApiOperation({
    summary: 'Your account: name, email address, and a new address waiting to be confirmed',
  })
  detail(@CurrentUser() user: UserDocument): Promise<AccountDetail> {
    return this.account.detail(user);
  }

  @Patch()
  @SignedIn()
  @Audited<AuthenticatedRequest>('account.name-change', aboutTheAccount)
  @ApiOperation({ summary: 'Change your name, as others in your workspaces see it' })
  rename(@CurrentUser() user: UserDocument, @Body() body: ChangeNameDto): Promise<AccountDetail> {
    return this.account.rename(user, body.name);
  }

  @Post('password')
  @HttpCode(200)
  @SignedIn()
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @Audited<AuthenticatedRequest>('account.password-change', ({ request, result }) => ({
    ...aboutTheAccount({ request }),
    detail: { otherSessionsEnded: String((result as PasswordChanged).otherSessionsEnded) },
  }))
  @ApiOperation({
    summary:
      'Change your password (your current one is asked for again): your other sessions end, with their open documents; this one carries on',
  })
  changePassword(
    @CurrentUser() user: UserDocument,
    @Body() body: ChangePasswordDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<PasswordChanged> {
    return this.account.changePassword(user, body, {
      address: String(request.ip),
      sessionId: request.auth!.sessionId,
    });
  }

  @Get('sessions')
  @SignedIn()
  @ApiOperation({
    summary:
      'Where you are signed in: this session first (current), then the others, with when each started and was last used and the browser as far as known',
  })
  sessions(
    @CurrentUser() user: UserDocument,
    @Req() request: AuthenticatedRequest,
  ): Promise<AccountSession[]> {
    return this.account.sessions(user, request.auth!.sessionId);
  }

  @Delete('sessions')
  @HttpCode(200)
  @SignedIn()
  @Audited<AuthenticatedRequest>('account.other-sessions-end', ({ request, result }) => ({
    ...aboutTheAccount({ request }),
    detail: { ended: String((result as SessionsEnded).ended) },
  }))
  @ApiOperation({ summary: 'Sign out everywhere else: every session but this one ends' })
  async endOtherSessions(
    @CurrentUser() user: UserDocument,
    @Req() request: AuthenticatedRequest,
  ): Promise<SessionsEnded> {
    return { ended: await this.account.endOtherSessions(user, request.auth!.sessionId) };
  }

  @Delete('sessions/:sessionId')
  @HttpCode(204)
  @SignedIn()
  @Audited<AuthenticatedRequest>('account.session-end', aboutTheAccount)
  @ApiParam({
    name: 'sessionId',
    description: 'One of your sessions, as GET /api/account/sessions names it',
  })
  @ApiOperation({
    summary:
      'End one of your other sessions, and its open documents (409 for this one: sign out instead)',
  })
  async endSession(
    @CurrentUser() user: UserDocument,
    @Param('sessionId', new ObjectIdPipe('that session')) sessionId: Types.ObjectId,
    @Req() request: AuthenticatedRequest,
  ): Promise<void> {
    await this.account.endSession(user, sessionId, request.auth!.sessionId);
  }

  @Get('events')
  @SignedIn()
  @ApiOperation({
    summary:
      'Your sign-in and password events, newest first: sign-ins, failed sign-ins, password and email changes; X-Total-Count says how many',
  })
  async events(
    @CurrentUser() user: UserDocument,
    @Query() query: AccountEventsQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AccountEvent[]> {
    const page = await this.account.events(user, {
      page: query.page ?? 1,
      pageSize: query.pageSize ?? 20,
    });
    response.setHeader('X-Total-Count', String(page.total));
    return page.items;
  }
}
