import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Role } from '@coproduce/domain';
import { Model, Types } from 'mongoose';
import { BatchedLookup } from '../../base/batched-lookup';
import { findPlain } from '../../base/plain-reads';
import { Membership } from './membership.schema';

interface MemberKey {
  workspaceId: Types.ObjectId;
  userId: Types.ObjectId;
}

interface FoundMembership {
  role: Role;
  workspaceArchived: boolean;
}

/**
 * A person's role in a workspace, as stored: what every access decision starts
 * from (the guard on `@Allow` routes, the collab gateway through the
 * specifications module, invitations refusing someone already in).
 */
@Injectable()
export class WorkspaceRoles {
  /** Every request and every socket join asks: asked together, answered by one query. */
  private readonly membershipLookups = new BatchedLookup<MemberKey, FoundMembership>(
    (keys) => this.findMemberships(keys),
    memberKey,
  );

  constructor(@InjectModel(Membership.name) private readonly memberships: Model<Membership>) {}

  /** Null for someone who is not a member (or no longer). */
  async findRole(workspaceId: Types.ObjectId, userId: Types.ObjectId): Promise<Role | null> {
    return (await this.findMembership(workspaceId, userId))?.role ?? null;
  }

  /** Their role, and whether the workspace is archived; null for someone not a member. */
  async findMembership(
    workspaceId: Types.ObjectId,
    userId: Types.ObjectId,
  ): Promise<FoundMembership | null> {
    return (await this.membershipLookups.get({ workspaceId, userId })) ?? null;
  }

  private async findMemberships(keys: MemberKey[]): Promise<Map<string, FoundMembership>> {
    const usersByWorkspace = new Map<string, Types.ObjectId[]>();
    for (const { workspaceId, userId } of keys) {
      const users = usersByWorkspace.get(workspaceId.toHexString()) ?? [];
      users.push(userId);
      usersByWorkspace.set(workspaceId.toHexString(), users);
    }
    const clauses = [...usersByWorkspace].map(([workspaceId, userIds]) => ({
      workspaceId: new Types.ObjectId(workspaceId),
      userId: { $in: userIds },
    }));
    const found = await findPlain<
      Pick<Membership, 'workspaceId' | 'userId' | 'role' | 'workspaceArchived'>
    >(this.memberships, clauses.length === 1 ? clauses[0]! : { $or: clauses }, {
      workspaceId: 1,
      userId: 1,
      role: 1,
      workspaceArchived: 1,
    });
    return new Map(
      found.map((membership) => [
        memberKey(membership),
        { role: membership.role, workspaceArchived: membership.workspaceArchived === true },
      ]),
    );
  }

  /** Archives (or restores) the workspace in every membership's copy of the flag. */
  async setWorkspaceArchived(workspaceId: Types.ObjectId, archived: boolean): Promise<void> {
    await this.memberships
      .updateMany({ workspaceId }, { $set: { workspaceArchived: archived } })
      .exec();
  }

  /** The roles of those of `userIds` who are members, by user id. */
  async rolesOf(
    workspaceId: Types.ObjectId,
    userIds: Types.ObjectId[],
  ): Promise<Map<string, Role>> {
    const found = await this.memberships
      .find({ workspaceId, userId: { $in: userIds } }, { userId: 1, role: 1 })
      .lean()
      .exec();
    return new Map(found.map((each) => [each.userId.toHexString(), each.role]));
  }

  /** The organisation a member takes part for; null when none (or not a member). */
  async organisationOf(
    workspaceId: Types.ObjectId,
    userId: Types.ObjectId,
  ): Promise<string | null> {
    const membership = await this.memberships
      .findOne({ workspaceId, userId }, { organisation: 1 })
      .lean()
      .exec();
    return membership?.organisation ?? null;
  }

  /** Everyone in a workspace, with their role and organisation. */
  async membersOf(
    workspaceId: Types.ObjectId,
  ): Promise<{ userId: Types.ObjectId; role: Role; organisation?: string | null }[]> {
    return this.memberships
      .find({ workspaceId }, { userId: 1, role: 1, organisation: 1 })
      .lean()
      .exec();
  }

  /** Every workspace a person belongs to, with their role in it. */
  async membershipsOf(
    userId: Types.ObjectId,
  ): Promise<{ workspaceId: Types.ObjectId; role: Role }[]> {
    return this.memberships.find({ userId }, { workspaceId: 1, role: 1 }).lean().exec();
  }
}

function memberKey({ workspaceId, userId }: MemberKey): string {
  return `${workspaceId.toHexString()}:${userId.toHexString()}`;
}
