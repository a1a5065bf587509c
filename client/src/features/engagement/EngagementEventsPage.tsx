// Every engagement event of the workspace, newest first: the record of who was heard
// where. A provider sees only the market engagement events they took part in.
import { ENGAGEMENT_EVENT_TYPE_NAMES } from '@coproduce/domain';
import { Link } from 'react-router';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { CaptionedHeading } from '../../components/CaptionedHeading';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { Table } from '../../components/Table';
import { paths } from '../../paths';
import { EngagementUnavailable } from './EngagementUnavailable';
import { useEngagementEvents } from './engagement-queries';
import { eventPlace } from './event-place';
import { formatCount } from './report-figures';
import { formatUkDate } from './uk-time';
import { useEngagementFrame } from './useEngagementFrame';
import './engagement.css';

export function EngagementEventsPage() {
  const frame = useEngagementFrame();
  const { workspaceId, workspaceName, allowed, isProvider } = frame;
  const reads = allowed('engagement.read') || isProvider;
  const events = useEngagementEvents(workspaceId, reads);
  const title = isProvider ? 'Market engagement events' : 'Engagement events';
  const breadcrumbs = isProvider ? frame.workspaceCrumbs : frame.breadcrumbs;

  if (frame.pending) {
    return (
      <Page title={title} breadcrumbs={breadcrumbs}>
        <Loading what="engagement events" />
      </Page>
    );
  }
  if (frame.error || !reads) {
    return (
      <EngagementUnavailable
        title="You cannot see this workspace’s engagement events"
        breadcrumbs={breadcrumbs}
        error={frame.error}
        workspaceId={workspaceId}
      />
    );
  }

  return (
    <Page title={`${title} – ${workspaceName}`} breadcrumbs={breadcrumbs} hasError={events.isError}>
      {events.isError && <ApiErrorSummary error={events.error} />}
      <CaptionedHeading caption={workspaceName}>{title}</CaptionedHeading>
      <p>
        {isProvider
          ? 'The market engagement events you took part in, newest first.'
          : 'Drop-in sessions, interviews, surveys, workshops and market engagement events, newest first.'}
      </p>
      {allowed('engagement.manage') && (
        <Link className="nhsuk-button" to={paths.recordEngagementEvent(workspaceId)}>
          Record an engagement event
        </Link>
      )}
      {events.isPending && <Loading what="engagement events" />}
      {events.data?.length === 0 && (
        <p>
          {isProvider
            ? 'You have not taken part in any market engagement events in this workspace.'
            : 'No engagement events have been recorded yet.'}
        </p>
      )}
      {events.data && events.data.length > 0 && (
        <Table
          caption={title}
          captionHidden
          headers={['Date', 'Event', 'Where', 'Took part', 'Feedback']}
          rows={events.data.map((event) => ({
            key: event.id,
            cells: [
              <span className="nhsuk-u-nowrap">{formatUkDate(event.startsAt)}</span>,
              <>
                <Link to={paths.engagementEvent(workspaceId, event.id)}>{event.title}</Link>
                <br />
                <span className="nhsuk-body-s">{ENGAGEMENT_EVENT_TYPE_NAMES[event.type]}</span>
              </>,
              eventPlace(event),
              formatCount(event.total),
              formatCount(event.feedbackCount),
            ],
          }))}
        />
      )}
    </Page>
  );
}
