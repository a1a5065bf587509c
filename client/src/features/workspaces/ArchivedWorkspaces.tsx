import { useQuery } from '@tanstack/react-query';
import { ROLE_LABELS } from '@coproduce/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import { listArchivedWorkspaces } from '../../api/workspaces';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { Loading } from '../../components/Loading';
import { Table } from '../../components/Table';
import { formatDate } from '../../dates';
import { paths } from '../../paths';

/** Finished commissioning projects, fetched only when asked for. */
export function ArchivedWorkspaces() {
  const [shown, setShown] = useState(false);
  const archived = useQuery({
    queryKey: ['workspaces', 'archived'],
    queryFn: listArchivedWorkspaces,
    enabled: shown,
  });
  if (!shown) {
    return (
      <p>
        <Button type="button" variant="secondary" small onClick={() => setShown(true)}>
          Show archived workspaces
        </Button>
      </p>
    );
  }
  return (
    <section aria-labelledby="archived-workspaces-heading">
      <h2 id="archived-workspaces-heading">Archived workspaces</h2>
      {archived.isPending && <Loading what="archived workspaces" />}
      {archived.isError && <ApiErrorSummary error={archived.error} />}
      {archived.data?.length === 0 && <p>You have no archived workspaces.</p>}
      {archived.data && archived.data.length > 0 && (
        <Table
          caption="Archived workspaces"
          captionHidden
          headers={['Workspace', 'Your role', 'Archived']}
          rows={archived.data.map((workspace) => ({
            key: workspace.id,
            cells: [
              <Link to={paths.workspace(workspace.id)}>{workspace.name}</Link>,
              ROLE_LABELS[workspace.role],
              workspace.archivedAt ? formatDate(workspace.archivedAt) : '',
            ],
          }))}
        />
      )}
    </section>
  );
}
