import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditEntry, AuditFilterOptions } from '@coproduce/domain';
import type { Response } from 'express';
import { Allow } from '../../base/access-rule.decorators';
import { AuditService } from './audit.service';
import { readAuditQuery } from './audit-query';
import { AuditQueryDto } from './dto/audit-query.dto';
import { ApiIdParam } from '../../base/api-docs';
import { CurrentMembership, type RequestMembership } from '../access/workspace-request';

@ApiTags('audit')
@ApiBearerAuth()
@ApiIdParam('workspaceId', 'The workspace')
@Controller('api/workspaces/:workspaceId/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Allow('audit.read')
  @ApiOperation({
    summary:
      'The workspace audit log, newest first (commissioners only): filtered by who, what, when and target, one page at a time; X-Total-Count says how many match',
  })
  async list(
    @CurrentMembership() membership: RequestMembership,
    @Query() query: AuditQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AuditEntry[]> {
    const { filter, paging } = readAuditQuery(query);
    const page = await this.audit.list(membership.workspaceId, filter, paging);
    response.setHeader('X-Total-Count', String(page.total));
    return page.items;
  }

  @Get('filter-options')
  @Allow('audit.read')
  @ApiOperation({
    summary:
      'What the log holds, for its filters: the people who did something, the actions and the kinds of thing changed',
  })
  filterOptions(@CurrentMembership() membership: RequestMembership): Promise<AuditFilterOptions> {
    return this.audit.filterOptions(membership.workspaceId);
  }
}
