// Starting a market engagement round: the commissioner forks a specification's draft for
// providers from a market engagement event to shape together until the round closes.
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { CaptionedHeading } from '../../components/CaptionedHeading';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { paths } from '../../paths';
import { EngagementUnavailable } from '../engagement/EngagementUnavailable';
import { useEngagementEvents } from '../engagement/engagement-queries';
import { useSpecifications } from '../workspace/workspace-queries';
import '../engagement/engagement.css';
import { StartRoundForm } from './StartRoundForm';
import { useRefreshRounds } from './round-queries';
import { nextMarketEvent, startRoundValues } from './round-form';
import { useRoundsFrame } from './useRoundsFrame';

const TITLE = 'Start a market engagement round';

export function StartRoundPage() {
  const frame = useRoundsFrame();
  const { workspaceId, workspaceName, manages, roundsCrumbs } = frame;
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const refresh = useRefreshRounds(workspaceId);
  const [hasError, setHasError] = useState(false);
  const specifications = useSpecifications(workspaceId);
  const events = useEngagementEvents(workspaceId, manages);

  if (frame.pending || (manages && (specifications.isPending || events.isPending))) {
    return (
      <Page title={TITLE} breadcrumbs={roundsCrumbs}>
        <Loading what="the workspace’s specifications and events" />
      </Page>
    );
  }
  const loadError = frame.error ?? specifications.error ?? events.error ?? undefined;
  if (loadError || !manages) {
    return (
      <EngagementUnavailable
        title="You cannot start a market engagement round"
        breadcrumbs={roundsCrumbs}
        error={loadError}
        reason={loadError ? undefined : 'Commissioners start market engagement rounds.'}
        workspaceId={workspaceId}
      />
    );
  }
  const marketEvents = (events.data ?? []).filter((event) => event.type === 'market-engagement');
  const inUse = (specifications.data ?? []).filter((specification) => !specification.archivedAt);
  const initial = startRoundValues({
    specificationId: search.get('specificationId') ?? undefined,
    // Opened from an event's page, that event; otherwise the next one to come.
    eventId: search.get('eventId') ?? nextMarketEvent(marketEvents, new Date())?.id,
  });
  // The providers who came to the chosen event are offered ticked.
  const fromEvent = marketEvents.find((event) => event.id === initial.eventId);
  initial.participantIds = fromEvent?.providerParticipants.map((person) => person.id) ?? [];
  return (
    <Page title={TITLE} breadcrumbs={roundsCrumbs} hasError={hasError}>
      <StartRoundForm
        workspaceId={workspaceId}
        initial={initial}
        specifications={inUse}
        events={marketEvents}
        onStarted={async (round) => {
          await refresh();
          navigate(paths.engagementRound(workspaceId, round.id), { state: { started: true } });
        }}
        onProblems={(problems) => setHasError(problems.length > 0)}
        heading={<CaptionedHeading caption={workspaceName}>{TITLE}</CaptionedHeading>}
      />
    </Page>
  );
}
