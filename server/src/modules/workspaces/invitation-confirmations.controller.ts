import { Controller, Get, HttpCode, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { AcceptedInvitation, InvitationConfirmationPreview } from '@coproduce/domain';
import type { Response } from 'express';
import { Public } from '../../base/access-rule.decorators';
import { Audited } from '../../base/audited.decorator';
import { AuthService } from '../auth/auth.service';
import type { AuthenticatedRequest } from '../auth/request-auth';
import { setSessionCookie } from '../auth/session-cookie';
import { InvitationsService } from './invitations.service';

/**
 * The link emailed to someone who accepted an invitation without being signed in: it shows
 * the address is theirs, and makes their account and membership.
 */
@ApiTags('invitations')
@Controller('api/invitation-confirmations/:token')
@UseGuards(ThrottlerGuard)
@Throttle({ default: { limit: 30, ttl: 60_000 } })
export class InvitationConfirmationsController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly auth: AuthService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      'What confirming will do: workspace, role, address and name (404 unknown, 410 used or expired)',
  })
  preview(@Param('token') token: string): Promise<InvitationConfirmationPreview> {
    return this.invitations.previewConfirmation(token);
  }

  @Post()
  @HttpCode(200)
  @Public()
  @Audited('invitation.accept', ({ result }) => {
    const accepted = result as AcceptedInvitation;
    const userId = accepted.session?.user.id;
    return {
      workspaceId: accepted.workspace.id,
      actorId: userId,
      target: { type: 'member', id: userId },
      detail: { role: accepted.workspace.role, newAccount: 'yes', emailConfirmed: 'yes' },
    };
  })
  @ApiOperation({
    summary:
      'Confirm the address: makes the account, joins and signs in, once (410 used or expired, 409 when an account has the address by now)',
  })
  async confirm(
    @Param('token') token: string,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AcceptedInvitation> {
    const accepted = await this.invitations.confirm(token);
    const session = accepted.session!;
    // The browser's cookie is replaced: the session it held ends with it, as on signing in.
    if (request.auth?.via === 'cookie') await this.auth.endSession(request.auth.token);
    setSessionCookie(request, response, session.token, this.auth.sessionLifetimeMs());
    return accepted;
  }
}
