import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Types } from 'mongoose';
import { Allow } from '../../base/access-rule.decorators';
import { ApiIdParam } from '../../base/api-docs';
import { NotFound } from '../../base/errors';
import { ObjectIdPipe } from '../../base/object-id.pipe';
import { AccessPolicy } from '../access/access-policy';
import { CurrentMembership, type RequestMembership } from '../access/workspace-request';
import { SpecificationReader } from '../collab/specification-reader';
import { SpecificationsService } from '../specifications/specifications.service';
import { draftCover } from './export-cover';
import { ExportQueryDto } from './export-query.dto';
import { ApiExportedFile, sendExportedFile } from './send-exported-file';
import { SpecificationExportService } from './specification-export.service';

/**
 * Downloading a draft as it is now, for members who may read drafts. A provider is
 * answered 404, as for the draft itself: published versions have their own export.
 * Not audited: the audit log records changes, and reading a draft (GET of it, joining it
 * live) is not recorded either.
 */
@ApiTags('specifications')
@ApiBearerAuth()
@ApiIdParam('workspaceId', 'The workspace')
@Controller('api/workspaces/:workspaceId/specifications/:specificationId/export')
export class DraftExportController {
  constructor(
    private readonly specifications: SpecificationsService,
    private readonly reader: SpecificationReader,
    private readonly exports: SpecificationExportService,
  ) {}

  @Get()
  @Allow('specification.list')
  @ApiOperation({ summary: 'The draft as it is now, as a Word, PDF or Markdown file' })
  @ApiIdParam('specificationId', 'The specification')
  @ApiExportedFile()
  async export(
    @CurrentMembership() membership: RequestMembership,
    @Param('specificationId', new ObjectIdPipe('that specification'))
    specificationId: Types.ObjectId,
    @Query() query: ExportQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    if (!AccessPolicy.can(membership.role, 'specification.read-draft')) {
      throw new NotFound('that specification');
    }
    const specification = await this.specifications.detailFor(
      membership.workspaceId,
      specificationId,
      membership.role,
    );
    const file = await this.exports.export(query.format, {
      state: await this.reader.state(specificationId.toHexString()),
      cover: draftCover(specification.title, new Date()),
    });
    return sendExportedFile(response, file);
  }
}
