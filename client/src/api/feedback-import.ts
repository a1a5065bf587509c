import { ApiError, errorFromResponse, networkError } from './api-error';
import { apiRequest, segment } from './request';

/** The fields a row of a survey tool's file can fill, in the order the server lists them. */
export const FEEDBACK_IMPORT_FIELDS = [
  'text',
  'audience',
  'ageBand',
  'themes',
  'event',
  'source',
  'verbatim',
] as const;
export type FeedbackImportField = (typeof FEEDBACK_IMPORT_FIELDS)[number];

/** The largest file the server takes (its 413 above this). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export interface FeedbackImportColumn {
  field: FeedbackImportField;
  /** The file's heading the field was read from; null when no column holds it. */
  header: string | null;
}

/** The server's check of a file: nothing is stored by it. */
export interface FeedbackImportCheck {
  valid: boolean;
  /** Feedback rows found, those with problems included. */
  rows: number;
  /** Problems by the file's line number (the header is line 1). */
  errors: { row: number; message: string }[];
  headers: string[];
  columns: FeedbackImportColumn[];
}

/** What sending a file answers: its check, or how many rows were stored. */
export type FeedbackImportAnswer =
  { kind: 'checked'; check: FeedbackImportCheck } | { kind: 'imported'; imported: number };

/** What a file is imported as: feedback, or who took part (reach) at one event. */
export type ImportTarget = { kind: 'feedback' } | { kind: 'reach'; eventId: string };

const importPath = (workspaceId: string, target: ImportTarget) =>
  target.kind === 'feedback'
    ? `/api/workspaces/${segment(workspaceId)}/feedback/import`
    : `/api/workspaces/${segment(workspaceId)}/engagement-events/${segment(target.eventId)}/reach/import`;

/**
 * Sends a CSV file to be checked (`commit` false) or imported, all or nothing, as
 * `target` (feedback unless said; for reach `imported` is the people added). Through
 * XMLHttpRequest rather than fetch, for the upload's progress (`onProgress`, 0 to 1).
 * An import refused for its rows answers their check rather than failing.
 */
export function sendFeedbackCsv(
  workspaceId: string,
  file: Blob,
  commit: boolean,
  onProgress: (fraction: number) => void,
  target: ImportTarget = { kind: 'feedback' },
): Promise<FeedbackImportAnswer> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `${importPath(workspaceId, target)}?commit=${commit ? 'true' : 'false'}`);
    request.withCredentials = true;
    request.setRequestHeader('Accept', 'application/json');
    request.setRequestHeader('Content-Type', 'text/csv');
    request.setRequestHeader('X-Requested-With', 'coproduce');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.upload.onload = () => onProgress(1);
    request.onerror = () => reject(networkError());
    request.onabort = () => reject(networkError());
    request.onload = () => {
      const body = readJson(request.responseText);
      if (request.status >= 200 && request.status < 300) {
        if (isCheck(body)) resolve({ kind: 'checked', check: body });
        else if (isImported(body)) resolve({ kind: 'imported', imported: body.imported });
        else reject(unreadable(request.status));
        return;
      }
      if (request.status === 400 && commit && isCheck(body)) {
        resolve({ kind: 'checked', check: body });
        return;
      }
      reject(errorFromResponse(request.status, body ?? undefined));
    };
    request.send(file);
  });
}

/** Remembers, for the workspace, which heading holds which field in the files it imports. */
export function saveImportColumns(
  workspaceId: string,
  columns: { field: FeedbackImportField; header: string }[],
): Promise<{ columns: { field: FeedbackImportField; header: string }[] }> {
  return apiRequest('PUT', `/workspaces/${segment(workspaceId)}/feedback/import-columns`, {
    columns,
  });
}

/** What the engagement export gives: events, who took part (a row per event and group), or feedback. */
export type EngagementExportData = 'events' | 'reach' | 'feedback';

/** Where the workspace's engagement downloads from as CSV: a plain link. */
export function engagementExportUrl(workspaceId: string, data: EngagementExportData): string {
  return `/api/workspaces/${segment(workspaceId)}/engagement/export?data=${data}`;
}

function readJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function isCheck(body: unknown): body is FeedbackImportCheck {
  if (typeof body !== 'object' || body === null) return false;
  const check = body as Partial<FeedbackImportCheck>;
  return (
    typeof check.valid === 'boolean' &&
    typeof check.rows === 'number' &&
    Array.isArray(check.errors) &&
    Array.isArray(check.headers) &&
    Array.isArray(check.columns)
  );
}

function isImported(body: unknown): body is { imported: number } {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as { imported?: unknown }).imported === 'number'
  );
}

function unreadable(status: number): ApiError {
  return new ApiError(
    status,
    'bad-response',
    'The service sent a reply that could not be read. Try again.',
  );
}
