import type { ClarificationQuestion } from '@coproduce/domain';
import './publishing.css';

/**
 * A question and, once published, its answer, as everyone reads them: the version and
 * section it is about, never who asked (callers add that where the reader may know).
 */
export function QuestionText({
  question,
  headingLevel,
}: {
  question: ClarificationQuestion;
  headingLevel: 3 | 4;
}) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <>
      <Heading className="nhsuk-card__heading nhsuk-heading-s">
        Version {question.versionNumber}
        {question.sectionHeading ? `, ${question.sectionHeading}` : ''}
      </Heading>
      <p className="coproduce-question-body">
        <span className="nhsuk-u-font-weight-bold">Question: </span>
        {question.body}
      </p>
      {question.answer !== null && (
        <p className="coproduce-question-body">
          <span className="nhsuk-u-font-weight-bold">Answer: </span>
          {question.answer}
        </p>
      )}
    </>
  );
}
