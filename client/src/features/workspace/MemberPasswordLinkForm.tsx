import type { IssuedPasswordReset, MemberSummary } from '@coproduce/domain';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { issuePasswordReset } from '../../api/password-resets';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { Select } from '../../components/Select';
import { SuccessBanner } from '../../components/SuccessBanner';
import { formatDateTime } from '../../dates';
import { useMembers } from './workspace-queries';

/** For commissioners: a single-use link for a member locked out of their account. */
export function MemberPasswordLinkForm({ workspaceId }: { workspaceId: string }) {
  const members = useMembers(workspaceId);
  const [userId, setUserId] = useState('');
  const issuing = useMutation({
    mutationFn: (member: MemberSummary) => issuePasswordReset(workspaceId, member.userId),
  });
  const options = [
    { value: '', text: 'Choose a member' },
    ...(members.data ?? []).map((member) => ({ value: member.userId, text: member.name })),
  ];
  const chosen = members.data?.find((member) => member.userId === userId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen) issuing.mutate(chosen);
  };

  return (
    <section aria-labelledby="password-link-heading">
      <h2 id="password-link-heading">A member cannot sign in</h2>
      <p>
        Make them a link to choose a new password. It works once, for 1 hour, and signs them out
        everywhere when they use it.
      </p>
      {issuing.isError && <ApiErrorSummary error={issuing.error} />}
      {issuing.data && issuing.variables && (
        <IssuedLink issued={issuing.data} member={issuing.variables} />
      )}
      <form onSubmit={submit} noValidate>
        <Select
          id="password-link-member"
          label="Member"
          options={options}
          value={userId}
          onChange={setUserId}
        />
        <Button
          variant="secondary"
          busyText={issuing.isPending && 'Making the link…'}
          disabled={!chosen}
        >
          Make a password link
        </Button>
      </form>
    </section>
  );
}

function IssuedLink({ issued, member }: { issued: IssuedPasswordReset; member: MemberSummary }) {
  if (issued.emailed || !issued.path) {
    return (
      <SuccessBanner heading={`Link emailed to ${member.name}`}>
        <p className="nhsuk-body">
          It works once, until {formatDateTime(issued.expiresAt)}. Ask them to check their spam
          folder if it has not arrived.
        </p>
      </SuccessBanner>
    );
  }
  const link = new URL(issued.path, window.location.origin).href;
  return (
    <SuccessBanner heading={`Password link made for ${member.name}`}>
      <p className="nhsuk-body">
        Give this link to {member.name} yourself, not by a shared channel. It works once, until{' '}
        {formatDateTime(issued.expiresAt)}. You will not be able to see it again.
      </p>
      <p className="nhsuk-body app-break-anywhere">
        <a href={link} data-testid="password-link">
          {link}
        </a>
      </p>
    </SuccessBanner>
  );
}
