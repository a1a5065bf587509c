import {
  needsOrganisation,
  type CreatedInvitation,
  type CreateInvitationRequest,
  type Role,
} from '@coproduce/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { createInvitation } from '../../api/invitations';
import { fetchMailSettings } from '../../api/password-resets';
import { problemsFrom } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { EmailInput } from '../../components/EmailInput';
import { ErrorSummary, type ProblemItem } from '../../components/ErrorSummary';
import { Select } from '../../components/Select';
import { TextInput } from '../../components/TextInput';
import { useFormFields } from '../../components/useFormFields';
import { CreatedInvitationBanner } from './CreatedInvitationBanner';
import { ROLE_OPTIONS } from './role-options';
import { EXPIRY_OPTIONS, validateInvitation } from './validate-invitation';
import { workspaceKeys } from './workspace-queries';

export function NewInvitationForm({ workspaceId }: { workspaceId: string }) {
  const [role, setRole] = useState<Role>('expert-by-experience');
  const [problems, setProblems] = useState<ProblemItem[]>([]);
  const { values, setValue, field } = useFormFields(
    { 'invitation-email': '', 'invitation-organisation': '', 'invitation-expiry': '7' },
    problems,
  );
  const [created, setCreated] = useState<CreatedInvitation>();
  const queryClient = useQueryClient();
  const mail = useQuery({ queryKey: ['mail-settings'], queryFn: fetchMailSettings });
  const sendsEmail = mail.data?.sendsEmail ?? false;

  const inviting = useMutation({
    mutationFn: (request: CreateInvitationRequest) => createInvitation(workspaceId, request),
    onSuccess: (invitation) => {
      setCreated(invitation);
      setValue('invitation-email', '');
      setValue('invitation-organisation', '');
      return queryClient.invalidateQueries({ queryKey: workspaceKeys.invitations(workspaceId) });
    },
    onError: (error) => setProblems(problemsFrom(error)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { problems: found, request } = validateInvitation({
      email: values['invitation-email'],
      role,
      organisation: values['invitation-organisation'],
      expiresInDays: values['invitation-expiry'],
    });
    setProblems(found);
    setCreated(undefined);
    if (request) inviting.mutate(request);
  };

  return (
    <>
      {created && <CreatedInvitationBanner invitation={created} key={created.id} />}
      <form onSubmit={submit} noValidate aria-labelledby="new-invitation-heading">
        <h3 id="new-invitation-heading">Invite someone</h3>
        <ErrorSummary problems={problems} />
        <EmailInput
          label="Email address (optional)"
          hint={
            sendsEmail
              ? 'We email them the invitation. Leave this blank to create a link you can share yourself. A link works once.'
              : 'This Coproduce does not send email: you get a link to send them yourself. A link works once.'
          }
          autoComplete="off"
          {...field('invitation-email')}
        />
        <Select
          id="invitation-role"
          label="Role"
          hint="What they will be able to do in this workspace"
          options={ROLE_OPTIONS}
          value={role}
          onChange={setRole}
        />
        <TextInput
          label={needsOrganisation(role) ? 'Organisation' : 'Organisation (optional)'}
          hint="The organisation they take part for, such as a provider, council or parent carer forum. A provider must have one."
          autoComplete="off"
          width={30}
          {...field('invitation-organisation')}
        />
        <Select
          label="Invitation expires after"
          options={EXPIRY_OPTIONS}
          {...field('invitation-expiry')}
        />
        <Button variant="secondary" busyText={inviting.isPending && 'Creating invitation…'}>
          Create invitation
        </Button>
      </form>
    </>
  );
}
