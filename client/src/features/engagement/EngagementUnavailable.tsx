import { Link } from 'react-router';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import type { Crumb } from '../../components/Breadcrumbs';
import { Page } from '../../components/Page';
import { paths } from '../../paths';

interface EngagementUnavailableProps {
  title: string;
  breadcrumbs: Crumb[];
  /** The failed load, when there was one. */
  error?: unknown;
  /** Why not, when it is the caller's role: "Only engagement leads and commissioners record events." */
  reason?: string;
  workspaceId: string;
}

/** What a page of engagement says when it cannot be shown: the failure, or who may see it. */
export function EngagementUnavailable({
  title,
  breadcrumbs,
  error,
  reason,
  workspaceId,
}: EngagementUnavailableProps) {
  return (
    <Page title={title} breadcrumbs={breadcrumbs} hasError>
      {error !== undefined && error !== null && <ApiErrorSummary error={error} />}
      <h1>{title}</h1>
      {reason && <p>{reason}</p>}
      <p>
        <Link to={paths.workspace(workspaceId)}>Go back to the workspace</Link>
      </p>
    </Page>
  );
}
