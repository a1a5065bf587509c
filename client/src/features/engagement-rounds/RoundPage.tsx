// One market engagement round: what it is, and its engagement copy co-edited live by the
// providers taking part and the team until it closes; commissioners close it, change it,
// and go on to bring its changes back.
import { useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { CaptionedHeading } from '../../components/CaptionedHeading';
import { Details } from '../../components/Details';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { SuccessBanner } from '../../components/SuccessBanner';
import { WarningCallout } from '../../components/WarningCallout';
import { paths } from '../../paths';
import { useCurrentUser } from '../../session/session-query';
import { EngagementUnavailable } from '../engagement/EngagementUnavailable';
import { SaveStatusMessage } from '../specification/SaveStatusMessage';
import { useSpecificationDocument } from '../specification/useSpecificationDocument';
import { useWarnBeforeLeaving } from '../specification/useWarnBeforeLeaving';
import '../engagement/engagement.css';
import '../specification/specification-editor.css';
import { ChangeRoundForm } from './ChangeRoundForm';
import { CloseRoundControl } from './CloseRoundControl';
import { EngagementCopyEditor } from './EngagementCopyEditor';
import { RoundSummary } from './RoundSummary';
import { useRefreshRounds, useRound } from './round-queries';
import { closedNotice, formatRoundTime, shownStatus } from './round-words';
import { useRoundsFrame } from './useRoundsFrame';

export function RoundPage() {
  const frame = useRoundsFrame();
  const { workspaceId, manages, roundsCrumbs } = frame;
  const roundId = useParams().roundId ?? '';
  const round = useRound(workspaceId, roundId);
  const user = useCurrentUser();
  const live = useSpecificationDocument(
    round.data?.copyId ?? '',
    round.data ? user.data?.id : undefined,
  );
  const refresh = useRefreshRounds(workspaceId);
  const outcome = (useLocation().state ?? {}) as { started?: boolean };
  useWarnBeforeLeaving(live?.status === 'saving');

  // The server says at once when the round closes; the round is fetched again for its time.
  const copyClosed = live?.closed ?? false;
  const [closedSeenAt, setClosedSeenAt] = useState<string | null>(null);
  useEffect(() => {
    if (!copyClosed) return;
    setClosedSeenAt((seen) => seen ?? new Date().toISOString());
    void refresh();
    // Once per closing: `refresh` is a new function each render.
  }, [copyClosed]);

  if (frame.pending || round.isPending) {
    return (
      <Page title="Market engagement round" breadcrumbs={roundsCrumbs}>
        <Loading what="the round" />
      </Page>
    );
  }
  if (frame.error || round.isError) {
    return (
      <EngagementUnavailable
        title="Market engagement round not found"
        breadcrumbs={roundsCrumbs}
        error={frame.error ?? round.error}
        workspaceId={workspaceId}
      />
    );
  }

  const shown = round.data;
  const status = shownStatus(shown, copyClosed);
  const closedAt = shown.closedAt ?? (status === 'closed' ? closedSeenAt : null);
  const cannotOpenYet = live?.joinError?.code === 'unavailable';
  return (
    <Page title={shown.title} breadcrumbs={roundsCrumbs}>
      {outcome.started && (
        <SuccessBanner heading="Round started">
          <p>The providers taking part can now open it from their list of rounds.</p>
        </SuccessBanner>
      )}
      <CaptionedHeading caption="Market engagement round">{shown.title}</CaptionedHeading>
      <RoundSummary workspaceId={workspaceId} round={shown} status={status} />
      {manages && status !== 'closed' && (
        <>
          <Details summary="Change the closing time or who sees names">
            <ChangeRoundForm workspaceId={workspaceId} round={shown} onChanged={refresh} />
          </Details>
          <CloseRoundControl workspaceId={workspaceId} round={shown} onClosed={refresh} />
        </>
      )}
      {manages && (
        <p>
          <Link to={paths.engagementRoundChanges(workspaceId, shown.id)}>
            Review the changes made in the engagement copy
          </Link>
          {shown.changes &&
            ` (${shown.changes.total} ${shown.changes.total === 1 ? 'section' : 'sections'} changed, ${shown.changes.decided} decided)`}
        </p>
      )}

      <h2>Engagement copy</h2>
      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          This is the round’s engagement copy of the specification, made when the round started.
          {status === 'closed'
            ? ' Commissioners go through its changes one by one: each is taken into the specification or recorded as feedback.'
            : ' Everyone taking part sees the same text as it is written. Editing here does not change the specification itself: when the round closes, commissioners go through the changes one by one.'}
        </p>
      </div>
      {/* Always in the page, so the closing is read out the moment it happens. */}
      <div role="status">
        {closedAt && (
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>{closedNotice(closedAt)}</p>
          </div>
        )}
      </div>
      {status === 'upcoming' && (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            This round opens at {formatRoundTime(shown.opensAt)}. You can edit the copy from then.
          </p>
        </div>
      )}
      {live?.problem && (
        <WarningCallout heading="Your last change was not saved">
          <p>{live.problem.message}</p>
        </WarningCallout>
      )}
      {live?.joinError && !cannotOpenYet && (
        <WarningCallout heading="The engagement copy could not be opened">
          <p>{live.joinError.message}</p>
        </WarningCallout>
      )}
      {cannotOpenYet && (
        <WarningCallout heading="The engagement copy could not be opened just now">
          <p>
            Coproduce is trying again. Anything you have already written is kept on this device.
          </p>
        </WarningCallout>
      )}
      {!live || !user.data || !live.ready ? (
        !live?.joinError && (
          <>
            {live && <SaveStatusMessage status={live.status} />}
            <Loading what="the engagement copy" />
          </>
        )
      ) : (
        <EngagementCopyEditor
          live={live}
          user={user.data}
          workspaceId={workspaceId}
          permissions={frame.workspace.data?.permissions ?? []}
        />
      )}
    </Page>
  );
}
