import type { Feedback } from '@coproduce/domain';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { changeFeedback } from '../../api/engagement';
import { ApiErrorSummary, problemsFrom } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { ErrorSummary, type ProblemItem } from '../../components/ErrorSummary';
import { Loading } from '../../components/Loading';
import { ThemeChoices } from './ThemeChoices';
import { useFeedbackThemes } from './engagement-queries';
import { chooseThemes } from './feedback-form';

interface ChangeThemesFormProps {
  workspaceId: string;
  feedback: Feedback;
  onDone: () => Promise<unknown>;
}

/** The themes of one feedback item, chosen again; a typed new one joins the workspace's list. */
export function ChangeThemesForm({ workspaceId, feedback, onDone }: ChangeThemesFormProps) {
  const ids = { themes: `themes-${feedback.id}`, newTheme: `new-theme-${feedback.id}` };
  const themes = useFeedbackThemes(workspaceId);
  const [chosen, setChosen] = useState<string[]>(feedback.themeIds);
  const [newTheme, setNewTheme] = useState('');
  const [problems, setProblems] = useState<ProblemItem[]>([]);
  const changing = useMutation({
    mutationFn: (names: string[]) => changeFeedback(workspaceId, feedback.id, { themes: names }),
    onSuccess: async () => {
      setNewTheme('');
      await onDone();
    },
    onError: (error) => setProblems(problemsFrom(error)),
  });

  if (themes.isPending) return <Loading what="themes" />;
  if (themes.isError) return <ApiErrorSummary error={themes.error} />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { problems: found, themes: names } = chooseThemes(ids, chosen, newTheme, themes.data);
    setProblems(found);
    if (found.length === 0) changing.mutate(names);
  };
  const errorFor = (id: string) => problems.find((problem) => problem.fieldId === id)?.text;

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary problems={problems} />
      <ThemeChoices
        ids={ids}
        themes={themes.data}
        chosen={chosen}
        onChoose={setChosen}
        newTheme={newTheme}
        onNewTheme={setNewTheme}
        errors={{ themes: errorFor(ids.themes), newTheme: errorFor(ids.newTheme) }}
      />
      <Button variant="secondary" small busyText={changing.isPending && 'Saving themes…'}>
        Save themes
      </Button>
    </form>
  );
}
