import {
  needsOrganisation,
  type ChangeMemberRequest,
  type MemberSummary,
  type Role,
} from '@coproduce/domain';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { changeMember } from '../../api/members';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { Select } from '../../components/Select';
import { TextInput } from '../../components/TextInput';
import { ROLE_OPTIONS } from './role-options';
import { useRefreshWorkspace } from './useRefreshWorkspace';
import { validateMemberChange, type MemberChangeProblem } from './validate-member-change';

interface ChangeRoleFormProps {
  workspaceId: string;
  member: MemberSummary;
}

/**
 * Sits in the members table's role column: the member's role, changeable in place,
 * and their organisation while the chosen role needs one (a provider's).
 */
export function ChangeRoleForm({ workspaceId, member }: ChangeRoleFormProps) {
  const [role, setRole] = useState<Role>(member.role);
  const [organisation, setOrganisation] = useState(member.organisation ?? '');
  const [problem, setProblem] = useState<MemberChangeProblem>();
  const refresh = useRefreshWorkspace(workspaceId);
  const changing = useMutation({
    mutationFn: (change: ChangeMemberRequest) => changeMember(workspaceId, member.userId, change),
    onSuccess: refresh,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { problem: found, request } = validateMemberChange(member, { role, organisation });
    setProblem(found);
    if (request) changing.mutate(request);
  };
  const choose = (next: Role) => {
    setRole(next);
    setProblem(undefined);
  };
  const errorFor = (field: MemberChangeProblem['field']) =>
    problem?.field === field ? problem.text : undefined;

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
          error={errorFor('role')}
        />
        {needsOrganisation(role) && (
          <TextInput
            id={`organisation-${member.userId}`}
            label={`Organisation for ${member.name}`}
            hint="A provider must have one"
            autoComplete="off"
            value={organisation}
            onChange={setOrganisation}
            error={errorFor('organisation')}
          />
        )}
        <Button variant="secondary" small disabled={changing.isPending}>
          Change role<span className="nhsuk-u-visually-hidden"> for {member.name}</span>
        </Button>
      </form>
    </>
  );
}
