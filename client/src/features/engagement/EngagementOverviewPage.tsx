// Engagement's front page: who has been heard and what they said, in figures and
// charts (each with a sentence and a table), and the way into events, feedback,
// themes and the target cohort.
import { Link } from 'react-router';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { CaptionedHeading } from '../../components/CaptionedHeading';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { paths } from '../../paths';
import { CohortReachChart } from './CohortReachChart';
import { EngagementDownloads } from './EngagementDownloads';
import { EngagementUnavailable } from './EngagementUnavailable';
import { FeedbackStatusChart } from './FeedbackStatusChart';
import { FeedbackThemesChart } from './FeedbackThemesChart';
import { HeadlineFigures } from './HeadlineFigures';
import { ReachOverTimeChart } from './ReachOverTimeChart';
import { useEngagementReport } from './engagement-queries';
import { useEngagementFrame } from './useEngagementFrame';
import './engagement.css';

export function EngagementOverviewPage() {
  const frame = useEngagementFrame();
  const { workspaceId, workspaceName, allowed, workspaceCrumbs } = frame;
  const reads = allowed('engagement.read');
  const report = useEngagementReport(workspaceId, reads);

  if (frame.pending) {
    return (
      <Page title="Engagement" breadcrumbs={workspaceCrumbs}>
        <Loading what="engagement" />
      </Page>
    );
  }
  if (frame.error || !reads) {
    return (
      <EngagementUnavailable
        title="You cannot see this workspace’s engagement"
        breadcrumbs={workspaceCrumbs}
        error={frame.error}
        reason={frame.error ? undefined : 'Engagement is for the workspace’s team, not providers.'}
        workspaceId={workspaceId}
      />
    );
  }

  return (
    <Page
      title={`Engagement – ${workspaceName}`}
      breadcrumbs={workspaceCrumbs}
      hasError={report.isError}
    >
      {report.isError && <ApiErrorSummary error={report.error} />}
      <CaptionedHeading caption={workspaceName}>Engagement</CaptionedHeading>
      <p>
        Who has been heard, at which events, what they said, and how it shaped the specification.
      </p>
      {allowed('engagement.manage') && (
        <Link className="nhsuk-button" to={paths.recordEngagementEvent(workspaceId)}>
          Record an engagement event
        </Link>
      )}
      <nav aria-label="Engagement">
        <ul className="nhsuk-list coproduce-engagement-links">
          <li>
            <Link to={paths.engagementEvents(workspaceId)}>Engagement events</Link>
          </li>
          {allowed('feedback.read') && (
            <li>
              <Link to={paths.feedback(workspaceId)}>Feedback</Link>
            </li>
          )}
          {allowed('feedback.read') && (
            <li>
              <Link to={paths.feedbackThemes(workspaceId)}>Themes</Link>
            </li>
          )}
          <li>
            <Link to={paths.targetCohort(workspaceId)}>Target cohort</Link>
          </li>
        </ul>
      </nav>
      {allowed('feedback.read') && <EngagementDownloads workspaceId={workspaceId} />}
      {report.isPending && <Loading what="the figures" />}
      {report.data && (
        <>
          <HeadlineFigures report={report.data} />
          <CohortReachChart report={report.data} />
          <ReachOverTimeChart report={report.data} />
          <FeedbackThemesChart report={report.data} />
          <FeedbackStatusChart report={report.data} />
        </>
      )}
    </Page>
  );
}
