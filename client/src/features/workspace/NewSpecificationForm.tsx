import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { createSpecification } from '../../api/specifications';
import { problemsFrom } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { ErrorSummary, type ProblemItem } from '../../components/ErrorSummary';
import { TextInput } from '../../components/TextInput';
import { useFormFields } from '../../components/useFormFields';
import { paths } from '../../paths';
import { workspaceKeys } from './workspace-queries';

const MAX_TITLE_LENGTH = 200;

export function NewSpecificationForm({ workspaceId }: { workspaceId: string }) {
  const [problems, setProblems] = useState<ProblemItem[]>([]);
  const { values, field } = useFormFields({ 'specification-title': '' }, problems);
  const title = values['specification-title'];
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const creating = useMutation({
    mutationFn: () => createSpecification(workspaceId, title.trim()),
    onSuccess: async (specification) => {
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.specifications(workspaceId) });
      navigate(paths.specification(workspaceId, specification.id));
    },
    onError: (error) => setProblems(problemsFrom(error)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = title.trim();
    const found: ProblemItem[] = [];
    if (trimmed === '') found.push({ fieldId: 'specification-title', text: 'Enter a title' });
    else if (trimmed.length > MAX_TITLE_LENGTH) {
      found.push({
        fieldId: 'specification-title',
        text: `Title must be ${MAX_TITLE_LENGTH} characters or fewer`,
      });
    }
    setProblems(found);
    if (found.length === 0) creating.mutate();
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="new-specification-heading">
      <h3 id="new-specification-heading">Start a new specification</h3>
      <ErrorSummary problems={problems} />
      <TextInput
        label="Title"
        hint="For example, Key worker service for children and young people"
        {...field('specification-title')}
      />
      <Button variant="secondary" busyText={creating.isPending && 'Creating specification…'}>
        Create specification
      </Button>
    </form>
  );
}
