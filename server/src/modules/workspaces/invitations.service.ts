import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import {
  needsOrganisation,
  type AcceptedInvitation,
  type CreatedInvitation,
  type InvitationAcceptance,
  type InvitationConfirmationEmailed,
  type InvitationConfirmationPreview,
  type InvitationPreview,
  type InvitationStatus,
  type InvitationSummary,
  type UserSummary,
} from '@coproduce/domain';
import { Model, Types } from 'mongoose';
import {
  AccountExists,
  AlreadyMember,
  BadRequest,
  InvitationExpired,
  InvitationForSomeoneElse,
  InvitationRevoked,
  InvitationUsed,
  NotFound,
} from '../../base/errors';
import { AccountsService, type NewAccount } from '../accounts/accounts.service';
import { hashPassword } from '../accounts/password';
import type { UserDocument } from '../accounts/user.schema';
import { WorkspaceRoles } from '../access/workspace-roles';
import { AuthService } from '../auth/auth.service';
import { hashToken, looksLikeToken, newSessionToken } from '../auth/session-token';
import {
  findUsableLink,
  giveBackLink,
  newSingleUseLink,
  takeLink,
  type SingleUseLinkWords,
} from '../auth/single-use-link';
import { MailService } from '../mail/mail.service';
import type { AcceptInvitationDto } from './dto/accept-invitation.dto';
import type { CreateInvitationDto } from './dto/create-invitation.dto';
import {
  InvitationConfirmation,
  type InvitationConfirmationDocument,
} from './invitation-confirmation.schema';
import { confirmAddressMail, invitationMail, signInToAcceptMail } from './invitation-mail';
import { Invitation, InvitationDocument } from './invitation.schema';
import { MembershipsService } from './memberships.service';
import { WorkspacesService } from './workspaces.service';
import { archivedField } from '../../base/archived-field';

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_EXPIRY_DAYS = 7;
const HOUR_MS = 60 * 60 * 1000;
/** How long a link to confirm an address works (never past the invitation's own expiry). */
const CONFIRMATION_LIFETIME_MS = 24 * HOUR_MS;
/** Emails to confirm an address one address may be sent in an hour: no inbox is flooded. */
const CONFIRMATIONS_PER_ADDRESS_PER_HOUR = 3;

const CONFIRMATION_LINK: SingleUseLinkWords = {
  what: 'that link to confirm your email address',
  used: 'This link has been used already, so your account has been made. Sign in with your email address and the password you chose.',
  expired:
    'This link has expired: links to confirm your email address work for 24 hours. Open your invitation again and accept it to get a new one.',
};

@Injectable()
export class InvitationsService {
  private readonly logger = new Logger(InvitationsService.name);

  constructor(
    @InjectModel(Invitation.name) private readonly invitations: Model<Invitation>,
    @InjectModel(InvitationConfirmation.name)
    private readonly confirmations: Model<InvitationConfirmation>,
    private readonly workspaces: WorkspacesService,
    private readonly memberships: MembershipsService,
    private readonly roles: WorkspaceRoles,
    private readonly accounts: AccountsService,
    private readonly auth: AuthService,
    private readonly mail: MailService,
  ) {}

  async create(
    workspaceId: Types.ObjectId,
    inviter: UserDocument,
    request: CreateInvitationDto,
  ): Promise<CreatedInvitation> {
    const email = request.email?.trim().toLowerCase() ?? null;
    if (email) {
      const existing = await this.accounts.findByEmail(email);
      if (existing && (await this.roles.findRole(workspaceId, existing._id))) {
        throw new AlreadyMember();
      }
    }
    // The same random token shape as a session; only its hash is stored.
    const token = newSessionToken();
    const expiresInDays = request.expiresInDays ?? DEFAULT_EXPIRY_DAYS;
    const invitation = await this.invitations.create({
      workspaceId,
      email,
      role: request.role,
      organisation: request.organisation ?? null,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + expiresInDays * DAY_MS),
      createdBy: inviter._id,
    });
    const creator = { id: inviter.id as string, email: inviter.email, name: inviter.name };
    const path = `/invitations/${token}`;
    const emailed =
      email !== null && (await this.emailInvitation(email, path, invitation, inviter));
    if (emailed) {
      await this.invitations.updateOne({ _id: invitation._id }, { $set: { emailed } }).exec();
    }
    return {
      ...summarise(invitation, creator),
      token: emailed ? null : token,
      path: emailed ? null : path,
      emailed,
    };
  }

  /** Sends the link to the invited address, when this app sends email; whether it went. */
  private async emailInvitation(
    email: string,
    path: string,
    invitation: InvitationDocument,
    inviter: UserDocument,
  ): Promise<boolean> {
    if (!this.mail.enabled) return false;
    return this.mail.send(
      email,
      invitationMail(
        {
          workspaceName: await this.workspaceNameOf(invitation),
          role: invitation.role,
          inviterName: inviter.name,
        },
        this.mail.link(path),
        invitation.expiresAt,
      ),
    );
  }

  /** For an email: the workspace's name, or null when it cannot be read (the email still goes). */
  private workspaceNameOf(invitation: Invitation): Promise<string | null> {
    return this.workspaces.findById(invitation.workspaceId).then(
      (workspace) => workspace.name,
      () => null,
    );
  }

  async list(workspaceId: Types.ObjectId): Promise<InvitationSummary[]> {
    const invitations = await this.invitations.find({ workspaceId }).sort({ createdAt: -1 }).exec();
    const creators = await this.accounts.findSummaries(invitations.map((i) => i.createdBy));
    return invitations.map((invitation) =>
      summarise(invitation, creators.get(invitation.createdBy.toHexString()) ?? formerMember),
    );
  }

  async revoke(workspaceId: Types.ObjectId, invitationId: Types.ObjectId): Promise<void> {
    const invitation = await this.invitations.findOne({ _id: invitationId, workspaceId }).exec();
    if (!invitation) throw new NotFound('that invitation');
    if (invitation.acceptedAt) throw new InvitationUsed();
    if (invitation.revokedAt) return;
    await this.invitations
      .updateOne({ _id: invitation._id, acceptedAt: null }, { $set: { revokedAt: new Date() } })
      .exec();
  }

  async preview(token: string): Promise<InvitationPreview> {
    const invitation = await this.findByToken(token);
    const workspace = await this.workspaces.findById(invitation.workspaceId);
    return {
      workspaceName: workspace.name,
      leadOrganisation: workspace.leadOrganisation,
      role: invitation.role,
      organisation: invitation.organisation ?? null,
      email: invitation.email,
      status: statusOf(invitation),
      expiresAt: invitation.expiresAt.toISOString(),
      confirmsByEmail: this.confirmsByEmail(invitation),
    };
  }

  /**
   * Whether someone not signed in who accepts must first show the address is theirs: when
   * this app sends email and the link did not reach them by email to that address. (Without
   * email there is no way to, and the inviter hands the link over; the README says so.)
   */
  private confirmsByEmail(invitation: Invitation): boolean {
    return this.mail.enabled && !invitation.emailed;
  }

  /**
   * Signed in: the caller joins. Not signed in: an account is created for
   * the invitation's email (or, for a link, the email given) and signed in —
   * or, when the address must be confirmed first, an email is sent to it and
   * nothing else changes (`askToConfirm`). The invitation is claimed
   * atomically, so it works exactly once.
   */
  async accept(
    token: string,
    caller: UserDocument | undefined,
    request: AcceptInvitationDto,
  ): Promise<InvitationAcceptance> {
    const invitation = await this.findByToken(token);
    refuseUnlessPending(invitation);
    refuseProviderInvitationWithoutOrganisation(invitation);
    if (!caller && this.confirmsByEmail(invitation)) {
      return this.askToConfirm(invitation, token, request);
    }
    const joiner: Joiner = caller
      ? { kind: 'signed-in', user: caller }
      : { kind: 'new-account', account: await this.newAccountFor(invitation, request) };
    if (caller) {
      if (invitation.email && invitation.email !== caller.email)
        throw new InvitationForSomeoneElse();
      if (await this.roles.findRole(invitation.workspaceId, caller._id)) {
        throw new AlreadyMember();
      }
    }
    return this.join(invitation, joiner);
  }

  /**
   * Claims the invitation, makes the new account if there is one, and adds the membership;
   * all or nothing for the person joining. A new account is signed in.
   */
  private async join(invitation: InvitationDocument, joiner: Joiner): Promise<AcceptedInvitation> {
    const workspace = await this.workspaces.findById(invitation.workspaceId);
    const claimedAt = new Date();
    const claimed = await this.invitations
      .findOneAndUpdate(
        { _id: invitation._id, acceptedAt: null, revokedAt: null, expiresAt: { $gt: claimedAt } },
        { $set: { acceptedAt: claimedAt } },
        { new: true },
      )
      .exec();
    if (!claimed) {
      const current = await this.invitations.findById(invitation._id).exec();
      if (current) refuseUnlessPending(current);
      throw new InvitationUsed();
    }

    // No multi-document transactions on a standalone store: if the membership is not
    // made, undo by hand, so the person's retry finds neither an account nor a used link.
    let createdAccount: UserDocument | undefined;
    let user: UserDocument;
    try {
      if (joiner.kind === 'signed-in') {
        user = joiner.user;
      } else {
        createdAccount = await this.accounts.create(joiner.account);
        user = createdAccount;
      }
      await this.memberships.add(
        invitation.workspaceId,
        user._id,
        invitation.role,
        invitation.organisation ?? null,
      );
    } catch (error) {
      await this.undoAcceptance(claimed, claimedAt, createdAccount);
      throw error;
    }
    await this.invitations
      .updateOne({ _id: invitation._id }, { $set: { acceptedBy: user._id } })
      .exec();

    const joined = {
      id: workspace.id as string,
      name: workspace.name,
      role: invitation.role,
      ...archivedField(workspace.archivedAt),
    };
    if (joiner.kind === 'signed-in') return { workspace: joined };
    return { workspace: joined, session: await this.auth.startSession(user) };
  }

  /**
   * Not signed in, and the address not yet shown to be theirs: answers at once, the same
   * whether or not the address has an account, and then emails it either a link that makes
   * the account and joins, or word that it has an account and should sign in to accept.
   */
  private askToConfirm(
    invitation: InvitationDocument,
    invitationToken: string,
    request: AcceptInvitationDto,
  ): InvitationConfirmationEmailed {
    const account = accountFields(invitation, request);
    // Sent after answering: neither the answer nor how long it takes may tell whether the
    // address has an account.
    void this.emailConfirmation(invitation, invitationToken, account);
    return { emailed: true, email: account.email };
  }

  private async emailConfirmation(
    invitation: InvitationDocument,
    invitationToken: string,
    account: { email: string; name: string; password: string },
  ): Promise<void> {
    try {
      // The same work either way: the password is hashed and a record kept (which counts
      // the emails to the address) whether or not it is needed.
      const [existing, passwordHash] = await Promise.all([
        this.accounts.findByEmail(account.email),
        hashPassword(account.password),
      ]);
      const { token, tokenHash, expiresAt } = newSingleUseLink(
        new Date(Math.min(Date.now() + CONFIRMATION_LIFETIME_MS, invitation.expiresAt.getTime())),
      );
      const record = await this.confirmations.create({
        tokenHash,
        invitationId: invitation._id,
        kind: existing ? 'sign-in' : 'new-account',
        email: account.email,
        name: existing ? null : account.name,
        passwordHash: existing ? null : passwordHash,
        expiresAt,
      });
      // Counted after this one is stored, and only those stored before it, so requests
      // arriving together cannot all see room for one more.
      const earlier = await this.confirmations
        .countDocuments({
          email: account.email,
          _id: { $lt: record._id },
          createdAt: { $gt: new Date(Date.now() - HOUR_MS) },
        })
        .exec();
      if (earlier >= CONFIRMATIONS_PER_ADDRESS_PER_HOUR) {
        await this.confirmations.deleteOne({ _id: record._id }).exec();
        return;
      }
      const invited = {
        workspaceName: await this.workspaceNameOf(invitation),
        role: invitation.role,
      };
      await this.mail.send(
        account.email,
        existing
          ? signInToAcceptMail(
              { ...invited, accountName: existing.name },
              this.mail.link(`/invitations/${invitationToken}`),
            )
          : confirmAddressMail(
              { ...invited, name: account.name },
              this.mail.link(confirmationPath(token)),
              expiresAt,
            ),
      );
    } catch (error) {
      this.logger.error({ err: error }, 'an email to confirm an address could not be made');
    }
  }

  /** What confirming the address will do: for the page the emailed link opens. */
  async previewConfirmation(token: string): Promise<InvitationConfirmationPreview> {
    const { confirmation, invitation, account } = await this.findConfirmation(token);
    const workspace = await this.workspaces.findById(invitation.workspaceId);
    return {
      workspaceName: workspace.name,
      role: invitation.role,
      organisation: invitation.organisation ?? null,
      email: account.email,
      name: account.name,
      expiresAt: confirmation.expiresAt.toISOString(),
    };
  }

  /**
   * The emailed link: the address is theirs, so the account is made with the name and
   * password given when accepting, joins, and is signed in. Works once; if joining fails,
   * the link works again.
   */
  async confirm(token: string): Promise<AcceptedInvitation> {
    const { confirmation, invitation, account } = await this.findConfirmation(token);
    const usedAt = await takeLink(this.confirmations, confirmation._id, CONFIRMATION_LINK);
    try {
      return await this.join(invitation, { kind: 'new-account', account });
    } catch (error) {
      await giveBackLink(this.confirmations, confirmation._id, usedAt).catch((undo: unknown) => {
        this.logger.error(
          `Could not give back confirmation ${confirmation.id as string} after a failed joining: ${String(undo)}`,
        );
      });
      throw error;
    }
  }

  /**
   * A confirmation link that can still be used, its invitation (which must be too), and the
   * account it makes.
   */
  private async findConfirmation(token: string): Promise<{
    confirmation: InvitationConfirmationDocument;
    invitation: InvitationDocument;
    account: NewAccount & { name: string };
  }> {
    const confirmation = await findUsableLink(this.confirmations, token, CONFIRMATION_LINK);
    const { kind, email, name, passwordHash } = confirmation;
    // A 'sign-in' record's token was never sent, so its hash is found only by chance.
    const invitation =
      kind === 'new-account' && name && passwordHash
        ? await this.invitations.findById(confirmation.invitationId).exec()
        : null;
    if (!invitation || !name || !passwordHash) throw new NotFound(CONFIRMATION_LINK.what);
    refuseUnlessPending(invitation);
    refuseProviderInvitationWithoutOrganisation(invitation);
    return { confirmation, invitation, account: { email, name, passwordHash } };
  }

  /**
   * Deletes the account this acceptance made (only that one), then gives the
   * invitation back (only if it still carries this acceptance's claim). A failed undo
   * is logged and the original error still answers.
   */
  private async undoAcceptance(
    claimed: InvitationDocument,
    claimedAt: Date,
    createdAccount: UserDocument | undefined,
  ): Promise<void> {
    if (createdAccount) {
      await this.accounts.removeUnfinished(createdAccount._id).catch((error: unknown) => {
        this.logger.error(
          `Could not take back account ${createdAccount.id as string} after its invitation ` +
            `failed; it has no workspace: ${String(error)}`,
        );
      });
    }
    await this.invitations
      .updateOne({ _id: claimed._id, acceptedAt: claimedAt }, { $set: { acceptedAt: null } })
      .exec()
      .catch((error: unknown) => {
        this.logger.error(
          `Could not give back invitation ${claimed.id as string} after a failed acceptance: ${String(error)}`,
        );
      });
  }

  private async newAccountFor(
    invitation: InvitationDocument,
    request: AcceptInvitationDto,
  ): Promise<NewAccount> {
    const account = accountFields(invitation, request);
    if (await this.accounts.findByEmail(account.email)) throw new AccountExists();
    return account;
  }

  private async findByToken(token: string): Promise<InvitationDocument> {
    const invitation = looksLikeToken(token)
      ? await this.invitations.findOne({ tokenHash: hashToken(token) }).exec()
      : null;
    if (!invitation) throw new NotFound('that invitation');
    return invitation;
  }
}

type Joiner =
  { kind: 'signed-in'; user: UserDocument } | { kind: 'new-account'; account: NewAccount };

/** Where the link to confirm an address opens, in the client. */
export function confirmationPath(token: string): string {
  return `/confirm-invitation/${token}`;
}

/**
 * The new account's fields from an acceptance not signed in: the invitation's email (or,
 * for a link, the one given), a name and a password; 400 saying what is missing.
 */
function accountFields(
  invitation: Invitation,
  request: AcceptInvitationDto,
): { email: string; name: string; password: string } {
  const email = invitation.email ?? request.email?.trim().toLowerCase();
  const missing = [
    !email && 'Enter your email address.',
    !request.name?.trim() && 'Enter your name.',
    !request.password && 'Choose a password of at least 10 characters.',
  ].filter((message): message is string => typeof message === 'string');
  if (missing.length > 0 || !email || !request.name || !request.password) {
    throw new BadRequest(missing.join(' '));
  }
  return { email, name: request.name, password: request.password };
}

const formerMember: UserSummary = { id: '', email: '', name: 'A former member' };

function statusOf(invitation: Invitation): InvitationStatus {
  if (invitation.revokedAt) return 'revoked';
  if (invitation.acceptedAt) return 'accepted';
  if (invitation.expiresAt.getTime() <= Date.now()) return 'expired';
  return 'pending';
}

function refuseUnlessPending(invitation: Invitation): void {
  switch (statusOf(invitation)) {
    case 'revoked':
      throw new InvitationRevoked();
    case 'accepted':
      throw new InvitationUsed();
    case 'expired':
      throw new InvitationExpired();
    case 'pending':
      return;
  }
}

/**
 * A provider invitation made before invitations carried an organisation cannot make a
 * membership; refused before it is claimed, so nothing changes and the person is told
 * what to ask for.
 */
function refuseProviderInvitationWithoutOrganisation(invitation: Invitation): void {
  if (needsOrganisation(invitation.role) && !invitation.organisation) {
    throw new BadRequest(
      'This invitation does not say which organisation you will take part for, and a provider needs one. Ask the commissioner who invited you for a new invitation.',
    );
  }
}

function summarise(invitation: InvitationDocument, createdBy: UserSummary): InvitationSummary {
  return {
    id: invitation.id as string,
    email: invitation.email,
    role: invitation.role,
    organisation: invitation.organisation ?? null,
    status: statusOf(invitation),
    expiresAt: invitation.expiresAt.toISOString(),
    createdAt: invitation.createdAt.toISOString(),
    createdBy,
  };
}
