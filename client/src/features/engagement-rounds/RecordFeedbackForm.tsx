import type { RoundChange } from '@coproduce/domain';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { recordRoundChangeAsFeedback } from '../../api/engagement-rounds';
import { problemsFrom } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { ErrorSummary, type ProblemItem } from '../../components/ErrorSummary';
import { Radios } from '../../components/Radios';
import { FeedbackStatusFields } from '../engagement/FeedbackStatusFields';
import {
  AUDIENCE_OPTIONS,
  STATUS_OPTIONS,
  feedbackFieldIds,
  validateRoundFeedback,
  type RoundFeedbackAudience,
  type RoundFeedbackStatus,
} from './round-feedback-form';

interface RecordFeedbackFormProps {
  workspaceId: string;
  roundId: string;
  change: RoundChange;
  onDone: () => Promise<unknown>;
}

/** Records one change as feedback in engagement, where it is followed up like any other. */
export function RecordFeedbackForm({
  workspaceId,
  roundId,
  change,
  onDone,
}: RecordFeedbackFormProps) {
  const ids = feedbackFieldIds(change.key);
  const [status, setStatus] = useState<RoundFeedbackStatus | ''>('');
  const [reason, setReason] = useState('');
  const [audience, setAudience] = useState<RoundFeedbackAudience | ''>('');
  const [problems, setProblems] = useState<ProblemItem[]>([]);
  const recording = useMutation({
    mutationFn: (request: Parameters<typeof recordRoundChangeAsFeedback>[3]) =>
      recordRoundChangeAsFeedback(workspaceId, roundId, change.key, request),
    onSuccess: onDone,
    onError: async (error) => {
      setProblems(problemsFrom(error));
      // Decided meanwhile by someone else (409): the page shows what was decided.
      await onDone();
    },
  });
  const errorFor = (id: string) => problems.find((problem) => problem.fieldId === id)?.text;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { problems: found, request } = validateRoundFeedback(ids, { status, reason, audience });
    setProblems(found);
    if (request) recording.mutate(request);
  };

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary problems={problems} />
      <FeedbackStatusFields
        ids={ids}
        options={STATUS_OPTIONS}
        status={status}
        onStatus={setStatus}
        reason={reason}
        onReason={setReason}
        reasonHint="Everyone in the workspace can read this. Write it for the providers who suggested it."
        errorFor={errorFor}
      />
      <Radios
        id={ids.audience}
        label="Which providers did it come from?"
        options={AUDIENCE_OPTIONS}
        value={audience}
        onChange={setAudience}
        error={errorFor(ids.audience)}
      />
      <Button variant="secondary" small busyText={recording.isPending && 'Recording feedback…'}>
        Record as feedback
      </Button>
    </form>
  );
}
