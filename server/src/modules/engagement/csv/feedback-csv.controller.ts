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
import { ImportColumnsDto, ImportQueryDto } from './feedback-csv.dto';
import { FeedbackImportService, type ImportCheck } from './feedback-import.service';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

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
  ): Promise<Omit<ImportCheck, never> | { imported: number } | Record<string, unknown>> {
    if (!Buffer.isBuffer(file)) {
      throw new BadRequest('Send the file itself as the body, with Content-Type: text/csv.');
    }
    const { read, ...check } = await this.imports.check(caller, file);
    if (query.commit !== 'true') {
      response.status(200);
      return check;
    }
    if (!check.valid) {
      response.status(400);
      const rows = new Set(check.errors.map((error) => error.row)).size;
      return {
        error: {
          code: 'bad-request',
          message: `${rows} row${rows === 1 ? ' has' : 's have'} a problem, so nothing was imported. Correct the rows listed and try again.`,
        },
        ...check,
      };
    }
    const imported = await this.imports.commit(caller, read);
    await this.audit.record({
      workspaceId: caller.workspaceId,
      actorId: caller.user._id,
      action: 'feedback.import',
      target: { type: 'feedback' },
      detail: { imported: String(imported) },
    });
    response.status(201);
    return { imported };
  }

  @Get('import-columns')
  @Allow('feedback.manage')
  @ApiOperation({ summary: 'Which column of a survey file holds which field, as remembered' })
  async columns(@CurrentCaller() caller: WorkspaceCaller): Promise<ImportColumnsDto> {
    const remembered = await this.imports.remembered(caller.workspaceId);
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
    await this.imports.remember(caller.workspaceId, body.columns);
    await this.audit.record({
      workspaceId: caller.workspaceId,
      actorId: caller.user._id,
      action: 'feedback.import-columns',
      target: { type: 'feedback' },
    });
    return body;
  }
}
