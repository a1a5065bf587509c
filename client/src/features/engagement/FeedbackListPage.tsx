// All the workspace's feedback, newest first, narrowed by event, theme, status, who
// said it and words; the filters and page are in the address. Those who manage
// feedback move it on, re-theme it and delete it here.
import { FEEDBACK_PAGE_SIZE } from '@coproduce/domain';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { CaptionedHeading } from '../../components/CaptionedHeading';
import { Details } from '../../components/Details';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { paths } from '../../paths';
import { useSpecifications } from '../workspace/workspace-queries';
import { AddFeedbackForm } from './AddFeedbackForm';
import { EngagementDownloads } from './EngagementDownloads';
import { EngagementUnavailable } from './EngagementUnavailable';
import { FeedbackCard } from './FeedbackCard';
import { FeedbackFiltersForm } from './FeedbackFiltersForm';
import { Pagination } from '../../components/Pagination';
import { useEngagementEvents, useFeedbackPage, useFeedbackThemes } from './engagement-queries';
import {
  filtersFromSearch,
  isFiltered,
  pageRange,
  searchFromFilters,
  type PageRange,
} from './feedback-filters';
import { formatCount } from './report-figures';
import { useEngagementFrame } from './useEngagementFrame';
import './engagement.css';

export function FeedbackListPage() {
  const frame = useEngagementFrame();
  const { workspaceId, workspaceName, allowed, breadcrumbs } = frame;
  const reads = allowed('feedback.read');
  const [search] = useSearchParams();
  const filters = filtersFromSearch(search);
  const navigate = useNavigate();
  const feedback = useFeedbackPage(workspaceId, filters, reads);
  const events = useEngagementEvents(workspaceId, reads);
  const themes = useFeedbackThemes(workspaceId, reads);
  const specifications = useSpecifications(workspaceId);

  if (frame.pending) {
    return (
      <Page title="Feedback" breadcrumbs={breadcrumbs}>
        <Loading what="feedback" />
      </Page>
    );
  }
  if (frame.error || !reads) {
    return (
      <EngagementUnavailable
        title="You cannot see this workspace’s feedback"
        breadcrumbs={breadcrumbs}
        error={frame.error}
        workspaceId={workspaceId}
      />
    );
  }

  const total = feedback.data?.total ?? 0;
  const range = pageRange(filters.page, FEEDBACK_PAGE_SIZE, total);
  const pageLink = (page: number) =>
    paths.feedback(workspaceId, searchFromFilters({ ...filters, page }));
  const manages = allowed('feedback.manage');
  const loadError = feedback.error ?? events.error ?? themes.error ?? specifications.error;

  return (
    <Page
      title={`Feedback – ${workspaceName}`}
      breadcrumbs={breadcrumbs}
      hasError={loadError !== null}
    >
      {loadError && <ApiErrorSummary error={loadError} />}
      <CaptionedHeading caption={workspaceName}>Feedback</CaptionedHeading>
      <p>What children, young people, families, professionals and providers said, newest first.</p>
      <EngagementDownloads workspaceId={workspaceId} />
      {manages && (
        <p>
          <Link to={paths.importFeedback(workspaceId)}>Import feedback from a CSV file</Link>
        </p>
      )}
      {allowed('feedback.give') && (
        <Details summary="Add feedback from somewhere other than an event">
          <AddFeedbackForm workspaceId={workspaceId} />
        </Details>
      )}
      {events.data && themes.data && specifications.data && (
        <FeedbackFiltersForm
          // A new address (back button, a cleared filter) starts the form again from it.
          key={search.toString()}
          filters={filters}
          events={events.data}
          themes={themes.data}
          specifications={specifications.data}
          onApply={(next) => navigate(paths.feedback(workspaceId, searchFromFilters(next)))}
          clearTo={paths.feedback(workspaceId)}
        />
      )}
      {feedback.isPending && <Loading what="feedback" />}
      {feedback.data && (
        <p role="status" className="coproduce-feedback-count">
          {countMessage(total, range, isFiltered(filters))}
        </p>
      )}
      {feedback.data && total > 0 && range.to === 0 && (
        <p>
          <Link to={pageLink(1)}>Go to the first page</Link>
        </p>
      )}
      {feedback.data && feedback.data.items.length > 0 && (
        <ul className="coproduce-feedback-list">
          {feedback.data.items.map((item) => (
            <FeedbackCard
              key={item.id}
              workspaceId={workspaceId}
              feedback={item}
              manages={manages}
              headingLevel={2}
            />
          ))}
        </ul>
      )}
      <Pagination page={filters.page} pages={range.pages} pageLink={pageLink} />
    </Page>
  );
}

/** What the list holds, said once it has loaded (and after each change of filter or page). */
function countMessage(total: number, range: PageRange, filtered: boolean): string {
  if (total === 0) {
    return filtered ? 'No feedback matches these filters.' : 'No feedback has been recorded yet.';
  }
  const items = `${formatCount(total)} feedback ${total === 1 ? 'item' : 'items'}${filtered ? ' matching the filters' : ''}`;
  if (range.to === 0) return `This page is past the end of the ${items}.`;
  return `Showing ${formatCount(range.from)} to ${formatCount(range.to)} of ${items}.`;
}
