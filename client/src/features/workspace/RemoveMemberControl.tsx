import type { MemberSummary } from '@coproduce/domain';
import { removeMember } from '../../api/members';
import { RowAction } from '../../components/RowAction';
import { useRefreshWorkspace } from './useRefreshWorkspace';

interface RemoveMemberControlProps {
  workspaceId: string;
  member: MemberSummary;
}

/** Removing someone takes their access away at once, so it asks for a second, explicit click. */
export function RemoveMemberControl({ workspaceId, member }: RemoveMemberControlProps) {
  const refresh = useRefreshWorkspace(workspaceId);
  return (
    <RowAction
      label="Remove"
      subject={member.name}
      variant="warning"
      confirmation={`Remove ${member.name}? They will lose access straight away.`}
      act={() => removeMember(workspaceId, member.userId)}
      onDone={refresh}
    />
  );
}
