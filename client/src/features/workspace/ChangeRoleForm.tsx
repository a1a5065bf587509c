import { ROLE_LABELS, ROLES, type MemberSummary, type Role } from '@coproduce/domain';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { changeMemberRole } from '../../api/members';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { Select } from '../../components/Select';
import { useRefreshWorkspace } from './useRefreshWorkspace';

const roleOptions = ROLES.map((role) => ({ value: role, text: ROLE_LABELS[role] }));

interface ChangeRoleFormProps {
  workspaceId: string;
  member: MemberSummary;
}

export function ChangeRoleForm({ workspaceId, member }: ChangeRoleFormProps) {
  const [role, setRole] = useState<Role>(member.role);
  const refresh = useRefreshWorkspace(workspaceId);
  const changing = useMutation({
    mutationFn: () => changeMemberRole(workspaceId, member.userId, role),
    onSuccess: refresh,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (role !== member.role) changing.mutate();
  };

  return (
    <>
      {changing.isError && <ApiErrorSummary error={changing.error} />}
      <form className="app-inline-form" onSubmit={submit} noValidate>
        <Select
          id={`role-${member.userId}`}
          label={`Role for ${member.name}`}
          options={roleOptions}
          value={role}
          onChange={setRole}
        />
        <Button variant="secondary" small disabled={changing.isPending || role === member.role}>
          Change role<span className="nhsuk-u-visually-hidden"> for {member.name}</span>
        </Button>
      </form>
    </>
  );
}
