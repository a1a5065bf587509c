import type { CreatedInvitation, CreateInvitationRequest, Role } from '@coproduce/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { createInvitation } from '../../api/invitations';
import { problemsFrom } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { ErrorSummary, type ProblemItem } from '../../components/ErrorSummary';
import { Select } from '../../components/Select';
import { TextInput } from '../../components/TextInput';
import { CreatedInvitationBanner } from './CreatedInvitationBanner';
import { ROLE_OPTIONS } from './role-options';
import { EXPIRY_OPTIONS, validateInvitation } from './validate-invitation';
import { workspaceKeys } from './workspace-queries';

export function NewInvitationForm({ workspaceId }: { workspaceId: string }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('expert-by-experience');
  const [expiresInDays, setExpiresInDays] = useState<string>('7');
  const [problems, setProblems] = useState<ProblemItem[]>([]);
  const [created, setCreated] = useState<CreatedInvitation>();
  const queryClient = useQueryClient();

  const inviting = useMutation({
    mutationFn: (request: CreateInvitationRequest) => createInvitation(workspaceId, request),
    onSuccess: (invitation) => {
      setCreated(invitation);
      setEmail('');
      return queryClient.invalidateQueries({ queryKey: workspaceKeys.invitations(workspaceId) });
    },
    onError: (error) => setProblems(problemsFrom(error)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { problems: found, request } = validateInvitation({ email, role, expiresInDays });
    setProblems(found);
    setCreated(undefined);
    if (request) inviting.mutate(request);
  };
  const fieldError = (fieldId: string) => problems.find((p) => p.fieldId === fieldId)?.text;

  return (
    <>
      {created && <CreatedInvitationBanner invitation={created} key={created.id} />}
      <form onSubmit={submit} noValidate aria-labelledby="new-invitation-heading">
        <h3 id="new-invitation-heading">Invite someone</h3>
        <ErrorSummary problems={problems} />
        <TextInput
          id="invitation-email"
          label="Email address (optional)"
          hint="Leave this blank to create a link you can share yourself. A link works once."
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={email}
          onChange={setEmail}
          error={fieldError('invitation-email')}
        />
        <Select
          id="invitation-role"
          label="Role"
          hint="What they will be able to do in this workspace"
          options={ROLE_OPTIONS}
          value={role}
          onChange={setRole}
        />
        <Select
          id="invitation-expiry"
          label="Invitation expires after"
          options={EXPIRY_OPTIONS}
          value={expiresInDays}
          onChange={setExpiresInDays}
          error={fieldError('invitation-expiry')}
        />
        <Button variant="secondary" disabled={inviting.isPending}>
          {inviting.isPending ? 'Creating invitation…' : 'Create invitation'}
        </Button>
      </form>
    </>
  );
}
