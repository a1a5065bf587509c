import { ROLE_LABELS } from '@coproduce/domain';
import { Link } from 'react-router';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { Table } from '../../components/Table';
import { paths } from '../../paths';
import { ArchivedWorkspaces } from './ArchivedWorkspaces';
import { StartWorkspaceForm } from './StartWorkspaceForm';
import { useWorkspaces } from './useWorkspaces';

export function WorkspacesPage() {
  const workspaces = useWorkspaces();

  return (
    <Page title="Your workspaces" hasError={workspaces.isError}>
      {workspaces.isError && <ApiErrorSummary error={workspaces.error} />}
      <h1>Your workspaces</h1>
      {workspaces.isPending && <Loading what="your workspaces" />}
      {workspaces.data?.length === 0 && (
        <p>
          You are not a member of any workspace yet. A commissioner can invite you to the
          commissioning project you are working on.
        </p>
      )}
      {workspaces.data && workspaces.data.length > 0 && (
        <Table
          caption="Commissioning projects you are a member of"
          headers={['Workspace', 'Your role']}
          rows={workspaces.data.map((workspace) => ({
            key: workspace.id,
            cells: [
              <Link to={paths.workspace(workspace.id)}>{workspace.name}</Link>,
              ROLE_LABELS[workspace.role],
            ],
          }))}
        />
      )}
      {workspaces.data && <ArchivedWorkspaces />}
      {workspaces.data && <StartWorkspaceForm />}
    </Page>
  );
}
