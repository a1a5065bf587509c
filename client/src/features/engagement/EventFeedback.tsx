import { Link } from 'react-router';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { Loading } from '../../components/Loading';
import { paths } from '../../paths';
import { FeedbackCard } from './FeedbackCard';
import { useFeedbackPage } from './engagement-queries';
import { NO_FILTERS, searchFromFilters } from './feedback-filters';
import { formatCount } from './report-figures';

interface EventFeedbackProps {
  workspaceId: string;
  eventId: string;
  manages: boolean;
}

/** The feedback an event produced, newest first; the full list, filtered, when there is more. */
export function EventFeedback({ workspaceId, eventId, manages }: EventFeedbackProps) {
  const filters = { ...NO_FILTERS, eventId };
  const feedback = useFeedbackPage(workspaceId, filters);
  const fullList = paths.feedback(workspaceId, searchFromFilters(filters));
  return (
    <section aria-labelledby="event-feedback-heading">
      <h2 id="event-feedback-heading">
        Feedback from this event{feedback.data ? ` (${formatCount(feedback.data.total)})` : ''}
      </h2>
      {feedback.isPending && <Loading what="feedback" />}
      {feedback.isError && <ApiErrorSummary error={feedback.error} />}
      {feedback.data?.total === 0 && <p>No feedback from this event has been added yet.</p>}
      {feedback.data && feedback.data.items.length > 0 && (
        <ul className="coproduce-feedback-list">
          {feedback.data.items.map((item) => (
            <FeedbackCard
              key={item.id}
              workspaceId={workspaceId}
              feedback={item}
              manages={manages}
              withinEvent
            />
          ))}
        </ul>
      )}
      {feedback.data && feedback.data.total > feedback.data.items.length && (
        <p>
          <Link to={fullList}>
            See all {formatCount(feedback.data.total)} feedback items from this event
          </Link>
        </p>
      )}
    </section>
  );
}
