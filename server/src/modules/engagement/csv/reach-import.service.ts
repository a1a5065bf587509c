import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { MAX_REACH_COUNT, type ReachCount } from '@coproduce/domain';
import type { Model, Types } from 'mongoose';
import { setTimeout as sleep } from 'node:timers/promises';
import { BadRequest, NotFound, ServiceUnavailable } from '../../../base/errors';
import type { WorkspaceCaller } from '../../access/workspace-caller';
import { EngagementEvent, type StoredReachCount } from '../engagement-event.schema';
import { reachView, sumOf } from '../reach-counts';
import { columnsFor, columnsRead } from './column-mapping';
import { readCsvFile } from './csv-file';
import { MOST_PROBLEMS_LISTED, type ImportCheck } from './import-answer';
import { REACH_CSV, type ReachCsvField } from './reach-columns';
import { reachOf, readReachRows } from './reach-rows';
import { RememberedColumns } from './remembered-columns';

/** How often the one update is tried again when drop-in devices moved the counts on. */
const ATTEMPTS = 20;

export interface ReachCheck extends ImportCheck<ReachCsvField> {
  /** What the file adds to the event's counts, by group. */
  reach: ReachCount[];
  /** People the file adds in all. */
  people: number;
}

/**
 * Reach (who took part, by audience and age band) from a survey tool's CSV file, added to
 * one event's counts: checked row by row first, then added all at once by one update of
 * the event, so all of it is counted or none, beside drop-in devices counting at the same
 * time (EventCountsService) and on any MongoDB, without transactions.
 */
@Injectable()
export class ReachImportService {
  constructor(
    @InjectModel(EngagementEvent.name) private readonly events: Model<EngagementEvent>,
    private readonly remembered: RememberedColumns,
  ) {}

  /** Checks a file for an event the caller may see (the controller found it first). */
  async check(caller: WorkspaceCaller, file: Buffer): Promise<ReachCheck & { read: ReachCount[] }> {
    const { headers, records } = readCsvFile(file);
    const columns = columnsFor(
      REACH_CSV,
      headers,
      await this.remembered.of<ReachCsvField>(caller.workspaceId, 'reach'),
    );
    if (!columns.has('audience')) {
      throw new BadRequest(
        'No column holds the audience. Name the column (for example “Audience”, “Who are you?”) or choose it when importing.',
      );
    }
    const { rows, problems } = readReachRows(records, columns);
    const reach = reachOf(rows);
    return {
      valid: problems.length === 0,
      rows: rows.length + new Set(problems.map((problem) => problem.row)).size,
      errors: problems.slice(0, MOST_PROBLEMS_LISTED),
      headers,
      columns: columnsRead(REACH_CSV, headers, columns),
      reach,
      people: sumOf(reach),
      read: reach,
    };
  }

  /** Adds a checked file's counts to the event; its counts and total afterwards. */
  async add(
    caller: WorkspaceCaller,
    eventId: Types.ObjectId,
    added: readonly ReachCount[],
  ): Promise<{ reach: ReachCount[]; total: number }> {
    const people = sumOf(added);
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const event = await this.events.collection.findOne<{
        reach: StoredReachCount[];
        tookPart: number | null;
        total: number;
      }>(
        { _id: eventId, workspaceId: caller.workspaceId },
        { projection: { reach: 1, tookPart: 1, total: 1 } },
      );
      if (!event) throw new NotFound('that engagement event');
      const reach = withAdded(event.reach, added);
      const tookPart = event.tookPart ?? null;
      // Only if nothing moved the counts since they were read: otherwise read them again.
      const result = await this.events.collection.updateOne(
        { _id: eventId, workspaceId: caller.workspaceId, reach: event.reach, total: event.total },
        {
          $set: { reach },
          // A total recorded apart from the counts moves with them; the sum moves by itself.
          $inc: { total: people, ...(tookPart === null ? {} : { tookPart: people }) },
        },
      );
      if (result.matchedCount === 1)
        return { reach: reachView(reach), total: event.total + people };
      await sleep(Math.random() * 5 * (attempt + 1));
    }
    throw new ServiceUnavailable(
      'The counts of this event kept changing while the file was added. Import it again in a moment.',
    );
  }
}

/** The event's counts with a file's added, each group once; 400 past the most one group holds. */
function withAdded(
  reach: readonly StoredReachCount[],
  added: readonly ReachCount[],
): StoredReachCount[] {
  const rows = reach.map((row) => ({ ...row }));
  for (const { audience, ageBand = null, count } of added) {
    const row = rows.find(
      (each) => each.audience === audience && (each.ageBand ?? null) === ageBand,
    );
    if (row) row.count += count;
    else rows.push({ audience, ageBand, count });
  }
  if (rows.some((row) => row.count > MAX_REACH_COUNT)) {
    throw new BadRequest(
      `With this file a group would count more than ${MAX_REACH_COUNT.toLocaleString('en-GB')} people, the most one group holds. Check the numbers in the file.`,
    );
  }
  return rows;
}
