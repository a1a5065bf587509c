import type { MemberSummary, Role } from '@coproduce/domain';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { changeMemberRole } from '../../api/members';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { Select } from '../../components/Select';
import { ROLE_OPTIONS } from './role-options';
import { useRefreshWorkspace } from './useRefreshWorkspace';

interface ChangeRoleFormProps {
  workspaceId: string;
  member: MemberSummary;
}

/** Sits in the members table's role column: the member's role, changeable in place. */
export function ChangeRoleForm({ workspaceId, member }: ChangeRoleFormProps) {
  const [role, setRole] = useState<Role>(member.role);
  const [unchanged, setUnchanged] = useState(false);
  const refresh = useRefreshWorkspace(workspaceId);
  const changing = useMutation({
    mutationFn: () => changeMemberRole(workspaceId, member.userId, role),
    onSuccess: refresh,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setUnchanged(role === member.role);
    if (role !== member.role) changing.mutate();
  };
  const choose = (next: Role) => {
    setRole(next);
    setUnchanged(false);
  };

  return (
    <>
      {changing.isError && <ApiErrorSummary error={changing.error} />}
      <form onSubmit={submit} noValidate>
        <Select
          id={`role-${member.userId}`}
          label={`Role for ${member.name}`}
          labelHidden
          options={ROLE_OPTIONS}
          value={role}
          onChange={choose}
          error={unchanged ? `Choose a different role for ${member.name}` : undefined}
        />
        <Button variant="secondary" small disabled={changing.isPending}>
          Change role<span className="nhsuk-u-visually-hidden"> for {member.name}</span>
        </Button>
      </form>
    </>
  );
}
