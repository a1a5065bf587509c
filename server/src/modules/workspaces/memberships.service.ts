import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import {
  needsOrganisation,
  type ChangeMemberRequest,
  type MemberSummary,
  type Role,
  type WorkspaceSummary,
} from '@coproduce/domain';
import { Model, Types } from 'mongoose';
import { isDuplicateKeyError } from '../../base/duplicate-key';
import { AlreadyMember, BadRequest, LastCommissioner, NotFound } from '../../base/errors';
import { EventBus } from '../../base/event-bus';
import { AccountsService } from '../accounts/accounts.service';
import { Membership } from '../access/membership.schema';
import { Workspace } from './workspace.schema';
import { archivedField } from '../../base/archived-field';

@Injectable()
export class MembershipsService {
  constructor(
    @InjectModel(Membership.name) private readonly memberships: Model<Membership>,
    @InjectModel(Workspace.name) private readonly workspaces: Model<Workspace>,
    private readonly accounts: AccountsService,
    private readonly events: EventBus,
  ) {}

  /** The person's workspaces by name; archived ones only when asked for. */
  async listWorkspacesOf(
    userId: Types.ObjectId,
    includeArchived = false,
  ): Promise<WorkspaceSummary[]> {
    const memberships = await this.memberships.find({ userId }).exec();
    const workspaces = await this.workspaces
      .find({
        _id: { $in: memberships.map((m) => m.workspaceId) },
        ...(includeArchived ? {} : { archivedAt: null }),
      })
      .exec();
    const byId = new Map(workspaces.map((w) => [w.id as string, w]));
    return memberships
      .flatMap((m) => {
        const workspace = byId.get(m.workspaceId.toHexString());
        return workspace === undefined
          ? []
          : [
              {
                id: m.workspaceId.toHexString(),
                name: workspace.name,
                role: m.role,
                ...archivedField(workspace.archivedAt),
              },
            ];
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async listMembers(workspaceId: Types.ObjectId): Promise<MemberSummary[]> {
    const memberships = await this.memberships.find({ workspaceId }).sort({ createdAt: 1 }).exec();
    const users = await this.accounts.findSummaries(memberships.map((m) => m.userId));
    return memberships.flatMap((m) => {
      const user = users.get(m.userId.toHexString());
      if (!user) return [];
      return [
        {
          userId: user.id,
          name: user.name,
          email: user.email,
          role: m.role,
          organisation: m.organisation ?? null,
          joinedAt: m.createdAt.toISOString(),
        },
      ];
    });
  }

  async add(
    workspaceId: Types.ObjectId,
    userId: Types.ObjectId,
    role: Role,
    organisation: string | null = null,
  ): Promise<void> {
    refuseProviderWithoutOrganisation(role, organisation);
    try {
      // Joining an archived workspace (an invitation sent before it was archived) joins it read-only.
      const workspace = await this.workspaces
        .findById(workspaceId, { archivedAt: 1 })
        .lean()
        .exec();
      await this.memberships.create({
        workspaceId,
        userId,
        role,
        organisation,
        workspaceArchived: Boolean(workspace?.archivedAt),
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new AlreadyMember();
      throw error;
    }
  }

  /**
   * A new role, a new organisation, or both, in one write. Becoming a provider needs an
   * organisation, given here or already stored; none is ever cleared, so a stored one
   * cannot vanish between the check and the write.
   */
  async change(workspaceId: Types.ObjectId, userId: Types.ObjectId, change: ChangeMemberRequest) {
    if (change.role === undefined && change.organisation === undefined) {
      throw new BadRequest('Send a new role, a new organisation, or both.');
    }
    const current = await this.memberships.findOne({ workspaceId, userId }).exec();
    if (!current) throw new NotFound('that member');
    const role = change.role ?? current.role;
    const organisation = change.organisation ?? current.organisation ?? null;
    if (role !== current.role) refuseProviderWithoutOrganisation(role, organisation);
    const unchanged = role === current.role && organisation === (current.organisation ?? null);
    if (unchanged) return { previousRole: current.role, previousOrganisation: organisation };
    // The ordinary refusal writes nothing; the check after the write catches a race.
    if (current.role === 'commissioner' && role !== 'commissioner') {
      await this.refuseIfLastCommissioner(workspaceId);
    }
    const previous = await this.memberships
      .findOneAndUpdate(
        { _id: current._id },
        { $set: change.organisation === undefined ? { role } : { role, organisation } },
        { new: false },
      )
      .exec();
    if (!previous) throw new NotFound('that member');
    if (previous.role === 'commissioner' && role !== 'commissioner') {
      await this.ensureCommissionerRemains(workspaceId, () =>
        this.memberships
          .updateOne(
            { _id: previous._id },
            {
              $set: {
                role: previous.role,
                organisation: previous.organisation,
                updatedAt: previous.updatedAt,
              },
            },
            { timestamps: false },
          )
          .exec(),
      );
    }
    if (previous.role !== role) {
      this.events.publish('membership.changed', {
        kind: 'role-changed',
        workspaceId: workspaceId.toHexString(),
        userId: userId.toHexString(),
        role,
        previousRole: previous.role,
      });
    }
    return { previousRole: previous.role, previousOrganisation: previous.organisation ?? null };
  }

  async remove(workspaceId: Types.ObjectId, userId: Types.ObjectId) {
    const current = await this.memberships.findOne({ workspaceId, userId }).exec();
    if (!current) throw new NotFound('that member');
    if (current.role === 'commissioner') await this.refuseIfLastCommissioner(workspaceId);
    const removed = await this.memberships.findOneAndDelete({ _id: current._id }).exec();
    if (!removed) throw new NotFound('that member');
    if (removed.role === 'commissioner') {
      // Put back exactly what was there (same id and dates), past mongoose's timestamps.
      await this.ensureCommissionerRemains(workspaceId, () =>
        this.memberships.collection.insertOne(removed.toObject()),
      );
    }
    this.events.publish('membership.changed', {
      kind: 'removed',
      workspaceId: workspaceId.toHexString(),
      userId: userId.toHexString(),
      previousRole: removed.role,
    });
    return { previousRole: removed.role };
  }

  private async refuseIfLastCommissioner(workspaceId: Types.ObjectId): Promise<void> {
    const commissioners = await this.memberships
      .countDocuments({ workspaceId, role: 'commissioner' })
      .exec();
    if (commissioners <= 1) throw new LastCommissioner();
  }

  /**
   * Checked after the write as well as before, so two commissioners demoting
   * each other at the same moment cannot both succeed: whoever finds none
   * left puts their change back.
   */
  private async ensureCommissionerRemains(
    workspaceId: Types.ObjectId,
    undo: () => Promise<unknown>,
  ): Promise<void> {
    const remaining = await this.memberships
      .countDocuments({ workspaceId, role: 'commissioner' })
      .exec();
    if (remaining > 0) return;
    await undo();
    throw new LastCommissioner();
  }
}

/** Refused before anything is written, with a message that says what to send. */
function refuseProviderWithoutOrganisation(role: Role, organisation: string | null): void {
  if (needsOrganisation(role) && !organisation) {
    throw new BadRequest(
      'A provider must have an organisation. Give the organisation they take part for.',
    );
  }
}
