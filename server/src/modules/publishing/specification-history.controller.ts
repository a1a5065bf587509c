import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  Checkpoint,
  ClarificationQuestion,
  Comparison,
  HistoryEntry,
  QuestionForCommissioners,
  ReadingState,
  RestoreResult,
} from '@coproduce/domain';
import { Types } from 'mongoose';
import { Allow } from '../../base/access-rule.decorators';
import { ApiIdParam } from '../../base/api-docs';
import { Audited } from '../../base/audited.decorator';
import { ObjectIdPipe } from '../../base/object-id.pipe';
import { CurrentMembership, type RequestMembership } from '../access/workspace-request';
import type { UserDocument } from '../accounts/user.schema';
import { CurrentUser } from '../auth/request-auth';
import { CheckpointsService } from './checkpoints.service';
import { CreateCheckpointDto, RestoreDto } from './dto/checkpoint.dto';
import { CompareQueryDto } from './dto/compare-query.dto';
import { publishingCaller } from './publishing-caller';
import { QuestionsService } from './questions.service';
import { VersionsService } from './versions.service';

const SPECIFICATION = new ObjectIdPipe('that specification');

/**
 * A specification's history for the team (checkpoints, history, restoring), comparing
 * two of its texts, and what a reader of its versions needs (reading state, questions).
 */
@ApiTags('publishing')
@ApiBearerAuth()
@ApiIdParam('workspaceId', 'The workspace')
@ApiIdParam('specificationId', 'The specification')
@Controller('api/workspaces/:workspaceId/specifications/:specificationId')
export class SpecificationHistoryController {
  constructor(
    private readonly checkpoints: CheckpointsService,
    private readonly versions: VersionsService,
    private readonly questions: QuestionsService,
  ) {}

  @Post('checkpoints')
  @Allow('specification.checkpoint')
  @Audited('checkpoint.create', ({ request, result }) => ({
    target: { type: 'specification', id: String(request.params['specificationId']) },
    detail: { checkpoint: (result as Checkpoint).name },
  }))
  @ApiOperation({ summary: 'Save a named checkpoint of the draft as it is now' })
  createCheckpoint(
    @CurrentMembership() membership: RequestMembership,
    @CurrentUser() user: UserDocument,
    @Param('specificationId', SPECIFICATION) specificationId: Types.ObjectId,
    @Body() body: CreateCheckpointDto,
  ): Promise<Checkpoint> {
    return this.checkpoints.create(publishingCaller(membership, user), specificationId, body.name);
  }

  @Get('history')
  @Allow('specification.list')
  @ApiOperation({ summary: 'Checkpoints and published versions, newest first (not for providers)' })
  history(
    @CurrentMembership() membership: RequestMembership,
    @CurrentUser() user: UserDocument,
    @Param('specificationId', SPECIFICATION) specificationId: Types.ObjectId,
  ): Promise<HistoryEntry[]> {
    return this.checkpoints.history(publishingCaller(membership, user), specificationId);
  }

  @Post('restore')
  @HttpCode(200)
  @Allow('specification.checkpoint')
  @Audited('checkpoint.restore', ({ request, result }) => ({
    target: { type: 'specification', id: String(request.params['specificationId']) },
    detail: { checkpoint: (result as RestoreResult).restoredFrom.name },
  }))
  @ApiOperation({
    summary: 'Make the draft a checkpoint’s text again, as a new edit every open editor merges',
  })
  restore(
    @CurrentMembership() membership: RequestMembership,
    @CurrentUser() user: UserDocument,
    @Param('specificationId', SPECIFICATION) specificationId: Types.ObjectId,
    @Body() body: RestoreDto,
  ): Promise<RestoreResult> {
    return this.checkpoints.restore(
      publishingCaller(membership, user),
      specificationId,
      new Types.ObjectId(body.checkpointId),
    );
  }

  @Get('compare')
  @Allow('specification.list')
  @ApiOperation({
    summary: 'Two texts compared section by section (providers: published versions only)',
  })
  compare(
    @CurrentMembership() membership: RequestMembership,
    @CurrentUser() user: UserDocument,
    @Param('specificationId', SPECIFICATION) specificationId: Types.ObjectId,
    @Query() query: CompareQueryDto,
  ): Promise<Comparison> {
    return this.checkpoints.compare(
      publishingCaller(membership, user),
      specificationId,
      query.from,
      query.to,
    );
  }

  @Get('reading')
  @Allow('version.read')
  @ApiOperation({ summary: 'The newest version you have read, and the newest published' })
  reading(
    @CurrentMembership() membership: RequestMembership,
    @CurrentUser() user: UserDocument,
    @Param('specificationId', SPECIFICATION) specificationId: Types.ObjectId,
  ): Promise<ReadingState> {
    return this.versions.reading(publishingCaller(membership, user), specificationId);
  }

  @Get('questions')
  @Allow('clarification.read')
  @ApiOperation({
    summary:
      'Clarification questions: providers see answered ones and their own; commissioners all, with who asked',
  })
  questionsOf(
    @CurrentMembership() membership: RequestMembership,
    @CurrentUser() user: UserDocument,
    @Param('specificationId', SPECIFICATION) specificationId: Types.ObjectId,
  ): Promise<Array<ClarificationQuestion | QuestionForCommissioners>> {
    return this.questions.list(publishingCaller(membership, user), specificationId);
  }
}
