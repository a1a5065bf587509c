import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { CollabEvent, type HistoryChangedNotice } from '@coproduce/protocol';
import { paths } from '../../paths';
import { sharedCollabConnection } from '../../session/collab-connection';
import { workspaceKeys } from '../workspace/workspace-queries';
import { describeHistoryChange } from './describe-history-change';
import { publishingKeys } from './publishing-queries';

const CHANGES: readonly string[] = [
  'checkpoint-saved',
  'version-published',
  'version-withdrawn',
  'restored',
] satisfies HistoryChangedNotice['change'][];

function isHistoryChange(value: unknown): value is HistoryChangedNotice {
  if (typeof value !== 'object' || value === null) return false;
  const { change, by } = value as Partial<HistoryChangedNotice>;
  return (
    typeof change === 'string' &&
    CHANGES.includes(change) &&
    typeof by?.name === 'string' &&
    typeof by.id === 'string'
  );
}

interface HistoryChangeNoticeProps {
  workspaceId: string;
  specificationId: string;
  userId?: string;
}

/**
 * On the draft: says, as it happens, that someone restored a checkpoint or published or
 * withdrew a version (the server's `history:changed`), and keeps the history current.
 */
export function HistoryChangeNotice({
  workspaceId,
  specificationId,
  userId,
}: HistoryChangeNoticeProps) {
  const [latest, setLatest] = useState<HistoryChangedNotice>();
  const queryClient = useQueryClient();
  useEffect(() => {
    const { socket } = sharedCollabConnection();
    const onChanged = (docId: string, notice: HistoryChangedNotice) => {
      if (docId !== specificationId || !isHistoryChange(notice)) return;
      setLatest(notice);
      void queryClient.invalidateQueries({
        queryKey: publishingKeys.all(workspaceId, specificationId),
      });
      void queryClient.invalidateQueries({ queryKey: workspaceKeys.specifications(workspaceId) });
    };
    socket.on(CollabEvent.historyChanged, onChanged);
    return () => {
      socket.off(CollabEvent.historyChanged, onChanged);
    };
  }, [queryClient, workspaceId, specificationId]);

  // The status region is there from the start, so screen readers announce what appears in it.
  return (
    <div role="status">
      {latest && (
        <div className="nhsuk-inset-text">
          <p>
            {describeHistoryChange(latest, userId)}{' '}
            <Link to={paths.history(workspaceId, specificationId)}>See the history</Link>
          </p>
        </div>
      )}
    </div>
  );
}
