import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { parse } from 'csv-parse/sync';
import { Model, Types } from 'mongoose';
import { BadRequest } from '../../../base/errors';
import type { WorkspaceCaller } from '../../access/workspace-caller';
import { EngagementEvent } from '../engagement-event.schema';
import { Feedback } from '../feedback.schema';
import { FeedbackThemesService } from '../feedback-themes.service';
import { decodeCsv } from './decode-csv';
import { columnsFor, FEEDBACK_CSV_FIELDS, type FeedbackCsvField } from './feedback-columns';
import { FeedbackImportSettings } from './feedback-import-settings.schema';
import { fold, readFeedbackRows, type CsvRecord, type RowProblem } from './feedback-rows';

export const MAX_IMPORT_ROWS = 50_000;
/** Problems listed in one answer: enough to fix a file column by column, not a flood. */
const MOST_PROBLEMS_LISTED = 500;
const INSERT_BATCH = 1_000;

export interface ImportCheck {
  valid: boolean;
  /** Feedback rows found (empty lines left out). */
  rows: number;
  errors: RowProblem[];
  /** The file's header, and which column each field was read from (null: not in the file). */
  headers: string[];
  columns: { field: FeedbackCsvField; header: string | null }[];
}

/**
 * Feedback from a survey tool's CSV file: every row checked before anything is stored,
 * then all of it stored or none (an interrupted import takes back what it stored).
 */
@Injectable()
export class FeedbackImportService {
  constructor(
    @InjectModel(Feedback.name) private readonly feedback: Model<Feedback>,
    @InjectModel(EngagementEvent.name) private readonly events: Model<EngagementEvent>,
    @InjectModel(FeedbackImportSettings.name)
    private readonly settings: Model<FeedbackImportSettings>,
    private readonly themes: FeedbackThemesService,
  ) {}

  async check(
    caller: WorkspaceCaller,
    file: Buffer,
  ): Promise<ImportCheck & { read: ReturnType<typeof readFeedbackRows> }> {
    const [header, ...records] = parseCsv(decodeCsv(file));
    if (!header)
      throw new BadRequest('The file has no header row. The first line must name the columns.');
    if (records.length > MAX_IMPORT_ROWS) {
      throw new BadRequest(
        `The file has ${records.length.toLocaleString('en-GB')} rows; import at most ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} at a time. Split it into smaller files.`,
      );
    }
    const headers = header.cells.map((cell) => cell.trim());
    const columns = columnsFor(headers, await this.remembered(caller.workspaceId));
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
      columns: FEEDBACK_CSV_FIELDS.map((field) => ({
        field,
        header: columns.has(field) ? headers[columns.get(field)!]! : null,
      })),
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

  async remembered(workspaceId: Types.ObjectId): Promise<Map<FeedbackCsvField, string>> {
    const settings = await this.settings.findOne({ workspaceId }).lean().exec();
    return new Map((settings?.columns ?? []).map((column) => [column.field, column.header]));
  }

  async remember(
    workspaceId: Types.ObjectId,
    columns: { field: FeedbackCsvField; header: string }[],
  ): Promise<void> {
    await this.settings.updateOne({ workspaceId }, { $set: { columns } }, { upsert: true }).exec();
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

/** Records with the line each starts on; a file that is not CSV is a 400 naming the line. */
function parseCsv(text: string): CsvRecord[] {
  try {
    const records = parse(text, {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map(({ record, info }) => ({ line: info.lines, cells: record }));
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new BadRequest(
      `The file could not be read as CSV${line ? ` at line ${line}` : ''}: a quote may be left open. Save it again from your spreadsheet as CSV.`,
    );
  }
}
