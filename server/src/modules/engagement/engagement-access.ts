import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { BadRequest, Forbidden, NotFound } from '../../base/errors';
import { parseObjectId } from '../../base/object-id.pipe';
import { AccessPolicy } from '../access/access-policy';
import type { WorkspaceCaller } from '../access/workspace-caller';
import { WorkspaceRoles } from '../access/workspace-roles';
import { SpecificationsService } from '../specifications/specifications.service';
import { EngagementEvent } from './engagement-event.schema';

/** How much of engagement a caller sees: all of it, or the market engagement they attended. */
export type EngagementSight = 'all' | 'own-market-engagement';

/**
 * Who may see and change which engagement: the team reads it all; a provider sees only
 * the market engagement events they took part in (and never feedback); the references a
 * request makes (its event, specifications, providers) must be this workspace's.
 */
@Injectable()
export class EngagementAccess {
  constructor(
    @InjectModel(EngagementEvent.name) private readonly events: Model<EngagementEvent>,
    private readonly roles: WorkspaceRoles,
    private readonly specifications: SpecificationsService,
  ) {}

  sightOf(caller: WorkspaceCaller): EngagementSight {
    if (AccessPolicy.can(caller.role, 'engagement.read')) return 'all';
    if (AccessPolicy.can(caller.role, 'engagement-round.take-part')) return 'own-market-engagement';
    throw new Forbidden('Your role in this workspace does not let you see its engagement.');
  }

  /** The filter for the events a caller may see. */
  visibleEvents(caller: WorkspaceCaller): Record<string, unknown> {
    return this.sightOf(caller) === 'all'
      ? { workspaceId: caller.workspaceId }
      : {
          workspaceId: caller.workspaceId,
          type: 'market-engagement',
          providerParticipants: caller.user._id,
        };
  }

  /** An event the caller may see; 404 for any other, as for an id that names nothing. */
  async findEvent(
    caller: WorkspaceCaller,
    eventId: Types.ObjectId,
  ): Promise<EngagementEvent & { _id: Types.ObjectId }> {
    const event = await this.events
      .findOne({ ...this.visibleEvents(caller), _id: eventId })
      .lean<EngagementEvent & { _id: Types.ObjectId }>()
      .exec();
    if (!event) throw new NotFound('that engagement event');
    return event;
  }

  /** The event a feedback item names in its body: 400 when it is not one of this workspace's. */
  async referencedEvent(caller: WorkspaceCaller, eventId: string): Promise<Types.ObjectId> {
    const id = parseObjectId(eventId)!;
    const found = await this.events.exists({ workspaceId: caller.workspaceId, _id: id }).exec();
    if (!found) {
      throw new BadRequest(
        'eventId names no engagement event in this workspace. Choose one of its events, or leave it out for feedback from another source.',
      );
    }
    return id;
  }

  specificationExists(caller: WorkspaceCaller, specificationId: Types.ObjectId): Promise<boolean> {
    return this.specifications.existsInWorkspace(caller.workspaceId, specificationId);
  }

  /** Specifications a body links to: each must be this workspace's. */
  async referencedSpecification(
    caller: WorkspaceCaller,
    specificationId: string,
  ): Promise<Types.ObjectId> {
    const id = parseObjectId(specificationId)!;
    if (!(await this.specifications.existsInWorkspace(caller.workspaceId, id))) {
      throw new BadRequest(
        `The link to specification ${specificationId} names no specification in this workspace.`,
      );
    }
    return id;
  }

  /** Providers named as taking part: each must be a member of the workspace with the provider role. */
  async providerParticipants(
    caller: WorkspaceCaller,
    userIds: readonly string[],
  ): Promise<Types.ObjectId[]> {
    const ids = [...new Set(userIds)].map((id) => parseObjectId(id)!);
    if (ids.length === 0) return [];
    const roles = await this.roles.rolesOf(caller.workspaceId, ids);
    for (const id of ids) {
      if (roles.get(id.toHexString()) !== 'provider') {
        throw new BadRequest(
          `The provider ${id.toHexString()} who took part is not a provider in this workspace. Name only members with the provider role.`,
        );
      }
    }
    return ids;
  }
}
