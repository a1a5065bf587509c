import { Link } from 'react-router';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { Checkboxes } from '../../components/Checkboxes';
import { Loading } from '../../components/Loading';
import { paths } from '../../paths';
import { useMembers } from '../workspace/workspace-queries';

interface ProviderParticipantsFieldProps {
  workspaceId: string;
  values: string[];
  onChange: (values: string[]) => void;
  error?: string;
  /** The field's id, label, hint and what is lost without providers: the event's by default. */
  id?: string;
  label?: string;
  hint?: string;
  noProvidersHeading?: string;
}

/**
 * The workspace's providers who took part in a market engagement event (they, and only
 * they of the providers, may then see the event), or who take part in a round on it.
 */
export function ProviderParticipantsField({
  workspaceId,
  values,
  onChange,
  error,
  id = 'event-providers',
  label = 'Providers who took part (optional)',
  hint = 'Members of this workspace with the provider role. Those chosen can see this event; other providers cannot.',
  noProvidersHeading = 'Providers who took part',
}: ProviderParticipantsFieldProps) {
  const members = useMembers(workspaceId);
  if (members.isPending) return <Loading what="the workspace’s providers" />;
  if (members.isError) return <ApiErrorSummary error={members.error} />;
  const providers = members.data.filter((member) => member.role === 'provider');
  if (providers.length === 0) {
    return (
      <div className="nhsuk-form-group">
        <h3 className="nhsuk-heading-s">{noProvidersHeading}</h3>
        <p>
          No providers are members of this workspace yet.{' '}
          <Link to={paths.workspace(workspaceId)}>Invite them from the workspace page</Link>.
        </p>
      </div>
    );
  }
  return (
    <Checkboxes
      id={id}
      label={label}
      hint={hint}
      options={providers.map((member) => ({
        value: member.userId,
        text: member.organisation ? `${member.name}, ${member.organisation}` : member.name,
      }))}
      values={values}
      onChange={onChange}
      error={error}
    />
  );
}
