import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  getEngagementEvent,
  getEngagementReport,
  getTargetCohort,
  getYouSaidWeDid,
  listEngagementEvents,
  listFeedback,
  listFeedbackThemes,
} from '../../api/engagement';
import { feedbackQuery, type FeedbackFilters } from './feedback-filters';

/**
 * Query keys, all under the workspace's engagement: one change (an event recorded,
 * feedback moved on, themes merged) touches counts on several screens, so a change
 * refreshes the lot.
 */
export const engagementKeys = {
  all: (workspaceId: string) => ['engagement', workspaceId] as const,
  events: (workspaceId: string) => ['engagement', workspaceId, 'events'] as const,
  event: (workspaceId: string, eventId: string) =>
    ['engagement', workspaceId, 'event', eventId] as const,
  feedback: (workspaceId: string, query: string) =>
    ['engagement', workspaceId, 'feedback', query] as const,
  themes: (workspaceId: string) => ['engagement', workspaceId, 'themes'] as const,
  cohort: (workspaceId: string) => ['engagement', workspaceId, 'cohort'] as const,
  report: (workspaceId: string) => ['engagement', workspaceId, 'report'] as const,
  youSaidWeDid: (workspaceId: string, specificationId: string) =>
    ['engagement', workspaceId, 'you-said-we-did', specificationId] as const,
};

/** After any change to engagement: every engagement screen of the workspace asks again. */
export function useRefreshEngagement(workspaceId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: engagementKeys.all(workspaceId) });
}

/** After deleting an event: it is dropped, not asked for again, and the rest refreshed. */
export function useForgetEngagementEvent(workspaceId: string) {
  const queryClient = useQueryClient();
  return (eventId: string) => {
    const deleted = engagementKeys.event(workspaceId, eventId);
    queryClient.removeQueries({ queryKey: deleted, exact: true });
    return queryClient.invalidateQueries({
      queryKey: engagementKeys.all(workspaceId),
      predicate: (query) => query.queryKey.join('/') !== deleted.join('/'),
    });
  };
}

export function useEngagementEvents(workspaceId: string, enabled = true) {
  return useQuery({
    queryKey: engagementKeys.events(workspaceId),
    queryFn: () => listEngagementEvents(workspaceId),
    enabled,
  });
}

export function useEngagementEvent(workspaceId: string, eventId: string) {
  return useQuery({
    queryKey: engagementKeys.event(workspaceId, eventId),
    queryFn: () => getEngagementEvent(workspaceId, eventId),
  });
}

/** One page of feedback; the page before stays on screen while the next loads. */
export function useFeedbackPage(
  workspaceId: string,
  filters: FeedbackFilters,
  enabled = true,
  pageSize?: number,
) {
  const query = feedbackQuery(filters, pageSize);
  return useQuery({
    queryKey: engagementKeys.feedback(workspaceId, query.toString()),
    queryFn: () => listFeedback(workspaceId, query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useFeedbackThemes(workspaceId: string, enabled = true) {
  return useQuery({
    queryKey: engagementKeys.themes(workspaceId),
    queryFn: () => listFeedbackThemes(workspaceId),
    enabled,
  });
}

export function useTargetCohort(workspaceId: string, enabled = true) {
  return useQuery({
    queryKey: engagementKeys.cohort(workspaceId),
    queryFn: () => getTargetCohort(workspaceId),
    enabled,
  });
}

export function useEngagementReport(workspaceId: string, enabled = true) {
  return useQuery({
    queryKey: engagementKeys.report(workspaceId),
    queryFn: () => getEngagementReport(workspaceId),
    enabled,
  });
}

export function useYouSaidWeDid(workspaceId: string, specificationId: string, enabled = true) {
  return useQuery({
    queryKey: engagementKeys.youSaidWeDid(workspaceId, specificationId),
    queryFn: () => getYouSaidWeDid(workspaceId, specificationId),
    enabled,
  });
}
