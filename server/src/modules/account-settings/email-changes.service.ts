import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { EmailChangeAnswer, EmailConfirmationPreview } from '@coproduce/domain';
import { Model, Types } from 'mongoose';
import { BadRequest, NotFound, ServiceUnavailable, TooManyRequests } from '../../base/errors';
import { AccountsService, emailTakenError, normaliseEmail } from '../accounts/accounts.service';
import type { UserDocument } from '../accounts/user.schema';
import { AuthService } from '../auth/auth.service';
import { waitInWords } from '../auth/sign-in-back-off';
import {
  findUsableLink,
  newSingleUseLink,
  takeLink,
  type SingleUseLinkWords,
} from '../auth/single-use-link';
import { MailService } from '../mail/mail.service';
import { accountDetail } from './account-detail';
import { addressChangedMail, confirmNewAddressMail } from './account-mail';
import { EmailChange, type EmailChangeDocument } from './email-change.schema';

const HOUR_MS = 60 * 60 * 1000;
/** How long the link to confirm a new address works. */
const LINK_LIFETIME_MS = 24 * HOUR_MS;
/** Links one account may have emailed in an hour: nobody's inbox is flooded from here. */
const LINKS_PER_ACCOUNT_PER_HOUR = 3;

const CONFIRMATION_LINK: SingleUseLinkWords = {
  what: 'that link to confirm an email address',
  used: 'This link has been used already, or a newer one replaced it. Sign in and change your email address again if you still need to.',
  expired:
    'This link has expired: links to confirm a new email address work for 24 hours. Sign in and change your email address again to get a new one.',
};

/**
 * Changing the address a person signs in with. When this Coproduce sends email, a link
 * goes to the new address and the change happens when it is opened, and the old address
 * is told; without email, the person's current password is asked for and the change
 * happens at once.
 */
@Injectable()
export class EmailChangesService {
  private readonly logger = new Logger(EmailChangesService.name);

  constructor(
    @InjectModel(EmailChange.name) private readonly changes: Model<EmailChange>,
    private readonly accounts: AccountsService,
    private readonly auth: AuthService,
    private readonly mail: MailService,
  ) {}

  /** `address`: the caller's, for the password's back-off. */
  async start(
    user: UserDocument,
    newEmail: string,
    password: string | undefined,
    address: string,
  ): Promise<EmailChangeAnswer> {
    const email = normaliseEmail(newEmail);
    if (email === user.email) {
      throw new BadRequest('That is already your email address. Enter a different one.');
    }
    if (!this.mail.enabled) {
      if (password === undefined) {
        throw new BadRequest('Enter your current password to change your email address.');
      }
      await this.auth.confirmPassword(user, password, address);
      const changed = await this.accounts.changeEmail(user._id, email);
      await this.retirePendingOf(user._id);
      return { status: 'changed', account: await this.detailOf(changed) };
    }
    if (password !== undefined) await this.auth.confirmPassword(user, password, address);
    if (await this.accounts.emailInUse(email, user._id)) throw emailTakenError();
    await this.checkRecentLinks(user._id);
    // Only the newest link works: an address typed wrong is put right by asking again.
    await this.retirePendingOf(user._id);
    const { token, tokenHash, expiresAt } = newSingleUseLink(
      new Date(Date.now() + LINK_LIFETIME_MS),
    );
    const record = await this.changes.create({ tokenHash, userId: user._id, email, expiresAt });
    const sent = await this.mail.send(
      email,
      confirmNewAddressMail(user.name, this.mail.link(confirmationPath(token)), expiresAt),
    );
    if (!sent) {
      await this.changes.deleteOne({ _id: record._id }).exec();
      throw new ServiceUnavailable(
        'We could not send the email to confirm that address just now. Try again in a few minutes.',
      );
    }
    return { status: 'confirmation-emailed', email, expiresAt: expiresAt.toISOString() };
  }

  /** The change waiting for its link, if any: for the account page to say so. */
  async pendingOf(userId: Types.ObjectId): Promise<EmailChangeDocument | null> {
    return this.changes
      .findOne({ userId, usedAt: null, expiresAt: { $gt: new Date() } })
      .sort({ createdAt: -1, _id: -1 })
      .exec();
  }

  async preview(token: string): Promise<EmailConfirmationPreview> {
    const change = await findUsableLink(this.changes, token, CONFIRMATION_LINK);
    return { email: change.email, expiresAt: change.expiresAt.toISOString() };
  }

  /** Makes the change a link confirms, once; tells the old address. Whose account it was. */
  async confirm(token: string): Promise<UserDocument> {
    const change = await findUsableLink(this.changes, token, CONFIRMATION_LINK);
    // Taken before the address changes, so two uses of one link at once cannot both win.
    await takeLink(this.changes, change._id, CONFIRMATION_LINK);
    const user = await this.accounts.findById(change.userId);
    if (!user) throw new NotFound(CONFIRMATION_LINK.what);
    const oldAddress = user.email;
    const changed = await this.accounts.changeEmail(user._id, change.email);
    await this.retirePendingOf(user._id);
    const at = new Date();
    void this.mail
      .send(oldAddress, addressChangedMail(changed.name, changed.email, at))
      .catch((error: unknown) =>
        this.logger.error({ err: error }, 'the notice of a changed address could not be sent'),
      );
    return changed;
  }

  async detailOf(user: UserDocument) {
    return accountDetail(user, await this.pendingOf(user._id));
  }

  /** Stops every link of the person's that has not been used from working. */
  private async retirePendingOf(userId: Types.ObjectId): Promise<void> {
    await this.changes
      .updateMany({ userId, usedAt: null }, { $set: { usedAt: new Date() } })
      .exec();
  }

  private async checkRecentLinks(userId: Types.ObjectId): Promise<void> {
    const recent = await this.changes
      .find({ userId, createdAt: { $gt: new Date(Date.now() - HOUR_MS) } }, { createdAt: 1 })
      .sort({ createdAt: 1 })
      .lean()
      .exec();
    if (recent.length < LINKS_PER_ACCOUNT_PER_HOUR) return;
    const oldest = recent[recent.length - LINKS_PER_ACCOUNT_PER_HOUR]!.createdAt;
    const waitMs = oldest.getTime() + HOUR_MS - Date.now();
    throw Object.assign(new TooManyRequests(waitInWords(waitMs)), {
      retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
    });
  }
}

/** Where the emailed link opens in the web client. */
export function confirmationPath(token: string): string {
  return `/confirm-email/${token}`;
}
