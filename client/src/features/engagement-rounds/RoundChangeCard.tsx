import type { RoundChange, RoundView } from '@coproduce/domain';
import { Link } from 'react-router';
import { takeRoundChange } from '../../api/engagement-rounds';
import { Details } from '../../components/Details';
import { RowAction } from '../../components/RowAction';
import { paths } from '../../paths';
import { describeWordChange, sectionTitle } from '../publishing/comparison-folding';
import { ComparedWords } from '../publishing/ComparedWords';
import { SectionChangeTag } from '../publishing/SectionChangeTag';
import { RecordFeedbackForm } from './RecordFeedbackForm';
import { describeDecision, personWithOrganisation } from './round-words';

interface RoundChangeCardProps {
  workspaceId: string;
  round: RoundView;
  change: RoundChange;
  onDecided: () => Promise<unknown>;
}

/**
 * One changed section of the copy: its words, who wrote them, and what becomes of it,
 * decided for this change alone (taken into the draft, or recorded as feedback).
 */
export function RoundChangeCard({ workspaceId, round, change, onDecided }: RoundChangeCardProps) {
  const title = sectionTitle(change);
  const { decision } = change;
  return (
    <section className="coproduce-compared-section" aria-label={title}>
      <h2 className="nhsuk-heading-m">
        {title} <SectionChangeTag change={change.change} />
      </h2>
      {change.previousHeading !== undefined && (
        <p className="nhsuk-body-s">Renamed from “{change.previousHeading}”.</p>
      )}
      <p className="nhsuk-body-s">
        {describeWordChange(change)}{' '}
        {change.authors.length > 0 &&
          `Written by ${change.authors.map(personWithOrganisation).join('; ')}.`}
      </p>
      <ComparedWords runs={change.runs} />
      {decision ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Decided: </span>
          <p>{describeDecision(decision)}</p>
          {decision.kind === 'feedback' && (
            <p>
              <Link
                to={paths.feedback(
                  workspaceId,
                  new URLSearchParams({ eventId: round.event.id, status: decision.status }),
                )}
              >
                See it in the feedback from {round.event.title}
              </Link>
            </p>
          )}
        </div>
      ) : (
        <>
          <RowAction
            label="Take into the draft"
            subject={title}
            variant="secondary"
            act={() => takeRoundChange(workspaceId, round.id, change.key)}
            onDone={onDecided}
          />
          <Details
            summary={
              <>
                Record as feedback<span className="nhsuk-u-visually-hidden">: {title}</span>
              </>
            }
          >
            <RecordFeedbackForm
              workspaceId={workspaceId}
              roundId={round.id}
              change={change}
              onDone={onDecided}
            />
          </Details>
        </>
      )}
    </section>
  );
}
