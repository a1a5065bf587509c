import type { Feedback } from '@coproduce/domain';
import { Link } from 'react-router';
import { deleteFeedback } from '../../api/engagement';
import { Details } from '../../components/Details';
import { RowAction } from '../../components/RowAction';
import { formatDate } from '../../dates';
import { paths } from '../../paths';
import { ChangeStatusForm } from './ChangeStatusForm';
import { ChangeThemesForm } from './ChangeThemesForm';
import { FeedbackStatusTag } from './FeedbackStatusTag';
import { SpecificationLinks } from './SpecificationLinks';
import { useRefreshEngagement } from './engagement-queries';
import { quoted, whoSaidIt } from './feedback-words';

interface FeedbackCardProps {
  workspaceId: string;
  feedback: Feedback;
  /** May change status and themes, and delete. */
  manages: boolean;
  /** Leave out where it came from: the page is that event's. */
  withinEvent?: boolean;
  headingLevel?: 2 | 3;
}

/** One feedback item: what was said, by whom, where, its themes and status, and where it led. */
export function FeedbackCard({
  workspaceId,
  feedback,
  manages,
  withinEvent = false,
  headingLevel = 3,
}: FeedbackCardProps) {
  const refresh = useRefreshEngagement(workspaceId);
  const Heading = `h${headingLevel}` as const;
  const preview = feedback.text.length > 60 ? `${feedback.text.slice(0, 57)}…` : feedback.text;
  const rows = [
    { key: 'Who', value: whoSaidIt(feedback.audience, feedback.ageBand) },
    ...(withinEvent
      ? []
      : [
          {
            key: 'From',
            value: feedback.event ? (
              <Link to={paths.engagementEvent(workspaceId, feedback.event.id)}>
                {feedback.event.title}
              </Link>
            ) : (
              feedback.source || 'Another source'
            ),
          },
        ]),
    {
      key: 'Themes',
      value: feedback.themes.length === 0 ? 'None yet' : feedback.themes.join(', '),
    },
    {
      key: 'Status',
      value: (
        <>
          <FeedbackStatusTag status={feedback.status} />
          {feedback.reason && (
            <p className="nhsuk-body-s nhsuk-u-margin-top-2">{feedback.reason}</p>
          )}
        </>
      ),
    },
    {
      key: 'In the specification',
      value: (
        <SpecificationLinks
          workspaceId={workspaceId}
          feedbackId={feedback.id}
          links={feedback.links}
        />
      ),
    },
  ];
  return (
    <li className="coproduce-feedback">
      <Heading className="nhsuk-u-visually-hidden">Feedback: {preview}</Heading>
      <p className="nhsuk-body-s coproduce-feedback__wording">
        {feedback.verbatim ? 'Their own words' : 'Summary'} · recorded{' '}
        {formatDate(feedback.createdAt)} by {feedback.createdBy.name}
      </p>
      {feedback.verbatim ? (
        <blockquote className="coproduce-feedback__text coproduce-feedback__text--verbatim">
          <p>{quoted(feedback.text, true)}</p>
        </blockquote>
      ) : (
        <p className="coproduce-feedback__text">{feedback.text}</p>
      )}
      <dl className="nhsuk-summary-list coproduce-feedback__facts">
        {rows.map((row) => (
          <div
            className="nhsuk-summary-list__row nhsuk-summary-list__row--no-actions"
            key={row.key}
          >
            <dt className="nhsuk-summary-list__key">{row.key}</dt>
            <dd className="nhsuk-summary-list__value">{row.value}</dd>
          </div>
        ))}
      </dl>
      {manages && (
        <div className="coproduce-feedback__actions">
          <Details
            summary={
              <>
                Change status<span className="nhsuk-u-visually-hidden"> of this feedback</span>
              </>
            }
          >
            <ChangeStatusForm workspaceId={workspaceId} feedback={feedback} onDone={refresh} />
          </Details>
          <Details
            summary={
              <>
                Change themes<span className="nhsuk-u-visually-hidden"> of this feedback</span>
              </>
            }
          >
            <ChangeThemesForm workspaceId={workspaceId} feedback={feedback} onDone={refresh} />
          </Details>
          <RowAction
            label="Delete"
            subject={`feedback: ${preview}`}
            variant="warning"
            confirmation="Delete this feedback? It cannot be undone, and it leaves ‘You said, we did’."
            act={() => deleteFeedback(workspaceId, feedback.id)}
            onDone={refresh}
          />
        </div>
      )}
    </li>
  );
}
