// The forms of a market engagement round: starting one, and later changing its closing
// time and whether providers see each other's names. Checked before sending, in words a
// person can act on; the server checks again and its message is shown as it says it.
import type { RoundRequest, RoundUpdate, RoundView } from '@coproduce/domain';
import type { ProblemItem } from '../../components/ErrorSummary';
import { dateEntryProblem } from '../../calendar-dates';
import { isClockTime, isoToUkFields, ukDateTimeToIso } from '../engagement/uk-time';

/** The closing date and time fields, keyed by field id as useFormFields keeps them. */
export interface ClosingValues {
  'round-closes-date': string;
  'round-closes-time': string;
}

export interface StartRoundValues {
  text: ClosingValues & { 'round-title': string };
  specificationId: string;
  eventId: string;
  /** User ids of the workspace's providers taking part. */
  participantIds: string[];
  namesShown: boolean;
}

/** The field ids the error summary links to. */
export const ROUND_FIELDS = {
  specification: 'round-specification',
  event: 'round-event',
  title: 'round-title',
  closesDate: 'round-closes-date',
  closesTime: 'round-closes-time',
  participants: 'round-participants',
} as const;

/** A blank form, with the specification and event chosen when the page was opened for them. */
export function startRoundValues(choice: {
  specificationId?: string;
  eventId?: string;
}): StartRoundValues {
  return {
    text: { 'round-title': '', 'round-closes-date': '', 'round-closes-time': '' },
    specificationId: choice.specificationId ?? '',
    eventId: choice.eventId ?? '',
    participantIds: [],
    namesShown: false,
  };
}

/**
 * The market engagement event a round is most likely for, when the page was not opened
 * from one: the next still to come (a round shapes the copy before the event meets).
 */
export function nextMarketEvent<T extends { id: string; startsAt: string }>(
  marketEvents: readonly T[],
  now: Date,
): T | undefined {
  return marketEvents
    .filter((event) => Date.parse(event.startsAt) > now.getTime())
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))[0];
}

/** A round's closing time as its form's fields show it, in UK time. */
export function closingValues(round: Pick<RoundView, 'closesAt'>): ClosingValues {
  const { date, time } = isoToUkFields(round.closesAt);
  return { 'round-closes-date': date, 'round-closes-time': time };
}

/** The closing instant, or undefined with the problems found. */
export function checkClosing(
  values: ClosingValues,
  now: Date,
  problems: ProblemItem[],
): string | undefined {
  const date = values['round-closes-date'].trim();
  const time = values['round-closes-time'].trim();
  if (date === '') {
    problems.push({ fieldId: ROUND_FIELDS.closesDate, text: 'Enter the date the round closes' });
  } else {
    const problem = dateEntryProblem(date, 'Closing date', '3 12 2026');
    if (problem) problems.push({ fieldId: ROUND_FIELDS.closesDate, text: problem });
  }
  if (time === '') {
    problems.push({ fieldId: ROUND_FIELDS.closesTime, text: 'Enter the time the round closes' });
  } else if (!isClockTime(time)) {
    problems.push({
      fieldId: ROUND_FIELDS.closesTime,
      text: 'Closing time must be a real time, for example 17:00',
    });
  }
  const closesAt = ukDateTimeToIso(date, time);
  if (closesAt && Date.parse(closesAt) <= now.getTime()) {
    problems.push({
      fieldId: ROUND_FIELDS.closesDate,
      text: 'The closing time must be in the future',
    });
    return undefined;
  }
  return closesAt;
}

/** Problems with a new round, or the request when there are none. */
export function validateStartRound(
  values: StartRoundValues,
  now: Date,
): { problems: ProblemItem[]; request?: RoundRequest } {
  const problems: ProblemItem[] = [];
  if (values.specificationId === '') {
    problems.push({
      fieldId: ROUND_FIELDS.specification,
      text: 'Choose the specification providers will shape',
    });
  }
  if (values.eventId === '') {
    problems.push({
      fieldId: ROUND_FIELDS.event,
      text: 'Choose the market engagement event the round belongs to',
    });
  }
  const title = values.text['round-title'].trim();
  if (title === '') {
    problems.push({ fieldId: ROUND_FIELDS.title, text: 'Enter a title for the round' });
  } else if (/[\r\n]/.test(title)) {
    problems.push({ fieldId: ROUND_FIELDS.title, text: 'Title must be on one line' });
  }
  const closesAt = checkClosing(values.text, now, problems);
  if (values.participantIds.length === 0) {
    problems.push({
      fieldId: ROUND_FIELDS.participants,
      text: 'Choose at least one provider to take part',
    });
  }
  if (problems.length > 0 || !closesAt) return { problems };
  return {
    problems,
    request: {
      specificationId: values.specificationId,
      eventId: values.eventId,
      title,
      closesAt,
      participantIds: values.participantIds,
      namesShown: values.namesShown,
    },
  };
}

/** Problems with a changed closing time, or the update (closing time and names) to send. */
export function validateRoundChange(
  values: ClosingValues,
  namesShown: boolean,
  now: Date,
): { problems: ProblemItem[]; request?: RoundUpdate } {
  const problems: ProblemItem[] = [];
  const closesAt = checkClosing(values, now, problems);
  if (problems.length > 0 || !closesAt) return { problems };
  return { problems, request: { closesAt, namesShown } };
}
