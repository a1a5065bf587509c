import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { answerQuestion } from '../../api/publishing';
import { problemsFrom } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { ErrorSummary, type ProblemItem } from '../../components/ErrorSummary';
import { Textarea } from '../../components/Textarea';
import { useFormFields } from '../../components/useFormFields';
import { publishingKeys } from './publishing-queries';
import { TEXT_RULES, validateText } from './validate-publishing';

interface AnswerFormProps {
  workspaceId: string;
  specificationId: string;
  questionId: string;
}

/** Answers a question; sending it publishes question and answer to every provider. */
export function AnswerForm({ workspaceId, specificationId, questionId }: AnswerFormProps) {
  const [problems, setProblems] = useState<ProblemItem[]>([]);
  const fieldId = `answer-${questionId}`;
  const { values, field } = useFormFields({ [fieldId]: '' }, problems);
  const queryClient = useQueryClient();
  const answering = useMutation({
    mutationFn: (answer: string) => answerQuestion(workspaceId, questionId, { answer }),
    onSuccess: () =>
      queryClient.invalidateQueries({
        queryKey: publishingKeys.questions(workspaceId, specificationId),
      }),
    onError: (error) => setProblems(problemsFrom(error)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const answer = values[fieldId] ?? '';
    const found = validateText(fieldId, answer, TEXT_RULES.answer);
    setProblems(found);
    if (found.length === 0) answering.mutate(answer.trim());
  };

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary problems={problems} />
      <Textarea
        label="Your answer"
        hint="Every provider in the workspace will read the question and this answer. They will not see who asked."
        rows={4}
        {...field(fieldId)}
      />
      <Button busyText={answering.isPending && 'Publishing answer…'}>Publish answer</Button>
    </form>
  );
}
