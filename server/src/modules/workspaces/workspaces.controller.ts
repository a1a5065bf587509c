import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WorkspaceDetail, WorkspaceSummary } from '@coproduce/domain';
import { CurrentMembership, CurrentUser, type RequestMembership } from '../../base/request-context';
import type { UserDocument } from '../accounts/user.schema';
import { Allow, SignedIn } from '../access/access.decorators';
import { MembershipsService } from './memberships.service';
import { WorkspacesService } from './workspaces.service';

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
  list(@CurrentUser() user: UserDocument): Promise<WorkspaceSummary[]> {
    return this.memberships.listWorkspacesOf(user._id);
  }

  @Get(':workspaceId')
  @Allow('workspace.read')
  @ApiOperation({ summary: "A workspace's details and what the caller's role allows" })
  detail(@CurrentMembership() membership: RequestMembership): Promise<WorkspaceDetail> {
    return this.workspaces.detailFor(membership.workspaceId, membership.role);
  }
}
