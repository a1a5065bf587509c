import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WorkspaceDetail, WorkspaceSummary } from '@coproduce/domain';
import type { UserDocument } from '../accounts/user.schema';
import { Allow, SignedIn } from '../../base/access-rule.decorators';
import { Audited } from '../../base/audited.decorator';
import { CreateWorkspaceDto, WorkspaceListQueryDto } from './dto/create-workspace.dto';
import { MembershipsService } from './memberships.service';
import { WorkspacesService } from './workspaces.service';
import { ApiIdParam } from '../../base/api-docs';
import { CurrentMembership, type RequestMembership } from '../access/workspace-request';
import { CurrentUser } from '../auth/request-auth';
import { CreationQuota } from '../auth/creation-quota';

@ApiTags('workspaces')
@ApiBearerAuth()
@Controller('api/workspaces')
export class WorkspacesController {
  constructor(
    private readonly workspaces: WorkspacesService,
    private readonly memberships: MembershipsService,
  ) {}

  @Get()
  @SignedIn()
  @ApiOperation({ summary: "The caller's workspaces and their role in each" })
  list(
    @CurrentUser() user: UserDocument,
    @Query() query: WorkspaceListQueryDto,
  ): Promise<WorkspaceSummary[]> {
    return this.memberships.listWorkspacesOf(user._id, query.include === 'archived');
  }

  @Post()
  @CreationQuota('WORKSPACES_PER_HOUR')
  @SignedIn()
  @Audited('workspace.create', ({ result }) => {
    const created = result as WorkspaceDetail;
    return {
      workspaceId: created.id,
      target: { type: 'workspace', id: created.id },
      detail: { name: created.name },
    };
  })
  @ApiOperation({
    summary: 'Start a workspace for a commissioning project; you become its commissioner',
  })
  create(
    @CurrentUser() user: UserDocument,
    @Body() body: CreateWorkspaceDto,
  ): Promise<WorkspaceDetail> {
    return this.workspaces.create(user._id, body);
  }

  @Get(':workspaceId')
  @Allow('workspace.read')
  @ApiOperation({ summary: "A workspace's details and what the caller's role allows" })
  @ApiIdParam('workspaceId', 'The workspace')
  detail(@CurrentMembership() membership: RequestMembership): Promise<WorkspaceDetail> {
    return this.workspaces.detailFor(membership.workspaceId, membership.role);
  }

  @Patch(':workspaceId')
  @Allow('workspace.manage')
  @Audited('workspace.update', ({ result }) => ({
    target: { type: 'workspace', id: (result as WorkspaceDetail).id },
    detail: { name: (result as WorkspaceDetail).name },
  }))
  @ApiOperation({
    summary: "Change a workspace's name, service area, lead and partner organisations",
  })
  @ApiIdParam('workspaceId', 'The workspace')
  update(
    @CurrentMembership() membership: RequestMembership,
    @Body() body: CreateWorkspaceDto,
  ): Promise<WorkspaceDetail> {
    return this.workspaces.update(membership.workspaceId, body, membership.role);
  }

  @Post(':workspaceId/archive')
  @HttpCode(200)
  @Allow('workspace.manage')
  @Audited('workspace.archive', ({ result }) => ({
    target: { type: 'workspace', id: (result as WorkspaceDetail).id },
    detail: { name: (result as WorkspaceDetail).name },
  }))
  @ApiOperation({
    summary: 'Archive a finished commissioning project: read-only for everyone, listed apart',
  })
  @ApiIdParam('workspaceId', 'The workspace')
  archive(@CurrentMembership() membership: RequestMembership): Promise<WorkspaceDetail> {
    return this.workspaces.setArchived(membership.workspaceId, true, membership.role);
  }

  @Delete(':workspaceId/archive')
  @Allow('workspace.manage', { whileArchived: true })
  @Audited('workspace.restore', ({ result }) => ({
    target: { type: 'workspace', id: (result as WorkspaceDetail).id },
    detail: { name: (result as WorkspaceDetail).name },
  }))
  @ApiOperation({ summary: 'Bring an archived workspace back into use' })
  @ApiIdParam('workspaceId', 'The workspace')
  restore(@CurrentMembership() membership: RequestMembership): Promise<WorkspaceDetail> {
    return this.workspaces.setArchived(membership.workspaceId, false, membership.role);
  }
}
