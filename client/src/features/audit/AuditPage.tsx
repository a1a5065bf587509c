import { SPECIFICATION_EDIT_ACTION, type AuditEntry } from '@coproduce/domain';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { fetchAuditFilterOptions, listAuditEntries } from '../../api/audit';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { CaptionedHeading } from '../../components/CaptionedHeading';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { Pagination } from '../../components/Pagination';
import { pageCount } from '../../components/pagination-pages';
import { Table } from '../../components/Table';
import { formatDateTime, formatHour } from '../../dates';
import { paths } from '../../paths';
import {
  useInvitations,
  useMembers,
  useSpecifications,
  useWorkspace,
  workspaceKeys,
} from '../workspace/workspace-queries';
import { AuditFiltersForm } from './AuditFiltersForm';
import { auditQuery, auditSearch, isFiltered, NO_FILTERS, readAuditSearch } from './audit-search';
import {
  actionChoices,
  describeAction,
  describeDetail,
  describeTarget,
} from './describe-audit-entry';

const PAGE_SIZE = 25;

export function AuditPage() {
  const workspaceId = useParams().workspaceId ?? '';
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const { filters, page } = readAuditSearch(search);
  const workspace = useWorkspace(workspaceId);
  const entries = useQuery({
    queryKey: [...workspaceKeys.audit(workspaceId), filters, page],
    queryFn: () => listAuditEntries(workspaceId, auditQuery(filters, page, PAGE_SIZE)),
  });
  const options = useQuery({
    queryKey: [...workspaceKeys.audit(workspaceId), 'filter-options'],
    queryFn: () => fetchAuditFilterOptions(workspaceId),
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
  // Who: the members, and anyone else the log names (someone who has left since).
  const people = useMemo(() => {
    const byId = new Map<string, string>();
    for (const member of members.data ?? []) byId.set(member.userId, member.name);
    for (const actor of options.data?.actors ?? []) {
      if (!byId.has(actor.id)) byId.set(actor.id, `${actor.name} (no longer a member)`);
    }
    return [...byId]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  }, [members.data, options.data]);

  const workspaceName = workspace.data?.name ?? 'Workspace';
  const pages = entries.data ? pageCount(entries.data.total, PAGE_SIZE) : 1;
  const link = (to: typeof filters, toPage = 1) =>
    paths.audit(workspaceId, auditSearch(to, toPage));
  const breadcrumbs = [
    { to: paths.workspaces, text: 'Your workspaces' },
    { to: paths.workspace(workspaceId), text: workspaceName },
  ];
  const pageTitle = `Audit log – ${workspaceName}${pages > 1 ? ` (page ${page} of ${pages})` : ''}`;

  return (
    <Page title={pageTitle} breadcrumbs={breadcrumbs} hasError={entries.isError}>
      {entries.isError && <ApiErrorSummary error={entries.error} />}
      <CaptionedHeading caption={workspaceName}>Audit log</CaptionedHeading>
      {!entries.isError && (
        <p>
          Every change made in this workspace, newest first. Nobody can edit or delete this record.
          Editing a specification is recorded once an hour for each person.
        </p>
      )}
      {options.isError && !entries.isError && <ApiErrorSummary error={options.error} />}
      {/* Someone who may not read the log sees why, and nothing of it. */}
      {!entries.isError && (
        <AuditFiltersForm
          // A new address (a page, cleared filters) starts the form afresh from it.
          key={auditSearch(filters)}
          filters={filters}
          people={people}
          actions={actionChoices(options.data?.actions ?? [])}
          targetTypes={options.data?.targetTypes ?? []}
          targetName={filters.targetId ? (knownNames.get(filters.targetId) ?? null) : null}
          clearLink={paths.audit(workspaceId)}
          withoutTarget={link({ ...filters, targetId: '' })}
          onApply={(chosen) => void navigate(link(chosen))}
        />
      )}
      {entries.isPending && <Loading what="the audit log" />}
      {entries.data && entries.data.entries.length === 0 && (
        <p>
          {isFiltered(filters)
            ? 'No changes match these filters. Try a wider date range, or clear the filters.'
            : page > 1
              ? 'There is nothing on this page.'
              : 'Nothing has been changed in this workspace yet.'}
        </p>
      )}
      {entries.data && entries.data.entries.length > 0 && (
        <>
          <p role="status">
            Showing {(page - 1) * PAGE_SIZE + 1} to{' '}
            {(page - 1) * PAGE_SIZE + entries.data.entries.length} of {entries.data.total}{' '}
            {entries.data.total === 1 ? 'change' : 'changes'}
            {isFiltered(filters)
              ? ` that ${entries.data.total === 1 ? 'matches' : 'match'} the filters`
              : ''}
            .
          </p>
          <Table
            caption="Changes in this workspace"
            captionHidden
            headers={['When', 'Who', 'What', 'Changed', 'Details']}
            rows={entries.data.entries.map((entry) => ({
              key: entry.id,
              cells: [
                entry.action === SPECIFICATION_EDIT_ACTION
                  ? formatHour(entry.at)
                  : formatDateTime(entry.at),
                entry.actor ? entry.actor.name : 'Coproduce (automatic)',
                describeAction(entry.action),
                <AuditTarget
                  entry={entry}
                  knownNames={knownNames}
                  onlyThis={link({
                    ...NO_FILTERS,
                    targetType: entry.target.type,
                    targetId: entry.target.id ?? '',
                  })}
                />,
                <AuditDetail detail={entry.detail} />,
              ],
            }))}
          />
        </>
      )}
      <Pagination page={page} pages={pages} pageLink={(n) => link(filters, n)} />
    </Page>
  );
}

/** What was changed, with a link to its own history when it is one thing. */
function AuditTarget({
  entry,
  knownNames,
  onlyThis,
}: {
  entry: AuditEntry;
  knownNames: ReadonlyMap<string, string>;
  onlyThis: string;
}) {
  const described = describeTarget(entry.target, knownNames);
  if (!entry.target.id || !/^[0-9a-f]{24}$/i.test(entry.target.id)) return <>{described}</>;
  return (
    <>
      {described}
      <br />
      <Link to={onlyThis} className="nhsuk-body-s">
        All its changes<span className="nhsuk-u-visually-hidden">: {described}</span>
      </Link>
    </>
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
