import type { SpecificationSummary } from '@coproduce/domain';
import { Link } from 'react-router';
import { Details } from '../../components/Details';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { Loading } from '../../components/Loading';
import { Table } from '../../components/Table';
import { paths } from '../../paths';
import { NewSpecificationForm } from './NewSpecificationForm';
import { SpecificationStatusTag } from './SpecificationStatusTag';
import { useSpecifications } from './workspace-queries';

interface SpecificationsSectionProps {
  workspaceId: string;
  canCreate: boolean;
}

export function SpecificationsSection({ workspaceId, canCreate }: SpecificationsSectionProps) {
  const specifications = useSpecifications(workspaceId);
  const inUse = specifications.data?.filter((each) => !each.archivedAt) ?? [];
  const archived = specifications.data?.filter((each) => each.archivedAt) ?? [];

  return (
    <section aria-labelledby="specifications-heading">
      <h2 id="specifications-heading">Specifications</h2>
      {specifications.isPending && <Loading what="specifications" />}
      {specifications.isError && <ApiErrorSummary error={specifications.error} />}
      {specifications.data?.length === 0 && (
        <p>There are no specifications you can read in this workspace yet.</p>
      )}
      {inUse.length > 0 && (
        <SpecificationsTable workspaceId={workspaceId} caption="Specifications" rows={inUse} />
      )}
      {archived.length > 0 && (
        <Details summary={`Archived specifications (${archived.length})`}>
          <SpecificationsTable
            workspaceId={workspaceId}
            caption="Archived specifications"
            rows={archived}
          />
        </Details>
      )}
      {canCreate && <NewSpecificationForm workspaceId={workspaceId} />}
    </section>
  );
}

function SpecificationsTable({
  workspaceId,
  caption,
  rows,
}: {
  workspaceId: string;
  caption: string;
  rows: SpecificationSummary[];
}) {
  return (
    <Table
      caption={caption}
      captionHidden
      headers={['Title', 'Status']}
      rows={rows.map((specification) => ({
        key: specification.id,
        cells: [
          <Link to={paths.specification(workspaceId, specification.id)}>
            {specification.title}
          </Link>,
          <SpecificationStatusTag status={specification.status} />,
        ],
      }))}
    />
  );
}
