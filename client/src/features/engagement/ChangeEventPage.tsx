import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { changeEngagementEvent } from '../../api/engagement';
import { CaptionedHeading } from '../../components/CaptionedHeading';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { paths } from '../../paths';
import { EngagementUnavailable } from './EngagementUnavailable';
import { EventForm } from './EventForm';
import { useEngagementEvent, useRefreshEngagement } from './engagement-queries';
import { eventFormValues } from './event-form';
import { useEngagementFrame } from './useEngagementFrame';
import './engagement.css';

export function ChangeEventPage() {
  const frame = useEngagementFrame();
  const { workspaceId, allowed } = frame;
  const eventId = useParams().eventId ?? '';
  const manages = allowed('engagement.manage');
  const event = useEngagementEvent(workspaceId, eventId);
  const navigate = useNavigate();
  const refresh = useRefreshEngagement(workspaceId);
  const [hasError, setHasError] = useState(false);
  const breadcrumbs = [
    ...frame.breadcrumbs,
    { to: paths.engagementEvents(workspaceId), text: 'Events' },
    { to: paths.engagementEvent(workspaceId, eventId), text: event.data?.title ?? 'Event' },
  ];

  if (frame.pending || (manages && event.isPending)) {
    return (
      <Page title="Change event details" breadcrumbs={breadcrumbs}>
        <Loading what="the event" />
      </Page>
    );
  }
  if (frame.error || !manages || !event.data) {
    return (
      <EngagementUnavailable
        title="You cannot change this event"
        breadcrumbs={breadcrumbs}
        error={frame.error ?? event.error}
        reason={
          frame.error || event.isError
            ? undefined
            : 'Engagement leads and commissioners change engagement events.'
        }
        workspaceId={workspaceId}
      />
    );
  }
  const recorded = event.data;
  return (
    <Page title={`Change ${recorded.title}`} breadcrumbs={breadcrumbs} hasError={hasError}>
      <EventForm
        key={recorded.updatedAt}
        workspaceId={workspaceId}
        initial={eventFormValues(recorded)}
        mode="change"
        save={(request) => changeEngagementEvent(workspaceId, eventId, request)}
        onSaved={async () => {
          await refresh();
          navigate(paths.engagementEvent(workspaceId, eventId), { state: { changed: true } });
        }}
        onProblems={(problems) => setHasError(problems.length > 0)}
        heading={<CaptionedHeading caption={recorded.title}>Change event details</CaptionedHeading>}
        submitText="Save changes"
        busyText="Saving changes…"
      />
    </Page>
  );
}
