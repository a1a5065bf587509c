import type { FeedbackTheme } from '@coproduce/domain';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { mergeFeedbackTheme } from '../../api/engagement';
import { problemsFrom } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { ErrorSummary, type ProblemItem } from '../../components/ErrorSummary';
import { Select } from '../../components/Select';
import { useRefreshEngagement } from './engagement-queries';
import { formatCount } from './report-figures';

interface MergeThemeFormProps {
  workspaceId: string;
  theme: FeedbackTheme;
  themes: readonly FeedbackTheme[];
}

/**
 * Merges a theme into another: its feedback moves across and the theme goes. It
 * cannot be undone, so it asks for a confirming second press.
 */
export function MergeThemeForm({ workspaceId, theme, themes }: MergeThemeFormProps) {
  const fieldId = `merge-${theme.id}`;
  const others = themes.filter((other) => other.id !== theme.id);
  const [into, setInto] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [problems, setProblems] = useState<ProblemItem[]>([]);
  const refresh = useRefreshEngagement(workspaceId);
  const merging = useMutation({
    mutationFn: (intoThemeId: string) => mergeFeedbackTheme(workspaceId, theme.id, intoThemeId),
    onSuccess: refresh,
    onError: (error) => {
      setConfirming(false);
      setProblems(problemsFrom(error));
    },
  });
  if (others.length === 0)
    return <p className="nhsuk-body-s">There is no other theme to merge it into.</p>;

  const target = others.find((other) => other.id === into);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!target) {
      setProblems([{ fieldId, text: 'Choose the theme to merge it into' }]);
      return;
    }
    setProblems([]);
    if (confirming) merging.mutate(target.id);
    else setConfirming(true);
  };
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary problems={problems} />
      <Select
        id={fieldId}
        label={`Merge ${theme.name} into`}
        options={[
          { value: '', text: 'Choose a theme' },
          ...others.map((other) => ({ value: other.id, text: other.name })),
        ]}
        value={into}
        onChange={(value) => {
          setInto(value);
          setConfirming(false);
        }}
        error={problems.find((problem) => problem.fieldId === fieldId)?.text}
      />
      {confirming && target && (
        <p className="nhsuk-body-s" role="status">
          {formatCount(theme.feedbackCount)} feedback{' '}
          {theme.feedbackCount === 1 ? 'item moves' : 'items move'} to {target.name}, and{' '}
          {theme.name} is removed. This cannot be undone.
        </p>
      )}
      <div className="nhsuk-button-group nhsuk-button-group--small">
        <Button
          variant={confirming ? 'warning' : 'secondary'}
          small
          busyText={merging.isPending && 'Merging…'}
        >
          {confirming && target ? `Yes, merge into ${target.name}` : 'Merge'}
          {!confirming && <span className="nhsuk-u-visually-hidden"> {theme.name}</span>}
        </Button>
        {confirming && (
          <Button type="button" variant="secondary" small onClick={() => setConfirming(false)}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
