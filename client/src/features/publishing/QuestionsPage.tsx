// Clarification questions for those who answer them: pending ones first, each with an
// answer form, then those already published to every provider.
import { Link } from 'react-router';
import type { QuestionForCommissioners } from '@coproduce/domain';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { CaptionedHeading } from '../../components/CaptionedHeading';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { formatDateTime } from '../../dates';
import { paths } from '../../paths';
import { may } from '../workspace/permissions';
import { AnswerForm } from './AnswerForm';
import { QuestionText } from './QuestionText';
import { usePublishingUpdates, useQuestions } from './publishing-queries';
import { useSpecificationFrame } from './useSpecificationFrame';

export function QuestionsPage() {
  const frame = useSpecificationFrame();
  const { workspaceId, specificationId, title, breadcrumbs } = frame;
  const workspace = frame.workspace.data;
  const answers = workspace !== undefined && may(workspace, 'clarification.answer');
  const questions = useQuestions(workspaceId, specificationId, answers);
  usePublishingUpdates(workspaceId, specificationId);

  if (frame.pending) {
    return (
      <Page title="Clarification questions" breadcrumbs={breadcrumbs}>
        <Loading what="the questions" />
      </Page>
    );
  }
  if (frame.error || !frame.specification || !answers) {
    return (
      <Page title="Clarification questions" breadcrumbs={breadcrumbs} hasError>
        {frame.error && <ApiErrorSummary error={frame.error} />}
        <h1>You cannot answer questions on this specification</h1>
        <p>Only the workspace's commissioners answer providers' clarification questions.</p>
        <p>
          <Link to={paths.workspace(workspaceId)}>Go back to the workspace</Link>
        </p>
      </Page>
    );
  }

  const all = (questions.data ?? []) as QuestionForCommissioners[];
  const pending = all.filter((question) => question.status === 'pending');
  const answered = all.filter((question) => question.status === 'answered');
  return (
    <Page title={`Clarification questions – ${title}`} breadcrumbs={breadcrumbs}>
      <CaptionedHeading caption={title}>Clarification questions</CaptionedHeading>
      <p>
        Providers' questions stay private to commissioners until answered. Publishing an answer
        shows the question and answer to every provider, without saying who asked.
      </p>
      {questions.isPending && <Loading what="the questions" />}
      {questions.isError && <ApiErrorSummary error={questions.error} />}
      <h2>Waiting for an answer ({pending.length})</h2>
      {questions.isSuccess && pending.length === 0 && <p>No questions are waiting.</p>}
      {pending.map((question) => (
        <div className="nhsuk-card" key={question.id}>
          <div className="nhsuk-card__content">
            <QuestionText question={question} headingLevel={3} />
            <p className="nhsuk-body-s">
              Asked by {question.askedBy.name}
              {question.askedBy.organisation ? ` (${question.askedBy.organisation})` : ''} on{' '}
              {formatDateTime(question.askedAt)}. Only commissioners see who asked.
            </p>
            <AnswerForm
              workspaceId={workspaceId}
              specificationId={specificationId}
              questionId={question.id}
            />
          </div>
        </div>
      ))}
      <h2>Published answers ({answered.length})</h2>
      {questions.isSuccess && answered.length === 0 && <p>No answers have been published yet.</p>}
      {answered.map((question) => (
        <div className="nhsuk-card" key={question.id}>
          <div className="nhsuk-card__content">
            <QuestionText question={question} headingLevel={3} />
            <p className="nhsuk-body-s">
              Asked by {question.askedBy.name}
              {question.askedBy.organisation ? ` (${question.askedBy.organisation})` : ''}.
              {question.answeredBy && ` Answered by ${question.answeredBy.name}`}
              {question.answeredAt && ` on ${formatDateTime(question.answeredAt)}`}.
            </p>
          </div>
        </div>
      ))}
    </Page>
  );
}
