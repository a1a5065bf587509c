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
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Feedback as FeedbackView } from '@coproduce/domain';
import type { Response } from 'express';
import type { Types } from 'mongoose';
import { Allow } from '../../base/access-rule.decorators';
import { ApiIdParam } from '../../base/api-docs';
import { Audited, AuditedResult } from '../../base/audited.decorator';
import { ObjectIdPipe } from '../../base/object-id.pipe';
import { CurrentCaller, type WorkspaceCaller } from '../access/workspace-caller';
import { ChangeFeedbackDto, CreateFeedbackDto } from './dto/feedback.dto';
import { FeedbackQueryDto } from './dto/feedback-query.dto';
import { FeedbackService } from './feedback.service';

const FEEDBACK_ID = new ObjectIdPipe('that feedback');

const feedbackDetail = (item: FeedbackView) => ({ status: item.status, audience: item.audience });

/**
 * Feedback from engagement. The team reads it; whoever may comment may give it;
 * commissioners and engagement leads move it on (status, themes, links) and delete it.
 * A provider sees none (403).
 */
@ApiTags('engagement')
@ApiBearerAuth()
@ApiIdParam('workspaceId', 'The workspace')
@Controller('api/workspaces/:workspaceId')
export class FeedbackController {
  constructor(private readonly feedback: FeedbackService) {}

  @Get('feedback')
  @Allow('feedback.read')
  @ApiOperation({ summary: 'Feedback, newest first, one page; X-Total-Count says how many match' })
  async list(
    @CurrentCaller() caller: WorkspaceCaller,
    @Query() query: FeedbackQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<FeedbackView[]> {
    const page = await this.feedback.list(caller, query);
    response.setHeader('X-Total-Count', String(page.total));
    return page.items;
  }

  @Post('feedback')
  @Allow('feedback.give')
  @AuditedResult('feedback.give', 'feedback', feedbackDetail)
  @ApiOperation({
    summary:
      'Record what someone said (a resend with the same clientId answers 200 with the first)',
  })
  async create(
    @CurrentCaller() caller: WorkspaceCaller,
    @Body() body: CreateFeedbackDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<FeedbackView> {
    const { feedback, created } = await this.feedback.create(caller, body);
    if (!created) response.status(200);
    return feedback;
  }

  @Get('feedback/:feedbackId')
  @Allow('feedback.read')
  @ApiOperation({
    summary: 'One piece of feedback, with the words of the specification it shaped now',
  })
  @ApiIdParam('feedbackId', 'The feedback')
  get(
    @CurrentCaller() caller: WorkspaceCaller,
    @Param('feedbackId', FEEDBACK_ID) feedbackId: Types.ObjectId,
  ): Promise<FeedbackView> {
    return this.feedback.get(caller, feedbackId);
  }

  @Patch('feedback/:feedbackId')
  @Allow('feedback.manage')
  @AuditedResult('feedback.change', 'feedback', feedbackDetail)
  @ApiOperation({
    summary:
      'Move feedback on (status; a reason for not taken forward), or change its words, themes or links',
  })
  @ApiIdParam('feedbackId', 'The feedback')
  change(
    @CurrentCaller() caller: WorkspaceCaller,
    @Param('feedbackId', FEEDBACK_ID) feedbackId: Types.ObjectId,
    @Body() body: ChangeFeedbackDto,
  ): Promise<FeedbackView> {
    return this.feedback.change(caller, feedbackId, body);
  }

  @Delete('feedback/:feedbackId')
  @HttpCode(204)
  @Allow('feedback.manage')
  @Audited('feedback.delete', ({ request }) => ({
    target: { type: 'feedback', id: String(request.params['feedbackId']) },
  }))
  @ApiOperation({ summary: 'Delete feedback recorded by mistake' })
  @ApiIdParam('feedbackId', 'The feedback')
  async remove(
    @CurrentCaller() caller: WorkspaceCaller,
    @Param('feedbackId', FEEDBACK_ID) feedbackId: Types.ObjectId,
  ): Promise<void> {
    await this.feedback.remove(caller, feedbackId);
  }

  @Get('specifications/:specificationId/feedback')
  @Allow('specification.list')
  @ApiOperation({ summary: 'The feedback behind a specification’s text, in the order of the text' })
  @ApiIdParam('specificationId', 'The specification')
  forSpecification(
    @CurrentCaller() caller: WorkspaceCaller,
    @Param('specificationId', new ObjectIdPipe('that specification'))
    specificationId: Types.ObjectId,
  ): Promise<FeedbackView[]> {
    return this.feedback.forSpecification(caller, specificationId);
  }
}
