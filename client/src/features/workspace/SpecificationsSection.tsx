import { Link } from 'react-router';
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

  return (
    <section aria-labelledby="specifications-heading">
      <h2 id="specifications-heading">Specifications</h2>
      {specifications.isPending && <Loading what="specifications" />}
      {specifications.isError && <ApiErrorSummary error={specifications.error} />}
      {specifications.data?.length === 0 && (
        <p>There are no specifications you can read in this workspace yet.</p>
      )}
      {specifications.data && specifications.data.length > 0 && (
        <Table
          caption="Specifications"
          captionHidden
          headers={['Title', 'Status']}
          rows={specifications.data.map((specification) => ({
            key: specification.id,
            cells: [
              <Link to={paths.specification(workspaceId, specification.id)}>
                {specification.title}
              </Link>,
              <SpecificationStatusTag status={specification.status} />,
            ],
          }))}
        />
      )}
      {canCreate && <NewSpecificationForm workspaceId={workspaceId} />}
    </section>
  );
}
