// One engagement event: its details, who took part, the feedback it produced (and a
// form to add more), and for market engagement the notice to download.
import { ENGAGEMENT_EVENT_TYPE_NAMES } from '@coproduce/domain';
import { Link, useLocation, useParams } from 'react-router';
import { CaptionedHeading } from '../../components/CaptionedHeading';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { SuccessBanner } from '../../components/SuccessBanner';
import { paths } from '../../paths';
import { EventRounds } from '../engagement-rounds/EventRounds';
import { AddFeedbackForm } from './AddFeedbackForm';
import { DeleteEventControl } from './DeleteEventControl';
import { EngagementUnavailable } from './EngagementUnavailable';
import { EventDetails } from './EventDetails';
import { EventFeedback } from './EventFeedback';
import { MarketNotice } from './MarketNotice';
import { ReachTable } from './ReachTable';
import { useEngagementEvent } from './engagement-queries';
import { useEngagementFrame } from './useEngagementFrame';
import './engagement.css';

export function EngagementEventPage() {
  const frame = useEngagementFrame();
  const { workspaceId, allowed, isProvider } = frame;
  const eventId = useParams().eventId ?? '';
  const event = useEngagementEvent(workspaceId, eventId);
  const outcome = (useLocation().state ?? {}) as { recorded?: boolean; changed?: boolean };
  const breadcrumbs = isProvider
    ? frame.breadcrumbs
    : [...frame.breadcrumbs, { to: paths.engagementEvents(workspaceId), text: 'Events' }];

  if (frame.pending || event.isPending) {
    return (
      <Page title="Engagement event" breadcrumbs={breadcrumbs}>
        <Loading what="the event" />
      </Page>
    );
  }
  if (frame.error || event.isError) {
    return (
      <EngagementUnavailable
        title="Engagement event not found"
        breadcrumbs={breadcrumbs}
        error={frame.error ?? event.error}
        workspaceId={workspaceId}
      />
    );
  }

  const recorded = event.data;
  const manages = allowed('engagement.manage');
  return (
    <Page title={recorded.title} breadcrumbs={breadcrumbs}>
      {outcome.recorded && <SuccessBanner heading="Event recorded" />}
      {outcome.changed && <SuccessBanner heading="Changes saved" />}
      <CaptionedHeading caption={ENGAGEMENT_EVENT_TYPE_NAMES[recorded.type]}>
        {recorded.title}
      </CaptionedHeading>
      {manages && (
        <p>
          <Link to={paths.changeEngagementEvent(workspaceId, recorded.id)}>
            Change event details
          </Link>
          <br />
          <Link to={paths.dropIn(workspaceId, recorded.id)}>
            Count people and note what they say at the event (on a phone, even offline)
          </Link>
        </p>
      )}
      <EventDetails event={recorded} />
      <h2>Who took part</h2>
      <ReachTable event={recorded} />
      {recorded.type === 'market-engagement' && (
        <MarketNotice workspaceId={workspaceId} event={recorded} />
      )}
      {recorded.type === 'market-engagement' && allowed('engagement-round.manage') && (
        <p>
          <Link to={paths.startEngagementRound(workspaceId, { eventId: recorded.id })}>
            Start a market engagement round
          </Link>{' '}
          for the providers at this event to shape a specification together
        </p>
      )}
      {recorded.type === 'market-engagement' &&
        (allowed('engagement-round.manage') || allowed('engagement-round.take-part')) && (
          <EventRounds workspaceId={workspaceId} eventId={recorded.id} />
        )}
      {allowed('feedback.read') && (
        <EventFeedback
          workspaceId={workspaceId}
          eventId={recorded.id}
          manages={allowed('feedback.manage')}
        />
      )}
      {allowed('feedback.give') && (
        <AddFeedbackForm workspaceId={workspaceId} eventId={recorded.id} />
      )}
      {manages && (
        <>
          <h2>Delete this event</h2>
          <DeleteEventControl workspaceId={workspaceId} event={recorded} />
        </>
      )}
    </Page>
  );
}
