import type { Crumb } from '../../components/Breadcrumbs';
import { paths } from '../../paths';
import { useEngagementFrame } from '../engagement/useEngagementFrame';

/**
 * What every round page starts from: engagement's frame (the workspace, what the caller
 * may do), with breadcrumbs through the workspace to its market engagement rounds.
 */
export function useRoundsFrame() {
  const frame = useEngagementFrame();
  const roundsCrumbs: Crumb[] = [
    ...frame.workspaceCrumbs,
    { to: paths.engagementRounds(frame.workspaceId), text: 'Market engagement rounds' },
  ];
  return {
    ...frame,
    /** Commissioners start, change, close and bring back rounds. */
    manages: frame.allowed('engagement-round.manage'),
    roundsCrumbs,
  };
}
