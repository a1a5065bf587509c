import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useParams } from 'react-router';
import { listAuditEntries } from '../../api/audit';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { Table } from '../../components/Table';
import { formatDateTime } from '../../dates';
import { paths } from '../../paths';
import {
  useInvitations,
  useMembers,
  useSpecifications,
  useWorkspace,
  workspaceKeys,
} from '../workspace/workspace-queries';
import { describeAction, describeDetail, describeTarget } from './describe-audit-entry';

export function AuditPage() {
  const workspaceId = useParams().workspaceId ?? '';
  const workspace = useWorkspace(workspaceId);
  const entries = useQuery({
    queryKey: workspaceKeys.audit(workspaceId),
    queryFn: () => listAuditEntries(workspaceId),
  });
  // Entries refer to people and specifications by id; show their names where this page knows them.
  const members = useMembers(workspaceId);
  const specifications = useSpecifications(workspaceId);
  const invitations = useInvitations(workspaceId);
  const knownNames = useMemo(
    () =>
      new Map([
        ...(members.data ?? []).map((member) => [member.userId, member.name] as const),
        ...(specifications.data ?? []).map((spec) => [spec.id, spec.title] as const),
        ...(invitations.data ?? []).map(
          (invitation) =>
            [
              invitation.id,
              `Invitation for ${invitation.email ?? 'anyone with the link'}`,
            ] as const,
        ),
      ]),
    [members.data, specifications.data, invitations.data],
  );
  const workspaceName = workspace.data?.name ?? 'Workspace';
  const breadcrumbs = [
    { to: paths.workspaces, text: 'Your workspaces' },
    { to: paths.workspace(workspaceId), text: workspaceName },
  ];

  return (
    <Page
      title={`Audit log – ${workspaceName}`}
      breadcrumbs={breadcrumbs}
      hasError={entries.isError}
    >
      {entries.isError && <ApiErrorSummary error={entries.error} />}
      <h1>
        <span className="nhsuk-caption-l">
          {workspaceName}
          <span className="nhsuk-u-visually-hidden"> – </span>
        </span>
        Audit log
      </h1>
      {!entries.isError && (
        <p>
          Every change made in this workspace, newest first. Nobody can edit or delete this record.
        </p>
      )}
      {entries.isPending && <Loading what="the audit log" />}
      {entries.data?.length === 0 && <p>Nothing has been changed in this workspace yet.</p>}
      {entries.data && entries.data.length > 0 && (
        <Table
          caption="Changes in this workspace"
          captionHidden
          headers={['When', 'Who', 'What', 'Changed', 'Details']}
          rows={entries.data.map((entry) => ({
            key: entry.id,
            cells: [
              formatDateTime(entry.at),
              entry.actor ? entry.actor.name : 'Coproduce (automatic)',
              describeAction(entry.action),
              describeTarget(entry.target, knownNames),
              <AuditDetail detail={entry.detail} />,
            ],
          }))}
        />
      )}
    </Page>
  );
}

function AuditDetail({ detail }: { detail: Record<string, string> }) {
  const pairs = Object.entries(detail);
  if (pairs.length === 0) return null;
  return (
    <ul className="nhsuk-list nhsuk-body-s">
      {pairs.map(([key, value]) => (
        <li key={key}>{describeDetail(key, value)}</li>
      ))}
    </ul>
  );
}
