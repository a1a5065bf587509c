// The service's target cohort: how many people it is for, by audience and age band,
// so the overview can show who has not yet been heard.
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { CaptionedHeading } from '../../components/CaptionedHeading';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { Table } from '../../components/Table';
import { formatDateTime } from '../../dates';
import { useState } from 'react';
import { EngagementUnavailable } from './EngagementUnavailable';
import { COHORT_ROWS, TargetCohortForm } from './TargetCohortForm';
import { useTargetCohort } from './engagement-queries';
import { formatCount } from './report-figures';
import { useEngagementFrame } from './useEngagementFrame';
import './engagement.css';

export function TargetCohortPage() {
  const frame = useEngagementFrame();
  const { workspaceId, workspaceName, allowed, breadcrumbs } = frame;
  const reads = allowed('engagement.read');
  const cohort = useTargetCohort(workspaceId, reads);
  const [formHasError, setFormHasError] = useState(false);

  if (frame.pending || (reads && cohort.isPending)) {
    return (
      <Page title="Target cohort" breadcrumbs={breadcrumbs}>
        <Loading what="the target cohort" />
      </Page>
    );
  }
  if (frame.error || !reads) {
    return (
      <EngagementUnavailable
        title="You cannot see this workspace’s target cohort"
        breadcrumbs={breadcrumbs}
        error={frame.error}
        workspaceId={workspaceId}
      />
    );
  }

  const manages = allowed('engagement.manage');
  return (
    <Page
      title={`Target cohort – ${workspaceName}`}
      breadcrumbs={breadcrumbs}
      hasError={cohort.isError || formHasError}
    >
      {cohort.isError && <ApiErrorSummary error={cohort.error} />}
      <CaptionedHeading caption={workspaceName}>Target cohort</CaptionedHeading>
      <p>
        The people this service is for. The engagement overview compares them with who has taken
        part, to show who has not yet been heard.
      </p>
      {cohort.data && (
        <p className="nhsuk-body-s">
          {cohort.data.updatedAt
            ? `Last changed ${formatDateTime(cohort.data.updatedAt)}.`
            : 'Not recorded yet.'}
        </p>
      )}
      {cohort.data &&
        (manages ? (
          <TargetCohortForm
            workspaceId={workspaceId}
            cohort={cohort.data}
            onProblems={setFormHasError}
          />
        ) : (
          <Table
            caption="Target cohort"
            captionHidden
            headers={['Group', 'Number']}
            rows={COHORT_ROWS.map((row) => {
              const count = cohort.data.groups.find(
                (group) =>
                  group.audience === row.audience && (group.ageBand ?? undefined) === row.ageBand,
              );
              return {
                key: row.key,
                cells: [
                  row.audience === 'children-and-young-people'
                    ? `Children and young people: ${row.label.toLowerCase()}`
                    : row.label,
                  count ? formatCount(count.count) : 'No figure',
                ],
              };
            })}
          />
        ))}
    </Page>
  );
}
