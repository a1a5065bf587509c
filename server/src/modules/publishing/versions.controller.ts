import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  ClarificationQuestion,
  PublishedVersionReceipt,
  VersionDetail,
  VersionSummary,
} from '@coproduce/domain';
import type { Response } from 'express';
import type { Types } from 'mongoose';
import { Allow } from '../../base/access-rule.decorators';
import { ApiIdParam } from '../../base/api-docs';
import { Audited, AuditedByService } from '../../base/audited.decorator';
import { ObjectIdPipe } from '../../base/object-id.pipe';
import { CurrentMembership, type RequestMembership } from '../access/workspace-request';
import type { UserDocument } from '../accounts/user.schema';
import { CurrentUser } from '../auth/request-auth';
import { ExportQueryDto } from '../specification-export/export-query.dto';
import { ApiExportedFile, sendExportedFile } from '../specification-export/send-exported-file';
import { PublishDto } from './dto/publish.dto';
import { AskQuestionDto } from './dto/question.dto';
import { WithdrawVersionDto } from './dto/withdraw-version.dto';
import { publishingCaller } from './publishing-caller';
import { QuestionsService } from './questions.service';
import { VersionNumberPipe } from './version-number.pipe';
import { VersionsService } from './versions.service';

const SPECIFICATION = new ObjectIdPipe('that specification');

/** Published versions of a specification: publishing, reading, withdrawing, downloading, asking. */
@ApiTags('publishing')
@ApiBearerAuth()
@ApiIdParam('workspaceId', 'The workspace')
@ApiIdParam('specificationId', 'The specification')
@Controller('api/workspaces/:workspaceId/specifications/:specificationId/versions')
export class VersionsController {
  constructor(
    private readonly versions: VersionsService,
    private readonly questions: QuestionsService,
  ) {}

  @Post()
  @Allow('specification.publish')
  @Audited('version.publish', ({ request, result }) => ({
    target: { type: 'specification', id: String(request.params['specificationId']) },
    detail: {
      version: String((result as PublishedVersionReceipt).number),
      name: (result as PublishedVersionReceipt).name,
    },
  }))
  @ApiOperation({ summary: 'Publish the text as it is now as a new numbered, immutable version' })
  publish(
    @CurrentMembership() membership: RequestMembership,
    @CurrentUser() user: UserDocument,
    @Param('specificationId', SPECIFICATION) specificationId: Types.ObjectId,
    @Body() body: PublishDto,
  ): Promise<PublishedVersionReceipt> {
    return this.versions.publish(publishingCaller(membership, user), specificationId, body);
  }

  @Get()
  @Allow('version.read')
  @ApiOperation({ summary: 'Published versions, newest first, withdrawn ones marked' })
  list(
    @CurrentMembership() membership: RequestMembership,
    @CurrentUser() user: UserDocument,
    @Param('specificationId', SPECIFICATION) specificationId: Types.ObjectId,
  ): Promise<VersionSummary[]> {
    return this.versions.list(publishingCaller(membership, user), specificationId);
  }

  @Get(':number')
  @Allow('version.read')
  @ApiOperation({ summary: 'A version as published: release notes, HTML, Markdown, contents' })
  detail(
    @CurrentMembership() membership: RequestMembership,
    @CurrentUser() user: UserDocument,
    @Param('specificationId', SPECIFICATION) specificationId: Types.ObjectId,
    @Param('number', VersionNumberPipe) number: number,
  ): Promise<VersionDetail> {
    return this.versions.detail(publishingCaller(membership, user), specificationId, number);
  }

  @Post(':number/withdraw')
  @HttpCode(200)
  @Allow('version.withdraw')
  @Audited('version.withdraw', ({ request }) => ({
    target: { type: 'specification', id: String(request.params['specificationId']) },
    detail: { version: String(request.params['number']) },
  }))
  @ApiOperation({ summary: 'Withdraw a version, with a reason (it stays readable, marked)' })
  withdraw(
    @CurrentMembership() membership: RequestMembership,
    @CurrentUser() user: UserDocument,
    @Param('specificationId', SPECIFICATION) specificationId: Types.ObjectId,
    @Param('number', VersionNumberPipe) number: number,
    @Body() body: WithdrawVersionDto,
  ): Promise<VersionSummary> {
    return this.versions.withdraw(
      publishingCaller(membership, user),
      specificationId,
      number,
      body.reason,
    );
  }

  @Get(':number/export')
  @Allow('version.export')
  @ApiOperation({ summary: 'A version as a Word, PDF or Markdown file' })
  @ApiExportedFile()
  async export(
    @CurrentMembership() membership: RequestMembership,
    @CurrentUser() user: UserDocument,
    @Param('specificationId', SPECIFICATION) specificationId: Types.ObjectId,
    @Param('number', VersionNumberPipe) number: number,
    @Query() query: ExportQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const file = await this.versions.exportFile(
      publishingCaller(membership, user),
      specificationId,
      number,
      query.format,
    );
    return sendExportedFile(response, file);
  }

  @Post(':number/read')
  @HttpCode(204)
  // Marking what one has read changes nothing anyone else sees: fine in an archived workspace.
  @Allow('version.read', { whileArchived: true })
  @AuditedByService()
  @ApiOperation({ summary: 'You have read this version (for "what changed since you last read")' })
  async read(
    @CurrentMembership() membership: RequestMembership,
    @CurrentUser() user: UserDocument,
    @Param('specificationId', SPECIFICATION) specificationId: Types.ObjectId,
    @Param('number', VersionNumberPipe) number: number,
  ): Promise<void> {
    await this.versions.markRead(publishingCaller(membership, user), specificationId, number);
  }

  @Post(':number/questions')
  // The service finds the version first: one in another workspace is 404 for everyone.
  @Allow('version.read')
  @Audited('question.ask', ({ request, result }) => ({
    target: { type: 'question', id: (result as ClarificationQuestion).id },
    detail: { version: String(request.params['number']) },
  }))
  @ApiOperation({
    summary:
      'Ask a clarification question on a version (409 questions-closed after its deadline, version-withdrawn)',
  })
  ask(
    @CurrentMembership() membership: RequestMembership,
    @CurrentUser() user: UserDocument,
    @Param('specificationId', SPECIFICATION) specificationId: Types.ObjectId,
    @Param('number', VersionNumberPipe) number: number,
    @Body() body: AskQuestionDto,
  ): Promise<ClarificationQuestion> {
    return this.questions.ask(publishingCaller(membership, user), specificationId, number, body);
  }
}
