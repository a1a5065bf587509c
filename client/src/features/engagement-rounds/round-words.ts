// How a market engagement round is put into words on its pages: its status, its
// times as UK clocks read them, who took part and what was decided about a change.
import {
  FEEDBACK_STATUS_NAMES,
  type RoundAuthor,
  type RoundDecision,
  type RoundParticipant,
  type RoundStatus,
  type RoundView,
} from '@coproduce/domain';
import type { TagColour } from '../../components/Tag';
import { formatUkDate, formatUkTime } from '../engagement/uk-time';

export const ROUND_STATUS_TAGS: Record<RoundStatus, [string, TagColour]> = {
  upcoming: ['Upcoming', 'blue'],
  open: ['Open', 'green'],
  closed: ['Closed', 'grey'],
};

/**
 * The round's status as the page should show it: once the copy's live connection says
 * the round closed, it is closed, even before the round is fetched again.
 */
export function shownStatus(round: Pick<RoundView, 'status'>, copyClosed: boolean): RoundStatus {
  return copyClosed ? 'closed' : round.status;
}

/** "5pm on 3 December 2026", "9:30am on 1 April 2027": UK clocks, as NHS.UK writes times. */
export function formatRoundTime(iso: string): string {
  const date = formatUkDate(iso);
  if (date === 'Unknown date') return 'an unknown time';
  return `${formatUkTime(iso).replace(':00', '')} on ${date}`;
}

/** Said at once when the copy turns read-only for good. */
export function closedNotice(closedAt: string): string {
  return `This round closed at ${formatRoundTime(closedAt)}. The engagement copy is kept as the round’s record.`;
}

/** "1 provider", "3 providers". */
export function countProviders(count: number): string {
  return `${count} ${count === 1 ? 'provider' : 'providers'}`;
}

/** A participant or author as the caller may see them: "Sam Patel, Hillside Trust", or "A provider". */
export function personWithOrganisation(person: RoundParticipant | RoundAuthor): string {
  return person.organisation ? `${person.name}, ${person.organisation}` : person.name;
}

/** What became of a change, in one sentence. */
export function describeDecision(decision: RoundDecision): string {
  if (decision.kind === 'taken') {
    return `Taken into the draft by ${decision.by.name} at ${formatRoundTime(decision.at)}.`;
  }
  const status = FEEDBACK_STATUS_NAMES[decision.status].toLowerCase();
  const reason = decision.reason ? ` — ${decision.reason.trim()}` : '';
  const said = `Recorded as feedback: ${status}${reason}`;
  // A reason written as a sentence already ends in its own full stop.
  const ended = /[.!?]$/.test(said) ? said : `${said}.`;
  return `${ended} By ${decision.by.name} at ${formatRoundTime(decision.at)}.`;
}
