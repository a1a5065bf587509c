import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Types } from 'mongoose';
import { AcceptsBody } from '../../../base/accepts-body.decorator';
import { Allow } from '../../../base/access-rule.decorators';
import { ApiIdParam } from '../../../base/api-docs';
import { AuditedByService } from '../../../base/audited.decorator';
import { BadRequest } from '../../../base/errors';
import { ObjectIdPipe } from '../../../base/object-id.pipe';
import { CurrentCaller, type WorkspaceCaller } from '../../access/workspace-caller';
import { AuditService } from '../../audit/audit.service';
import { EngagementAccess } from '../engagement-access';
import { MAX_IMPORT_BYTES } from './csv-file';
import { ImportQueryDto, ReachImportColumnsDto } from './feedback-csv.dto';
import { answerImport } from './import-answer';
import type { ReachCsvField } from './reach-columns';
import { ReachImportService } from './reach-import.service';
import { RememberedColumns } from './remembered-columns';

/**
 * Who took part, from a survey tool's CSV file, added to one event's counts: checked row by
 * row before anything changes (`?commit=false`, the default), then added all or nothing,
 * like feedback's import (DESIGN.md, "Engagement"). One event per file, named in the
 * address: a survey is one event, and one event's counts change in one update, so "all or
 * nothing" needs no transaction. For those who record events (`engagement.manage`).
 */
@ApiTags('engagement')
@ApiBearerAuth()
@ApiIdParam('workspaceId', 'The workspace')
@Controller('api/workspaces/:workspaceId')
export class ReachCsvController {
  constructor(
    private readonly imports: ReachImportService,
    private readonly access: EngagementAccess,
    private readonly remembered: RememberedColumns,
    private readonly audit: AuditService,
  ) {}

  @Post('engagement-events/:eventId/reach/import')
  @Allow('engagement.manage')
  @AcceptsBody({ type: 'text/csv', limitBytes: MAX_IMPORT_BYTES, bytes: true })
  @AuditedByService()
  @ApiIdParam('eventId', 'The engagement event')
  @ApiOperation({
    summary:
      'Check a CSV file of who took part (commit=false: 200, nothing changed) or add it to the event’s counts (commit=true: 201, or 400 and nothing changed)',
  })
  async import(
    @CurrentCaller() caller: WorkspaceCaller,
    @Param('eventId', new ObjectIdPipe('that engagement event')) eventId: Types.ObjectId,
    @Body() file: unknown,
    @Query() query: ImportQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Record<string, unknown>> {
    // The event first: one the caller may not see is a 404, whatever the body.
    await this.access.findEvent(caller, eventId);
    return answerImport(
      file,
      query.commit,
      response,
      (bytes) => this.imports.check(caller, bytes),
      async (reach) => {
        const counts = await this.imports.add(caller, eventId, reach);
        const people = reach.reduce((sum, row) => sum + row.count, 0);
        await this.audit.record({
          workspaceId: caller.workspaceId,
          actorId: caller.user._id,
          action: 'engagement-event.reach-import',
          target: { type: 'engagement-event', id: eventId.toHexString() },
          detail: { people: String(people), total: String(counts.total) },
        });
        return { imported: people, ...counts };
      },
    );
  }

  @Get('engagement/reach-import-columns')
  @Allow('engagement.manage')
  @ApiOperation({ summary: 'Which column of a reach file holds which field, as remembered' })
  async columns(@CurrentCaller() caller: WorkspaceCaller): Promise<ReachImportColumnsDto> {
    const remembered = await this.remembered.of<ReachCsvField>(caller.workspaceId, 'reach');
    return { columns: [...remembered].map(([field, header]) => ({ field, header })) };
  }

  @Put('engagement/reach-import-columns')
  @Allow('engagement.manage')
  @AuditedByService()
  @ApiOperation({ summary: 'Remember which column of a reach file holds which field' })
  async remember(
    @CurrentCaller() caller: WorkspaceCaller,
    @Body() body: ReachImportColumnsDto,
  ): Promise<ReachImportColumnsDto> {
    const fields = body.columns.map((column) => column.field);
    if (new Set(fields).size !== fields.length) {
      throw new BadRequest('Choose each field for one column only.');
    }
    await this.remembered.remember(caller.workspaceId, 'reach', body.columns);
    await this.audit.record({
      workspaceId: caller.workspaceId,
      actorId: caller.user._id,
      action: 'engagement-event.reach-import-columns',
      target: { type: 'engagement-event' },
    });
    return body;
  }
}
