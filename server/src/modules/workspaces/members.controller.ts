import { Body, Controller, Delete, Get, HttpCode, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MemberRoleChange, MemberSummary } from '@coproduce/domain';
import type { Types } from 'mongoose';
import { ObjectIdPipe } from '../../base/object-id.pipe';
import { Allow } from '../../base/access-rule.decorators';
import { Audited } from '../../base/audited.decorator';
import { ChangeMemberRoleDto } from './dto/change-member-role.dto';
import { MembershipsService } from './memberships.service';
import { ApiIdParam } from '../../base/api-docs';
import { CurrentMembership, type RequestMembership } from '../access/workspace-request';

@ApiTags('members')
@ApiBearerAuth()
@ApiIdParam('workspaceId', 'The workspace')
@Controller('api/workspaces/:workspaceId/members')
export class MembersController {
  constructor(private readonly memberships: MembershipsService) {}

  @Get()
  @Allow('member.list')
  @ApiOperation({ summary: 'Members of the workspace and their roles' })
  list(@CurrentMembership() membership: RequestMembership): Promise<MemberSummary[]> {
    return this.memberships.listMembers(membership.workspaceId);
  }

  @Patch(':userId')
  @Allow('member.change-role')
  @Audited('member.role-change', ({ request, result }) => ({
    target: { type: 'member', id: String(request.params['userId']) },
    detail: {
      role: (result as MemberRoleChange).role,
      previousRole: (result as MemberRoleChange).previousRole,
    },
  }))
  @ApiOperation({ summary: "Change a member's role (409 last-commissioner)" })
  @ApiIdParam('userId', 'The member (their user id)')
  async changeRole(
    @CurrentMembership() membership: RequestMembership,
    @Param('userId', new ObjectIdPipe('that member')) userId: Types.ObjectId,
    @Body() body: ChangeMemberRoleDto,
  ): Promise<MemberRoleChange> {
    const { previousRole } = await this.memberships.changeRole(
      membership.workspaceId,
      userId,
      body.role,
    );
    return { userId: userId.toHexString(), role: body.role, previousRole };
  }

  @Delete(':userId')
  @HttpCode(204)
  @Allow('member.remove')
  @Audited('member.remove', ({ request }) => ({
    target: { type: 'member', id: String(request.params['userId']) },
  }))
  @ApiOperation({ summary: 'Remove a member; their access ends at once (409 last-commissioner)' })
  @ApiIdParam('userId', 'The member (their user id)')
  async remove(
    @CurrentMembership() membership: RequestMembership,
    @Param('userId', new ObjectIdPipe('that member')) userId: Types.ObjectId,
  ): Promise<void> {
    await this.memberships.remove(membership.workspaceId, userId);
  }
}
