import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ComparisonRef } from '@coproduce/domain';
import { CollabEvent, type QuestionNotice, type VersionNotice } from '@coproduce/protocol';
import {
  compareTexts,
  getHistory,
  getReadingState,
  getVersion,
  listQuestions,
  listVersions,
} from '../../api/publishing';
import { sharedCollabConnection } from '../../session/collab-connection';

/** Query keys, nested under the specification so one invalidation refreshes all of them. */
export const publishingKeys = {
  all: (workspaceId: string, specificationId: string) =>
    ['publishing', workspaceId, specificationId] as const,
  versions: (workspaceId: string, specificationId: string) =>
    ['publishing', workspaceId, specificationId, 'versions'] as const,
  version: (workspaceId: string, specificationId: string, versionNumber: number) =>
    ['publishing', workspaceId, specificationId, 'version', versionNumber] as const,
  history: (workspaceId: string, specificationId: string) =>
    ['publishing', workspaceId, specificationId, 'history'] as const,
  compare: (workspaceId: string, specificationId: string, from: string, to: string) =>
    ['publishing', workspaceId, specificationId, 'compare', from, to] as const,
  reading: (workspaceId: string, specificationId: string) =>
    ['publishing', workspaceId, specificationId, 'reading'] as const,
  questions: (workspaceId: string, specificationId: string) =>
    ['publishing', workspaceId, specificationId, 'questions'] as const,
};

/**
 * Refreshes what a page shows of a specification's publishing when the server says a
 * version was published or withdrawn or a question asked or answered, wherever it was.
 */
export function usePublishingUpdates(workspaceId: string, specificationId: string) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const { socket } = sharedCollabConnection();
    const onNotice = (notice: VersionNotice | QuestionNotice) => {
      const about = notice as Partial<VersionNotice> | null;
      if (about?.workspaceId !== workspaceId || about.specificationId !== specificationId) return;
      void queryClient.invalidateQueries({
        queryKey: publishingKeys.all(workspaceId, specificationId),
      });
    };
    const events = [
      CollabEvent.versionPublished,
      CollabEvent.versionWithdrawn,
      CollabEvent.questionAsked,
      CollabEvent.questionAnswered,
    ] as const;
    for (const event of events) socket.on(event, onNotice);
    return () => {
      for (const event of events) socket.off(event, onNotice);
    };
  }, [queryClient, workspaceId, specificationId]);
}

export function useVersions(workspaceId: string, specificationId: string) {
  return useQuery({
    queryKey: publishingKeys.versions(workspaceId, specificationId),
    queryFn: () => listVersions(workspaceId, specificationId),
  });
}

export function useVersion(workspaceId: string, specificationId: string, versionNumber?: number) {
  return useQuery({
    queryKey: publishingKeys.version(workspaceId, specificationId, versionNumber ?? 0),
    queryFn: () => getVersion(workspaceId, specificationId, versionNumber ?? 0),
    enabled: versionNumber !== undefined,
    // A version never changes once published, apart from being withdrawn (in the list).
    staleTime: Infinity,
  });
}

export function useHistory(workspaceId: string, specificationId: string, enabled = true) {
  return useQuery({
    queryKey: publishingKeys.history(workspaceId, specificationId),
    queryFn: () => getHistory(workspaceId, specificationId),
    enabled,
  });
}

export function useComparison(
  workspaceId: string,
  specificationId: string,
  from: ComparisonRef | undefined,
  to: ComparisonRef | undefined,
) {
  return useQuery({
    queryKey: publishingKeys.compare(workspaceId, specificationId, from ?? '', to ?? ''),
    queryFn: () => compareTexts(workspaceId, specificationId, from!, to!),
    enabled: from !== undefined && to !== undefined,
  });
}

export function useReadingState(workspaceId: string, specificationId: string, enabled: boolean) {
  return useQuery({
    queryKey: publishingKeys.reading(workspaceId, specificationId),
    queryFn: () => getReadingState(workspaceId, specificationId),
    enabled,
  });
}

export function useQuestions(workspaceId: string, specificationId: string, enabled = true) {
  return useQuery({
    queryKey: publishingKeys.questions(workspaceId, specificationId),
    queryFn: () => listQuestions(workspaceId, specificationId),
    enabled,
    refetchOnWindowFocus: true,
  });
}
