import type { Action } from '@coproduce/domain';
import { Link } from 'react-router';
import { paths } from '../../paths';
import { may } from '../workspace/permissions';
import './publishing.css';

interface SpecificationPublishingLinksProps {
  workspaceId: string;
  specificationId: string;
  permissions: Action[];
}

/**
 * From the draft to its history, publishing, providers' questions, a market engagement
 * round on it and "You said, we did", as the role allows.
 */
export function SpecificationPublishingLinks({
  workspaceId,
  specificationId,
  permissions,
}: SpecificationPublishingLinksProps) {
  const workspace = { permissions };
  return (
    <nav aria-label="Publishing">
      <ul className="nhsuk-list coproduce-publishing-links">
        <li>
          <Link to={paths.history(workspaceId, specificationId)}>
            History{may(workspace, 'specification.checkpoint') ? ' and checkpoints' : ''}
          </Link>
        </li>
        {may(workspace, 'specification.publish') && (
          <li>
            <Link to={paths.publish(workspaceId, specificationId)}>Publish a version</Link>
          </li>
        )}
        {may(workspace, 'clarification.answer') && (
          <li>
            <Link to={paths.questions(workspaceId, specificationId)}>Clarification questions</Link>
          </li>
        )}
        {may(workspace, 'engagement-round.manage') && (
          <li>
            <Link to={paths.startEngagementRound(workspaceId, { specificationId })}>
              Start a market engagement round
            </Link>
          </li>
        )}
        {may(workspace, 'feedback.read') && (
          <li>
            <Link to={paths.youSaidWeDid(workspaceId, specificationId)}>You said, we did</Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
