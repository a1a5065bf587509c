import { Body, Controller, Delete, Get, HttpCode, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MemberChange, MemberSummary } from '@coproduce/domain';
import type { Request } from 'express';
import type { Types } from 'mongoose';
import { ObjectIdPipe } from '../../base/object-id.pipe';
import { Allow } from '../../base/access-rule.decorators';
import { Audited, type AuditDescription } from '../../base/audited.decorator';
import { ChangeMemberDto } from './dto/change-member.dto';
import { MembershipsService } from './memberships.service';
import { ApiIdParam } from '../../base/api-docs';
import { AccessPolicy } from '../access/access-policy';
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
  async list(@CurrentMembership() membership: RequestMembership): Promise<MemberSummary[]> {
    const members = await this.memberships.listMembers(membership.workspaceId);
    if (AccessPolicy.can(membership.role, 'member.contact')) return members;
    return members.map((member) => ({ ...member, email: null }));
  }

  @Patch(':userId')
  @Allow('member.change-role')
  @Audited('member.role-change', ({ request, result }) => describeMemberChange(request, result))
  @ApiOperation({
    summary:
      "Change a member's role, organisation or both; a provider needs an organisation (409 last-commissioner)",
  })
  @ApiIdParam('userId', 'The member (their user id)')
  async change(
    @CurrentMembership() membership: RequestMembership,
    @Param('userId', new ObjectIdPipe('that member')) userId: Types.ObjectId,
    @Body() body: ChangeMemberDto,
  ): Promise<MemberChange> {
    const previous = await this.memberships.change(membership.workspaceId, userId, body);
    const changed: MemberChange = {
      userId: userId.toHexString(),
      role: body.role ?? previous.previousRole,
      previousRole: previous.previousRole,
    };
    if (body.organisation === undefined) return changed;
    return {
      ...changed,
      organisation: body.organisation,
      previousOrganisation: previous.previousOrganisation,
    };
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

/** A change that leaves the role as it was is recorded as an organisation change. */
function describeMemberChange(request: Request, result: unknown): AuditDescription {
  const change = result as MemberChange;
  const target = { type: 'member', id: String(request.params['userId']) };
  const detail: Record<string, string> = { role: change.role, previousRole: change.previousRole };
  if (change.organisation === undefined) return { target, detail };
  detail['organisation'] = change.organisation;
  detail['previousOrganisation'] = change.previousOrganisation ?? '(not recorded)';
  if (change.role !== change.previousRole) return { target, detail };
  return { action: 'member.organisation-change', target, detail };
}
