// The team's history of a specification: checkpoints and published versions, newest
// first, with comparing, restoring and withdrawing where the person's role allows.
import { Link } from 'react-router';
import { useState } from 'react';
import type { ComparisonRef, HistoryEntry, RestoreResult, VersionSummary } from '@coproduce/domain';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { CaptionedHeading } from '../../components/CaptionedHeading';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { SuccessBanner } from '../../components/SuccessBanner';
import { Table } from '../../components/Table';
import { Tag } from '../../components/Tag';
import { formatDateTime } from '../../dates';
import { paths } from '../../paths';
import { may } from '../workspace/permissions';
import './publishing.css';
import { CheckpointForm } from './CheckpointForm';
import { CompareForm } from './CompareForm';
import { entryLabel } from './history-labels';
import { usePublishingUpdates, useHistory, useVersions } from './publishing-queries';
import { RestoreControl } from './RestoreControl';
import { useSpecificationFrame } from './useSpecificationFrame';
import { WithdrawControl } from './WithdrawControl';

export function HistoryPage() {
  const frame = useSpecificationFrame();
  const { workspaceId, specificationId, title, breadcrumbs } = frame;
  const workspace = frame.workspace.data;
  const readsDraft = workspace !== undefined && may(workspace, 'specification.read-draft');
  const history = useHistory(workspaceId, specificationId, readsDraft);
  const versions = useVersions(workspaceId, specificationId);
  const [restored, setRestored] = useState<RestoreResult>();
  usePublishingUpdates(workspaceId, specificationId);

  if (frame.pending) {
    return (
      <Page title="History" breadcrumbs={breadcrumbs}>
        <Loading what="the history" />
      </Page>
    );
  }
  if (frame.error || !frame.specification || !workspace || !readsDraft) {
    return (
      <Page title="Specification not found" breadcrumbs={breadcrumbs} hasError>
        {frame.error && <ApiErrorSummary error={frame.error} />}
        <h1>Specification not found</h1>
        <p>This specification does not exist, or you do not have access to it.</p>
        <p>
          <Link to={paths.workspace(workspaceId)}>Go back to the workspace</Link>
        </p>
      </Page>
    );
  }

  const withdrawals = new Map<number, VersionSummary>(
    (versions.data ?? []).map((version) => [version.number, version]),
  );
  const canRestore =
    may(workspace, 'specification.checkpoint') && may(workspace, 'specification.edit');
  const options = [
    { value: 'draft' as ComparisonRef, text: 'Current draft' },
    ...(history.data ?? []).map((entry) => ({ value: entry.ref, text: entryLabel(entry) })),
  ];

  return (
    <Page title={`History – ${title}`} breadcrumbs={breadcrumbs}>
      {restored && (
        <SuccessBanner heading={`Draft restored to “${restored.restoredFrom.name}”`}>
          <p>
            Everyone with the draft open sees the change. The draft as it was is kept as “
            {restored.savedBefore.name}”.
          </p>
        </SuccessBanner>
      )}
      <CaptionedHeading caption={title}>History and publishing</CaptionedHeading>
      <ul className="nhsuk-list">
        {may(workspace, 'specification.publish') && (
          <li>
            <Link to={paths.publish(workspaceId, specificationId)}>
              Publish a version for providers
            </Link>
          </li>
        )}
        {may(workspace, 'clarification.answer') && (
          <li>
            <Link to={paths.questions(workspaceId, specificationId)}>
              Clarification questions from providers
            </Link>
          </li>
        )}
        <li>
          <Link to={paths.specification(workspaceId, specificationId)}>Go back to the draft</Link>
        </li>
      </ul>
      {may(workspace, 'specification.checkpoint') && (
        <CheckpointForm workspaceId={workspaceId} specificationId={specificationId} />
      )}
      <h2 id="history-heading">History</h2>
      {history.isPending && <Loading what="the history" />}
      {history.isError && <ApiErrorSummary error={history.error} />}
      {history.data?.length === 0 && (
        <p>No checkpoints have been saved and no version has been published yet.</p>
      )}
      {history.data && history.data.length > 0 && (
        <Table
          caption="Checkpoints and published versions, newest first"
          headers={['What', 'Saved or published', 'Status', 'Actions']}
          rows={history.data.map((entry) => ({
            key: entry.ref,
            cells: [
              <>
                <Tag colour={entry.kind === 'version' ? 'blue' : 'grey'}>
                  {entry.kind === 'version' ? `Version ${entry.number}` : 'Checkpoint'}
                </Tag>{' '}
                {entry.kind === 'version' ? (
                  <Link to={paths.version(workspaceId, specificationId, entry.number)}>
                    {entry.name}
                  </Link>
                ) : (
                  entry.name
                )}
              </>,
              <>
                {entry.by.name}
                <br />
                {formatDateTime(entry.at)}
              </>,
              <EntryStatus
                entry={entry}
                version={entry.kind === 'version' ? withdrawals.get(entry.number) : undefined}
              />,
              <div className="coproduce-history-actions">
                <Link to={paths.compare(workspaceId, specificationId, entry.ref, 'draft')}>
                  Compare with the current draft
                  <span className="nhsuk-u-visually-hidden">: {entryLabel(entry)}</span>
                </Link>
                {entry.kind === 'checkpoint' && canRestore && (
                  <RestoreControl
                    workspaceId={workspaceId}
                    specificationId={specificationId}
                    checkpointId={entry.id}
                    checkpointName={entry.name}
                    onRestored={setRestored}
                  />
                )}
                {entry.kind === 'version' &&
                  !entry.withdrawn &&
                  may(workspace, 'version.withdraw') && (
                    <WithdrawControl
                      workspaceId={workspaceId}
                      specificationId={specificationId}
                      versionNumber={entry.number}
                    />
                  )}
              </div>,
            ],
          }))}
        />
      )}
      <h2>Compare two texts</h2>
      {history.data && (
        <CompareForm
          workspaceId={workspaceId}
          specificationId={specificationId}
          options={options}
        />
      )}
    </Page>
  );
}

function EntryStatus({ entry, version }: { entry: HistoryEntry; version?: VersionSummary }) {
  if (entry.kind === 'checkpoint') {
    return entry.beforeRestore ? <>Saved before a restore</> : <>Draft checkpoint</>;
  }
  if (!entry.withdrawn) return <>Published</>;
  return (
    <>
      <Tag colour="red">Withdrawn</Tag>
      {version?.withdrawal && (
        <p className="nhsuk-body-s nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">
          {version.withdrawal.reason} ({version.withdrawal.withdrawnBy.name},{' '}
          {formatDateTime(version.withdrawal.withdrawnAt)})
        </p>
      )}
    </>
  );
}
