import type { RoundView } from '@coproduce/domain';
import { closeRound } from '../../api/engagement-rounds';
import { RowAction } from '../../components/RowAction';

/** Closing early is for good: asked first, then every open editor of the copy turns read-only. */
export function CloseRoundControl({
  workspaceId,
  round,
  onClosed,
}: {
  workspaceId: string;
  round: RoundView;
  onClosed: () => Promise<unknown>;
}) {
  return (
    <RowAction
      label="Close the round now"
      subject={round.title}
      variant="warning"
      confirmation={`Close ${round.title} now? Everyone’s editor turns read-only at once and the round cannot be opened again.`}
      act={() => closeRound(workspaceId, round.id)}
      onDone={onClosed}
    />
  );
}
