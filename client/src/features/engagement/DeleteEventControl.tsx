import { useNavigate } from 'react-router';
import type { EngagementEvent } from '@coproduce/domain';
import { deleteEngagementEvent } from '../../api/engagement';
import { RowAction } from '../../components/RowAction';
import { paths } from '../../paths';
import { useForgetEngagementEvent } from './engagement-queries';

/**
 * Deleting an event is for one recorded by mistake: the server refuses while feedback
 * from it is kept, so the button is offered only when there is none.
 */
export function DeleteEventControl({
  workspaceId,
  event,
}: {
  workspaceId: string;
  event: EngagementEvent;
}) {
  const navigate = useNavigate();
  const forget = useForgetEngagementEvent(workspaceId);
  if (event.feedbackCount > 0) {
    return (
      <p className="nhsuk-body-s">This event cannot be deleted while feedback from it is kept.</p>
    );
  }
  return (
    <RowAction
      label="Delete this event"
      subject={event.title}
      variant="warning"
      confirmation={`Delete ${event.title}? It cannot be undone.`}
      act={() => deleteEngagementEvent(workspaceId, event.id)}
      onDone={async () => {
        navigate(paths.engagementEvents(workspaceId), { replace: true });
        await forget(event.id);
      }}
    />
  );
}
