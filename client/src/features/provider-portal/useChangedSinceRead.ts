import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ReadingState } from '@coproduce/domain';
import { getReadingState, markVersionRead } from '../../api/publishing';
import { publishingKeys } from '../publishing/publishing-queries';

/**
 * For a provider reading a version: where they stood before this visit (to offer "what
 * changed since the version you last read"), then records this version as read. The
 * state is taken once, before the marker moves, and never from an earlier visit's cache.
 */
export function useChangedSinceRead(
  workspaceId: string,
  specificationId: string,
  versionNumber: number | undefined,
  enabled: boolean,
): ReadingState | undefined {
  const reading = useQuery({
    queryKey: publishingKeys.reading(workspaceId, specificationId),
    queryFn: () => getReadingState(workspaceId, specificationId),
    enabled,
    gcTime: 0,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const [before, setBefore] = useState<ReadingState>();
  const marked = useRef<number>(undefined);

  useEffect(() => {
    if (!enabled || !reading.data || versionNumber === undefined) return;
    setBefore((current) => current ?? reading.data);
    if (marked.current === versionNumber) return;
    marked.current = versionNumber;
    // Not knowing it was read only means the offer to compare comes once more.
    markVersionRead(workspaceId, specificationId, versionNumber).catch(() => undefined);
  }, [enabled, reading.data, versionNumber, workspaceId, specificationId]);

  return before;
}
