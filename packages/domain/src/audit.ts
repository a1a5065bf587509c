/**
 * The workspace audit log's filters and paging: GET /api/workspaces/:workspaceId/audit
 * answers AuditEntry[] (newest first) whatever is asked, with X-Total-Count saying how
 * many entries match.
 */

/**
 * The kinds of thing an audit entry can be about. A feature that records a new kind adds
 * it here (a server test reads every recorded target and fails until it is listed), so the
 * log can be filtered by it.
 */
export const AUDIT_TARGET_TYPES = [
  'engagement-event',
  'engagement-round',
  'feedback',
  'feedback-theme',
  'invitation',
  'member',
  'question',
  'route',
  'specification',
  'target-cohort',
  'thread',
  'user',
  'workspace',
] as const;

export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

/**
 * `?actorId=&action=&from=&to=&targetType=&targetId=&page=&pageSize=`. `action` is an
 * action ("specification.rename") or, ending in a dot, every action it starts
 * ("specification."). `from` and `to` are days (YYYY-MM-DD) in UK time, both included.
 * A plain GET is the newest 100, as before; `limit` is the older name of `pageSize`.
 */
export interface AuditQuery {
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
  targetType?: AuditTargetType;
  targetId?: string;
  page?: number;
  pageSize?: number;
}

export const DEFAULT_AUDIT_PAGE_SIZE = 100;
export const MAX_AUDIT_PAGE_SIZE = 500;

/**
 * GET /api/workspaces/:workspaceId/audit/filter-options: what the log holds, for the
 * filter form: the people who did something, the actions and the kinds of thing changed.
 */
export interface AuditFilterOptions {
  actors: Array<{ id: string; name: string }>;
  actions: string[];
  targetTypes: string[];
}

/**
 * The action that stands for one person's edits to one specification in one hour: one
 * entry, whose detail counts the edit notices of that hour (`editNotices`) and says when the
 * last came (`lastNoticeAt`).
 */
export const SPECIFICATION_EDIT_ACTION = 'specification.edit';
