import {
  AGE_BANDS,
  AUDIENCE_NAMES,
  AUDIENCES,
  ENGAGEMENT_EVENT_TYPE_NAMES,
  FEEDBACK_STATUS_NAMES,
  ageBandName,
  type AgeBand,
  type Audience,
} from '@coproduce/domain';
import type { Types } from 'mongoose';
import type { StoredEvent } from '../engagement-event-view';
import type { StoredFeedback } from '../feedback-view';
import { reachView } from '../reach-counts';
import { spreadsheetCsv } from './spreadsheet-csv';

/** Every group an event's reach can count, as columns: children by age band, then the rest. */
interface ReachGroup {
  audience: Audience;
  ageBand: AgeBand | null;
  name: string;
}

const REACH_GROUPS: ReachGroup[] = AUDIENCES.flatMap((audience): ReachGroup[] =>
  audience === 'children-and-young-people'
    ? [
        { audience, ageBand: null, name: `${AUDIENCE_NAMES[audience]} (age not recorded)` },
        ...AGE_BANDS.map((ageBand) => ({
          audience,
          ageBand,
          name: `${AUDIENCE_NAMES[audience]} aged ${ageBandName(ageBand)}`,
        })),
      ]
    : [{ audience, ageBand: null, name: AUDIENCE_NAMES[audience] }],
);

const isoDay = (date: Date | null) => (date ? date.toISOString() : '');

/** Engagement events with their reach, one row each, as a spreadsheet opens them. */
export function eventsCsv(events: readonly StoredEvent[]): string {
  return spreadsheetCsv(
    [
      'Starts',
      'Ends',
      'Type',
      'Title',
      'Place',
      'Online',
      'Took part',
      ...REACH_GROUPS.map((group) => group.name),
      'Facilitators',
      'Partner organisations',
      'Attending organisations',
    ],
    events.map((event) => [
      isoDay(event.startsAt),
      isoDay(event.endsAt),
      ENGAGEMENT_EVENT_TYPE_NAMES[event.type],
      event.title,
      event.place,
      event.online ? 'yes' : 'no',
      event.total,
      ...REACH_GROUPS.map(
        (group) =>
          event.reach.find(
            (row) => row.audience === group.audience && row.ageBand === group.ageBand,
          )?.count ?? 0,
      ),
      event.facilitators.join('; '),
      event.partnerOrganisations.join('; '),
      event.attendingOrganisations.join('; '),
    ]),
  );
}

/**
 * Who took part, one row per event and group counted (audience, age band), as the reach
 * import reads it back: a file of one event's rows imports as that event's counts.
 */
export function reachCsv(events: readonly StoredEvent[]): string {
  return spreadsheetCsv(
    ['Event', 'Starts', 'Audience', 'Age band', 'People'],
    events.flatMap((event) =>
      reachView(event.reach).map((row) => [
        event.title,
        isoDay(event.startsAt),
        AUDIENCE_NAMES[row.audience],
        row.ageBand ?? '',
        row.count,
      ]),
    ),
  );
}

/** Feedback, one row each, with its event, themes, status and reason by name. */
export function feedbackCsv(
  items: readonly StoredFeedback[],
  events: ReadonlyMap<string, { title: string }>,
  themes: ReadonlyMap<string, string>,
  specifications: ReadonlyMap<string, string>,
): string {
  const name = (id: Types.ObjectId, names: ReadonlyMap<string, string>) =>
    names.get(id.toHexString()) ?? '';
  return spreadsheetCsv(
    [
      'Recorded',
      'Event',
      'Other source',
      'What was said',
      'Words',
      'Audience',
      'Age band',
      'Themes',
      'Status',
      'Why not taken forward',
      'Shaped',
    ],
    items.map((item) => [
      item.createdAt.toISOString(),
      item.eventId ? (events.get(item.eventId.toHexString())?.title ?? '') : '',
      item.source,
      item.text,
      item.verbatim ? 'verbatim' : 'summarised',
      AUDIENCE_NAMES[item.audience],
      item.ageBand ?? '',
      item.themeIds
        .map((id) => name(id, themes))
        .filter(Boolean)
        .join('; '),
      FEEDBACK_STATUS_NAMES[item.status],
      item.status === 'not-taken-forward' ? (item.reason ?? '') : '',
      [...new Set(item.links.map((link) => name(link.specificationId, specifications)))]
        .filter(Boolean)
        .join('; '),
    ]),
  );
}
