import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SpecificationDetail, SpecificationSummary } from '@coproduce/domain';
import type { Types } from 'mongoose';
import { ObjectIdPipe } from '../../base/object-id.pipe';
import type { UserDocument } from '../accounts/user.schema';
import { Allow } from '../../base/access-rule.decorators';
import { Audited } from '../../base/audited.decorator';
import { CreateSpecificationDto, RenameSpecificationDto } from './dto/create-specification.dto';
import { SpecificationsService } from './specifications.service';
import { ApiIdParam } from '../../base/api-docs';
import { CurrentMembership, type RequestMembership } from '../access/workspace-request';
import { CurrentUser } from '../auth/request-auth';
import { CurrentCaller, type WorkspaceCaller } from '../access/workspace-caller';
import { CreationQuota } from '../auth/creation-quota';

const SPECIFICATION_ID = new ObjectIdPipe('that specification');

function specificationAudit({
  request,
  result,
}: {
  request: { params: Record<string, unknown> };
  result: unknown;
}) {
  return {
    target: { type: 'specification', id: String(request.params['specificationId']) },
    detail: { title: (result as SpecificationSummary).title },
  };
}

@ApiTags('specifications')
@ApiBearerAuth()
@ApiIdParam('workspaceId', 'The workspace')
@Controller('api/workspaces/:workspaceId/specifications')
export class SpecificationsController {
  constructor(private readonly specifications: SpecificationsService) {}

  @Get()
  @Allow('specification.list')
  @ApiOperation({ summary: 'Specifications the caller may see (providers: published only)' })
  list(@CurrentMembership() membership: RequestMembership): Promise<SpecificationSummary[]> {
    return this.specifications.listFor(membership.workspaceId, membership.role);
  }

  @Post()
  @CreationQuota('SPECIFICATIONS_PER_HOUR')
  @Allow('specification.create')
  @Audited('specification.create', ({ result }) => {
    const created = result as SpecificationSummary;
    return { target: { type: 'specification', id: created.id }, detail: { title: created.title } };
  })
  @ApiOperation({ summary: 'Start a draft specification from the NHS template' })
  create(
    @CurrentMembership() membership: RequestMembership,
    @CurrentUser() user: UserDocument,
    @Body() body: CreateSpecificationDto,
  ): Promise<SpecificationSummary> {
    return this.specifications.create(membership.workspaceId, user._id, body.title);
  }

  @Get(':specificationId')
  @Allow('specification.list')
  @ApiOperation({ summary: "A specification's details (its text is the live document's)" })
  @ApiIdParam('specificationId', 'The specification (also its collab docId)')
  detail(
    @CurrentMembership() membership: RequestMembership,
    @Param('specificationId', new ObjectIdPipe('that specification'))
    specificationId: Types.ObjectId,
  ): Promise<SpecificationDetail> {
    return this.specifications.detailFor(membership.workspaceId, specificationId, membership.role);
  }

  @Patch(':specificationId')
  @Allow('specification.rename')
  @Audited('specification.rename', ({ request, result }) => ({
    target: { type: 'specification', id: String(request.params['specificationId']) },
    detail: { title: (result as SpecificationSummary).title },
  }))
  @ApiOperation({ summary: 'Rename a specification (its published versions keep their title)' })
  @ApiIdParam('specificationId', 'The specification')
  rename(
    @CurrentMembership() membership: RequestMembership,
    @CurrentUser() user: UserDocument,
    @Param('specificationId', new ObjectIdPipe('that specification'))
    specificationId: Types.ObjectId,
    @Body() body: RenameSpecificationDto,
  ): Promise<SpecificationSummary> {
    return this.specifications.rename(
      membership.workspaceId,
      specificationId,
      body.title,
      user._id,
    );
  }

  @Post(':specificationId/archive')
  @HttpCode(200)
  @Allow('specification.archive')
  @Audited('specification.archive', specificationAudit)
  @ApiOperation({
    summary: 'Archive a specification: read-only for everyone, listed apart, restorable',
  })
  @ApiIdParam('specificationId', 'The specification')
  archive(
    @CurrentCaller() caller: WorkspaceCaller,
    @Param('specificationId', SPECIFICATION_ID) specificationId: Types.ObjectId,
  ): Promise<SpecificationSummary> {
    return this.specifications.setArchived(
      caller.workspaceId,
      specificationId,
      true,
      caller.user._id,
    );
  }

  // Not `…/restore`: that restores a checkpoint into the text (publishing).
  @Delete(':specificationId/archive')
  @HttpCode(200)
  @Allow('specification.archive')
  @Audited('specification.restore', specificationAudit)
  @ApiOperation({ summary: 'Bring an archived specification back into use' })
  @ApiIdParam('specificationId', 'The specification')
  restore(
    @CurrentCaller() caller: WorkspaceCaller,
    @Param('specificationId', SPECIFICATION_ID) specificationId: Types.ObjectId,
  ): Promise<SpecificationSummary> {
    return this.specifications.setArchived(
      caller.workspaceId,
      specificationId,
      false,
      caller.user._id,
    );
  }

  @Delete(':specificationId')
  @HttpCode(204)
  @Allow('specification.archive')
  @Audited('specification.delete', specificationAudit)
  @ApiOperation({ summary: 'Delete a draft that was never published, for good' })
  @ApiIdParam('specificationId', 'The specification')
  async remove(
    @CurrentCaller() caller: WorkspaceCaller,
    @Param('specificationId', SPECIFICATION_ID) specificationId: Types.ObjectId,
  ): Promise<SpecificationSummary> {
    return this.specifications.remove(caller.workspaceId, specificationId);
  }
}
