// Two texts of a specification compared section by section. Members compare any of its
// checkpoints, versions and the current draft; providers only published versions.
import { Link, useSearchParams } from 'react-router';
import type { ComparisonRef } from '@coproduce/domain';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { CaptionedHeading } from '../../components/CaptionedHeading';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import type { SelectOption } from '../../components/Select';
import { formatDateTime } from '../../dates';
import { paths } from '../../paths';
import { may } from '../workspace/permissions';
import { CompareForm } from './CompareForm';
import { parseComparisonRef, versionRef } from './comparison-refs';
import { ComparisonView } from './ComparisonView';
import { entryLabel } from './history-labels';
import { useComparison, useHistory, useVersions } from './publishing-queries';
import { useSpecificationFrame } from './useSpecificationFrame';

export function ComparePage() {
  const frame = useSpecificationFrame();
  const { workspaceId, specificationId, title, breadcrumbs } = frame;
  const [search] = useSearchParams();
  const from = parseComparisonRef(search.get('from'));
  const to = parseComparisonRef(search.get('to'));
  const workspace = frame.workspace.data;
  const readsDraft = workspace !== undefined && may(workspace, 'specification.read-draft');
  // A provider never asks for the team's history: only published versions are theirs.
  const history = useHistory(workspaceId, specificationId, readsDraft);
  const versions = useVersions(workspaceId, specificationId);
  const comparison = useComparison(workspaceId, specificationId, from, to);

  const options: SelectOption<ComparisonRef>[] = readsDraft
    ? [
        { value: 'draft', text: 'Current draft' },
        ...(history.data ?? []).map((entry) => ({ value: entry.ref, text: entryLabel(entry) })),
      ]
    : (versions.data ?? []).map((version) => ({
        value: versionRef(version.number),
        text: `Version ${version.number}: ${version.name}${version.withdrawn ? ' (withdrawn)' : ''}`,
      }));
  const optionsReady = readsDraft ? history.isSuccess : versions.isSuccess;

  return (
    <Page title={`Compare – ${title}`} breadcrumbs={breadcrumbs} hasError={comparison.isError}>
      {comparison.isError && <ApiErrorSummary error={comparison.error} />}
      <CaptionedHeading caption={title}>
        {comparison.data
          ? `What changed from ${comparison.data.from.label} to ${comparison.data.to.label}`
          : 'Compare two texts'}
      </CaptionedHeading>
      {comparison.data && (
        <p className="nhsuk-body-s">
          {describeSide(comparison.data.from.label, comparison.data.from.at)}.{' '}
          {describeSide(comparison.data.to.label, comparison.data.to.at)}.
        </p>
      )}
      {(frame.pending || !optionsReady) && <Loading what="the texts you can compare" />}
      {optionsReady && (
        <CompareForm
          key={`${from ?? ''}-${to ?? ''}`}
          workspaceId={workspaceId}
          specificationId={specificationId}
          options={options}
          from={from}
          to={to}
        />
      )}
      {comparison.isPending && from && to && <Loading what="the comparison" />}
      {comparison.data && <ComparisonView comparison={comparison.data} />}
      <p>
        <Link
          to={
            readsDraft
              ? paths.history(workspaceId, specificationId)
              : paths.specification(workspaceId, specificationId)
          }
        >
          {readsDraft ? 'Go back to the history' : 'Go back to the specification'}
        </Link>
      </p>
    </Page>
  );
}

function describeSide(label: string, at: string | null): string {
  return at ? `${label}: ${formatDateTime(at)}` : `${label}: as it is now`;
}
