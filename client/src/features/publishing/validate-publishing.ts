import {
  MAX_ANSWER_LENGTH,
  MAX_CHECKPOINT_NAME_LENGTH,
  MAX_QUESTION_LENGTH,
  MAX_VERSION_NAME_LENGTH,
  MAX_VERSION_NOTES_LENGTH,
  MAX_WITHDRAW_REASON_LENGTH,
  type PublishRequest,
} from '@coproduce/domain';
import type { ProblemItem } from '../../components/ErrorSummary';
import { dateEntryProblem, isCalendarDate } from '../../calendar-dates';

export interface PublishFormValues {
  'version-name': string;
  'version-notes': string;
  'clarification-deadline': string;
  'submission-deadline': string;
}

/** The checks the server makes too, said before sending so a person fixes all at once. */
export function validatePublish(values: PublishFormValues): ProblemItem[] {
  const problems: ProblemItem[] = [];
  const name = values['version-name'].trim();
  if (name === '')
    problems.push({ fieldId: 'version-name', text: 'Enter a name for this version' });
  else if (name.length > MAX_VERSION_NAME_LENGTH) {
    problems.push({
      fieldId: 'version-name',
      text: `Name must be ${MAX_VERSION_NAME_LENGTH} characters or fewer`,
    });
  } else if (/[\r\n]/.test(name)) {
    problems.push({ fieldId: 'version-name', text: 'Name must be on one line' });
  }
  if (values['version-notes'].length > MAX_VERSION_NOTES_LENGTH) {
    problems.push({
      fieldId: 'version-notes',
      text: `Release notes must be ${MAX_VERSION_NOTES_LENGTH.toLocaleString('en-GB')} characters or fewer`,
    });
  }
  const clarification = values['clarification-deadline'].trim();
  const submission = values['submission-deadline'].trim();
  const clarificationProblem = dateEntryProblem(
    clarification,
    'Clarification deadline',
    '12 1 2027',
  );
  if (clarificationProblem) {
    problems.push({ fieldId: 'clarification-deadline', text: clarificationProblem });
  }
  const submissionProblem = dateEntryProblem(submission, 'Submission deadline', '26 2 2027');
  if (submissionProblem) {
    problems.push({ fieldId: 'submission-deadline', text: submissionProblem });
  } else if (
    submission !== '' &&
    clarification !== '' &&
    isCalendarDate(clarification) &&
    submission < clarification
  ) {
    problems.push({
      fieldId: 'submission-deadline',
      text: 'Submission deadline must be the same as or after the clarification deadline',
    });
  }
  return problems;
}

/** The request for valid values: blank dates are left out, not sent empty. */
export function publishRequestFrom(values: PublishFormValues): PublishRequest {
  const request: PublishRequest = {
    name: values['version-name'].trim(),
    notes: values['version-notes'].trim(),
  };
  const clarification = values['clarification-deadline'].trim();
  const submission = values['submission-deadline'].trim();
  if (clarification !== '') request.clarificationDeadline = clarification;
  if (submission !== '') request.submissionDeadline = submission;
  return request;
}

/** One text field that must hold something, within a limit: names, reasons, questions. */
export interface TextRule {
  /** "Enter a name for the checkpoint". */
  missing: string;
  /** What the field is, starting a sentence: "Name". */
  noun: string;
  max: number;
}

export function validateText(fieldId: string, value: string, rule: TextRule): ProblemItem[] {
  const trimmed = value.trim();
  if (trimmed === '') return [{ fieldId, text: rule.missing }];
  if (trimmed.length > rule.max) {
    return [
      {
        fieldId,
        text: `${rule.noun} must be ${rule.max.toLocaleString('en-GB')} characters or fewer`,
      },
    ];
  }
  return [];
}

export const TEXT_RULES = {
  checkpointName: {
    missing: 'Enter a name for the checkpoint',
    noun: 'Name',
    max: MAX_CHECKPOINT_NAME_LENGTH,
  },
  withdrawReason: {
    missing: 'Enter why you are withdrawing this version',
    noun: 'Reason',
    max: MAX_WITHDRAW_REASON_LENGTH,
  },
  question: { missing: 'Enter your question', noun: 'Question', max: MAX_QUESTION_LENGTH },
  answer: { missing: 'Enter an answer', noun: 'Answer', max: MAX_ANSWER_LENGTH },
} satisfies Record<string, TextRule>;
