/** A member's or an invitation's organisation, or a quiet "Not recorded" where there is none. */
export function OrganisationName({ organisation }: { organisation: string | null }) {
  if (organisation !== null) return organisation;
  return <span className="nhsuk-u-secondary-text-colour">Not recorded</span>;
}
