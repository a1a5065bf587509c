// The feedback behind a specification's text, finding feedback to link, and linking it.
// (The engagement pages have their own calls for the rest of feedback.)
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Feedback, FeedbackLinkRequest } from '@coproduce/domain';
import { apiRequest, segment } from '../../api/request';

const workspacePath = (workspaceId: string) => `/workspaces/${segment(workspaceId)}`;

/** How many items a search for feedback to link offers. */
export const FOUND_PAGE_SIZE = 10;

export const feedbackInTextKeys = {
  behindText: (workspaceId: string, specificationId: string) =>
    ['workspace', workspaceId, 'specification', specificationId, 'feedback'] as const,
  found: (workspaceId: string, search: string) =>
    ['workspace', workspaceId, 'feedback-to-link', search] as const,
};

/** The feedback linked to a specification, in the order of its text; for those who read feedback. */
export function useFeedbackBehindText(
  workspaceId: string,
  specificationId: string,
  enabled: boolean,
) {
  return useQuery({
    queryKey: feedbackInTextKeys.behindText(workspaceId, specificationId),
    queryFn: () =>
      apiRequest<Feedback[]>(
        'GET',
        `${workspacePath(workspaceId)}/specifications/${segment(specificationId)}/feedback`,
      ),
    enabled,
  });
}

/** The newest feedback whose words hold `search` (all feedback when it is empty). */
export function useFeedbackFound(workspaceId: string, search: string) {
  return useQuery({
    queryKey: feedbackInTextKeys.found(workspaceId, search),
    queryFn: () => {
      const query = new URLSearchParams({ pageSize: String(FOUND_PAGE_SIZE) });
      if (search.trim()) query.set('search', search.trim());
      return apiRequest<Feedback[]>(
        'GET',
        `${workspacePath(workspaceId)}/feedback?${query.toString()}`,
      );
    },
  });
}

/** Gives an item its links (all of them: the list replaces the ones it had). */
export function useLinkFeedback(workspaceId: string, specificationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ feedbackId, links }: { feedbackId: string; links: FeedbackLinkRequest[] }) =>
      apiRequest<Feedback>(
        'PATCH',
        `${workspacePath(workspaceId)}/feedback/${segment(feedbackId)}`,
        {
          links,
        },
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({
          queryKey: feedbackInTextKeys.behindText(workspaceId, specificationId),
        }),
        queryClient.invalidateQueries({ queryKey: ['workspace', workspaceId, 'feedback-to-link'] }),
        // The engagement pages' lists and figures.
        queryClient.invalidateQueries({ queryKey: ['engagement', workspaceId] }),
      ]),
  });
}
