import type { CreateWorkspaceRequest } from '@coproduce/domain';
import type { ProblemItem } from '../../components/ErrorSummary';

export interface NewWorkspaceFields {
  name: string;
  serviceArea: string;
  leadOrganisation: string;
  /** One organisation a line. */
  partners: string;
}

const MOST_PARTNERS = 20;

/** Problems with what was typed, in the order of the form, or the request to send. */
export function validateNewWorkspace(fields: NewWorkspaceFields): {
  problems: ProblemItem[];
  request?: CreateWorkspaceRequest;
} {
  const problems: ProblemItem[] = [];
  const required: Array<[keyof NewWorkspaceFields, string]> = [
    ['name', 'Enter a name for the workspace'],
    ['serviceArea', 'Enter the service area'],
    ['leadOrganisation', 'Enter the lead organisation'],
  ];
  for (const [id, missing] of required) {
    if (fields[id].trim() === '') problems.push({ fieldId: id, text: missing });
  }
  const partnerOrganisations = fields.partners
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (partnerOrganisations.length > MOST_PARTNERS) {
    problems.push({
      fieldId: 'partners',
      text: `List at most ${MOST_PARTNERS} partner organisations`,
    });
  }
  if (problems.length > 0) return { problems };
  return {
    problems,
    request: {
      name: fields.name.trim(),
      serviceArea: fields.serviceArea.trim(),
      leadOrganisation: fields.leadOrganisation.trim(),
      partnerOrganisations,
    },
  };
}
