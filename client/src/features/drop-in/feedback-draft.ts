import { MAX_FEEDBACK_LENGTH, type Audience } from '@coproduce/domain';
import type { ProblemItem } from '../../components/ErrorSummary';
import type { NewFeedback } from './useDropIn';

export interface FeedbackDraft {
  audience: Audience | null;
  /** Theme names. */
  themes: string[];
  text: string;
  verbatim: boolean;
}

/** The checks the server makes, made before anything is kept, in the words of the form. */
export function checkFeedback(
  draft: FeedbackDraft,
): { ok: true; feedback: NewFeedback } | { ok: false; problems: ProblemItem[] } {
  const problems: ProblemItem[] = [];
  const text = draft.text.trim();
  if (!draft.audience) problems.push({ text: 'Choose who said it', fieldId: 'drop-in-audience' });
  if (!text) problems.push({ text: 'Enter what they said', fieldId: 'drop-in-text' });
  else if (text.length > MAX_FEEDBACK_LENGTH) {
    problems.push({
      text: `What they said must be ${MAX_FEEDBACK_LENGTH.toLocaleString('en-GB')} characters or fewer`,
      fieldId: 'drop-in-text',
    });
  }
  if (problems.length > 0 || !draft.audience) return { ok: false, problems };
  return {
    ok: true,
    feedback: { audience: draft.audience, themes: draft.themes, text, verbatim: draft.verbatim },
  };
}
