import type { MemberSummary } from '@coproduce/domain';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { removeMember } from '../../api/members';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { useRefreshWorkspace } from './useRefreshWorkspace';

interface RemoveMemberControlProps {
  workspaceId: string;
  member: MemberSummary;
}

/** Removing someone takes their access away at once, so it asks for a second, explicit click. */
export function RemoveMemberControl({ workspaceId, member }: RemoveMemberControlProps) {
  const [confirming, setConfirming] = useState(false);
  const refresh = useRefreshWorkspace(workspaceId);
  const removing = useMutation({
    mutationFn: () => removeMember(workspaceId, member.userId),
    onSuccess: refresh,
    onSettled: () => setConfirming(false),
  });

  return (
    <div>
      {removing.isError && <ApiErrorSummary error={removing.error} />}
      {confirming ? (
        <>
          <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">
            Remove {member.name}? They will lose access straight away.
          </p>
          <div className="nhsuk-button-group nhsuk-button-group--small">
            <Button
              type="button"
              variant="warning"
              small
              disabled={removing.isPending}
              onClick={() => removing.mutate()}
            >
              Yes, remove<span className="nhsuk-u-visually-hidden"> {member.name}</span>
            </Button>
            <Button type="button" variant="secondary" small onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </div>
        </>
      ) : (
        <Button type="button" variant="warning" small onClick={() => setConfirming(true)}>
          Remove<span className="nhsuk-u-visually-hidden"> {member.name}</span>
        </Button>
      )}
    </div>
  );
}
