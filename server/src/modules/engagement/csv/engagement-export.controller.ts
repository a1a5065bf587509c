import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { Response } from 'express';
import type { Model, Types } from 'mongoose';
import { Allow } from '../../../base/access-rule.decorators';
import { ApiIdParam } from '../../../base/api-docs';
import { CurrentCaller, type WorkspaceCaller } from '../../access/workspace-caller';
import { sendExportedFile } from '../../specification-export/send-exported-file';
import { SpecificationsService } from '../../specifications/specifications.service';
import { EngagementEvent } from '../engagement-event.schema';
import type { StoredEvent } from '../engagement-event-view';
import { Feedback } from '../feedback.schema';
import { FeedbackThemesService } from '../feedback-themes.service';
import type { StoredFeedback } from '../feedback-view';
import { eventsCsv, feedbackCsv, reachCsv } from './engagement-export';

const EXPORTS = ['events', 'reach', 'feedback'] as const;

class EngagementExportQueryDto {
  @ApiProperty({ enum: EXPORTS })
  @IsIn(EXPORTS, { message: 'data must be events, reach or feedback.' })
  data: (typeof EXPORTS)[number];
}

/** The workspace's engagement as CSV files a spreadsheet opens cleanly (the team only). */
@ApiTags('engagement')
@ApiBearerAuth()
@ApiIdParam('workspaceId', 'The workspace')
@Controller('api/workspaces/:workspaceId/engagement/export')
export class EngagementExportController {
  constructor(
    @InjectModel(EngagementEvent.name) private readonly events: Model<EngagementEvent>,
    @InjectModel(Feedback.name) private readonly feedback: Model<Feedback>,
    private readonly themes: FeedbackThemesService,
    private readonly specifications: SpecificationsService,
  ) {}

  @Get()
  @Allow('feedback.read')
  @ApiOperation({
    summary:
      'Events with their reach, who took part (a row per event and group), or all feedback, as CSV',
  })
  @ApiProduces('text/csv')
  async export(
    @CurrentCaller() caller: WorkspaceCaller,
    @Query() query: EngagementExportQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const workspaceId = caller.workspaceId;
    const events = await this.events
      .find({ workspaceId })
      .sort({ startsAt: 1, _id: 1 })
      .lean<StoredEvent[]>()
      .exec();
    let csv: string;
    if (query.data === 'events') {
      csv = eventsCsv(events);
    } else if (query.data === 'reach') {
      csv = reachCsv(events);
    } else {
      const items = await this.feedback
        .find({ workspaceId }, { statusChanges: 0 })
        .sort({ createdAt: 1, _id: 1 })
        .lean<StoredFeedback[]>()
        .exec();
      const specificationIds = [
        ...new Map(
          items
            .flatMap((item) => item.links)
            .map((link) => [link.specificationId.toHexString(), link.specificationId] as const),
        ).values(),
      ] as Types.ObjectId[];
      csv = feedbackCsv(
        items,
        new Map(events.map((event) => [event._id.toHexString(), event])),
        await this.themes.namesOf(workspaceId),
        await this.specifications.titlesOf(specificationIds),
      );
    }
    return sendExportedFile(response, {
      body: Buffer.from(csv, 'utf8'),
      contentType: 'text/csv; charset=utf-8',
      fileName: `Engagement ${query.data}.csv`,
    });
  }
}
