import { useMutation, useQueryClient } from '@tanstack/react-query';
import { setWorkspaceArchived } from '../../api/workspaces';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { Details } from '../../components/Details';
import { workspaceKeys } from './workspace-queries';

interface Props {
  workspaceId: string;
  archived: boolean;
}

/** For commissioners: archive a finished commissioning project, or bring it back. */
export function ArchiveWorkspace({ workspaceId, archived }: Props) {
  const queryClient = useQueryClient();
  const changing = useMutation({
    mutationFn: (archive: boolean) => setWorkspaceArchived(workspaceId, archive),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.all(workspaceId) });
      await queryClient.invalidateQueries({ queryKey: ['workspaces'] });
    },
  });
  const button = (archive: boolean, text: string, busy: string) => (
    <Button
      type="button"
      variant="secondary"
      onClick={() => changing.mutate(archive)}
      busyText={changing.isPending && busy}
    >
      {text}
    </Button>
  );
  if (archived) {
    return (
      <>
        {changing.isError && <ApiErrorSummary error={changing.error} />}
        {button(false, 'Restore this workspace', 'Restoring…')}
      </>
    );
  }
  return (
    <Details summary="Archive this workspace">
      <p>
        Archive the workspace when the commissioning project is finished. Everything in it becomes
        read-only for everyone, including anyone editing a specification now, and it moves out of
        your list of workspaces into the archived ones. You can restore it at any time.
      </p>
      {changing.isError && <ApiErrorSummary error={changing.error} />}
      {button(true, 'Archive workspace', 'Archiving…')}
    </Details>
  );
}
