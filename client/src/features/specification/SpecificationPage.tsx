// Placeholder until the live editor (Tiptap + Yjs) replaces this page's content:
// it shows what the REST list says about the specification.
import { Link, useParams } from 'react-router';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { paths } from '../../paths';
import { SpecificationStatusTag } from '../workspace/SpecificationStatusTag';
import { useSpecifications, useWorkspace } from '../workspace/workspace-queries';

export function SpecificationPage() {
  const { workspaceId = '', specificationId = '' } = useParams();
  const workspace = useWorkspace(workspaceId);
  const specifications = useSpecifications(workspaceId);
  const specification = specifications.data?.find((item) => item.id === specificationId);
  const breadcrumbs = [
    { to: paths.workspaces, text: 'Your workspaces' },
    { to: paths.workspace(workspaceId), text: workspace.data?.name ?? 'Workspace' },
  ];

  if (specifications.isPending) {
    return (
      <Page title="Specification" breadcrumbs={breadcrumbs}>
        <Loading what="the specification" />
      </Page>
    );
  }
  if (specifications.isError || !specification) {
    return (
      <Page title="Specification not found" breadcrumbs={breadcrumbs} hasError>
        {specifications.isError && <ApiErrorSummary error={specifications.error} />}
        <h1>Specification not found</h1>
        {!specifications.isError && (
          <p>This specification does not exist, or you do not have access to it.</p>
        )}
        <p>
          <Link to={paths.workspace(workspaceId)}>Go back to the workspace</Link>
        </p>
      </Page>
    );
  }

  return (
    <Page title={specification.title} breadcrumbs={breadcrumbs}>
      <h1>
        <span className="nhsuk-caption-l">
          Service specification<span className="nhsuk-u-visually-hidden"> – </span>
        </span>
        {specification.title}
      </h1>
      <p>
        <SpecificationStatusTag status={specification.status} />
      </p>
      <p>The live editor for this specification is coming soon.</p>
    </Page>
  );
}
