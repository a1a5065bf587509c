// Shaping the engagement report for its charts and their tables, and saying what each
// chart shows in one sentence (its text alternative). Pure, so it is tested beside.
import {
  AGE_BANDS,
  AUDIENCES,
  AUDIENCE_NAMES,
  ENGAGEMENT_EVENT_TYPES,
  ENGAGEMENT_EVENT_TYPE_NAMES,
  FEEDBACK_STATUSES,
  FEEDBACK_STATUS_NAMES,
  ageBandName,
  type AgeBand,
  type Audience,
  type EngagementEventType,
  type EngagementReport,
  type FeedbackStatus,
} from '@coproduce/domain';
import { formatMonth } from './uk-time';

export const formatCount = (count: number) => count.toLocaleString('en-GB');

export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** "A", "A and B", "A, B and C". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const plural = (count: number, one: string, many: string) =>
  `${formatCount(count)} ${count === 1 ? one : many}`;

// ---------------------------------------------------------------------------
// Reach against the target cohort

export interface CohortRow {
  key: string;
  /** The group in full: "Children and young people aged 5 to 10 years". */
  group: string;
  reached: number;
  cohort: number | null;
  /** People in the cohort not yet heard from; null without a cohort figure. */
  notYetHeard: number | null;
}

function groupName(audience: Audience, ageBand: AgeBand | null): string {
  if (audience !== 'children-and-young-people') return AUDIENCE_NAMES[audience];
  return ageBand
    ? `Children and young people aged ${ageBandName(ageBand)}`
    : 'Children and young people, age not recorded';
}

function groupOrder(audience: Audience, ageBand: AgeBand | null): number {
  const audienceIndex = AUDIENCES.indexOf(audience);
  const bandIndex = ageBand ? AGE_BANDS.indexOf(ageBand) : AGE_BANDS.length;
  return audienceIndex * 10 + bandIndex;
}

/** One row a group, in the order people read them, leaving out groups with neither figure. */
export function cohortRows(report: Pick<EngagementReport, 'reachByAudience'>): CohortRow[] {
  return report.reachByAudience
    .filter((row) => row.reached > 0 || (row.cohort ?? 0) > 0)
    .slice()
    .sort((a, b) => groupOrder(a.audience, a.ageBand) - groupOrder(b.audience, b.ageBand))
    .map((row) => ({
      key: `${row.audience}:${row.ageBand ?? ''}`,
      group: groupName(row.audience, row.ageBand),
      reached: row.reached,
      cohort: row.cohort,
      notYetHeard: row.cohort === null ? null : Math.max(row.cohort - row.reached, 0),
    }));
}

/** The groups of the cohort nobody from has yet taken part. */
export function groupsNotYetHeard(rows: readonly CohortRow[]): CohortRow[] {
  return rows.filter((row) => (row.cohort ?? 0) > 0 && row.reached === 0);
}

export function cohortSummary(rows: readonly CohortRow[]): string {
  const reached = rows.reduce((sum, row) => sum + row.reached, 0);
  const withCohort = rows.filter((row) => (row.cohort ?? 0) > 0);
  if (withCohort.length === 0) {
    if (reached === 0)
      return 'Nobody has taken part in an engagement event yet, and no target cohort is recorded.';
    return `${plural(reached, 'person has', 'people have')} taken part; no target cohort is recorded to compare with.`;
  }
  const cohort = withCohort.reduce((sum, row) => sum + (row.cohort ?? 0), 0);
  const heard = withCohort.reduce((sum, row) => sum + Math.min(row.reached, row.cohort ?? 0), 0);
  const opening = `${formatCount(heard)} of the ${formatCount(cohort)} people in the target cohort have been heard.`;
  const silent = groupsNotYetHeard(rows);
  if (silent.length > 0) {
    return `${opening} Not yet heard at all: ${listInWords(silent.map((row) => row.group.toLowerCase()))}.`;
  }
  const widest = withCohort
    .map((row) => ({ row, share: row.reached / (row.cohort ?? 1) }))
    .sort((a, b) => a.share - b.share)[0]!;
  if (widest.share >= 1) return `${opening} Every group has been heard as often as its size.`;
  return `${opening} Every group has been heard from; the least heard is ${widest.row.group.toLowerCase()} (${formatCount(widest.row.reached)} of ${formatCount(widest.row.cohort ?? 0)}).`;
}

// ---------------------------------------------------------------------------
// Reach by event type, month by month

export interface MonthRow {
  month: string;
  /** "June 2025". */
  label: string;
  events: number;
  tookPart: number;
  /** People who took part, by event type; types with none are absent. */
  byType: Partial<Record<EngagementEventType, number>>;
}

function nextMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}

/** Every month from the first event's to the last's, quiet months included, so time reads evenly. */
export function monthRows(report: Pick<EngagementReport, 'reachByMonth'>): MonthRow[] {
  const valid = report.reachByMonth.filter((row) => /^\d{4}-(0[1-9]|1[0-2])$/.test(row.month));
  if (valid.length === 0) return [];
  const months = valid.map((row) => row.month).sort();
  const rows: MonthRow[] = [];
  // A bad month from far away must not make thousands of rows: ten years at most.
  for (
    let month = months[0]!;
    month <= months.at(-1)! && rows.length < 120;
    month = nextMonth(month)
  ) {
    rows.push({ month, label: formatMonth(month), events: 0, tookPart: 0, byType: {} });
  }
  const byMonth = new Map(rows.map((row) => [row.month, row]));
  for (const entry of valid) {
    const row = byMonth.get(entry.month);
    if (!row) continue;
    row.events += entry.events;
    row.tookPart += entry.tookPart;
    row.byType[entry.type] = (row.byType[entry.type] ?? 0) + entry.tookPart;
  }
  return rows;
}

/** The event types that appear, in the contract's order: the chart's series and the table's columns. */
export function typesIn(rows: readonly MonthRow[]): EngagementEventType[] {
  return ENGAGEMENT_EVENT_TYPES.filter((type) =>
    rows.some((row) => row.byType[type] !== undefined),
  );
}

export function monthSummary(rows: readonly MonthRow[]): string {
  if (rows.length === 0) return 'No engagement events have been recorded yet.';
  const events = rows.reduce((sum, row) => sum + row.events, 0);
  const tookPart = rows.reduce((sum, row) => sum + row.tookPart, 0);
  const span =
    rows.length === 1 ? `In ${rows[0]!.label}` : `From ${rows[0]!.label} to ${rows.at(-1)!.label}`;
  const busiest = rows.reduce((best, row) => (row.tookPart > best.tookPart ? row : best), rows[0]!);
  const opening = `${span}, ${plural(tookPart, 'person', 'people')} took part in ${plural(events, 'event', 'events')}`;
  if (rows.length === 1 || busiest.tookPart === 0) return `${opening}.`;
  return `${opening}; the most in one month was ${formatCount(busiest.tookPart)}, in ${busiest.label}.`;
}

export const eventTypeName = (type: EngagementEventType) => ENGAGEMENT_EVENT_TYPE_NAMES[type];

// ---------------------------------------------------------------------------
// Feedback by theme and by status

export interface ThemeRow {
  themeId: string;
  name: string;
  count: number;
  reflected: number;
  /** Not (yet) reflected: the rest of the bar. */
  notReflected: number;
}

/** Most-raised first; themes with no feedback left out. */
export function themeRows(report: Pick<EngagementReport, 'feedbackByTheme'>): ThemeRow[] {
  return report.feedbackByTheme
    .filter((row) => row.count > 0)
    .map((row) => ({
      themeId: row.themeId,
      name: row.name,
      count: row.count,
      reflected: Math.min(row.reflected, row.count),
      notReflected: Math.max(row.count - row.reflected, 0),
    }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'en-GB'));
}

export function themeSummary(rows: readonly ThemeRow[]): string {
  if (rows.length === 0) return 'No feedback has been given a theme yet.';
  const top = rows[0]!;
  const themes =
    rows.length === 1
      ? 'It is the only theme'
      : `There are ${formatCount(rows.length)} themes in all`;
  return `The theme raised most is ${top.name}, in ${plural(top.count, 'feedback item', 'feedback items')}, ${formatCount(top.reflected)} of them reflected in the specification. ${themes}.`;
}

export interface StatusRow {
  status: FeedbackStatus;
  name: string;
  count: number;
  share: number;
}

export function statusRows(report: Pick<EngagementReport, 'feedbackByStatus'>): StatusRow[] {
  const total = report.feedbackByStatus.reduce((sum, row) => sum + row.count, 0);
  return FEEDBACK_STATUSES.map((status) => {
    const count = report.feedbackByStatus
      .filter((row) => row.status === status)
      .reduce((sum, row) => sum + row.count, 0);
    return {
      status,
      name: FEEDBACK_STATUS_NAMES[status],
      count,
      share: total === 0 ? 0 : count / total,
    };
  });
}

export function statusSummary(rows: readonly StatusRow[]): string {
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  if (total === 0) return 'No feedback has been recorded yet.';
  const parts = rows
    .filter((row) => row.count > 0)
    .sort((a, b) => b.count - a.count)
    .map(
      (row) => `${formatCount(row.count)} ${row.name.toLowerCase()} (${formatShare(row.share)})`,
    );
  return `Of ${plural(total, 'feedback item', 'feedback items')}: ${listInWords(parts)}.`;
}
