import type { FeedbackTheme } from '@coproduce/domain';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { renameFeedbackTheme } from '../../api/engagement';
import { problemsFrom } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { ErrorSummary, type ProblemItem } from '../../components/ErrorSummary';
import { TextInput } from '../../components/TextInput';
import { useRefreshEngagement } from './engagement-queries';
import { checkThemeName } from './theme-names';

interface RenameThemeFormProps {
  workspaceId: string;
  theme: FeedbackTheme;
  themes: readonly FeedbackTheme[];
}

/** A theme's new name; its feedback keeps it under the new name. */
export function RenameThemeForm({ workspaceId, theme, themes }: RenameThemeFormProps) {
  const fieldId = `rename-${theme.id}`;
  const [name, setName] = useState(theme.name);
  const [problems, setProblems] = useState<ProblemItem[]>([]);
  const refresh = useRefreshEngagement(workspaceId);
  const renaming = useMutation({
    mutationFn: (newName: string) => renameFeedbackTheme(workspaceId, theme.id, newName),
    onSuccess: refresh,
    onError: (error) => setProblems(problemsFrom(error)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkThemeName(fieldId, name, themes, theme.id);
    setProblems(found);
    if (found.length === 0) renaming.mutate(name.trim());
  };
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary problems={problems} />
      <TextInput
        id={fieldId}
        label={`New name for ${theme.name}`}
        autoComplete="off"
        value={name}
        onChange={setName}
        error={problems.find((problem) => problem.fieldId === fieldId)?.text}
      />
      <Button variant="secondary" small busyText={renaming.isPending && 'Renaming…'}>
        Rename<span className="nhsuk-u-visually-hidden"> {theme.name}</span>
      </Button>
    </form>
  );
}
