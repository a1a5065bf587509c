import { Body, Controller, Delete, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { CreatedInvitation, InvitationSummary } from '@coproduce/domain';
import type { Types } from 'mongoose';
import { ObjectIdPipe } from '../../base/object-id.pipe';
import type { UserDocument } from '../accounts/user.schema';
import { Allow } from '../../base/access-rule.decorators';
import { Audited } from '../../base/audited.decorator';
import { CreateInvitationDto } from './dto/create-invitation.dto';
import { InvitationsService } from './invitations.service';
import { ApiIdParam } from '../../base/api-docs';
import { CurrentMembership, type RequestMembership } from '../access/workspace-request';
import { CurrentUser } from '../auth/request-auth';

/** A commissioner's side of invitations: create, list, withdraw. */
@ApiTags('invitations')
@ApiBearerAuth()
@ApiIdParam('workspaceId', 'The workspace')
@Controller('api/workspaces/:workspaceId/invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post()
  @Allow('member.invite')
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  @Audited('invitation.create', ({ result }) => {
    const invitation = result as CreatedInvitation;
    return {
      target: { type: 'invitation', id: invitation.id },
      detail: {
        role: invitation.role,
        email: invitation.email ?? '(link)',
        ...(invitation.organisation !== null && { organisation: invitation.organisation }),
      },
    };
  })
  @ApiOperation({
    summary: 'Invite by email or by link; the token is returned only in this response',
  })
  create(
    @CurrentMembership() membership: RequestMembership,
    @CurrentUser() user: UserDocument,
    @Body() body: CreateInvitationDto,
  ): Promise<CreatedInvitation> {
    return this.invitations.create(membership.workspaceId, user, body);
  }

  @Get()
  @Allow('invitation.list')
  @ApiOperation({ summary: "The workspace's invitations, newest first" })
  list(@CurrentMembership() membership: RequestMembership): Promise<InvitationSummary[]> {
    return this.invitations.list(membership.workspaceId);
  }

  @Delete(':invitationId')
  @HttpCode(204)
  @Allow('invitation.revoke')
  @Audited('invitation.revoke', ({ request }) => ({
    target: { type: 'invitation', id: String(request.params['invitationId']) },
  }))
  @ApiOperation({ summary: 'Withdraw an invitation that has not been used' })
  @ApiIdParam('invitationId', 'The invitation')
  async revoke(
    @CurrentMembership() membership: RequestMembership,
    @Param('invitationId', new ObjectIdPipe('that invitation')) invitationId: Types.ObjectId,
  ): Promise<void> {
    await this.invitations.revoke(membership.workspaceId, invitationId);
  }
}
