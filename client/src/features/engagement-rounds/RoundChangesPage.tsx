// Bringing a round back: what changed in the engagement copy since the fork, section by
// section and attributed; each change taken into the draft or recorded as feedback on its
// own, never merged wholesale.
import { Link, useParams } from 'react-router';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { CaptionedHeading } from '../../components/CaptionedHeading';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { paths } from '../../paths';
import { EngagementUnavailable } from '../engagement/EngagementUnavailable';
import { ComparedWordsKey } from '../publishing/ComparedWords';
import { RoundChangeCard } from './RoundChangeCard';
import { useRefreshRounds, useRound, useRoundChanges } from './round-queries';
import { useRoundsFrame } from './useRoundsFrame';

const TITLE = 'Changes made in the engagement copy';

export function RoundChangesPage() {
  const frame = useRoundsFrame();
  const { workspaceId, manages } = frame;
  const roundId = useParams().roundId ?? '';
  const round = useRound(workspaceId, roundId);
  const changes = useRoundChanges(workspaceId, roundId, manages);
  const refresh = useRefreshRounds(workspaceId);
  const breadcrumbs = [
    ...frame.roundsCrumbs,
    { to: paths.engagementRound(workspaceId, roundId), text: round.data?.title ?? 'Round' },
  ];

  if (frame.pending || round.isPending) {
    return (
      <Page title={TITLE} breadcrumbs={breadcrumbs}>
        <Loading what="the round" />
      </Page>
    );
  }
  if (frame.error || round.isError || !manages) {
    return (
      <EngagementUnavailable
        title="You cannot review this round’s changes"
        breadcrumbs={breadcrumbs}
        error={frame.error ?? round.error ?? undefined}
        reason={
          frame.error || round.isError
            ? undefined
            : 'Commissioners bring a round’s changes back into the draft.'
        }
        workspaceId={workspaceId}
      />
    );
  }

  const shown = round.data;
  return (
    <Page title={`${TITLE} – ${shown.title}`} breadcrumbs={breadcrumbs} hasError={changes.isError}>
      {changes.isError && <ApiErrorSummary error={changes.error} />}
      <CaptionedHeading caption={shown.title}>{TITLE}</CaptionedHeading>
      <p>
        Each section that changed since the round started, with who changed it. Take a change into
        the draft{shown.specification ? ` of ${shown.specification.title}` : ''} as a new edit, or
        record it as feedback. Nothing is taken in until you choose to.
      </p>
      {shown.status !== 'closed' && (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            This round is still open, so providers may still change these sections.{' '}
            <Link to={paths.engagementRound(workspaceId, shown.id)}>Go to the round</Link>
          </p>
        </div>
      )}
      {changes.isPending && <Loading what="the changes" />}
      {changes.data?.length === 0 && <p>Nothing has been changed in the engagement copy.</p>}
      {changes.data && changes.data.length > 0 && (
        <>
          <ComparedWordsKey />
          {changes.data.map((change) => (
            <RoundChangeCard
              key={change.key}
              workspaceId={workspaceId}
              round={shown}
              change={change}
              onDecided={refresh}
            />
          ))}
        </>
      )}
    </Page>
  );
}
