import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { BadRequest } from '../../../base/errors';
import type { WorkspaceCaller } from '../../access/workspace-caller';
import { EngagementEvent } from '../engagement-event.schema';
import { Feedback } from '../feedback.schema';
import { FeedbackThemesService } from '../feedback-themes.service';
import { columnsFor, columnsRead } from './column-mapping';
import { readCsvFile } from './csv-file';
import { FEEDBACK_CSV, type FeedbackCsvField } from './feedback-columns';
import { readFeedbackRows } from './feedback-rows';
import { MOST_PROBLEMS_LISTED, type ImportCheck } from './import-answer';
import { fold } from './people-words';
import { RememberedColumns } from './remembered-columns';

const INSERT_BATCH = 1_000;

/**
 * Feedback from a survey tool's CSV file: every row checked before anything is stored,
 * then all of it stored or none (an interrupted import takes back what it stored).
 */
@Injectable()
export class FeedbackImportService {
  constructor(
    @InjectModel(Feedback.name) private readonly feedback: Model<Feedback>,
    @InjectModel(EngagementEvent.name) private readonly events: Model<EngagementEvent>,
    private readonly remembered: RememberedColumns,
    private readonly themes: FeedbackThemesService,
  ) {}

  async check(
    caller: WorkspaceCaller,
    file: Buffer,
  ): Promise<ImportCheck<FeedbackCsvField> & { read: ReturnType<typeof readFeedbackRows> }> {
    const { headers, records } = readCsvFile(file);
    const columns = columnsFor(
      FEEDBACK_CSV,
      headers,
      await this.remembered.of<FeedbackCsvField>(caller.workspaceId, 'feedback'),
    );
    const missing = (['text', 'audience'] as const).filter((field) => !columns.has(field));
    if (missing.length > 0) {
      throw new BadRequest(
        `No column holds ${missing.map((field) => (field === 'text' ? 'what was said' : 'the audience')).join(' or ')}. Name the column (for example “What was said”, “Audience”) or choose it when importing.`,
      );
    }
    const read = readFeedbackRows(records, columns, await this.eventsByName(caller.workspaceId));
    return {
      valid: read.problems.length === 0,
      rows: read.rows.length + new Set(read.problems.map((problem) => problem.row)).size,
      errors: read.problems.slice(0, MOST_PROBLEMS_LISTED),
      headers,
      columns: columnsRead(FEEDBACK_CSV, headers, columns),
      read,
    };
  }

  /** Stores every row of a file that checked clean; how many. */
  async commit(
    caller: WorkspaceCaller,
    read: ReturnType<typeof readFeedbackRows>,
  ): Promise<number> {
    const themeNames = [...new Set(read.rows.flatMap((row) => row.themes))];
    const themeIds = new Map(themeNames.map((name, index) => [name, index] as const));
    const resolved = await this.themes.resolve(caller.workspaceId, themeNames);
    const importId = new Types.ObjectId().toHexString();
    const now = new Date();
    try {
      for (let start = 0; start < read.rows.length; start += INSERT_BATCH) {
        await this.feedback.insertMany(
          read.rows.slice(start, start + INSERT_BATCH).map((row) => ({
            workspaceId: caller.workspaceId,
            eventId: row.eventId,
            source: row.source,
            text: row.text,
            verbatim: row.verbatim,
            audience: row.audience,
            ageBand: row.ageBand,
            themeIds: row.themes.map((name) => resolved[themeIds.get(name)!]!),
            status: 'new',
            links: [],
            importId,
            createdBy: caller.user._id,
            createdAt: now,
            updatedAt: now,
          })),
          { ordered: true },
        );
      }
    } catch (error) {
      await this.feedback.deleteMany({ workspaceId: caller.workspaceId, importId }).exec();
      throw error;
    }
    return read.rows.length;
  }

  /** Events by id and by title, folded as rows are. */
  private async eventsByName(workspaceId: Types.ObjectId): Promise<Map<string, Types.ObjectId>> {
    const events = await this.events
      .find({ workspaceId }, { title: 1 })
      .lean<{ _id: Types.ObjectId; title: string }[]>()
      .exec();
    return new Map(
      events.flatMap((event) => [
        [event._id.toHexString(), event._id],
        [fold(event.title), event._id],
      ]),
    );
  }
}
