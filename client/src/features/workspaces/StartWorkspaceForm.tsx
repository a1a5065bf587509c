import type { CreateWorkspaceRequest } from '@coproduce/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { createWorkspace } from '../../api/workspaces';
import { problemsFrom } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { ErrorSummary, type ProblemItem } from '../../components/ErrorSummary';
import { Textarea } from '../../components/Textarea';
import { useFormFields } from '../../components/useFormFields';
import { paths } from '../../paths';
import { validateNewWorkspace } from './validate-new-workspace';
import { WorkspaceDetailsFields } from './WorkspaceDetailsFields';

/** Starts a workspace for a new commissioning project; whoever starts it is its commissioner. */
export function StartWorkspaceForm() {
  const [problems, setProblems] = useState<ProblemItem[]>([]);
  const { values, field } = useFormFields(
    { name: '', serviceArea: '', leadOrganisation: '', partners: '' },
    problems,
  );
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const starting = useMutation({
    mutationFn: (request: CreateWorkspaceRequest) => createWorkspace(request),
    onSuccess: async (workspace) => {
      await queryClient.invalidateQueries({ queryKey: ['workspaces'] });
      navigate(paths.workspace(workspace.id));
    },
    onError: (error) => setProblems(problemsFrom(error)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { problems: found, request } = validateNewWorkspace(values);
    setProblems(found);
    if (request) starting.mutate(request);
  };

  return (
    <details className="nhsuk-details">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Start a workspace</span>
      </summary>
      <div className="nhsuk-details__text">
        <p>
          For a new commissioning project. You will be its commissioner, and can invite the steering
          group, experts by experience, engagement leads, providers and observers.
        </p>
        <ErrorSummary problems={problems} />
        <form onSubmit={submit} noValidate>
          <WorkspaceDetailsFields
            name={field('name')}
            serviceArea={field('serviceArea')}
            leadOrganisation={field('leadOrganisation')}
          />
          <Textarea
            label="Partner organisations (optional)"
            hint="One a line, for example the council and a parent carer forum"
            rows={3}
            {...field('partners')}
          />
          <Button busyText={starting.isPending && 'Starting the workspace…'}>
            Start workspace
          </Button>
        </form>
      </div>
    </details>
  );
}
