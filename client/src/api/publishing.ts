import type {
  AnswerQuestionRequest,
  AskQuestionRequest,
  Checkpoint,
  ClarificationQuestion,
  Comparison,
  ComparisonRef,
  CreateCheckpointRequest,
  ExportFormat,
  HistoryEntry,
  PublishedVersionReceipt,
  PublishingNotices,
  PublishRequest,
  QuestionForCommissioners,
  ReadingState,
  RestoreResult,
  VersionDetail,
  VersionSummary,
} from '@coproduce/domain';
import { apiRequest, segment } from './request';

const specificationPath = (workspaceId: string, specificationId: string) =>
  `/workspaces/${segment(workspaceId)}/specifications/${segment(specificationId)}`;

const versionPath = (workspaceId: string, specificationId: string, versionNumber: number) =>
  `${specificationPath(workspaceId, specificationId)}/versions/${segment(String(versionNumber))}`;

/** Where a published version's file is downloaded from: a plain link, not a fetch. */
export function versionExportUrl(
  workspaceId: string,
  specificationId: string,
  versionNumber: number,
  format: ExportFormat,
): string {
  return `/api${versionPath(workspaceId, specificationId, versionNumber)}/export?format=${format}`;
}

export function publishVersion(
  workspaceId: string,
  specificationId: string,
  request: PublishRequest,
): Promise<PublishedVersionReceipt> {
  return apiRequest('POST', `${specificationPath(workspaceId, specificationId)}/versions`, request);
}

/** Published versions, newest first, withdrawn ones included and marked. */
export function listVersions(
  workspaceId: string,
  specificationId: string,
): Promise<VersionSummary[]> {
  return apiRequest('GET', `${specificationPath(workspaceId, specificationId)}/versions`);
}

export function getVersion(
  workspaceId: string,
  specificationId: string,
  versionNumber: number,
): Promise<VersionDetail> {
  return apiRequest('GET', versionPath(workspaceId, specificationId, versionNumber));
}

export function withdrawVersion(
  workspaceId: string,
  specificationId: string,
  versionNumber: number,
  reason: string,
): Promise<VersionSummary> {
  return apiRequest(
    'POST',
    `${versionPath(workspaceId, specificationId, versionNumber)}/withdraw`,
    {
      reason,
    },
  );
}

export function saveCheckpoint(
  workspaceId: string,
  specificationId: string,
  request: CreateCheckpointRequest,
): Promise<Checkpoint> {
  return apiRequest(
    'POST',
    `${specificationPath(workspaceId, specificationId)}/checkpoints`,
    request,
  );
}

/** Checkpoints and published versions together, newest first (never for providers). */
export function getHistory(workspaceId: string, specificationId: string): Promise<HistoryEntry[]> {
  return apiRequest('GET', `${specificationPath(workspaceId, specificationId)}/history`);
}

export function restoreCheckpoint(
  workspaceId: string,
  specificationId: string,
  checkpointId: string,
): Promise<RestoreResult> {
  return apiRequest('POST', `${specificationPath(workspaceId, specificationId)}/restore`, {
    checkpointId,
  });
}

export function compareTexts(
  workspaceId: string,
  specificationId: string,
  from: ComparisonRef,
  to: ComparisonRef,
): Promise<Comparison> {
  const query = new URLSearchParams({ from, to });
  return apiRequest('GET', `${specificationPath(workspaceId, specificationId)}/compare?${query}`);
}

export function getReadingState(
  workspaceId: string,
  specificationId: string,
): Promise<ReadingState> {
  return apiRequest('GET', `${specificationPath(workspaceId, specificationId)}/reading`);
}

export function markVersionRead(
  workspaceId: string,
  specificationId: string,
  versionNumber: number,
): Promise<void> {
  return apiRequest('POST', `${versionPath(workspaceId, specificationId, versionNumber)}/read`);
}

/**
 * For a provider: every answered question and their own pending ones; for those who
 * answer: every question, with who asked.
 */
export function listQuestions(
  workspaceId: string,
  specificationId: string,
): Promise<(ClarificationQuestion | QuestionForCommissioners)[]> {
  return apiRequest('GET', `${specificationPath(workspaceId, specificationId)}/questions`);
}

export function askQuestion(
  workspaceId: string,
  specificationId: string,
  versionNumber: number,
  request: AskQuestionRequest,
): Promise<ClarificationQuestion> {
  return apiRequest(
    'POST',
    `${versionPath(workspaceId, specificationId, versionNumber)}/questions`,
    request,
  );
}

/** Publishes the question and its answer to every provider of the workspace. */
export function answerQuestion(
  workspaceId: string,
  questionId: string,
  request: AnswerQuestionRequest,
): Promise<QuestionForCommissioners> {
  return apiRequest(
    'POST',
    `/workspaces/${segment(workspaceId)}/questions/${segment(questionId)}/answer`,
    request,
  );
}

export function getNotices(): Promise<PublishingNotices> {
  return apiRequest('GET', '/notices');
}

export function markNoticesRead(): Promise<void> {
  return apiRequest('POST', '/notices/read');
}
