import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ACTIONS_WHILE_ARCHIVED, type Role, type WorkspaceDetail } from '@coproduce/domain';
import { Model, Types } from 'mongoose';
import { NotFound } from '../../base/errors';
import { EventBus } from '../../base/event-bus';
import { AccessPolicy } from '../access/access-policy';
import { WorkspaceRoles } from '../access/workspace-roles';
import type { CreateWorkspaceDto } from './dto/create-workspace.dto';
import { MembershipsService } from './memberships.service';
import { Workspace, WorkspaceDocument } from './workspace.schema';
import { archivedField } from '../../base/archived-field';

@Injectable()
export class WorkspacesService {
  constructor(
    @InjectModel(Workspace.name) private readonly workspaces: Model<Workspace>,
    private readonly memberships: MembershipsService,
    private readonly roles: WorkspaceRoles,
    private readonly events: EventBus,
  ) {}

  async findById(workspaceId: Types.ObjectId): Promise<WorkspaceDocument> {
    const workspace = await this.workspaces.findById(workspaceId).exec();
    if (!workspace) throw new NotFound('that workspace');
    return workspace;
  }

  /** A new workspace with its creator as the first commissioner. */
  async create(creatorId: Types.ObjectId, request: CreateWorkspaceDto): Promise<WorkspaceDetail> {
    const workspace = await this.workspaces.create({
      name: request.name,
      serviceArea: request.serviceArea,
      leadOrganisation: request.leadOrganisation,
      partnerOrganisations: request.partnerOrganisations?.map((name) => name.trim()) ?? [],
    });
    try {
      await this.memberships.add(workspace._id, creatorId, 'commissioner');
    } catch (error) {
      // A workspace nobody can reach is worse than none.
      await this.workspaces.deleteOne({ _id: workspace._id }).exec();
      throw error;
    }
    return this.detailFor(workspace._id, 'commissioner');
  }

  /** New details for a workspace (all of them, as the form shows them). */
  async update(
    workspaceId: Types.ObjectId,
    request: CreateWorkspaceDto,
    role: Role,
  ): Promise<WorkspaceDetail> {
    await this.workspaces
      .updateOne(
        { _id: workspaceId },
        {
          $set: {
            name: request.name,
            serviceArea: request.serviceArea,
            leadOrganisation: request.leadOrganisation,
            partnerOrganisations: request.partnerOrganisations?.map((name) => name.trim()) ?? [],
          },
        },
      )
      .exec();
    return this.detailFor(workspaceId, role);
  }

  /**
   * Archives (`archived`) or restores a workspace: read-only for everyone in it, at once
   * (open editors included), and left out of the workspaces list until restored.
   */
  async setArchived(
    workspaceId: Types.ObjectId,
    archived: boolean,
    role: Role,
  ): Promise<WorkspaceDetail> {
    await this.workspaces
      .updateOne({ _id: workspaceId }, { $set: { archivedAt: archived ? new Date() : null } })
      .exec();
    await this.roles.setWorkspaceArchived(workspaceId, archived);
    this.events.publish('workspace.archived', { workspaceId: workspaceId.toHexString(), archived });
    return this.detailFor(workspaceId, role);
  }

  async detailFor(workspaceId: Types.ObjectId, role: Role): Promise<WorkspaceDetail> {
    const workspace = await this.findById(workspaceId);
    return {
      id: workspace.id as string,
      name: workspace.name,
      role,
      ...archivedField(workspace.archivedAt),
      serviceArea: workspace.serviceArea,
      leadOrganisation: workspace.leadOrganisation,
      partnerOrganisations: [...workspace.partnerOrganisations],
      // Read-only when archived: the client shows no control the server would refuse.
      permissions: AccessPolicy.allowedActions(role).filter(
        (action) => !workspace.archivedAt || ACTIONS_WHILE_ARCHIVED.includes(action),
      ),
    };
  }
}
