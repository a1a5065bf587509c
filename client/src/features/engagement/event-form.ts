// The engagement event form's values, the checks made before sending them (the
// server's own, in words a person can act on), and the request they become.
import {
  ENGAGEMENT_EVENT_TYPES,
  MAX_EVENT_LIST_ITEMS,
  MAX_EVENT_NOTES_LENGTH,
  MAX_EVENT_TITLE_LENGTH,
  MAX_LIST_ITEM_LENGTH,
  MAX_REACH_COUNT,
  type CreateEngagementEventRequest,
  type EngagementEvent,
  type EngagementEventType,
} from '@coproduce/domain';
import type { ProblemItem } from '../../components/ErrorSummary';
import { dateEntryProblem } from '../../calendar-dates';
import { readReach, reachRows, reachValuesFrom, type ReachValues } from './reach-grid';
import { isClockTime, isoToUkFields, ukDateTimeToIso } from './uk-time';

/** The form's text, keyed by field id, as useFormFields keeps it. */
export interface EventTextValues {
  'event-title': string;
  'event-date': string;
  'event-time': string;
  'event-end-date': string;
  'event-end-time': string;
  'event-place': string;
  'event-facilitators': string;
  'event-partners': string;
  'event-notes': string;
  'event-accessibility': string;
  'event-safeguarding': string;
  'event-took-part': string;
  'event-attending': string;
  'notice-purpose': string;
  'notice-how': string;
}

export interface EventFormValues {
  type: EngagementEventType | '';
  online: boolean;
  text: EventTextValues;
  reach: ReachValues;
  /** User ids of the workspace's providers who took part (market engagement). */
  providerParticipants: string[];
}

/** The prefix of each reach field's id. */
export const REACH_ID_PREFIX = 'reach';

/** The reach table's rows on the event form. */
export const EVENT_REACH_ROWS = reachRows('Age not recorded');

const lines = (items: readonly string[]) => items.join('\n');

/** A new event's blank form, or an event's recorded details to change. */
export function eventFormValues(event?: EngagementEvent): EventFormValues {
  const start = isoToUkFields(event?.startsAt);
  const end = isoToUkFields(event?.endsAt);
  return {
    type: event?.type ?? '',
    online: event?.online ?? false,
    text: {
      'event-title': event?.title ?? '',
      'event-date': start.date,
      'event-time': start.time,
      'event-end-date': end.date,
      'event-end-time': end.time,
      'event-place': event?.place ?? '',
      'event-facilitators': lines(event?.facilitators ?? []),
      'event-partners': lines(event?.partnerOrganisations ?? []),
      'event-notes': event?.notes ?? '',
      'event-accessibility': event?.accessibilityNotes ?? '',
      'event-safeguarding': event?.safeguardingNotes ?? '',
      'event-took-part': event?.tookPart === null || !event ? '' : String(event.tookPart),
      'event-attending': lines(event?.attendingOrganisations ?? []),
      'notice-purpose': event?.marketNotice?.purpose ?? '',
      'notice-how': event?.marketNotice?.howToTakePart ?? '',
    },
    reach: reachValuesFrom(event?.reach ?? []),
    providerParticipants: event?.providerParticipants.map((person) => person.id) ?? [],
  };
}

/** A list typed one item a line: each trimmed, blank lines dropped. */
export function listFromLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function checkList(fieldId: string, text: string, noun: string, problems: ProblemItem[]): string[] {
  const items = listFromLines(text);
  if (items.length > MAX_EVENT_LIST_ITEMS) {
    problems.push({ fieldId, text: `${noun} must have ${MAX_EVENT_LIST_ITEMS} lines or fewer` });
  } else if (items.some((item) => item.length > MAX_LIST_ITEM_LENGTH)) {
    problems.push({
      fieldId,
      text: `Each line of ${noun.toLowerCase()} must be ${MAX_LIST_ITEM_LENGTH} characters or fewer`,
    });
  }
  return items;
}

function checkNotes(fieldId: string, text: string, noun: string, problems: ProblemItem[]): string {
  const trimmed = text.trim();
  if (trimmed.length > MAX_EVENT_NOTES_LENGTH) {
    problems.push({
      fieldId,
      text: `${noun} must be ${MAX_EVENT_NOTES_LENGTH.toLocaleString('en-GB')} characters or fewer`,
    });
  }
  return trimmed;
}

function checkStart(text: EventTextValues, problems: ProblemItem[]): string | undefined {
  const date = text['event-date'].trim();
  const time = text['event-time'].trim();
  if (date === '') problems.push({ fieldId: 'event-date', text: 'Enter the date of the event' });
  else {
    const problem = dateEntryProblem(date, 'Date of the event', '14 6 2025');
    if (problem) problems.push({ fieldId: 'event-date', text: problem });
  }
  if (time === '') {
    problems.push({ fieldId: 'event-time', text: 'Enter the time the event started' });
  } else if (!isClockTime(time)) {
    problems.push({
      fieldId: 'event-time',
      text: 'Start time must be a real time, for example 14:30',
    });
  }
  return ukDateTimeToIso(date, time);
}

/** The end: null when not given; undefined (with a problem) when given wrongly. */
function checkEnd(
  text: EventTextValues,
  startsAt: string | undefined,
  problems: ProblemItem[],
): string | null | undefined {
  const endDate = text['event-end-date'].trim();
  const endTime = text['event-end-time'].trim();
  if (endDate === '' && endTime === '') return null;
  const endDateProblem = dateEntryProblem(endDate, 'End date', '14 6 2025');
  if (endDateProblem) {
    problems.push({ fieldId: 'event-end-date', text: `${endDateProblem}, or left blank` });
    return undefined;
  }
  if (endTime === '') {
    problems.push({ fieldId: 'event-end-time', text: 'Enter the time the event ended' });
    return undefined;
  }
  if (!isClockTime(endTime)) {
    problems.push({
      fieldId: 'event-end-time',
      text: 'End time must be a real time, for example 16:00',
    });
    return undefined;
  }
  // An end time alone is on the day the event started.
  const endsAt = ukDateTimeToIso(endDate || text['event-date'].trim(), endTime);
  if (startsAt && endsAt && endsAt <= startsAt) {
    problems.push({
      fieldId: endDate === '' ? 'event-end-time' : 'event-end-date',
      text: 'The event must end after it started',
    });
    return undefined;
  }
  return endsAt;
}

function checkTookPart(text: string, problems: ProblemItem[]): number | null {
  const trimmed = text.trim().replace(/,/g, '');
  if (trimmed === '') return null;
  if (!/^\d+$/.test(trimmed)) {
    problems.push({
      fieldId: 'event-took-part',
      text: 'Total who took part must be a whole number, like 40, or left blank',
    });
    return null;
  }
  const total = Number(trimmed);
  if (total > MAX_REACH_COUNT) {
    problems.push({
      fieldId: 'event-took-part',
      text: `Total who took part must be ${MAX_REACH_COUNT.toLocaleString('en-GB')} or fewer`,
    });
  }
  return total;
}

/**
 * Problems with the form, or the request when there are none. `change` sends every
 * field, emptied ones too, so what was removed is removed; a new event leaves them out.
 */
export function validateEvent(
  values: EventFormValues,
  mode: 'record' | 'change',
): { problems: ProblemItem[]; request?: CreateEngagementEventRequest } {
  const { text } = values;
  const problems: ProblemItem[] = [];
  if (values.type === '' || !ENGAGEMENT_EVENT_TYPES.includes(values.type)) {
    problems.push({ fieldId: 'event-type', text: 'Choose the type of event' });
  }
  const title = text['event-title'].trim();
  if (title === '') problems.push({ fieldId: 'event-title', text: 'Enter a title for the event' });
  else if (title.length > MAX_EVENT_TITLE_LENGTH) {
    problems.push({
      fieldId: 'event-title',
      text: `Title must be ${MAX_EVENT_TITLE_LENGTH} characters or fewer`,
    });
  } else if (/[\r\n]/.test(title)) {
    problems.push({ fieldId: 'event-title', text: 'Title must be on one line' });
  }
  const startsAt = checkStart(text, problems);
  const endsAt = checkEnd(text, startsAt, problems);
  const place = text['event-place'].trim();
  if (place === '' && !values.online) {
    problems.push({
      fieldId: 'event-place',
      text: 'Enter where the event took place, or say it was online',
    });
  } else if (place.length > MAX_LIST_ITEM_LENGTH) {
    problems.push({
      fieldId: 'event-place',
      text: `Place must be ${MAX_LIST_ITEM_LENGTH} characters or fewer`,
    });
  }
  const facilitators = checkList(
    'event-facilitators',
    text['event-facilitators'],
    'Facilitators',
    problems,
  );
  const partnerOrganisations = checkList(
    'event-partners',
    text['event-partners'],
    'Partner organisations',
    problems,
  );
  const notes = checkNotes('event-notes', text['event-notes'], 'Notes', problems);
  const accessibilityNotes = checkNotes(
    'event-accessibility',
    text['event-accessibility'],
    'Accessibility notes',
    problems,
  );
  const safeguardingNotes = checkNotes(
    'event-safeguarding',
    text['event-safeguarding'],
    'Safeguarding notes',
    problems,
  );
  const reach = readReach(EVENT_REACH_ROWS, values.reach, REACH_ID_PREFIX);
  problems.push(...reach.problems);
  const tookPart = checkTookPart(text['event-took-part'], problems);

  const market = values.type === 'market-engagement';
  const attendingOrganisations = market
    ? checkList('event-attending', text['event-attending'], 'Organisations that attended', problems)
    : [];
  let marketNotice: CreateEngagementEventRequest['marketNotice'] = null;
  if (market) {
    const purpose = checkNotes(
      'notice-purpose',
      text['notice-purpose'],
      'What the engagement is for',
      problems,
    );
    const howToTakePart = checkNotes(
      'notice-how',
      text['notice-how'],
      'How providers take part',
      problems,
    );
    if (purpose !== '' && howToTakePart === '') {
      problems.push({
        fieldId: 'notice-how',
        text: 'Enter how providers take part, for the notice',
      });
    } else if (purpose === '' && howToTakePart !== '') {
      problems.push({
        fieldId: 'notice-purpose',
        text: 'Enter what the engagement is for, for the notice',
      });
    } else if (purpose !== '') {
      marketNotice = { purpose, howToTakePart };
    }
  }

  if (problems.length > 0 || values.type === '' || !startsAt || endsAt === undefined) {
    return { problems };
  }
  const request: CreateEngagementEventRequest = {
    type: values.type,
    title,
    startsAt,
    place,
    online: values.online,
    facilitators,
    partnerOrganisations,
    notes,
    accessibilityNotes,
    safeguardingNotes,
    reach: reach.counts,
  };
  if (endsAt !== null || mode === 'change') request.endsAt = endsAt;
  if (tookPart !== null || mode === 'change') request.tookPart = tookPart;
  if (market || mode === 'change') {
    request.attendingOrganisations = attendingOrganisations;
    request.providerParticipants = market ? values.providerParticipants : [];
    request.marketNotice = marketNotice;
  }
  return { problems, request };
}
