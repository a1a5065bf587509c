import {
  FEEDBACK_STATUSES,
  FEEDBACK_STATUS_NAMES,
  type Feedback,
  type FeedbackStatus,
} from '@coproduce/domain';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { changeFeedback } from '../../api/engagement';
import { problemsFrom } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { ErrorSummary, type ProblemItem } from '../../components/ErrorSummary';
import { validateStatusChange } from './feedback-form';
import { FeedbackStatusFields } from './FeedbackStatusFields';

const OPTIONS = FEEDBACK_STATUSES.map((status) => ({
  value: status,
  text: FEEDBACK_STATUS_NAMES[status],
}));

interface ChangeStatusFormProps {
  workspaceId: string;
  feedback: Feedback;
  onDone: () => Promise<unknown>;
}

/** Moves feedback on; "not taken forward" asks why, in words the workspace can publish. */
export function ChangeStatusForm({ workspaceId, feedback, onDone }: ChangeStatusFormProps) {
  const ids = { status: `status-${feedback.id}`, reason: `reason-${feedback.id}` };
  const [status, setStatus] = useState<FeedbackStatus>(feedback.status);
  const [reason, setReason] = useState(feedback.reason ?? '');
  const [problems, setProblems] = useState<ProblemItem[]>([]);
  const changing = useMutation({
    mutationFn: (request: Parameters<typeof changeFeedback>[2]) =>
      changeFeedback(workspaceId, feedback.id, request),
    onSuccess: onDone,
    onError: (error) => setProblems(problemsFrom(error)),
  });
  const errorFor = (id: string) => problems.find((problem) => problem.fieldId === id)?.text;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { problems: found, request } = validateStatusChange(ids, status, reason);
    setProblems(found);
    if (request) changing.mutate(request);
  };

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary problems={problems} />
      <FeedbackStatusFields
        ids={ids}
        options={OPTIONS}
        status={status}
        onStatus={setStatus}
        reason={reason}
        onReason={setReason}
        reasonHint="Everyone in the workspace can read this, and it appears in ‘You said, we did’. Write it for the person who said it."
        errorFor={errorFor}
      />
      <Button variant="secondary" small busyText={changing.isPending && 'Saving status…'}>
        Save status
      </Button>
    </form>
  );
}
