import { Link } from 'react-router';
import { paths } from '../../paths';
import { RoundStatusTag } from './RoundStatusTag';
import { useRounds } from './round-queries';
import { formatRoundTime } from './round-words';

interface EventRoundsProps {
  workspaceId: string;
  eventId: string;
}

/**
 * On a market engagement event's page: the rounds started for it that the person may see
 * (every one for the team, their own for a provider), so they are found where they began.
 */
export function EventRounds({ workspaceId, eventId }: EventRoundsProps) {
  const rounds = useRounds(workspaceId);
  const forEvent = (rounds.data ?? []).filter((round) => round.event.id === eventId);
  if (forEvent.length === 0) return null;
  return (
    <>
      <h2>Market engagement rounds for this event</h2>
      <ul className="nhsuk-list">
        {forEvent.map((round) => (
          <li key={round.id}>
            <Link to={paths.engagementRound(workspaceId, round.id)}>{round.title}</Link>{' '}
            <RoundStatusTag status={round.status} />{' '}
            {round.status === 'closed'
              ? `closed at ${formatRoundTime(round.closedAt ?? round.closesAt)}`
              : `closes at ${formatRoundTime(round.closesAt)}`}
          </li>
        ))}
      </ul>
    </>
  );
}
