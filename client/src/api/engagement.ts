import type {
  ChangeEngagementEventRequest,
  ChangeFeedbackRequest,
  CreateEngagementEventRequest,
  CreateFeedbackRequest,
  EngagementEvent,
  EngagementReport,
  ExportFormat,
  Feedback,
  FeedbackTheme,
  TargetCohort,
  YouSaidWeDid,
} from '@coproduce/domain';
import { apiRequest, apiResponse, segment } from './request';

const workspacePath = (workspaceId: string) => `/workspaces/${segment(workspaceId)}`;

const eventPath = (workspaceId: string, eventId: string) =>
  `${workspacePath(workspaceId)}/engagement-events/${segment(eventId)}`;

const feedbackPath = (workspaceId: string, feedbackId: string) =>
  `${workspacePath(workspaceId)}/feedback/${segment(feedbackId)}`;

const themePath = (workspaceId: string, themeId: string) =>
  `${workspacePath(workspaceId)}/feedback-themes/${segment(themeId)}`;

const youSaidWeDidPath = (workspaceId: string, specificationId: string) =>
  `${workspacePath(workspaceId)}/specifications/${segment(specificationId)}/you-said-we-did`;

// ---------------------------------------------------------------------------
// Engagement events

/** Newest first; a provider gets only the market engagement events they took part in. */
export function listEngagementEvents(workspaceId: string): Promise<EngagementEvent[]> {
  return apiRequest('GET', `${workspacePath(workspaceId)}/engagement-events`);
}

export function getEngagementEvent(workspaceId: string, eventId: string): Promise<EngagementEvent> {
  return apiRequest('GET', eventPath(workspaceId, eventId));
}

export function createEngagementEvent(
  workspaceId: string,
  request: CreateEngagementEventRequest,
): Promise<EngagementEvent> {
  return apiRequest('POST', `${workspacePath(workspaceId)}/engagement-events`, request);
}

export function changeEngagementEvent(
  workspaceId: string,
  eventId: string,
  request: ChangeEngagementEventRequest,
): Promise<EngagementEvent> {
  return apiRequest('PATCH', eventPath(workspaceId, eventId), request);
}

/** Refused (409) while feedback from the event is kept. */
export function deleteEngagementEvent(workspaceId: string, eventId: string): Promise<void> {
  return apiRequest('DELETE', eventPath(workspaceId, eventId));
}

/** Where a market engagement event's preliminary notice downloads from: a plain link. */
export function marketNoticeUrl(
  workspaceId: string,
  eventId: string,
  format: ExportFormat,
): string {
  return `/api${eventPath(workspaceId, eventId)}/market-notice?format=${format}`;
}

// ---------------------------------------------------------------------------
// Feedback

/** One page of feedback, newest first, and how many items match in all. */
export interface FeedbackPage {
  items: Feedback[];
  total: number;
}

/** `query` is what feedbackQuery (features/engagement) builds: filters and page. */
export async function listFeedback(
  workspaceId: string,
  query: URLSearchParams,
): Promise<FeedbackPage> {
  const search = query.toString();
  const { body, headers } = await apiResponse<Feedback[]>(
    'GET',
    `${workspacePath(workspaceId)}/feedback${search ? `?${search}` : ''}`,
  );
  const total = Number(headers.get('X-Total-Count'));
  return { items: body, total: Number.isInteger(total) && total >= 0 ? total : body.length };
}

export function createFeedback(
  workspaceId: string,
  request: CreateFeedbackRequest,
): Promise<Feedback> {
  return apiRequest('POST', `${workspacePath(workspaceId)}/feedback`, request);
}

export function changeFeedback(
  workspaceId: string,
  feedbackId: string,
  request: ChangeFeedbackRequest,
): Promise<Feedback> {
  return apiRequest('PATCH', feedbackPath(workspaceId, feedbackId), request);
}

export function deleteFeedback(workspaceId: string, feedbackId: string): Promise<void> {
  return apiRequest('DELETE', feedbackPath(workspaceId, feedbackId));
}

// ---------------------------------------------------------------------------
// Themes

/** By name, each with how much feedback it has. */
export function listFeedbackThemes(workspaceId: string): Promise<FeedbackTheme[]> {
  return apiRequest('GET', `${workspacePath(workspaceId)}/feedback-themes`);
}

export function addFeedbackTheme(workspaceId: string, name: string): Promise<FeedbackTheme> {
  return apiRequest('POST', `${workspacePath(workspaceId)}/feedback-themes`, { name });
}

export function renameFeedbackTheme(
  workspaceId: string,
  themeId: string,
  name: string,
): Promise<FeedbackTheme> {
  return apiRequest('PATCH', themePath(workspaceId, themeId), { name });
}

/** Moves the theme's feedback into another; the theme is then gone. */
export function mergeFeedbackTheme(
  workspaceId: string,
  themeId: string,
  intoThemeId: string,
): Promise<FeedbackTheme> {
  return apiRequest('POST', `${themePath(workspaceId, themeId)}/merge`, { intoThemeId });
}

// ---------------------------------------------------------------------------
// Target cohort and reports

export function getTargetCohort(workspaceId: string): Promise<TargetCohort> {
  return apiRequest('GET', `${workspacePath(workspaceId)}/engagement/cohort`);
}

export function saveTargetCohort(
  workspaceId: string,
  groups: TargetCohort['groups'],
): Promise<TargetCohort> {
  return apiRequest('PUT', `${workspacePath(workspaceId)}/engagement/cohort`, { groups });
}

export function getEngagementReport(workspaceId: string): Promise<EngagementReport> {
  return apiRequest('GET', `${workspacePath(workspaceId)}/engagement/report`);
}

export function getYouSaidWeDid(
  workspaceId: string,
  specificationId: string,
): Promise<YouSaidWeDid> {
  return apiRequest('GET', youSaidWeDidPath(workspaceId, specificationId));
}

/** The files "You said, we did" downloads as: a web page, a spreadsheet, and as a specification does. */
export type YouSaidWeDidFormat = 'html' | 'csv' | ExportFormat;

/** Where "You said, we did" downloads from: a plain link. */
export function youSaidWeDidUrl(
  workspaceId: string,
  specificationId: string,
  format: YouSaidWeDidFormat,
): string {
  return `/api${youSaidWeDidPath(workspaceId, specificationId)}?format=${format}`;
}
