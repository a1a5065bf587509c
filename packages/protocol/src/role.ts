/**
 * The collab protocol names the member's role in a join answer: the same roles the REST
 * API and the access policy use, so there is one list to change.
 */
export type { Role } from '@coproduce/domain';
