import { ROLE_LABELS } from '@coproduce/domain';
import type { ReactNode } from 'react';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { Loading } from '../../components/Loading';
import { Table } from '../../components/Table';
import { formatDate } from '../../dates';
import { ChangeRoleForm } from './ChangeRoleForm';
import { OrganisationName } from './OrganisationName';
import { RemoveMemberControl } from './RemoveMemberControl';
import { useMembers } from './workspace-queries';

interface MembersSectionProps {
  workspaceId: string;
  canChangeRole: boolean;
  canRemove: boolean;
}

export function MembersSection({ workspaceId, canChangeRole, canRemove }: MembersSectionProps) {
  const members = useMembers(workspaceId);
  // Addresses come only to those who may see them (not observers): no empty column else.
  const showEmail = members.data?.some((member) => member.email !== null) ?? false;
  const headers = ['Name', ...(showEmail ? ['Email'] : []), 'Organisation', 'Role', 'Joined'];
  if (canRemove) headers.push('Remove');

  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">Members</h2>
      {members.isPending && <Loading what="members" />}
      {members.isError && <ApiErrorSummary error={members.error} />}
      {members.data && (
        <Table
          caption="Members of this workspace"
          captionHidden
          headers={headers}
          rows={members.data.map((member) => {
            const cells: ReactNode[] = [
              member.name,
              ...(showEmail ? [member.email] : []),
              <OrganisationName organisation={member.organisation} />,
              canChangeRole ? (
                <ChangeRoleForm workspaceId={workspaceId} member={member} />
              ) : (
                ROLE_LABELS[member.role]
              ),
              <span className="nhsuk-u-nowrap">{formatDate(member.joinedAt)}</span>,
            ];
            if (canRemove) {
              cells.push(<RemoveMemberControl workspaceId={workspaceId} member={member} />);
            }
            return { key: member.userId, cells };
          })}
        />
      )}
    </section>
  );
}
