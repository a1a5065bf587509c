import type { FeedbackTheme } from '@coproduce/domain';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { addFeedbackTheme } from '../../api/engagement';
import { problemsFrom } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { ErrorSummary, type ProblemItem } from '../../components/ErrorSummary';
import { TextInput } from '../../components/TextInput';
import { useRefreshEngagement } from './engagement-queries';
import { checkThemeName } from './theme-names';

/** Adds a theme to the workspace's list, ready to give to feedback. */
export function AddThemeForm({
  workspaceId,
  themes,
}: {
  workspaceId: string;
  themes: readonly FeedbackTheme[];
}) {
  const [name, setName] = useState('');
  const [problems, setProblems] = useState<ProblemItem[]>([]);
  const refresh = useRefreshEngagement(workspaceId);
  const adding = useMutation({
    mutationFn: (themeName: string) => addFeedbackTheme(workspaceId, themeName),
    onSuccess: async () => {
      setName('');
      await refresh();
    },
    onError: (error) => setProblems(problemsFrom(error)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkThemeName('theme-name', name, themes, 'new');
    setProblems(found);
    if (found.length === 0) adding.mutate(name.trim());
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="add-theme-heading">
      <ErrorSummary problems={problems} />
      <h2 id="add-theme-heading">Add a theme</h2>
      <TextInput
        id="theme-name"
        label="Name of the theme"
        hint="For example, Waiting times, or Moving to adult services"
        autoComplete="off"
        width={30}
        value={name}
        onChange={setName}
        error={problems.find((problem) => problem.fieldId === 'theme-name')?.text}
      />
      <Button variant="secondary" busyText={adding.isPending && 'Adding theme…'}>
        Add theme
      </Button>
    </form>
  );
}
