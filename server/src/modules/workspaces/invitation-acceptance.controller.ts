import { Body, Controller, Get, HttpCode, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type {
  AcceptedInvitation,
  InvitationAcceptance,
  InvitationPreview,
} from '@coproduce/domain';
import type { Response } from 'express';
import type { UserDocument } from '../accounts/user.schema';
import { Public } from '../../base/access-rule.decorators';
import { Audited } from '../../base/audited.decorator';
import { AuthService } from '../auth/auth.service';
import { OptionalUser, type AuthenticatedRequest } from '../auth/request-auth';
import { setSessionCookie } from '../auth/session-cookie';
import { AcceptInvitationDto } from './dto/accept-invitation.dto';
import { InvitationsService } from './invitations.service';

/** The invited person's side: see what they were invited to, and accept. */
@ApiTags('invitations')
@Controller('api/invitations/:token')
@UseGuards(ThrottlerGuard)
@Throttle({ default: { limit: 30, ttl: 60_000 } })
export class InvitationAcceptanceController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly auth: AuthService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'Preview an invitation: workspace, role and whether it can still be used',
  })
  preview(@Param('token') token: string): Promise<InvitationPreview> {
    return this.invitations.preview(token);
  }

  @Post('accept')
  @HttpCode(200)
  @Public()
  @Audited<AuthenticatedRequest>('invitation.accept', ({ request, result }) => {
    if ('emailed' in (result as InvitationAcceptance)) {
      // Nobody joined, and nothing says whether the address has an account: the joining
      // is recorded in the workspace when the emailed link is used.
      return { action: 'invitation.confirmation-emailed', target: { type: 'invitation' } };
    }
    const accepted = result as AcceptedInvitation;
    return {
      workspaceId: accepted.workspace.id,
      actorId: accepted.session?.user.id ?? (request.auth?.user.id as string | undefined),
      target: {
        type: 'member',
        id: accepted.session?.user.id ?? (request.auth?.user.id as string | undefined),
      },
      detail: { role: accepted.workspace.role, newAccount: accepted.session ? 'yes' : 'no' },
    };
  })
  @ApiOperation({
    summary:
      'Accept: joins as the signed-in user, or creates an account (410 when expired, used or withdrawn); 202 and an email to confirm the address when the invitation says `confirmsByEmail` and nobody is signed in',
  })
  async accept(
    @Param('token') token: string,
    @OptionalUser() user: UserDocument | undefined,
    @Body() body: AcceptInvitationDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<InvitationAcceptance> {
    const accepted = await this.invitations.accept(token, user, body);
    if ('emailed' in accepted) {
      response.status(202);
      return accepted;
    }
    if (accepted.session) {
      setSessionCookie(request, response, accepted.session.token, this.auth.sessionLifetimeMs());
    }
    return accepted;
  }
}
