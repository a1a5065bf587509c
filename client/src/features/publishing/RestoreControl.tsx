import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { RestoreResult } from '@coproduce/domain';
import { restoreCheckpoint } from '../../api/publishing';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { publishingKeys } from './publishing-queries';

interface RestoreControlProps {
  workspaceId: string;
  specificationId: string;
  checkpointId: string;
  checkpointName: string;
  onRestored: (result: RestoreResult) => void;
}

/**
 * Makes the draft the checkpoint's text again, after asking. The server does it as a new
 * edit, so everyone with the draft open sees it arrive like anyone else's typing.
 */
export function RestoreControl({
  workspaceId,
  specificationId,
  checkpointId,
  checkpointName,
  onRestored,
}: RestoreControlProps) {
  const [confirming, setConfirming] = useState(false);
  const queryClient = useQueryClient();
  const restoring = useMutation({
    mutationFn: () => restoreCheckpoint(workspaceId, specificationId, checkpointId),
    onSuccess: async (result) => {
      setConfirming(false);
      onRestored(result);
      await queryClient.invalidateQueries({
        queryKey: publishingKeys.all(workspaceId, specificationId),
      });
    },
  });

  if (!confirming) {
    return (
      <Button type="button" variant="secondary" small onClick={() => setConfirming(true)}>
        Restore<span className="nhsuk-u-visually-hidden"> “{checkpointName}”</span>
      </Button>
    );
  }
  return (
    <div role="group" aria-label={`Restore “${checkpointName}”`}>
      {restoring.isError && <ApiErrorSummary error={restoring.error} />}
      <p className="nhsuk-body-s">
        The draft will become “{checkpointName}” for everyone. The draft as it is now is saved as a
        checkpoint first, so you can go back.
      </p>
      <Button
        type="button"
        variant="warning"
        small
        onClick={() => restoring.mutate()}
        busyText={restoring.isPending && 'Restoring…'}
      >
        Yes, restore this checkpoint
      </Button>{' '}
      <Button type="button" variant="secondary" small onClick={() => setConfirming(false)}>
        Cancel
      </Button>
    </div>
  );
}
