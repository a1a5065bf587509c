import type {
  RoundChange,
  RoundFeedbackRequest,
  RoundRequest,
  RoundUpdate,
  RoundView,
} from '@coproduce/domain';
import { apiRequest, segment } from './request';

const roundsPath = (workspaceId: string) => `/workspaces/${segment(workspaceId)}/engagement-rounds`;

const roundPath = (workspaceId: string, roundId: string) =>
  `${roundsPath(workspaceId)}/${segment(roundId)}`;

const changePath = (workspaceId: string, roundId: string, key: string) =>
  `${roundPath(workspaceId, roundId)}/changes/${segment(key)}`;

/** The team sees every round; a provider only those they take part in. */
export function listRounds(workspaceId: string): Promise<RoundView[]> {
  return apiRequest('GET', roundsPath(workspaceId));
}

export function getRound(workspaceId: string, roundId: string): Promise<RoundView> {
  return apiRequest('GET', roundPath(workspaceId, roundId));
}

/** Opens a round: the server forks the specification's draft into the engagement copy. */
export function startRound(workspaceId: string, request: RoundRequest): Promise<RoundView> {
  return apiRequest('POST', roundsPath(workspaceId), request);
}

export function changeRound(
  workspaceId: string,
  roundId: string,
  request: RoundUpdate,
): Promise<RoundView> {
  return apiRequest('PATCH', roundPath(workspaceId, roundId), request);
}

/** Closes it now: every open editor of the copy turns read-only. */
export function closeRound(workspaceId: string, roundId: string): Promise<RoundView> {
  return apiRequest('POST', `${roundPath(workspaceId, roundId)}/close`);
}

/** The copy against the fork, section by section (commissioners). */
export function listRoundChanges(workspaceId: string, roundId: string): Promise<RoundChange[]> {
  return apiRequest('GET', `${roundPath(workspaceId, roundId)}/changes`);
}

/** Takes one change into the draft as a new edit; 409 when it was already decided. */
export function takeRoundChange(
  workspaceId: string,
  roundId: string,
  key: string,
): Promise<RoundChange> {
  return apiRequest('POST', `${changePath(workspaceId, roundId, key)}/take`);
}

/** Records one change as feedback in engagement, with its status (and reason). */
export function recordRoundChangeAsFeedback(
  workspaceId: string,
  roundId: string,
  key: string,
  request: RoundFeedbackRequest,
): Promise<RoundChange> {
  return apiRequest('POST', `${changePath(workspaceId, roundId, key)}/feedback`, request);
}
