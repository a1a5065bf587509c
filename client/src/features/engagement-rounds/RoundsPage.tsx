// The workspace's market engagement rounds: for the team every round, for a provider the
// rounds they take part in (their one way to an engagement copy).
import { Link } from 'react-router';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { CaptionedHeading } from '../../components/CaptionedHeading';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { Table } from '../../components/Table';
import { paths } from '../../paths';
import { EngagementUnavailable } from '../engagement/EngagementUnavailable';
import { RoundStatusTag } from './RoundStatusTag';
import { useRounds } from './round-queries';
import { countProviders, formatRoundTime } from './round-words';
import { useRoundsFrame } from './useRoundsFrame';

const TITLE = 'Market engagement rounds';

export function RoundsPage() {
  const frame = useRoundsFrame();
  const { workspaceId, workspaceName, isProvider, manages } = frame;
  const seesRounds = manages || frame.allowed('engagement-round.take-part');
  const rounds = useRounds(workspaceId, seesRounds);
  const breadcrumbs = frame.workspaceCrumbs;

  if (frame.pending) {
    return (
      <Page title={TITLE} breadcrumbs={breadcrumbs}>
        <Loading what="market engagement rounds" />
      </Page>
    );
  }
  if (frame.error || !seesRounds) {
    return (
      <EngagementUnavailable
        title="You cannot see this workspace’s market engagement rounds"
        breadcrumbs={breadcrumbs}
        error={frame.error}
        workspaceId={workspaceId}
      />
    );
  }

  return (
    <Page title={`${TITLE} – ${workspaceName}`} breadcrumbs={breadcrumbs} hasError={rounds.isError}>
      {rounds.isError && <ApiErrorSummary error={rounds.error} />}
      <CaptionedHeading caption={workspaceName}>{TITLE}</CaptionedHeading>
      <p>
        {isProvider
          ? 'The rounds you take part in. In each, providers shape an engagement copy of a specification together, live, until the round closes.'
          : 'In a round, providers from a market engagement event shape an engagement copy of a specification together, live. The draft itself is never shared with them.'}
      </p>
      {manages && (
        <Link className="nhsuk-button" to={paths.startEngagementRound(workspaceId)}>
          Start a market engagement round
        </Link>
      )}
      {rounds.isPending && <Loading what="market engagement rounds" />}
      {rounds.data?.length === 0 && (
        <p>
          {isProvider
            ? 'You are not taking part in any market engagement rounds in this workspace.'
            : 'No market engagement rounds have been started yet.'}
        </p>
      )}
      {rounds.data && rounds.data.length > 0 && (
        <Table
          caption={TITLE}
          captionHidden
          headers={['Round', 'Event', 'Status', 'Opens', 'Closes', 'Taking part']}
          rows={rounds.data.map((round) => ({
            key: round.id,
            cells: [
              <Link to={paths.engagementRound(workspaceId, round.id)}>{round.title}</Link>,
              round.event.title,
              <RoundStatusTag status={round.status} />,
              formatRoundTime(round.opensAt),
              formatRoundTime(round.closedAt ?? round.closesAt),
              countProviders(round.participants.length),
            ],
          }))}
        />
      )}
    </Page>
  );
}
