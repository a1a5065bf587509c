import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EngagementEvent as EventView } from '@coproduce/domain';
import type { Response } from 'express';
import type { Types } from 'mongoose';
import { Allow } from '../../base/access-rule.decorators';
import { ApiIdParam } from '../../base/api-docs';
import { Audited, AuditedResult } from '../../base/audited.decorator';
import { ObjectIdPipe } from '../../base/object-id.pipe';
import { CurrentCaller, type WorkspaceCaller } from '../access/workspace-caller';
import { ExportQueryDto } from '../specification-export/export-query.dto';
import { ApiExportedFile, sendExportedFile } from '../specification-export/send-exported-file';
import { ChangeEngagementEventDto, CreateEngagementEventDto } from './dto/engagement-event.dto';
import { EngagementEventsService } from './engagement-events.service';
import { MarketNoticeFiles } from './market-notice-files';

const EVENT_ID = new ObjectIdPipe('that engagement event');

const eventDetail = (event: EventView) => ({ title: event.title, type: event.type });

/**
 * Engagement events. Every member may ask (`workspace.read`): the team sees every event,
 * a provider only the market engagement events they took part in (the service decides);
 * recording and changing them is for commissioners and engagement leads.
 */
@ApiTags('engagement')
@ApiBearerAuth()
@ApiIdParam('workspaceId', 'The workspace')
@Controller('api/workspaces/:workspaceId/engagement-events')
export class EngagementEventsController {
  constructor(
    private readonly events: EngagementEventsService,
    private readonly notices: MarketNoticeFiles,
  ) {}

  @Get()
  @Allow('workspace.read')
  @ApiOperation({ summary: 'Engagement events, newest first' })
  list(@CurrentCaller() caller: WorkspaceCaller): Promise<EventView[]> {
    return this.events.list(caller);
  }

  @Post()
  @Allow('engagement.manage')
  @AuditedResult('engagement-event.create', 'engagement-event', eventDetail)
  @ApiOperation({ summary: 'Record an engagement event and who took part' })
  create(
    @CurrentCaller() caller: WorkspaceCaller,
    @Body() body: CreateEngagementEventDto,
  ): Promise<EventView> {
    return this.events.create(caller, body);
  }

  @Get(':eventId')
  @Allow('workspace.read')
  @ApiOperation({ summary: 'One engagement event' })
  @ApiIdParam('eventId', 'The engagement event')
  get(
    @CurrentCaller() caller: WorkspaceCaller,
    @Param('eventId', EVENT_ID) eventId: Types.ObjectId,
  ): Promise<EventView> {
    return this.events.get(caller, eventId);
  }

  @Patch(':eventId')
  @Allow('engagement.manage')
  @AuditedResult('engagement-event.change', 'engagement-event', eventDetail)
  @ApiOperation({ summary: 'Change an engagement event (any of its fields)' })
  @ApiIdParam('eventId', 'The engagement event')
  change(
    @CurrentCaller() caller: WorkspaceCaller,
    @Param('eventId', EVENT_ID) eventId: Types.ObjectId,
    @Body() body: ChangeEngagementEventDto,
  ): Promise<EventView> {
    return this.events.change(caller, eventId, body);
  }

  @Delete(':eventId')
  @HttpCode(204)
  @Allow('engagement.manage')
  @Audited('engagement-event.delete', ({ request }) => ({
    target: { type: 'engagement-event', id: String(request.params['eventId']) },
  }))
  @ApiOperation({
    summary: 'Delete an engagement event recorded by mistake (one with no feedback)',
  })
  @ApiIdParam('eventId', 'The engagement event')
  async remove(
    @CurrentCaller() caller: WorkspaceCaller,
    @Param('eventId', EVENT_ID) eventId: Types.ObjectId,
  ): Promise<void> {
    await this.events.remove(caller, eventId);
  }

  @Get(':eventId/market-notice')
  @Allow('workspace.read')
  @ApiOperation({
    summary: 'The preliminary market engagement notice of a market engagement event, as a file',
  })
  @ApiIdParam('eventId', 'The market engagement event')
  @ApiExportedFile()
  async marketNotice(
    @CurrentCaller() caller: WorkspaceCaller,
    @Param('eventId', EVENT_ID) eventId: Types.ObjectId,
    @Query() query: ExportQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    return sendExportedFile(response, await this.notices.file(caller, eventId, query.format));
  }
}
