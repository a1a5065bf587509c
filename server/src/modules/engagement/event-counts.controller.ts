import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RecordedCounts } from '@coproduce/domain';
import type { Types } from 'mongoose';
import { Allow } from '../../base/access-rule.decorators';
import { ApiIdParam } from '../../base/api-docs';
import { AuditedByService } from '../../base/audited.decorator';
import { ObjectIdPipe } from '../../base/object-id.pipe';
import { CurrentCaller, type WorkspaceCaller } from '../access/workspace-caller';
import { RecordCountsDto } from './dto/event-counts.dto';
import { EventCountsService } from './event-counts.service';

/**
 * Counting who came, tap by tap, at a drop-in: for those who record events (commissioners
 * and engagement leads, `engagement.manage`), from as many devices as they carry.
 */
@ApiTags('engagement')
@ApiBearerAuth()
@ApiIdParam('workspaceId', 'The workspace')
@Controller('api/workspaces/:workspaceId/engagement-events/:eventId/counts')
export class EventCountsController {
  constructor(private readonly counts: EventCountsService) {}

  @Post()
  @HttpCode(200)
  @Allow('engagement.manage')
  // One audit entry per request that changed a count (the service writes it), not per tap.
  @AuditedByService()
  @ApiOperation({
    summary:
      'Add or take away people counted at an event, each change once by its clientId (a resend changes nothing and answers the same)',
  })
  @ApiIdParam('eventId', 'The engagement event')
  record(
    @CurrentCaller() caller: WorkspaceCaller,
    @Param('eventId', new ObjectIdPipe('that engagement event')) eventId: Types.ObjectId,
    @Body() body: RecordCountsDto,
  ): Promise<RecordedCounts> {
    return this.counts.record(caller, eventId, body);
  }
}
