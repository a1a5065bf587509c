import type { CreateWorkspaceRequest } from '@coproduce/domain';
import { useState, type FormEvent } from 'react';
import { problemsFrom } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { ErrorSummary, type ProblemItem } from '../../components/ErrorSummary';
import { Textarea } from '../../components/Textarea';
import { useFormFields } from '../../components/useFormFields';
import { validateNewWorkspace } from './validate-new-workspace';
import { WorkspaceDetailsFields } from './WorkspaceDetailsFields';

interface Props {
  initial?: CreateWorkspaceRequest;
  submitText: string;
  busyText: string;
  pending: boolean;
  /** The server's refusal, shown in the error summary. */
  failure: unknown;
  onSubmit: (request: CreateWorkspaceRequest) => void;
}

/** A workspace's details: for starting one, and for a commissioner changing them. */
export function WorkspaceDetailsForm({
  initial,
  submitText,
  busyText,
  pending,
  failure,
  onSubmit,
}: Props) {
  const [problems, setProblems] = useState<ProblemItem[]>([]);
  const { values, field } = useFormFields(
    {
      name: initial?.name ?? '',
      serviceArea: initial?.serviceArea ?? '',
      leadOrganisation: initial?.leadOrganisation ?? '',
      partners: (initial?.partnerOrganisations ?? []).join('\n'),
    },
    problems,
  );
  const shown = failure && problems.length === 0 ? problemsFrom(failure) : problems;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { problems: found, request } = validateNewWorkspace(values);
    setProblems(found);
    if (request) onSubmit(request);
  };

  return (
    <>
      <ErrorSummary problems={shown} />
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
        <Button busyText={pending && busyText}>{submitText}</Button>
      </form>
    </>
  );
}
