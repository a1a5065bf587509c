import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import {
  AGE_BANDS,
  AUDIENCES,
  FEEDBACK_STATUSES,
  type AgeBand,
  type Audience,
  type EngagementEventType,
  type EngagementReport,
  type ReachAgainstCohort,
  type ReachCount,
  type ReachInMonth,
  type TargetCohort as CohortView,
} from '@coproduce/domain';
import type { Model, Types } from 'mongoose';
import type { WorkspaceCaller } from '../access/workspace-caller';
import { EngagementEvent, type StoredReachCount } from './engagement-event.schema';
import { FeedbackTally } from './feedback-tally';
import { FeedbackThemesService } from './feedback-themes.service';
import { checkedReach, reachView } from './reach-counts';
import { TargetCohort } from './target-cohort.schema';

const UK_MONTH = new Intl.DateTimeFormat('en-CA', {
  year: 'numeric',
  month: '2-digit',
  timeZone: 'Europe/London',
});

/** `YYYY-MM` of a moment in UK time. */
export function ukMonth(date: Date): string {
  return UK_MONTH.format(date).slice(0, 7);
}

/**
 * The engagement dashboard's figures and the workspace's target cohort. Events are few
 * (hundreds) and read whole; feedback may run to tens of thousands and is counted by
 * the store, through the indexes on workspace, status and themes.
 */
@Injectable()
export class EngagementReportService {
  constructor(
    @InjectModel(EngagementEvent.name) private readonly events: Model<EngagementEvent>,
    @InjectModel(TargetCohort.name) private readonly cohorts: Model<TargetCohort>,
    private readonly themes: FeedbackThemesService,
    private readonly tally: FeedbackTally,
  ) {}

  async cohort(workspaceId: Types.ObjectId): Promise<CohortView> {
    const cohort = await this.cohorts.findOne({ workspaceId }).lean().exec();
    return cohort
      ? { groups: reachView(cohort.groups), updatedAt: cohort.updatedAt.toISOString() }
      : { groups: [], updatedAt: null };
  }

  async setCohort(caller: WorkspaceCaller, groups: ReachCount[]): Promise<CohortView> {
    await this.cohorts
      .updateOne(
        { workspaceId: caller.workspaceId },
        { $set: { groups: checkedReach(groups, 'the target cohort') } },
        { upsert: true },
      )
      .exec();
    return this.cohort(caller.workspaceId);
  }

  async report(caller: WorkspaceCaller): Promise<EngagementReport> {
    const workspaceId = caller.workspaceId;
    const [events, cohort, tallies, names] = await Promise.all([
      this.events
        .find({ workspaceId }, { type: 1, startsAt: 1, reach: 1, total: 1 })
        .lean<
          { type: EngagementEventType; startsAt: Date; reach: StoredReachCount[]; total: number }[]
        >()
        .exec(),
      this.cohorts.findOne({ workspaceId }).lean().exec(),
      this.tally.of(workspaceId),
      this.themes.namesOf(workspaceId),
    ]);
    const feedback = tallies.total;
    return {
      events: events.length,
      tookPart: events.reduce((total, event) => total + event.total, 0),
      reachByAudience: reachAgainstCohort(
        events.flatMap((event) => event.reach),
        cohort?.groups ?? [],
      ),
      reachByMonth: reachByMonth(events),
      feedback,
      feedbackByStatus: FEEDBACK_STATUSES.map((status) => ({
        status,
        count: tallies.byStatus.get(status) ?? 0,
      })),
      feedbackByTheme: [...tallies.byTheme.entries()]
        .filter(([id]) => names.has(id))
        .map(([id, counts]) => ({ themeId: id, name: names.get(id)!, ...counts }))
        .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'en-GB')),
      reflectedShare: feedback === 0 ? 0 : (tallies.byStatus.get('reflected') ?? 0) / feedback,
    };
  }
}

/**
 * Every group that was reached or is in the cohort, in reading order. Children and young
 * people counted without an age band stay a group of their own: they were heard, but
 * cannot be set against an age band of the cohort.
 */
export function reachAgainstCohort(
  reached: readonly StoredReachCount[],
  cohort: readonly StoredReachCount[],
): ReachAgainstCohort[] {
  const key = (audience: Audience, ageBand: AgeBand | null) => `${audience}/${ageBand ?? ''}`;
  const reachedBy = new Map<string, number>();
  for (const row of reached) {
    const k = key(row.audience, row.ageBand);
    reachedBy.set(k, (reachedBy.get(k) ?? 0) + row.count);
  }
  const cohortBy = new Map(cohort.map((row) => [key(row.audience, row.ageBand), row.count]));
  const groups: ReachAgainstCohort[] = [];
  for (const audience of AUDIENCES) {
    const bands: (AgeBand | null)[] =
      audience === 'children-and-young-people' ? [null, ...AGE_BANDS] : [null];
    for (const ageBand of bands) {
      const k = key(audience, ageBand);
      if (!reachedBy.has(k) && !cohortBy.has(k)) continue;
      groups.push({
        audience,
        ageBand,
        reached: reachedBy.get(k) ?? 0,
        cohort: cohortBy.get(k) ?? null,
      });
    }
  }
  return groups;
}

/** Events and people by month (UK time) and type, oldest month first. */
export function reachByMonth(
  events: readonly { type: EngagementEventType; startsAt: Date; total: number }[],
): ReachInMonth[] {
  const rows = new Map<string, ReachInMonth>();
  for (const event of events) {
    const month = ukMonth(event.startsAt);
    const k = `${month}/${event.type}`;
    const row = rows.get(k) ?? { month, type: event.type, events: 0, tookPart: 0 };
    row.events += 1;
    row.tookPart += event.total;
    rows.set(k, row);
  }
  return [...rows.values()].sort(
    (a, b) => a.month.localeCompare(b.month) || a.type.localeCompare(b.type),
  );
}
