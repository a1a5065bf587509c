// Feedback's forms: what was said, by whom, its themes, and later its status.
import {
  AGE_BANDS,
  AUDIENCES,
  FEEDBACK_STATUSES,
  MAX_FEEDBACK_LENGTH,
  MAX_FEEDBACK_REASON_LENGTH,
  MAX_FEEDBACK_THEMES,
  MAX_LIST_ITEM_LENGTH,
  type AgeBand,
  type Audience,
  type ChangeFeedbackRequest,
  type CreateFeedbackRequest,
  type FeedbackStatus,
  type FeedbackTheme,
} from '@coproduce/domain';
import type { ProblemItem } from '../../components/ErrorSummary';
import { checkThemeName } from './theme-names';

export type Wording = 'verbatim' | 'summary';

export interface FeedbackFormValues {
  text: string;
  wording: Wording | '';
  audience: Audience | '';
  /** Only for children and young people; blank when their age was not recorded. */
  ageBand: AgeBand | '';
  /** Ids of the workspace's themes chosen. */
  themeIds: string[];
  /** A theme to add to the workspace's list, typed. */
  newTheme: string;
  /** Where it came from, when not from an event. */
  source: string;
}

export const BLANK_FEEDBACK: FeedbackFormValues = {
  text: '',
  wording: '',
  audience: '',
  ageBand: '',
  themeIds: [],
  newTheme: '',
  source: '',
};

/**
 * The themes to send (ids, and a typed new one by name), or why not. A typed name
 * that is already on the list is taken as that theme, whatever its capitals.
 */
export function chooseThemes(
  fieldIds: { themes: string; newTheme: string },
  themeIds: readonly string[],
  newTheme: string,
  existing: readonly FeedbackTheme[],
): { problems: ProblemItem[]; themes: string[] } {
  const themes = [...themeIds];
  const typed = newTheme.trim();
  if (typed !== '') {
    const same = existing.find((theme) => theme.name.toLowerCase() === typed.toLowerCase());
    if (same) {
      if (!themes.includes(same.id)) themes.push(same.id);
    } else {
      const problems = checkThemeName(fieldIds.newTheme, typed, [], 'new');
      if (problems.length > 0) return { problems, themes };
      themes.push(typed);
    }
  }
  if (themes.length > MAX_FEEDBACK_THEMES) {
    return {
      problems: [
        { fieldId: fieldIds.themes, text: `Choose ${MAX_FEEDBACK_THEMES} themes or fewer` },
      ],
      themes,
    };
  }
  return { problems: [], themes };
}

/** Problems with new feedback, or the request when there are none. */
export function validateFeedback(
  values: FeedbackFormValues,
  context: { eventId?: string; themes: readonly FeedbackTheme[] },
): { problems: ProblemItem[]; request?: CreateFeedbackRequest } {
  const problems: ProblemItem[] = [];
  const text = values.text.trim();
  if (text === '') problems.push({ fieldId: 'feedback-text', text: 'Enter what was said' });
  else if (text.length > MAX_FEEDBACK_LENGTH) {
    problems.push({
      fieldId: 'feedback-text',
      text: `What was said must be ${MAX_FEEDBACK_LENGTH.toLocaleString('en-GB')} characters or fewer`,
    });
  }
  if (values.wording === '') {
    problems.push({
      fieldId: 'feedback-wording',
      text: 'Say whether these are their own words or a summary',
    });
  }
  if (values.audience === '' || !AUDIENCES.includes(values.audience)) {
    problems.push({ fieldId: 'feedback-audience', text: 'Choose who said it' });
  }
  const source = values.source.trim();
  if (context.eventId === undefined) {
    if (source === '') {
      problems.push({
        fieldId: 'feedback-source',
        text: 'Enter where the feedback came from, for example an email to the commissioner',
      });
    } else if (source.length > MAX_LIST_ITEM_LENGTH || /[\r\n]/.test(source)) {
      problems.push({
        fieldId: 'feedback-source',
        text: `Where it came from must be one line of ${MAX_LIST_ITEM_LENGTH} characters or fewer`,
      });
    }
  }
  const chosen = chooseThemes(
    { themes: 'feedback-themes', newTheme: 'feedback-new-theme' },
    values.themeIds,
    values.newTheme,
    context.themes,
  );
  problems.push(...chosen.problems);
  if (problems.length > 0 || values.audience === '') return { problems };

  const request: CreateFeedbackRequest = {
    text,
    verbatim: values.wording === 'verbatim',
    audience: values.audience,
    themes: chosen.themes,
  };
  if (context.eventId !== undefined) request.eventId = context.eventId;
  else request.source = source;
  if (
    values.audience === 'children-and-young-people' &&
    AGE_BANDS.includes(values.ageBand as AgeBand)
  ) {
    request.ageBand = values.ageBand as AgeBand;
  }
  return { problems, request };
}

/**
 * A change of status, or why not: "not taken forward" needs a reason the workspace
 * can publish; any other status clears it.
 */
export function validateStatusChange(
  fieldIds: { status: string; reason: string },
  status: FeedbackStatus | '',
  reason: string,
): { problems: ProblemItem[]; request?: ChangeFeedbackRequest } {
  if (status === '' || !FEEDBACK_STATUSES.includes(status)) {
    return { problems: [{ fieldId: fieldIds.status, text: 'Choose a status' }] };
  }
  if (status !== 'not-taken-forward') return { problems: [], request: { status } };
  const trimmed = reason.trim();
  if (trimmed === '') {
    return {
      problems: [
        { fieldId: fieldIds.reason, text: 'Enter why this feedback is not being taken forward' },
      ],
    };
  }
  if (trimmed.length > MAX_FEEDBACK_REASON_LENGTH) {
    return {
      problems: [
        {
          fieldId: fieldIds.reason,
          text: `Reason must be ${MAX_FEEDBACK_REASON_LENGTH.toLocaleString('en-GB')} characters or fewer`,
        },
      ],
    };
  }
  return { problems: [], request: { status, reason: trimmed } };
}
