import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type {
  IssuedPasswordReset,
  PasswordResetPreview,
  PasswordResetRequested,
} from '@coproduce/domain';
import { Model, Types } from 'mongoose';
import { NotFound } from '../../base/errors';
import { ukDateTime } from '../../base/uk-time';
import { AccountsService } from '../accounts/accounts.service';
import type { UserDocument } from '../accounts/user.schema';
import { AuthService } from '../auth/auth.service';
import {
  findUsableLink,
  newSingleUseLink,
  takeLink,
  type SingleUseLinkWords,
} from '../auth/single-use-link';
import { MailService } from '../mail/mail.service';
import { PasswordReset, type PasswordResetDocument } from './password-reset.schema';

const LINK_LIFETIME_MS = 60 * 60 * 1000;
/** Emails one account may be sent in an hour by people asking: no inbox is flooded. */
const EMAILS_PER_ACCOUNT_PER_HOUR = 3;

const RESET_LINK: SingleUseLinkWords = {
  what: 'that password link',
  used: 'This link has been used already. Ask for a new one.',
  expired: 'This link has expired: links work for 1 hour. Ask for a new one.',
};

const REQUESTED_BY_EMAIL: PasswordResetRequested = {
  delivery: 'email',
  message:
    'If an account uses that email address, we have sent it a link to choose a new password. ' +
    'The link works once, for 1 hour. Check your spam folder if it has not arrived in a few minutes.',
};

const NO_EMAIL: PasswordResetRequested = {
  delivery: 'ask-a-commissioner',
  message:
    'This Coproduce does not send email. Ask a commissioner of your workspace for a link to ' +
    'choose a new password: they can make one on the workspace’s members page.',
};

/**
 * Forgotten passwords: a single-use link that works for an hour, emailed to the person
 * who asks (the answer is the same whether or not the address has an account) or issued
 * by a commissioner for a member of their workspace. Choosing the password ends every
 * session of the person, and with them their open collab sockets.
 */
@Injectable()
export class PasswordResetsService {
  private readonly logger = new Logger(PasswordResetsService.name);

  constructor(
    @InjectModel(PasswordReset.name) private readonly resets: Model<PasswordReset>,
    private readonly accounts: AccountsService,
    private readonly auth: AuthService,
    private readonly mail: MailService,
  ) {}

  async request(email: string): Promise<PasswordResetRequested> {
    if (!this.mail.enabled) return NO_EMAIL;
    const user = await this.accounts.findByEmail(email);
    // Sent after answering: how long the answer takes must not tell whether the address
    // has an account.
    if (user) void this.emailLink(user);
    return REQUESTED_BY_EMAIL;
  }

  private async emailLink(user: UserDocument): Promise<void> {
    try {
      if ((await this.recentlyAsked(user._id)) >= EMAILS_PER_ACCOUNT_PER_HOUR) return;
      const { token, expiresAt } = await this.issue(user._id, null);
      await this.mail.send(user.email, {
        subject: 'Choose a new Coproduce password',
        greeting: `Hello ${user.name},`,
        paragraphs: ['Someone asked to choose a new password for your Coproduce account.'],
        action: { text: 'Choose a new password', url: this.mail.link(resetPath(token)) },
        after: [
          `The link works once, until ${ukDateTime(expiresAt)}.`,
          'If it was not you, you can ignore this email: your password has not changed.',
        ],
      });
    } catch (error) {
      this.logger.error({ err: error }, 'a password link could not be made');
    }
  }

  /** For a commissioner: a link for a member of their workspace, emailed when email works. */
  async issueForMember(member: UserDocument, by: UserDocument): Promise<IssuedPasswordReset> {
    const { token, expiresAt } = await this.issue(member._id, by._id);
    const emailed = await this.mail.send(member.email, {
      subject: 'Choose a new Coproduce password',
      greeting: `Hello ${member.name},`,
      paragraphs: [`${by.name} made you a link to choose a new password for Coproduce.`],
      action: { text: 'Choose a new password', url: this.mail.link(resetPath(token)) },
      after: [`The link works once, until ${ukDateTime(expiresAt)}.`],
    });
    return {
      path: emailed ? null : resetPath(token),
      emailed,
      expiresAt: expiresAt.toISOString(),
    };
  }

  async preview(token: string): Promise<PasswordResetPreview> {
    const reset = await this.findUsable(token);
    const user = await this.accounts.findById(reset.userId);
    if (!user) throw new NotFound('that password link');
    return { email: user.email, expiresAt: reset.expiresAt.toISOString() };
  }

  /** Sets the password once; every session of the person ends. Returns whose it was. */
  async choose(token: string, password: string): Promise<UserDocument> {
    const reset = await this.findUsable(token);
    // Taken before the password changes, so two uses of one link at once cannot both win.
    await takeLink(this.resets, reset._id, RESET_LINK);
    const user = await this.accounts.findById(reset.userId);
    if (!user) throw new NotFound('that password link');
    await this.accounts.setPassword(user._id, password);
    // Every other link of theirs stops working too: the password they were for has gone.
    await this.resets
      .updateMany({ userId: user._id, usedAt: null }, { $set: { usedAt: new Date() } })
      .exec();
    await this.auth.endSessionsOf(user._id);
    return user;
  }

  private async issue(
    userId: Types.ObjectId,
    issuedBy: Types.ObjectId | null,
  ): Promise<{ token: string; expiresAt: Date }> {
    const { token, tokenHash, expiresAt } = newSingleUseLink(
      new Date(Date.now() + LINK_LIFETIME_MS),
    );
    await this.resets.create({ tokenHash, userId, expiresAt, issuedBy });
    return { token, expiresAt };
  }

  private recentlyAsked(userId: Types.ObjectId): Promise<number> {
    return this.resets
      .countDocuments({
        userId,
        issuedBy: null,
        createdAt: { $gt: new Date(Date.now() - LINK_LIFETIME_MS) },
      })
      .exec();
  }

  private findUsable(token: string): Promise<PasswordResetDocument> {
    return findUsableLink(this.resets, token, RESET_LINK);
  }
}

export function resetPath(token: string): string {
  return `/reset-password/${token}`;
}
