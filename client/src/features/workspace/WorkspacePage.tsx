import { ROLE_LABELS } from '@coproduce/domain';
import { Link, useParams } from 'react-router';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { CaptionedHeading } from '../../components/CaptionedHeading';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { SummaryList } from '../../components/SummaryList';
import { paths } from '../../paths';
import { InvitationsSection } from './InvitationsSection';
import { ArchiveWorkspace } from './ArchiveWorkspace';
import { ChangeWorkspaceDetails } from './ChangeWorkspaceDetails';
import { MemberPasswordLinkForm } from './MemberPasswordLinkForm';
import { MembersSection } from './MembersSection';
import { may } from './permissions';
import { SpecificationsSection } from './SpecificationsSection';
import { useWorkspace } from './workspace-queries';

const breadcrumbs = [{ to: paths.workspaces, text: 'Your workspaces' }];

export function WorkspacePage() {
  const workspaceId = useParams().workspaceId ?? '';
  const workspace = useWorkspace(workspaceId);

  if (workspace.isPending) {
    return (
      <Page title="Workspace" breadcrumbs={breadcrumbs}>
        <Loading what="the workspace" />
      </Page>
    );
  }
  if (workspace.isError) {
    return (
      <Page title="Workspace" breadcrumbs={breadcrumbs} hasError>
        <ApiErrorSummary error={workspace.error} />
        <h1>Workspace</h1>
        <p>
          <Link to={paths.workspaces}>Go to your workspaces</Link>
        </p>
      </Page>
    );
  }

  const { name, role, serviceArea, leadOrganisation, partnerOrganisations, archivedAt } =
    workspace.data;
  return (
    <Page title={name} breadcrumbs={breadcrumbs}>
      <CaptionedHeading caption="Workspace">{name}</CaptionedHeading>
      {archivedAt && (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            This workspace is archived, so nothing in it can change. A commissioner can restore it.
          </p>
        </div>
      )}
      <SummaryList
        rows={[
          { key: 'Service area', value: serviceArea },
          { key: 'Lead organisation', value: leadOrganisation },
          {
            key: 'Partner organisations',
            value:
              partnerOrganisations.length === 0 ? (
                'None'
              ) : (
                <ul className="nhsuk-list">
                  {partnerOrganisations.map((organisation) => (
                    <li key={organisation}>{organisation}</li>
                  ))}
                </ul>
              ),
          },
          { key: 'Your role', value: ROLE_LABELS[role] },
        ]}
      />
      {may(workspace.data, 'workspace.manage') && !archivedAt && (
        <ChangeWorkspaceDetails workspace={workspace.data} />
      )}
      {may(workspace.data, 'workspace.manage') && (
        <ArchiveWorkspace workspaceId={workspaceId} archived={archivedAt !== undefined} />
      )}
      <SpecificationsSection
        workspaceId={workspaceId}
        canCreate={may(workspace.data, 'specification.create')}
      />
      {may(workspace.data, 'engagement.read') && (
        <>
          <h2>Engagement</h2>
          <p>
            <Link to={paths.engagement(workspaceId)}>Engagement</Link>: events, who took part, their
            feedback and how it shaped the specification
          </p>
        </>
      )}
      {role === 'provider' && (
        <>
          <h2>Market engagement</h2>
          <p>
            <Link to={paths.engagementEvents(workspaceId)}>
              Market engagement events you took part in
            </Link>
          </p>
          <p>
            <Link to={paths.engagementRounds(workspaceId)}>
              Market engagement rounds you take part in
            </Link>
            : shape a specification with other providers before it goes out
          </p>
        </>
      )}
      {role !== 'provider' && may(workspace.data, 'engagement-round.take-part') && (
        <>
          <h2>Market engagement rounds</h2>
          <p>
            <Link to={paths.engagementRounds(workspaceId)}>Market engagement rounds</Link>:
            providers shape an engagement copy of a specification together, live, before procurement
          </p>
        </>
      )}
      {may(workspace.data, 'member.list') && (
        <MembersSection
          workspaceId={workspaceId}
          canChangeRole={may(workspace.data, 'member.change-role')}
          canRemove={may(workspace.data, 'member.remove')}
        />
      )}
      {may(workspace.data, 'member.reset-password') && (
        <MemberPasswordLinkForm workspaceId={workspaceId} />
      )}
      {may(workspace.data, 'invitation.list') && (
        <InvitationsSection
          workspaceId={workspaceId}
          canInvite={may(workspace.data, 'member.invite')}
          canRevoke={may(workspace.data, 'invitation.revoke')}
        />
      )}
      {may(workspace.data, 'audit.read') && (
        <>
          <h2>Audit log</h2>
          <p>
            <Link to={paths.audit(workspaceId)}>See who changed what in this workspace</Link>
          </p>
        </>
      )}
    </Page>
  );
}
