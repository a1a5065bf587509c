import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ExportFormat } from '@coproduce/domain';
import type { Model, Types } from 'mongoose';
import { NotFound } from '../../base/errors';
import type { WorkspaceCaller } from '../access/workspace-caller';
import { composedContent, composedMarkdown } from '../specification-export/composed-document';
import {
  fileNameFrom,
  SpecificationExportService,
  type ExportedFile,
} from '../specification-export/specification-export.service';
import { WorkspacesService } from '../workspaces/workspaces.service';
import { EngagementAccess } from './engagement-access';
import { marketEngagementNotice, type NoticeRound } from './market-notice';
import { EngagementRound } from './rounds/engagement-round.schema';

/** A market engagement event's notice as Markdown, Word or PDF. */
@Injectable()
export class MarketNoticeFiles {
  constructor(
    @InjectModel(EngagementRound.name) private readonly rounds: Model<EngagementRound>,
    private readonly access: EngagementAccess,
    private readonly workspaces: WorkspacesService,
    private readonly exports: SpecificationExportService,
  ) {}

  async file(
    caller: WorkspaceCaller,
    eventId: Types.ObjectId,
    format: ExportFormat,
  ): Promise<ExportedFile> {
    const event = await this.access.findEvent(caller, eventId);
    if (event.type !== 'market-engagement') {
      throw new NotFound(
        'a market engagement notice for that event (it is not a market engagement event)',
      );
    }
    // The notice names when its rounds open and close, and nothing else of them.
    const rounds = await this.rounds
      .find({ workspaceId: caller.workspaceId, eventId }, { title: 1, opensAt: 1, closesAt: 1 })
      .sort({ opensAt: 1 })
      .lean<NoticeRound[]>()
      .exec();
    const notice = marketEngagementNotice(
      event,
      await this.workspaces.findById(caller.workspaceId),
      new Date(),
      rounds,
    );
    if (format !== 'md')
      return this.exports.exportDocument(format, composedContent(notice), notice.cover);
    return {
      body: Buffer.from(composedMarkdown(notice), 'utf8'),
      contentType: 'text/markdown; charset=utf-8',
      fileName: `${fileNameFrom(notice.cover.title)}.md`,
    };
  }
}
