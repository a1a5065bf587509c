// Recording one change of an engagement copy as feedback: its status (with a reason when
// not taken forward, as feedback always needs) and which providers it came from.
import {
  AUDIENCE_NAMES,
  FEEDBACK_STATUS_NAMES,
  type RoundFeedbackRequest,
} from '@coproduce/domain';
import type { ProblemItem } from '../../components/ErrorSummary';
import { validateStatusChange } from '../engagement/feedback-form';

/** A change has already been read, so its feedback starts past "new". */
export const ROUND_FEEDBACK_STATUSES = ['considering', 'reflected', 'not-taken-forward'] as const;
export type RoundFeedbackStatus = (typeof ROUND_FEEDBACK_STATUSES)[number];

export const ROUND_FEEDBACK_AUDIENCES = [
  'statutory-providers',
  'voluntary-sector-providers',
] as const;
export type RoundFeedbackAudience = (typeof ROUND_FEEDBACK_AUDIENCES)[number];

export const STATUS_OPTIONS = ROUND_FEEDBACK_STATUSES.map((status) => ({
  value: status,
  text: FEEDBACK_STATUS_NAMES[status],
}));

export const AUDIENCE_OPTIONS = ROUND_FEEDBACK_AUDIENCES.map((audience) => ({
  value: audience,
  text: AUDIENCE_NAMES[audience],
}));

/** The form's field ids for one change: several forms share the page. */
export function feedbackFieldIds(changeKey: string) {
  const suffix = changeKey.replace(/[^A-Za-z0-9_-]/g, '-');
  return {
    status: `round-feedback-status-${suffix}`,
    reason: `round-feedback-reason-${suffix}`,
    audience: `round-feedback-audience-${suffix}`,
  };
}

/** Problems with the form, or the request when there are none. */
export function validateRoundFeedback(
  ids: ReturnType<typeof feedbackFieldIds>,
  values: {
    status: RoundFeedbackStatus | '';
    reason: string;
    audience: RoundFeedbackAudience | '';
  },
): { problems: ProblemItem[]; request?: RoundFeedbackRequest } {
  const { problems, request } = validateStatusChange(ids, values.status, values.reason);
  if (values.audience === '') {
    problems.push({ fieldId: ids.audience, text: 'Choose which providers it came from' });
  }
  if (!request || problems.length > 0 || values.status === '' || values.audience === '') {
    return { problems };
  }
  const sent: RoundFeedbackRequest = { status: values.status, audience: values.audience };
  if (request.reason !== undefined) sent.reason = request.reason;
  return { problems, request: sent };
}
