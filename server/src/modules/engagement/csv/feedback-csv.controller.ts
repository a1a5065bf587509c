import { Body, Controller, Get, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AcceptsBody } from '../../../base/accepts-body.decorator';
import { Allow } from '../../../base/access-rule.decorators';
import { ApiIdParam } from '../../../base/api-docs';
import { AuditedByService } from '../../../base/audited.decorator';
import { BadRequest } from '../../../base/errors';
import { CurrentCaller, type WorkspaceCaller } from '../../access/workspace-caller';
import { AuditService } from '../../audit/audit.service';
import { MAX_IMPORT_BYTES } from './csv-file';
import type { FeedbackCsvField } from './feedback-columns';
import { ImportColumnsDto, ImportQueryDto } from './feedback-csv.dto';
import { FeedbackImportService } from './feedback-import.service';
import { answerImport } from './import-answer';
import { RememberedColumns } from './remembered-columns';

/**
 * Feedback from a survey tool's CSV file (DESIGN.md, "Engagement"): checked row by row
 * before anything is stored (`?commit=false`, the default), then stored all or nothing.
 */
@ApiTags('engagement')
@ApiBearerAuth()
@ApiIdParam('workspaceId', 'The workspace')
@Controller('api/workspaces/:workspaceId/feedback')
export class FeedbackCsvController {
  constructor(
    private readonly imports: FeedbackImportService,
    private readonly remembered: RememberedColumns,
    private readonly audit: AuditService,
  ) {}

  @Post('import')
  @Allow('feedback.manage')
  @AcceptsBody({ type: 'text/csv', limitBytes: MAX_IMPORT_BYTES, bytes: true })
  @AuditedByService()
  @ApiOperation({
    summary:
      'Check a CSV file of feedback (commit=false: 200, nothing stored) or import it (commit=true: 201, or 400 and nothing stored)',
  })
  async import(
    @CurrentCaller() caller: WorkspaceCaller,
    @Body() file: unknown,
    @Query() query: ImportQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Record<string, unknown>> {
    return answerImport(
      file,
      query.commit,
      response,
      (bytes) => this.imports.check(caller, bytes),
      async (read) => {
        const imported = await this.imports.commit(caller, read);
        await this.audit.record({
          workspaceId: caller.workspaceId,
          actorId: caller.user._id,
          action: 'feedback.import',
          target: { type: 'feedback' },
          detail: { imported: String(imported) },
        });
        return { imported };
      },
    );
  }

  @Get('import-columns')
  @Allow('feedback.manage')
  @ApiOperation({ summary: 'Which column of a survey file holds which field, as remembered' })
  async columns(@CurrentCaller() caller: WorkspaceCaller): Promise<ImportColumnsDto> {
    const remembered = await this.remembered.of<FeedbackCsvField>(caller.workspaceId, 'feedback');
    return { columns: [...remembered].map(([field, header]) => ({ field, header })) };
  }

  @Put('import-columns')
  @Allow('feedback.manage')
  @AuditedByService()
  @ApiOperation({ summary: 'Remember which column of a survey file holds which field' })
  async remember(
    @CurrentCaller() caller: WorkspaceCaller,
    @Body() body: ImportColumnsDto,
  ): Promise<ImportColumnsDto> {
    const fields = body.columns.map((column) => column.field);
    if (new Set(fields).size !== fields.length) {
      throw new BadRequest('Choose each field for one column only.');
    }
    await this.remembered.remember(caller.workspaceId, 'feedback', body.columns);
    await this.audit.record({
      workspaceId: caller.workspaceId,
      actorId: caller.user._id,
      action: 'feedback.import-columns',
      target: { type: 'feedback' },
    });
    return body;
  }
}
