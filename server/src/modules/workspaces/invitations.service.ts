import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import {
  needsOrganisation,
  ROLE_LABELS,
  type AcceptedInvitation,
  type CreatedInvitation,
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
import { ukDateTime } from '../../base/uk-time';
import { AccountsService, type NewAccount } from '../accounts/accounts.service';
import type { UserDocument } from '../accounts/user.schema';
import { WorkspaceRoles } from '../access/workspace-roles';
import { AuthService } from '../auth/auth.service';
import { hashToken, looksLikeToken, newSessionToken } from '../auth/session-token';
import { MailService } from '../mail/mail.service';
import type { AcceptInvitationDto } from './dto/accept-invitation.dto';
import type { CreateInvitationDto } from './dto/create-invitation.dto';
import { Invitation, InvitationDocument } from './invitation.schema';
import { MembershipsService } from './memberships.service';
import { WorkspacesService } from './workspaces.service';

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_EXPIRY_DAYS = 7;

@Injectable()
export class InvitationsService {
  private readonly logger = new Logger(InvitationsService.name);

  constructor(
    @InjectModel(Invitation.name) private readonly invitations: Model<Invitation>,
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
    const workspace = await this.workspaces.findById(invitation.workspaceId).catch(() => null);
    return this.mail.send(email, {
      subject: `${inviter.name} invited you to ${workspace?.name ?? 'a workspace'} on Coproduce`,
      greeting: 'Hello,',
      paragraphs: [
        `${inviter.name} invited you to take part in ${workspace?.name ?? 'a commissioning workspace'} on Coproduce, as ${ROLE_LABELS[invitation.role].toLowerCase()}.`,
        'Coproduce is where commissioners, families, young people and providers write and discuss a service specification together.',
      ],
      action: { text: 'Accept the invitation', url: this.mail.link(path) },
      after: [`The link works once, until ${ukDateTime(invitation.expiresAt)}.`],
    });
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
    };
  }

  /**
   * Signed in: the caller joins. Not signed in: an account is created for
   * the invitation's email (or, for a link, the email given) and signed in.
   * The invitation is claimed atomically, so it works exactly once.
   */
  async accept(
    token: string,
    caller: UserDocument | undefined,
    request: AcceptInvitationDto,
  ): Promise<AcceptedInvitation> {
    const invitation = await this.findByToken(token);
    refuseUnlessPending(invitation);
    refuseProviderInvitationWithoutOrganisation(invitation);
    const workspace = await this.workspaces.findById(invitation.workspaceId);
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

    const joined = { id: workspace.id as string, name: workspace.name, role: invitation.role };
    if (caller) return { workspace: joined };
    return { workspace: joined, session: await this.auth.startSession(user) };
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

  private async newAccountFor(invitation: InvitationDocument, request: AcceptInvitationDto) {
    const email = invitation.email ?? request.email?.trim().toLowerCase();
    const missing = [
      !email && 'Enter your email address.',
      !request.name?.trim() && 'Enter your name.',
      !request.password && 'Choose a password of at least 10 characters.',
    ].filter((message): message is string => typeof message === 'string');
    if (missing.length > 0 || !email || !request.name || !request.password) {
      throw new BadRequest(missing.join(' '));
    }
    if (await this.accounts.findByEmail(email)) throw new AccountExists();
    return { email, name: request.name, password: request.password };
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
