/**
 * The collab protocol names the member's role in a join answer. Kept as a plain string
 * union here so the protocol package has no dependency on the server's domain package;
 * it matches `Role` in @coproduce/domain.
 */
export type Role =
  | 'commissioner'
  | 'steering-member'
  | 'expert-by-experience'
  | 'engagement-lead'
  | 'provider'
  | 'observer';
