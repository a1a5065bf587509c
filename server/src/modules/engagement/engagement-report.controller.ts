import { Body, Controller, Get, Param, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EngagementReport, TargetCohort, YouSaidWeDid } from '@coproduce/domain';
import type { Response } from 'express';
import type { Types } from 'mongoose';
import { Allow } from '../../base/access-rule.decorators';
import { ApiIdParam } from '../../base/api-docs';
import { Audited } from '../../base/audited.decorator';
import { ObjectIdPipe } from '../../base/object-id.pipe';
import { CurrentCaller, type WorkspaceCaller } from '../access/workspace-caller';
import { composedContent, composedHtml } from '../specification-export/composed-document';
import { sendExportedFile } from '../specification-export/send-exported-file';
import {
  fileNameFrom,
  SpecificationExportService,
} from '../specification-export/specification-export.service';
import { SpecificationsService } from '../specifications/specifications.service';
import { ReportFormatDto } from './dto/report-format.dto';
import { TargetCohortDto } from './dto/target-cohort.dto';
import { EngagementReportService } from './engagement-report.service';
import { FeedbackService } from './feedback.service';
import { youSaidWeDid, youSaidWeDidCsv, youSaidWeDidDocument } from './you-said-we-did';

/** The engagement dashboard, the target cohort it measures reach against, and "You said, we did". */
@ApiTags('engagement')
@ApiBearerAuth()
@ApiIdParam('workspaceId', 'The workspace')
@Controller('api/workspaces/:workspaceId')
export class EngagementReportController {
  constructor(
    private readonly reports: EngagementReportService,
    private readonly feedback: FeedbackService,
    private readonly specifications: SpecificationsService,
    private readonly exports: SpecificationExportService,
  ) {}

  @Get('engagement/report')
  @Allow('engagement.read')
  @ApiOperation({ summary: 'Reach, reach against the target cohort, feedback by theme and status' })
  report(@CurrentCaller() caller: WorkspaceCaller): Promise<EngagementReport> {
    return this.reports.report(caller);
  }

  @Get('engagement/cohort')
  @Allow('engagement.read')
  @ApiOperation({ summary: 'Who the service is for, by audience and age band' })
  cohort(@CurrentCaller() caller: WorkspaceCaller): Promise<TargetCohort> {
    return this.reports.cohort(caller.workspaceId);
  }

  @Put('engagement/cohort')
  @Allow('engagement.manage')
  @Audited('engagement.set-cohort', () => ({ target: { type: 'target-cohort' } }))
  @ApiOperation({ summary: 'Record who the service is for' })
  setCohort(
    @CurrentCaller() caller: WorkspaceCaller,
    @Body() body: TargetCohortDto,
  ): Promise<TargetCohort> {
    return this.reports.setCohort(caller, body.groups);
  }

  @Get('specifications/:specificationId/you-said-we-did')
  @Allow('specification.list')
  @ApiOperation({
    summary: '“You said, we did”: feedback by theme with the words it shaped now, or why not',
  })
  @ApiIdParam('specificationId', 'The specification')
  async youSaidWeDid(
    @CurrentCaller() caller: WorkspaceCaller,
    @Param('specificationId', new ObjectIdPipe('that specification'))
    specificationId: Types.ObjectId,
    @Query() query: ReportFormatDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<YouSaidWeDid | StreamableFile> {
    const feedback = await this.feedback.forSpecification(caller, specificationId);
    const specification = await this.specifications.detailFor(
      caller.workspaceId,
      specificationId,
      caller.role,
    );
    const report = youSaidWeDid(
      { id: specificationId.toHexString(), name: specification.title },
      feedback,
      new Date(),
    );
    const format = query.format ?? 'json';
    if (format === 'json') return report;
    const document = youSaidWeDidDocument(report);
    const name = fileNameFrom(document.cover.title);
    if (format === 'html' || format === 'csv') {
      const html = format === 'html';
      return sendExportedFile(response, {
        body: Buffer.from(html ? composedHtml(document) : youSaidWeDidCsv(report), 'utf8'),
        contentType: html ? 'text/html; charset=utf-8' : 'text/csv; charset=utf-8',
        fileName: `${name}.${format}`,
      });
    }
    return sendExportedFile(
      response,
      await this.exports.exportDocument(format, composedContent(document), document.cover),
    );
  }
}
