import { useState } from 'react';
import { useNavigate } from 'react-router';
import { createEngagementEvent } from '../../api/engagement';
import { CaptionedHeading } from '../../components/CaptionedHeading';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { paths } from '../../paths';
import { EngagementUnavailable } from './EngagementUnavailable';
import { EventForm } from './EventForm';
import { useRefreshEngagement } from './engagement-queries';
import { eventFormValues } from './event-form';
import { useEngagementFrame } from './useEngagementFrame';
import './engagement.css';

const TITLE = 'Record an engagement event';

export function RecordEventPage() {
  const frame = useEngagementFrame();
  const { workspaceId, workspaceName, allowed, breadcrumbs } = frame;
  const navigate = useNavigate();
  const refresh = useRefreshEngagement(workspaceId);
  const [hasError, setHasError] = useState(false);

  if (frame.pending) {
    return (
      <Page title={TITLE} breadcrumbs={breadcrumbs}>
        <Loading what="the workspace" />
      </Page>
    );
  }
  if (frame.error || !allowed('engagement.manage')) {
    return (
      <EngagementUnavailable
        title="You cannot record engagement events"
        breadcrumbs={breadcrumbs}
        error={frame.error}
        reason={
          frame.error ? undefined : 'Engagement leads and commissioners record engagement events.'
        }
        workspaceId={workspaceId}
      />
    );
  }
  return (
    <Page title={TITLE} breadcrumbs={breadcrumbs} hasError={hasError}>
      <EventForm
        workspaceId={workspaceId}
        initial={eventFormValues()}
        mode="record"
        save={(request) => createEngagementEvent(workspaceId, request)}
        onSaved={async (event) => {
          await refresh();
          navigate(paths.engagementEvent(workspaceId, event.id), { state: { recorded: true } });
        }}
        onProblems={(problems) => setHasError(problems.length > 0)}
        heading={<CaptionedHeading caption={workspaceName}>{TITLE}</CaptionedHeading>}
        submitText="Record event"
        busyText="Recording event…"
      />
    </Page>
  );
}
