import type { CollabServerEvents, Role } from '@coproduce/protocol';

/** One socket's presence in one open document. */
export interface DocumentMember {
  /** The socket id: unique per connection. */
  readonly connectionId: string;
  readonly userId: string;
  /** The member's name from their account, which presence shows in place of any claimed. */
  name: string;
  role: Role;
  /** Whether the member's updates change the text (their role, in this kind of document). */
  canEdit: boolean;
  send<E extends keyof CollabServerEvents>(
    event: E,
    ...args: Parameters<CollabServerEvents[E]>
  ): void;
}
