import type { RoundStatus, RoundView } from '@coproduce/domain';
import { Link } from 'react-router';
import { SummaryList } from '../../components/SummaryList';
import { paths } from '../../paths';
import { RoundStatusTag } from './RoundStatusTag';
import { formatRoundTime, personWithOrganisation } from './round-words';

interface RoundSummaryProps {
  workspaceId: string;
  round: RoundView;
  status: RoundStatus;
}

/** The round at a glance; the specification it was forked from only for the team. */
export function RoundSummary({ workspaceId, round, status }: RoundSummaryProps) {
  return (
    <SummaryList
      rows={[
        {
          key: 'Market engagement event',
          value: (
            <Link to={paths.engagementEvent(workspaceId, round.event.id)}>{round.event.title}</Link>
          ),
        },
        ...(round.specification
          ? [
              {
                key: 'Specification',
                value: (
                  <Link to={paths.specification(workspaceId, round.specification.id)}>
                    {round.specification.title}
                  </Link>
                ),
              },
            ]
          : []),
        { key: 'Status', value: <RoundStatusTag status={status} /> },
        { key: 'Opens', value: formatRoundTime(round.opensAt) },
        {
          key: round.closedAt ? 'Closed' : 'Closes',
          value: formatRoundTime(round.closedAt ?? round.closesAt),
        },
        {
          key: 'Names',
          value: round.namesShown
            ? 'Providers see each other’s names'
            : 'Providers see each other only as “A provider”',
        },
        {
          key: 'Providers taking part',
          value: (
            <ul className="nhsuk-list">
              {round.participants.map((person, index) => (
                <li key={person.id ?? index}>{personWithOrganisation(person)}</li>
              ))}
            </ul>
          ),
        },
      ]}
    />
  );
}
