import type { CompleteSetupRequest } from '@coproduce/domain';
import type { ProblemItem } from '../../components/ErrorSummary';
import { EMAIL_FORMAT_MESSAGE, looksLikeEmailAddress } from '../../email-address';
import { MIN_PASSWORD_LENGTH } from '../../components/NewPasswordInput';

export type SetupFields = Record<keyof CompleteSetupRequest, string>;

/** The code is 12 letters and digits; dashes and spaces in it are only for reading. */
const CODE_SYMBOLS = 12;

const REQUIRED: Array<[keyof SetupFields, string]> = [
  ['code', 'Enter the set-up code'],
  ['name', 'Enter your full name'],
  ['email', 'Enter your email address'],
  ['password', 'Create a password'],
  ['workspaceName', 'Enter a name for the workspace'],
  ['serviceArea', 'Enter the service area'],
  ['leadOrganisation', 'Enter the lead organisation'],
];

/** Problems with what was typed, in the order of the form, or the request to send. */
export function validateSetup(fields: SetupFields): {
  problems: ProblemItem[];
  request?: CompleteSetupRequest;
} {
  const problems: ProblemItem[] = [];
  const value = (id: keyof SetupFields) => (id === 'password' ? fields[id] : fields[id].trim());
  for (const [id, missing] of REQUIRED) {
    const given = value(id);
    if (given === '') {
      problems.push({ fieldId: id, text: missing });
    } else if (id === 'code' && given.replace(/[\s-]/g, '').length !== CODE_SYMBOLS) {
      problems.push({
        fieldId: id,
        text: 'The set-up code is 12 letters and numbers, like HK4C-97TW-MQXA',
      });
    } else if (id === 'email' && !looksLikeEmailAddress(given)) {
      problems.push({ fieldId: id, text: EMAIL_FORMAT_MESSAGE });
    } else if (id === 'password' && given.length < MIN_PASSWORD_LENGTH) {
      problems.push({
        fieldId: id,
        text: `Password must be ${MIN_PASSWORD_LENGTH} characters or more`,
      });
    }
  }
  if (problems.length > 0) return { problems };
  return {
    problems,
    request: {
      code: value('code'),
      name: value('name'),
      email: value('email'),
      password: value('password'),
      workspaceName: value('workspaceName'),
      serviceArea: value('serviceArea'),
      leadOrganisation: value('leadOrganisation'),
    },
  };
}
