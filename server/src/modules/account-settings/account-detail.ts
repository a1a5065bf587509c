import type { AccountDetail } from '@coproduce/domain';
import type { UserDocument } from '../accounts/user.schema';
import type { EmailChange } from './email-change.schema';

/** The account as its owner sees it, with the change of address waiting for its link. */
export function accountDetail(user: UserDocument, pending: EmailChange | null): AccountDetail {
  return {
    id: user.id as string,
    name: user.name,
    email: user.email,
    pendingEmail: pending
      ? { email: pending.email, expiresAt: pending.expiresAt.toISOString() }
      : null,
  };
}
