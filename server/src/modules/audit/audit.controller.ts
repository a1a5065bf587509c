import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditEntry } from '@coproduce/domain';
import { Allow } from '../../base/access-rule.decorators';
import { AuditService } from './audit.service';
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
  @ApiOperation({ summary: 'The workspace audit log, newest first (commissioners only)' })
  list(
    @CurrentMembership() membership: RequestMembership,
    @Query() query: AuditQueryDto,
  ): Promise<AuditEntry[]> {
    return this.audit.list(membership.workspaceId, query.limit ?? 100);
  }
}
