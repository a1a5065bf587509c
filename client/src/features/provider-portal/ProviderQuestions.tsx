// Clarification questions on a published version, as a reader sees them: the deadline,
// a form to ask (optionally about one section), the answers published to every
// provider, and the reader's own questions with where each stands.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { ClarificationQuestion, VersionDetail } from '@coproduce/domain';
import { askQuestion } from '../../api/publishing';
import { ApiErrorSummary, problemsFrom } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { ErrorSummary, type ProblemItem } from '../../components/ErrorSummary';
import { Loading } from '../../components/Loading';
import { Select } from '../../components/Select';
import { Tag } from '../../components/Tag';
import { Textarea } from '../../components/Textarea';
import { useFormFields } from '../../components/useFormFields';
import { formatDateTime } from '../../dates';
import { questionDeadlineMessage } from '../publishing/key-dates';
import { publishingKeys, useQuestions } from '../publishing/publishing-queries';
import { QuestionText } from '../publishing/QuestionText';
import { TEXT_RULES, validateText } from '../publishing/validate-publishing';

interface ProviderQuestionsProps {
  workspaceId: string;
  version: VersionDetail;
  canAsk: boolean;
}

const WHOLE_SPECIFICATION = '';

export function ProviderQuestions({ workspaceId, version, canAsk }: ProviderQuestionsProps) {
  const { specificationId } = version;
  const questions = useQuestions(workspaceId, specificationId);
  const all = (questions.data ?? []) as ClarificationQuestion[];
  const mine = all.filter((question) => question.mine);
  const answered = all.filter((question) => question.status === 'answered');

  return (
    <section aria-labelledby="questions-heading" id="questions">
      <h2 id="questions-heading">Clarification questions</h2>
      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>{questionDeadlineMessage(version)}</p>
      </div>
      {canAsk && version.acceptingQuestions && (
        <AskQuestionForm workspaceId={workspaceId} version={version} />
      )}
      {questions.isPending && <Loading what="the questions" />}
      {questions.isError && <ApiErrorSummary error={questions.error} />}
      {canAsk && (
        <>
          <h3>Your questions</h3>
          {questions.isSuccess && mine.length === 0 && <p>You have not asked any questions.</p>}
          {mine.map((question) => (
            <QuestionCard question={question} key={question.id} showStatus />
          ))}
        </>
      )}
      <h3>Answers published to every provider</h3>
      <p className="nhsuk-body-s">Questions are shown without the name of who asked them.</p>
      {questions.isSuccess && answered.length === 0 && <p>No answers have been published yet.</p>}
      {answered.map((question) => (
        <QuestionCard question={question} key={question.id} />
      ))}
    </section>
  );
}

function QuestionCard({
  question,
  showStatus = false,
}: {
  question: ClarificationQuestion;
  showStatus?: boolean;
}) {
  return (
    <div className="nhsuk-card" data-question-id={question.id}>
      <div className="nhsuk-card__content">
        <QuestionText question={question} headingLevel={4} />
        <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
          {showStatus &&
            (question.status === 'answered' ? (
              <Tag colour="green">Answered</Tag>
            ) : (
              <Tag colour="yellow">Waiting for an answer</Tag>
            ))}{' '}
          Asked {formatDateTime(question.askedAt)}
          {question.answeredAt && `, answered ${formatDateTime(question.answeredAt)}`}
        </p>
      </div>
    </div>
  );
}

function AskQuestionForm({
  workspaceId,
  version,
}: {
  workspaceId: string;
  version: VersionDetail;
}) {
  const [problems, setProblems] = useState<ProblemItem[]>([]);
  const [sectionId, setSectionId] = useState(WHOLE_SPECIFICATION);
  const [sent, setSent] = useState(false);
  const { values, setValue, field } = useFormFields({ 'question-body': '' }, problems);
  const queryClient = useQueryClient();
  const asking = useMutation({
    mutationFn: (body: string) =>
      askQuestion(workspaceId, version.specificationId, version.number, {
        body,
        ...(sectionId === WHOLE_SPECIFICATION ? {} : { sectionId }),
      }),
    onSuccess: async () => {
      setSent(true);
      setValue('question-body', '');
      setSectionId(WHOLE_SPECIFICATION);
      await queryClient.invalidateQueries({
        queryKey: publishingKeys.questions(workspaceId, version.specificationId),
      });
    },
    // A question after the deadline is refused with the server's own words (and its date).
    onError: (error) => setProblems(problemsFrom(error)),
  });

  const sections = version.outline.filter((section) => section.id !== null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = values['question-body'];
    const found = validateText('question-body', body, TEXT_RULES.question);
    setProblems(found);
    setSent(false);
    if (found.length === 0) asking.mutate(body.trim());
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="ask-heading">
      <h3 id="ask-heading">Ask a question</h3>
      <ErrorSummary problems={problems} />
      <Select
        id="question-section"
        label="What is it about?"
        options={[
          { value: WHOLE_SPECIFICATION, text: 'The whole specification' },
          ...sections.map((section) => ({ value: section.id!, text: section.text })),
        ]}
        value={sectionId}
        onChange={setSectionId}
      />
      <Textarea
        label="Your question"
        hint="Commissioners answer it for every provider. Other providers will see the question and answer, but not who asked."
        {...field('question-body')}
      />
      <div aria-live="polite">
        {sent && (
          <p className="nhsuk-body">
            Your question was sent. You will see it below, and be told here when it is answered.
          </p>
        )}
      </div>
      <Button busyText={asking.isPending && 'Sending question…'}>Send question</Button>
    </form>
  );
}
