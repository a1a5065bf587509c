import { Injectable, Logger } from '@nestjs/common';
import type {
  AccountDetail,
  AccountEvent,
  AccountSession,
  PasswordChanged,
} from '@coproduce/domain';
import type { Types } from 'mongoose';
import { Conflict, NotFound } from '../../base/errors';
import { AccountsService } from '../accounts/accounts.service';
import type { UserDocument } from '../accounts/user.schema';
import { AuditService, type Listed, type Paging } from '../audit/audit.service';
import { AuthService } from '../auth/auth.service';
import { describeBrowser } from '../auth/browser-description';
import { MailService } from '../mail/mail.service';
import { passwordChangedMail } from './account-mail';
import { EmailChangesService } from './email-changes.service';

/** The signed-in person's own account: name, password, sessions and sign-in events. */
@Injectable()
export class AccountSettingsService {
  private readonly logger = new Logger(AccountSettingsService.name);

  constructor(
    private readonly accounts: AccountsService,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly emailChanges: EmailChangesService,
  ) {}

  detail(user: UserDocument): Promise<AccountDetail> {
    return this.emailChanges.detailOf(user);
  }

  async rename(user: UserDocument, name: string): Promise<AccountDetail> {
    return this.detail(await this.accounts.rename(user._id, name));
  }

  /**
   * A new password, once the current one is given (slowed like signing in when it is
   * wrong). Every other session ends, and with them their open collab sockets; this one
   * carries on.
   */
  async changePassword(
    user: UserDocument,
    change: { currentPassword: string; newPassword: string },
    caller: { address: string; sessionId: string },
  ): Promise<PasswordChanged> {
    await this.auth.confirmPassword(user, change.currentPassword, caller.address);
    await this.accounts.setPassword(user._id, change.newPassword);
    const otherSessionsEnded = await this.auth.endOtherSessionsOf(user._id, caller.sessionId);
    void this.mail
      .send(user.email, passwordChangedMail(user.name, new Date(), otherSessionsEnded))
      .catch((error: unknown) =>
        this.logger.error({ err: error }, 'the notice of a changed password could not be sent'),
      );
    return { otherSessionsEnded };
  }

  /** Where the person is signed in: this session first, then the most recently used. */
  async sessions(user: UserDocument, currentSessionId: string): Promise<AccountSession[]> {
    const sessions = (await this.auth.sessionsOf(user._id)).map((session) => ({
      id: session.id as string,
      current: session.id === currentSessionId,
      startedAt: session.createdAt.toISOString(),
      lastUsedAt: session.lastUsedAt ? session.lastUsedAt.toISOString() : null,
      browser: describeBrowser(session.userAgent),
    }));
    return [...sessions.filter((s) => s.current), ...sessions.filter((s) => !s.current)];
  }

  /** Ends one of the person's other sessions (404 for one that is not theirs). */
  async endSession(
    user: UserDocument,
    sessionId: Types.ObjectId,
    currentSessionId: string,
  ): Promise<void> {
    if (sessionId.toHexString() === currentSessionId) {
      throw new Conflict('This is the session you are using now. To end it, sign out instead.');
    }
    if (!(await this.auth.endSessionOf(user._id, sessionId))) throw new NotFound('that session');
  }

  endOtherSessions(user: UserDocument, currentSessionId: string): Promise<number> {
    return this.auth.endOtherSessionsOf(user._id, currentSessionId);
  }

  events(user: UserDocument, paging: Paging): Promise<Listed<AccountEvent>> {
    return this.audit.listForAccount(user._id, paging);
  }
}
